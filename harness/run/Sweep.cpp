#include "harness/run/Sweep.hpp"

#include "harness/Errors.hpp"
#include "harness/scenario/Loader.hpp"
#include "harness/run/Merge.hpp"
#include "harness/run/OutputDir.hpp"
#include "harness/run/Processes.hpp"
#include "harness/run/Runner.hpp"
#include "harness/run/Signals.hpp"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace linksim {

namespace fs = std::filesystem;

RunPlan plan_sweep(const SweepOptions& o)
{
  if (o.seeds == 0)
    throw UsageError("--seeds must be at least 1");
  if (o.jobs == 0)
    throw UsageError("--jobs must be at least 1");
  Scenario sc           = load_scenario(o.scenario); // validate once, before any process starts
  const uint64_t first  = o.first_seed.value_or(sc.seed);
  const std::string dir = o.out_dir.empty() ? "results/" + sc.name + "/sweep-" + std::to_string(first) + "-" +
                                                  std::to_string(o.seeds) + "-" + sc.file_sha256.substr(0, 8)
                                            : o.out_dir;
  RunPlan p;
  p.kind    = "sweep";
  p.dir     = fs::absolute(dir).lexically_normal().string();
  if (p.dir.size() > 1 && p.dir.back() == '/')
    p.dir.pop_back();
  p.linksim = o.self;
  p.version = linksim_version();
  const std::string scenario = fs::absolute(o.scenario).lexically_normal().string();
  p.header["scenario"] = {{"path", scenario}, {"name", sc.name}, {"file_sha256", sc.file_sha256}};
  p.header["seeds"]    = {{"first", first}, {"count", o.seeds}};
  p.header["options"]  = {{"exchanges_csv", o.exchanges_csv}};
  for (unsigned i = 0; i < o.seeds; ++i) {
    PlannedRun r;
    r.scenario = scenario;
    r.name     = sc.name;
    r.seed     = first + i;
    r.out      = "seed-" + std::to_string(r.seed);
    r.argv     = {o.self, "run", scenario, "--seed", std::to_string(r.seed), "--out", p.dir + "/" + r.out, "--quiet"};
    if (!o.exchanges_csv)
      r.argv.push_back("--no-exchanges-csv");
    p.runs.push_back(r);
  }
  return p;
}

namespace {

/// Creates the study's folder and removes every file of an earlier study in it that could pass
/// for one of this study's (summary, manifest, run folders).
void prepare_study_dir(const RunPlan& p)
{
  std::error_code ec;
  fs::create_directories(p.dir, ec);
  if (ec || !fs::is_directory(p.dir))
    throw UsageError("cannot create the output directory " + p.dir);
  for (const char* f : {"summary.json", MANIFEST_FILE, "array.sh"}) {
    fs::remove(p.dir + "/" + f, ec);
    if (ec)
      throw UsageError("cannot remove " + p.dir + "/" + f + " of an earlier sweep: " + ec.message());
  }
  for (const PlannedRun& r : p.runs) {
    fs::remove_all(run_dir(p, r), ec);
    if (ec)
      throw UsageError("cannot remove " + run_dir(p, r) + " of an earlier sweep: " + ec.message());
  }
}

int write_slurm_array(RunPlan& p, const SweepOptions& o)
{
  p.slurm = SlurmJob{};
  const std::string script = array_script(p, o.slurm_options); // before any file is touched: it may refuse the folder
  prepare_study_dir(p);
  write_file_atomic(p.dir, p.slurm->script, script);
  std::error_code ec; // executable for whoever runs it by hand; sbatch does not need it
  fs::permissions(p.dir + "/" + p.slurm->script, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add, ec);
  write_manifest(p);
  const std::string path = p.dir + "/" + p.slurm->script;
  if (!o.submit) {
    std::printf("linksim sweep · %s · %u seeds: job array written (not submitted)\n  script:   %s\n  manifest: %s/%s\n"
                "submit it with:\n  %s\nthen, when every task has finished:\n  linksim collect %s\n",
                p.runs.front().name.c_str(), o.seeds, path.c_str(), p.dir.c_str(), MANIFEST_FILE, sbatch_command(path).c_str(),
                shell_quote(p.dir).c_str());
    return EXIT_PASS;
  }
  p.slurm->job_id    = submit_array(path);
  p.slurm->submitted = true;
  write_manifest(p);
  if (o.quiet)
    std::printf("%s\n", p.slurm->job_id.c_str());
  else
    std::printf("linksim sweep · %s · %u seeds: submitted as Slurm job %s (array 0-%u)\n  manifest: %s/%s\n"
                "when every task has finished (squeue -j %s shows none):\n  linksim collect %s\n",
                p.runs.front().name.c_str(), o.seeds, p.slurm->job_id.c_str(), o.seeds - 1, p.dir.c_str(), MANIFEST_FILE,
                p.slurm->job_id.c_str(), shell_quote(p.dir).c_str());
  return EXIT_PASS;
}

} // namespace

int run_sweep(const SweepOptions& o)
{
  RunPlan p = plan_sweep(o);
  if (o.slurm)
    return write_slurm_array(p, o);

  prepare_study_dir(p);
  write_manifest(p);
  std::vector<std::vector<std::string>> commands;
  for (const PlannedRun& r : p.runs)
    commands.push_back(r.argv);
  std::vector<int> codes;
  unsigned done = 0;
  const int sig = run_processes(commands, o.jobs,
                                [&](size_t i, int code) {
                                  ++done;
                                  write_exit_code(run_dir(p, p.runs[i]), code);
                                  if (!o.quiet)
                                    std::fprintf(stderr, "[linksim sweep] seed %llu done (exit %d), %u/%u\n",
                                                 static_cast<unsigned long long>(p.runs[i].seed), code, done, o.seeds);
                                },
                                codes);
  if (sig) {
    std::fprintf(stderr, "\nlinksim sweep: %s: stopped the runs under way; no summary was written (exit %d)\n",
                 sig == SIGTERM ? "terminated (SIGTERM)" : "interrupted (SIGINT)", exit_code_for_signal(sig));
    return exit_code_for_signal(sig);
  }
  const std::string title = "linksim sweep · " + p.runs.front().name + " · " + std::to_string(o.seeds) + " seeds from " +
                            std::to_string(p.runs.front().seed) + " · " + std::to_string(o.jobs) + " at a time";
  return merge_sweep(p, o.quiet, title);
}

} // namespace linksim
