// A study's runs as one Slurm job array (design.md §7): DIR/array.sh runs task i = runs[i] of the
// plan, one `linksim run` per task, into the run's own folder, then records linksim's exit code
// there (Plan.hpp: EXIT_CODE_FILE). Example:
//
//   write_file_atomic(plan.dir, "array.sh", array_script(plan, {}));   // #SBATCH --array=0-(N-1)
//   const std::string id = submit_array(plan.dir + "/array.sh");      // sbatch --parsable
//
// Paths go into the script single-quoted (any character but NUL); in #SBATCH lines, which sbatch
// reads without a shell, they are double-quoted, so the study's folder may not hold `"`, `\`, `%`
// (a Slurm file-name pattern) or a newline.
#pragma once

#include "harness/run/Plan.hpp"

#include <string>

namespace linksim {

/// What sbatch is asked for, per task; empty strings and 0 are left to the cluster's defaults.
struct SlurmOptions {
  std::string partition;         ///< --partition
  std::string time;              ///< --time (e.g. "00:10:00")
  unsigned cpus_per_task = 0;    ///< --cpus-per-task
  std::string mem;               ///< --mem (e.g. "2G")
};

/// `s` as one bash word: single-quoted, `'` written as '\''.
std::string shell_quote(const std::string& s);
/// The job-array script for every run of `plan` (plan.dir must be absolute; every run needs its
/// argv). Throws UsageError if the folder cannot be named in an #SBATCH line or an option holds
/// a character sbatch would misread.
std::string array_script(const RunPlan& plan, const SlurmOptions& o);
/// The command that submits it, for the user to copy (quoted for a shell).
std::string sbatch_command(const std::string& script);
/// Runs `sbatch --parsable SCRIPT` (no shell) and returns the job id. Throws UsageError when
/// sbatch is not on PATH, cannot be started, fails or prints no job id.
std::string submit_array(const std::string& script);

} // namespace linksim
