// A study of many runs as plan → execute → merge. A command that runs many simulations (`sweep`,
// `compare`) first makes a RunPlan (every run: its scenario, seed, folder and the exact
// `linksim run` command), writes it as DIR/manifest.json, then either runs it here
// (run_processes) or writes a Slurm job array that runs it (SlurmScript.hpp); `linksim collect`
// or the local path merges the finished runs (Merge.hpp). Example:
//
//   RunPlan p = ...;                      // kind "sweep", runs seed-1, seed-2, ...
//   write_manifest(p);                    // DIR/manifest.json
//   RunPlan q = read_manifest(p.dir);     // the same plan, e.g. in `linksim collect DIR`
//
// A run is finished when its folder holds `exit_code` (one line: linksim's exit code, written
// after it returned, by the local sweep or by the array task); it is complete when it also holds
// result.json.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace linksim {

/// The manifest's file name in a study's folder.
inline constexpr const char* MANIFEST_FILE = "manifest.json";
/// The file a finished run leaves in its folder: linksim's exit code and a newline.
inline constexpr const char* EXIT_CODE_FILE = "exit_code";

/// One `linksim run` of a study.
struct PlannedRun {
  std::string scenario;          ///< the scenario file, absolute path
  std::string name;              ///< the scenario's `name`
  uint64_t seed = 0;             ///< its seed
  std::string out;               ///< its folder, relative to the study's folder ("seed-3")
  std::vector<std::string> argv; ///< the command: argv[0] the absolute path of linksim (may be empty when read)
};

/// Where a study was submitted to Slurm.
struct SlurmJob {
  std::string job_id;            ///< sbatch's job id (empty: not submitted)
  std::string script = "array.sh"; ///< the job-array script, relative to the study's folder
  bool submitted = false;        ///< sbatch accepted it
};

/// Every run of a study and what the merge needs to know.
struct RunPlan {
  std::string kind;              ///< "sweep" or "compare": which merge applies
  std::string dir;               ///< the study's folder (not stored in the manifest: it may move)
  std::string linksim;           ///< absolute path of the linksim that made and runs the plan
  std::string version;           ///< its version
  nlohmann::ordered_json header = nlohmann::ordered_json::object(); ///< kind-specific fields, kept verbatim
  std::vector<PlannedRun> runs;  ///< in order: Slurm array task i is runs[i]
  std::optional<SlurmJob> slurm; ///< set for a study written as a Slurm job array
};

/// `dir` as an absolute, normal path without a trailing '/': a plan's dir (array tasks start elsewhere).
std::string absolute_study_dir(const std::string& dir);
/// Appends the run of `scenario` (an absolute path; its `name`) with `seed` into plan.dir/out, its
/// argv `<plan.linksim> run SCENARIO --seed S --out <plan.dir>/OUT --quiet [--no-exchanges-csv]`.
void add_run(RunPlan& plan, const std::string& scenario, const std::string& name, uint64_t seed, const std::string& out,
             bool exchanges_csv);

/// The manifest's JSON: {"kind", "linksim": {"path", "version"}, <header fields>, "runs": [{"scenario",
/// "name", "seed", "out", "argv"}], "slurm": {"job_id", "script", "submitted"}}.
nlohmann::ordered_json manifest_json(const RunPlan& plan);
/// Reads a manifest's JSON; `file` names it in errors. Throws UsageError naming the file and the
/// missing or malformed field.
RunPlan plan_from_manifest(const nlohmann::ordered_json& j, const std::string& file);
/// Writes plan.dir/manifest.json atomically.
void write_manifest(const RunPlan& plan);
/// Reads dir/manifest.json (plan.dir = dir). Throws UsageError when it is absent or malformed.
RunPlan read_manifest(const std::string& dir);

/// A run's folder: dir/out.
std::string run_dir(const RunPlan& plan, const PlannedRun& run);
/// The result.json in a run's folder, or null if there is none (the run did not complete).
/// Throws UsageError naming the file if it is not valid JSON.
nlohmann::ordered_json read_run_result(const std::string& run_folder);
/// The exit code recorded in a run's folder, if it finished. Throws UsageError on a malformed file.
std::optional<int> read_exit_code(const std::string& run_folder);
/// Records a finished run's exit code in its folder (creating the folder if the run did not).
void write_exit_code(const std::string& run_folder, int code);

} // namespace linksim
