// `linksim compare BASE VARIANT...`: the base and each variant on the same seeds, one process per
// run, then the paired comparison (harness/run/CompareRun.hpp, harness/run/Compare.hpp).
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/CompareRun.hpp"

#include <cmath>

namespace linksim::cli {

std::string compare_rules()
{
  std::string classes;
  for (const std::string& c : correctness_failure_classes()) // from OUTCOMES, never spelt here
    classes += (classes.empty() ? "" : ", ") + c;
  return "Statuses (per check, and per entity: agency as requester and as provider,\n"
    "procedure, item, workload line): an entity is failing on one side when at least\n"
    "one of its seeds counts at least one exchange of a correctness-failure class\n"
    "(" + classes + ");\n"
    "a check is failing when its verdict is `fail` in at least one seed.\n"
    "newly_failing: variant only; fixed: base only; still_failing: both;\n"
    "unchanged: neither (counted, not listed).\n"
    "compare.json: base, seeds, max_new_failures, correctness_failure_classes,\n"
    "variants[]: {name, pairs, missing, gate {passed, checks_regressed,\n"
    "correctness_failures, failures_grew}, checks {summary, changed, unchanged},\n"
    "entities {by_*: {summary, changed}}, outcome_deltas {total, by_*},\n"
    "latency_deltas, revisions and newly_missing_go_live (when results have\n"
    "`revisions`), verification (when results have `verification`: the inter-agency\n"
    "test queue, who misses go-live on each side, newly and no longer missing)},\n"
    "missing_results, runs, exit_code. Deltas: mean over paired seeds\n"
    "of (variant - base) with a 95 % Student-t interval (null with one pair).\n\n"
    "Exit code of compare and diff: 70 if a run crashed (exit 70, killed, or no\n"
    "result.json); else 1 if a variant makes a check fail that passed in the base in\n"
    "the same seed, or the mean over seeds of (variant - base) correctness failures\n"
    "exceeds --max-new-failures; else 0. A run's own exit 1/2/3/5 does not by itself\n"
    "fail a compare. 4: usage or scenario error (every scenario is validated first).\n";
}

double threshold_option(const po::variables_map& vm)
{
  if (!vm.count("max-new-failures"))
    return 0;
  const std::string s = vm["max-new-failures"].as<std::string>();
  char* end           = nullptr;
  const double v      = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !std::isfinite(v) || v < 0)
    throw UsageError("--max-new-failures \"" + s + "\": expected a number >= 0");
  return v;
}

int compare_command(const std::vector<std::string>& args, const char* argv0)
{
  po::options_description d(std::string("linksim compare BASE VARIANT... [options]\n"
                                        "linksim compare BASE VARIANT... --seeds N --slurm DIR [--submit] [Slurm options]\n\n"
                                        "Runs BASE and each VARIANT scenario on the same seeds (seed s of the base\n"
                                        "pairs with seed s of each variant), one `linksim run` process per run, J at\n"
                                        "a time, into DIR/<scenario name>/seed-<s>/ (each run's exit code in its\n"
                                        "exit_code file); then writes DIR/compare.json, DIR/compare.html and\n"
                                        "DIR/junit.xml. Every compare writes DIR/manifest.json first (the runs, their\n"
                                        "commands, the seeds and --max-new-failures). Ctrl-C (SIGINT) or SIGTERM\n"
                                        "stops the runs under way and exits 130 or 143 without compare.json.\n\n"
                                        "With --slurm DIR nothing runs here: DIR/array.sh is a Slurm job array, task i\n"
                                        "running the manifest's runs[i] (the base's seeds, then each variant's);\n"
                                        "--submit also runs `sbatch --parsable` on it and records the job id. When\n"
                                        "the tasks have finished, `linksim collect DIR` writes the same compare.json,\n"
                                        "compare.html and junit.xml as a local compare.\n\n") +
                            compare_rules() + "\nOptions");
  d.add_options()("help,h", "show this help")("seeds", po::value<std::string>()->default_value("1"), "seeds per scenario, 1 to 100000")(
      "seed", po::value<std::string>(), "first seed (default: the base scenario's `seed`)")(
      "jobs,j", po::value<std::string>()->default_value("1"), "processes at a time, 1 to 1024 (not with --slurm)")(
      "out", po::value<std::string>(), "output directory (default: results/compare-<base name>-<first>-<n>)")(
      "max-new-failures", po::value<std::string>(),
      "threshold on the mean new correctness failures per seed (default 0; recorded in the manifest for collect)")(
      "quiet,q", "no progress and no summary (with --submit: prints only the job id)")(
      "no-exchanges-csv", "runs do not write exchanges.csv");
  add_slurm_options(d);
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "compare", d, vm, files))
    return EXIT_PASS;
  if (files.size() < 2)
    throw UsageError("compare needs a BASE scenario and at least one VARIANT (see linksim compare --help)");
  CompareRunOptions o;
  o.base     = files.front();
  o.variants = std::vector<std::string>(files.begin() + 1, files.end());
  o.self     = self_path(argv0);
  o.seeds    = static_cast<unsigned>(unsigned_option(vm, "seeds", 1, 100000));
  o.jobs     = static_cast<unsigned>(unsigned_option(vm, "jobs", 1, 1024));
  if (vm.count("seed"))
    o.first_seed = unsigned_option(vm, "seed", 0, UINT64_MAX - o.seeds);
  if (vm.count("out"))
    o.out_dir = vm["out"].as<std::string>();
  o.quiet                    = vm.count("quiet") > 0;
  o.exchanges_csv            = vm.count("no-exchanges-csv") == 0;
  o.compare.max_new_failures = threshold_option(vm);
  const SlurmChoice slurm    = slurm_choice(vm);
  o.slurm                    = slurm.slurm;
  o.submit                   = slurm.submit;
  o.slurm_options            = slurm.options;
  if (slurm.slurm)
    o.out_dir = slurm.dir;
  return run_compare(o);
}

} // namespace linksim::cli
