// Running and collecting a compare: the plan (which runs, into which folders), its manifest, the
// local runner (`linksim compare`), the collector of finished run folders (`compare`, later
// `collect` after a cluster job array) and `linksim diff` over existing folders. The merge itself
// is harness/run/Compare.hpp (pure).
//
//   ComparePlan p = make_compare_plan({"base.json", "v.json"}, {"base", "v"}, 1, 5);
//   p.runs[6].out                                   // "v/seed-2"
//   int code = collect_compare(dir, CompareOptions{}); // reads dir/manifest.json and the runs
#pragma once

#include "harness/run/Compare.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace linksim {

/// One run of a compare plan.
struct PlannedRun {
  std::string scenario; ///< path of the scenario file
  std::string name;     ///< the scenario's name (its folder in the plan)
  uint64_t seed = 0;
  std::string out;      ///< the run's folder, relative to the plan's folder: <name>/seed-<s>
};

/// A compare: the base, the variants and the seeds; runs scenario by scenario (base first), seed by seed.
struct ComparePlan {
  std::string base;
  std::vector<std::string> variants;
  std::vector<std::string> names; ///< [0] the base's, then each variant's
  uint64_t first_seed = 1;
  unsigned seeds      = 1;
  std::vector<PlannedRun> runs;
};

/// The plan for `paths` (base first) named `names`; throws UsageError if two names are the same
/// (their folders would be).
ComparePlan make_compare_plan(const std::vector<std::string>& paths, const std::vector<std::string>& names,
                              uint64_t first_seed, unsigned seeds);
/// manifest.json: {kind, base, variants, seeds: {first, count}, runs: [{scenario, name, seed, out}]}.
ojson plan_manifest(const ComparePlan& p);
/// The plan of a manifest.json; throws UsageError naming what is wrong.
ComparePlan plan_from_manifest(const ojson& manifest);

/// Reads dir/manifest.json and each run's result.json (a run without one crashed), merges them
/// (compare_results), adds `runs` (with `exit_codes` by index into plan.runs when known), writes
/// compare.json, compare.html and junit.xml into dir, and returns the exit code (compare_exit_code).
int collect_compare(const std::string& dir, const CompareOptions& o, const std::vector<int>& exit_codes = {});

/// Writes dir/compare.json, compare.html and junit.xml (each atomically).
void write_compare_outputs(const std::string& dir, const ojson& compare);

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
  CompareOptions compare;
};

/// `linksim compare`: validates every scenario, writes the manifest, runs the plan (one process
/// per run, J at a time; SIGINT/SIGTERM as sweep: 130/143, no compare.json), then collect_compare.
int run_compare(const CompareRunOptions& o);

/// `linksim diff A B`: pairs A's and B's results by seed when both are seed folders (the seeds of
/// both), else one pair; writes the compare outputs into `out_dir`; returns the exit code.
int run_diff(const std::string& a, const std::string& b, const std::string& out_dir, const CompareOptions& o, bool quiet);

} // namespace linksim
