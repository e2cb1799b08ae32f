// `linksim sweep SCENARIO --seeds N`: replications, one process each, here or as a Slurm job array.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/Sweep.hpp"

namespace linksim::cli {

int sweep_command(const std::vector<std::string>& args, const char* argv0)
{
  po::options_description d("linksim sweep SCENARIO --seeds N [options]\n"
                            "linksim sweep SCENARIO --seeds N --slurm DIR [--submit] [Slurm options]\n\n"
                            "Runs N replications (seeds FIRST, FIRST+1, ...) as separate processes, J at\n"
                            "a time, into DIR/seed-<s>/, then writes DIR/summary.json with the mean and\n"
                            "95 % confidence interval (Student t) of each headline figure. Exit code: the\n"
                            "worst of the runs'. Ctrl-C (SIGINT) or SIGTERM stops the runs under way,\n"
                            "waits for them, and exits 130 or 143 without a summary. Every sweep writes\n"
                            "DIR/manifest.json (the runs, their commands, linksim's path and version) and\n"
                            "each run's exit code in DIR/seed-<s>/exit_code.\n\n"
                            "With --slurm DIR nothing runs here: DIR/array.sh is a Slurm job array\n"
                            "(sbatch --array=0-(N-1)), task i running the manifest's runs[i] with this\n"
                            "linksim binary; --submit also runs `sbatch --parsable` on it and records the\n"
                            "job id in the manifest. When the tasks have finished, `linksim collect DIR`\n"
                            "writes the same summary.json as a local sweep.\n\nOptions");
  d.add_options()("help,h", "show this help")("seeds", po::value<std::string>(), "number of replications, 1 to 100000 (required)")(
      "jobs,j", po::value<std::string>()->default_value("1"), "processes at a time, 1 to 1024 (not with --slurm)")(
      "seed", po::value<std::string>(), "first seed (default: the scenario's `seed`)")(
      "out", po::value<std::string>(), "output directory (default: results/<scenario>/sweep-<first>-<n>-<sha8>)")(
      "quiet,q", "no progress and no summary (with --submit: prints only the job id)")(
      "no-exchanges-csv", "runs do not write exchanges.csv");
  add_slurm_options(d);
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "sweep", d, vm, files))
    return EXIT_PASS;
  if (files.size() != 1)
    throw UsageError("sweep takes exactly one SCENARIO file (see linksim sweep --help)");
  if (!vm.count("seeds"))
    throw UsageError("sweep needs --seeds N");
  SweepOptions o;
  o.scenario = files.front();
  o.self     = self_path(argv0);
  o.seeds    = static_cast<unsigned>(unsigned_option(vm, "seeds", 1, 100000));
  o.jobs     = static_cast<unsigned>(unsigned_option(vm, "jobs", 1, 1024));
  if (vm.count("seed"))
    o.first_seed = unsigned_option(vm, "seed", 0, UINT64_MAX - o.seeds);
  if (vm.count("out"))
    o.out_dir = vm["out"].as<std::string>();
  o.quiet         = vm.count("quiet") > 0;
  o.exchanges_csv = vm.count("no-exchanges-csv") == 0;
  const SlurmChoice slurm = slurm_choice(vm);
  o.slurm                 = slurm.slurm;
  o.submit                = slurm.submit;
  o.slurm_options         = slurm.options;
  if (slurm.slurm)
    o.out_dir = slurm.dir;
  return run_sweep(o);
}

} // namespace linksim::cli
