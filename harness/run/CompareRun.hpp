// The commands of a compare: `linksim compare` (validate every scenario, plan, then run the plan
// here or write it as a Slurm job array) and `linksim diff` over existing folders. The plan, its
// manifest and the merge over run folders are harness/run/ComparePlan.hpp (also used by `linksim
// collect`); the merge itself is harness/run/Compare.hpp (pure).
//
//   CompareRunOptions o;  o.base = "a.json";  o.variants = {"b.json"};  o.self = "/usr/bin/linksim";
//   int code = run_compare(o);            // results/compare-<a's name>-<seed>-1/compare.json
#pragma once

#include "harness/run/ComparePlan.hpp"
#include "harness/run/SlurmScript.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace linksim {

/// The results of a folder: a run folder (result.json: one entry, key nullopt) or a folder of
/// seed-<s>/ folders (one entry per seed; null where a run left no result.json). Throws UsageError.
std::map<std::optional<uint64_t>, ojson> read_result_folder(const std::string& dir);

struct CompareRunOptions {
  std::string base;
  std::vector<std::string> variants;
  std::string self;                    ///< path of the linksim executable
  unsigned seeds = 1;
  unsigned jobs  = 1;
  std::optional<uint64_t> first_seed;  ///< default: the base scenario's seed
  std::string out_dir;                 ///< default: results/compare-<base name>-<first>-<n>
  bool quiet         = false;
  bool exchanges_csv = true;
  CompareOptions compare;              ///< recorded in the manifest (max_new_failures)
  bool slurm  = false;                 ///< write a Slurm job array into out_dir instead of running
  bool submit = false;                 ///< with `slurm`: run sbatch on it
  SlurmOptions slurm_options;          ///< with `slurm`: per-task resources
};

/// `linksim compare`: validates every scenario, plans (plan_compare), writes the manifest, then
/// either runs the plan here (one process per run, J at a time, each run's exit_code recorded;
/// SIGINT/SIGTERM as sweep: 130/143, no compare.json) and merges it (merge_compare), or writes
/// (and with `submit` submits) its job array for `linksim collect`.
int run_compare(const CompareRunOptions& o);

/// `linksim diff A B`: pairs A's and B's results by seed when both are seed folders (the seeds of
/// both), else one pair; writes the compare outputs into `out_dir`; returns the exit code.
int run_diff(const std::string& a, const std::string& b, const std::string& out_dir, const CompareOptions& o, bool quiet);

} // namespace linksim
