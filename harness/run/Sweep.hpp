// `linksim sweep`: N replications of a scenario with consecutive seeds, as plan → execute → merge
// (Plan.hpp): the plan (one `linksim run` per seed, into DIR/seed-<s>/) is written as
// DIR/manifest.json; then either the runs go here, J processes at a time, and DIR/summary.json
// is merged from them (mean and 95 % confidence interval of each headline figure), or they are
// written as a Slurm job array (DIR/array.sh, optionally submitted) for `linksim collect DIR`.
#pragma once

#include "harness/run/Plan.hpp"
#include "harness/run/SlurmScript.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace linksim {

struct SweepOptions {
  std::string scenario;
  std::string self;              ///< path of the linksim executable (argv[0] resolved)
  unsigned seeds = 1;
  unsigned jobs  = 1;
  std::optional<uint64_t> first_seed;
  std::string out_dir;           ///< empty: results/<scenario>/sweep-<first>-<n>-<sha8>
  bool quiet = false;
  bool exchanges_csv = true;
  bool slurm = false;            ///< write a Slurm job array instead of running
  bool submit = false;           ///< with `slurm`: run sbatch on it
  SlurmOptions slurm_options;    ///< with `slurm`: per-task resources
};

/// Validates the scenario and plans the sweep (kind "sweep"; plan.dir absolute). Throws
/// ScenarioError / UsageError.
RunPlan plan_sweep(const SweepOptions& o);

/// Runs the sweep (or writes and submits its job array) and returns the exit code.
int run_sweep(const SweepOptions& o);

} // namespace linksim
