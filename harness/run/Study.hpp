// What every study (`sweep`, `compare`) does alike with its plan (Plan.hpp) between planning and
// merging: prepare its folder, then either run the plan here (one process per run, J at a time,
// each run's exit_code recorded as an array task would) or write it as a Slurm job array
// (SlurmScript.hpp) and optionally submit it. Example:
//
//   prepare_study_dir(plan, {"summary.json"});       // no earlier study's file may pass for this one's
//   write_manifest(plan);
//   if (int stopped = run_plan_here(plan, 2, false, "sweep", "no summary was written")) return stopped;
//   return merge_sweep(plan, false, title);
#pragma once

#include "harness/run/Plan.hpp"
#include "harness/run/SlurmScript.hpp"

#include <string>
#include <vector>

namespace linksim {

/// Creates plan.dir and removes what an earlier study left there that could pass for this one's:
/// `outputs` (the kind's merged files), the manifest, the job-array script and every run's folder.
/// Throws UsageError.
void prepare_study_dir(const RunPlan& plan, const std::vector<std::string>& outputs);

/// Runs every run's argv here, `jobs` at a time, writing each run's exit_code as it ends (progress
/// on stderr as "[linksim COMMAND] NAME seed S done (exit E), i/n" unless `quiet`). Returns 0, or
/// 130/143 after SIGINT/SIGTERM stopped the runs under way (with a message on stderr ending in
/// `not_written`, e.g. "no summary was written").
int run_plan_here(const RunPlan& plan, unsigned jobs, bool quiet, const std::string& command, const std::string& not_written);

/// What writing a study as a job array needs besides the plan.
struct JobArrayOptions {
  SlurmOptions slurm;              ///< per-task resources
  bool submit = false;             ///< run sbatch --parsable on the script
  bool quiet  = false;             ///< with `submit`: print only the job id
  std::string label;               ///< the first words of the message, e.g. "linksim sweep · quickstart · 3 seeds"
  std::vector<std::string> outputs; ///< the kind's merged files (removed by prepare_study_dir)
};

/// Writes plan.dir/array.sh and the manifest (plan.slurm set), nothing run here; with `submit`,
/// submits the array and records the job id in the manifest. Prints what to do next. Returns 0;
/// throws UsageError (a folder or option the script cannot carry: before any file is touched; a
/// failed submission: after the script and manifest are written).
int write_job_array(RunPlan& plan, const JobArrayOptions& o);

} // namespace linksim
