// A compare as a study (Plan.hpp): its plan (a RunPlan of kind "compare"), the compare's fields of
// manifest.json, and its merge over the run folders into compare.json, compare.html and junit.xml
// (harness/run/Compare.hpp does the pure merge). The same merge runs after a local `linksim
// compare` and in `linksim collect DIR` after a Slurm job array, so both give the same verdicts.
//
//   CompareSpec s{"/s/base.json", {"/s/v.json"}, {"base", "v"}, 1, 5};
//   RunPlan p = plan_compare(s, "/scratch/cmp", "/usr/bin/linksim", "0.1.0");
//   p.runs[6].out                                   // "v/seed-2": base seeds first, then each variant's
//   int code = merge_compare(read_manifest(p.dir), std::nullopt, false);   // after every run finished
//
// Manifest (beside the generic fields of manifest_json): "base" (path), "variants" [paths],
// "seeds" {first, count}, "max_new_failures", "options" {exchanges_csv}; runs[k * count + i] is
// scenario k (0: the base) with seed first + i, out "<name>/seed-<seed>".
#pragma once

#include "harness/run/Compare.hpp"
#include "harness/run/Plan.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace linksim {

/// The files a compare's merge writes into its folder.
inline const std::vector<std::string> COMPARE_OUTPUTS = {"compare.json", "compare.html", "junit.xml"};

/// What a compare is: its scenarios, seeds and threshold (the kind's fields of the manifest).
struct CompareSpec {
  std::string base;                  ///< the base scenario file
  std::vector<std::string> variants; ///< each variant's file
  std::vector<std::string> names;    ///< [0] the base's name, then each variant's: their folders
  uint64_t first_seed = 1;
  unsigned seeds      = 1;
  double max_new_failures = 0;       ///< the gate's threshold (CompareOptions)
  bool exchanges_csv      = true;    ///< the runs write exchanges.csv
};

/// The plan of `s` in `dir` (absolute), run by `linksim` (absolute path) of `version`: scenario
/// paths made absolute, every run with its argv. Throws UsageError if two names are the same or a
/// name cannot name a folder.
RunPlan plan_compare(const CompareSpec& s, const std::string& dir, const std::string& linksim, const std::string& version);
/// The spec of a compare's plan (read from its manifest). Throws UsageError naming the manifest and
/// the field when the header is malformed or the runs are not every scenario's seeds in order.
CompareSpec compare_spec(const RunPlan& plan);

/// The compare's merge: each run's exit_code and result.json (a run is read only once it has
/// finished; a finished run without result.json crashed) → plan.dir/compare.json, compare.html
/// and junit.xml, `runs` listing each run's folder, seed, exit code (null: not finished). The
/// threshold is the manifest's unless `max_new_failures` overrides it. Prints the summary unless
/// `quiet`. Returns the exit code (compare_exit_code).
int merge_compare(const RunPlan& plan, std::optional<double> max_new_failures, bool quiet);

/// Writes dir/compare.json, compare.html and junit.xml (each atomically; dir created).
void write_compare_outputs(const std::string& dir, const ojson& compare);
/// The one-screen summary of a compare.json on stdout.
void print_compare_summary(const ojson& compare, const std::string& dir);

} // namespace linksim
