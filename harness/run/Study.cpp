#include "harness/run/Study.hpp"

#include "harness/Errors.hpp"
#include "harness/run/OutputDir.hpp"
#include "harness/run/Processes.hpp"

#include <csignal>
#include <cstdio>
#include <filesystem>

namespace linksim {

namespace fs = std::filesystem;

void prepare_study_dir(const RunPlan& p, const std::vector<std::string>& outputs)
{
  std::error_code ec;
  fs::create_directories(p.dir, ec);
  if (ec || !fs::is_directory(p.dir))
    throw UsageError("cannot create the output directory " + p.dir);
  std::vector<std::string> files = outputs;
  files.push_back(MANIFEST_FILE);
  files.push_back(SlurmJob{}.script);
  for (const std::string& f : files) {
    fs::remove(p.dir + "/" + f, ec);
    if (ec)
      throw UsageError("cannot remove " + p.dir + "/" + f + " of an earlier " + p.kind + ": " + ec.message());
  }
  for (const PlannedRun& r : p.runs) {
    fs::remove_all(run_dir(p, r), ec);
    if (ec)
      throw UsageError("cannot remove " + run_dir(p, r) + " of an earlier " + p.kind + ": " + ec.message());
  }
}

int run_plan_here(const RunPlan& p, unsigned jobs, bool quiet, const std::string& command, const std::string& not_written)
{
  std::vector<std::vector<std::string>> commands;
  for (const PlannedRun& r : p.runs)
    commands.push_back(r.argv);
  std::vector<int> codes;
  size_t done   = 0;
  const int sig = run_processes(commands, jobs,
                                [&](size_t i, int code) {
                                  ++done;
                                  write_exit_code(run_dir(p, p.runs[i]), code);
                                  if (!quiet)
                                    std::fprintf(stderr, "[linksim %s] %s seed %llu done (exit %d), %zu/%zu\n", command.c_str(),
                                                 p.runs[i].name.c_str(), static_cast<unsigned long long>(p.runs[i].seed), code,
                                                 done, p.runs.size());
                                },
                                codes);
  if (!sig)
    return 0;
  const int code = sig == SIGTERM ? EXIT_SIGTERM : EXIT_SIGINT;
  std::fprintf(stderr, "\nlinksim %s: %s: stopped the runs under way; %s (exit %d)\n", command.c_str(),
               sig == SIGTERM ? "terminated (SIGTERM)" : "interrupted (SIGINT)", not_written.c_str(), code);
  return code;
}

int write_job_array(RunPlan& p, const JobArrayOptions& o)
{
  p.slurm                  = SlurmJob{};
  const std::string script = array_script(p, o.slurm); // before any file is touched: it may refuse the folder
  prepare_study_dir(p, o.outputs);
  write_file_atomic(p.dir, p.slurm->script, script);
  std::error_code ec; // executable for whoever runs it by hand; sbatch does not need it
  fs::permissions(p.dir + "/" + p.slurm->script, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add, ec);
  write_manifest(p);
  const std::string path = p.dir + "/" + p.slurm->script;
  if (!o.submit) {
    std::printf("%s: job array of %zu runs written (not submitted)\n  script:   %s\n  manifest: %s/%s\n"
                "submit it with:\n  %s\nthen, when every task has finished:\n  linksim collect %s\n",
                o.label.c_str(), p.runs.size(), path.c_str(), p.dir.c_str(), MANIFEST_FILE, sbatch_command(path).c_str(),
                shell_quote(p.dir).c_str());
    return EXIT_PASS;
  }
  p.slurm->job_id    = submit_array(path);
  p.slurm->submitted = true;
  write_manifest(p);
  if (o.quiet)
    std::printf("%s\n", p.slurm->job_id.c_str());
  else
    std::printf("%s: submitted as Slurm job %s (array 0-%zu)\n  manifest: %s/%s\n"
                "when every task has finished (squeue -j %s shows none):\n  linksim collect %s\n",
                o.label.c_str(), p.slurm->job_id.c_str(), p.runs.size() - 1, p.dir.c_str(), MANIFEST_FILE,
                p.slurm->job_id.c_str(), shell_quote(p.dir).c_str());
  return EXIT_PASS;
}

} // namespace linksim
