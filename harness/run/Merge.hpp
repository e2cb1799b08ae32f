// The merge step of a study (Plan.hpp): the finished runs' result.json and exit_code files into
// one summary, the same whether the runs ran here (`linksim sweep`) or under Slurm (`linksim
// collect DIR`). Example:
//
//   const int code = collect({"/scratch/study", false, false, {}});  // reads manifest.json, dispatches on kind
//
// collect() merges a sweep itself; a kind whose merge lives above this engine-free library (a
// compare: merge_compare in harness/run/ComparePlan.hpp, library linksim_compare) is passed in
// CollectOptions::merges by the caller that sees both (harness/cli/CollectCommand.cpp).
#pragma once

#include "harness/run/Plan.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace linksim {

/// The file a sweep's merge writes into its folder.
inline constexpr const char* SUMMARY_FILE = "summary.json";

/// The worse of two exit codes when runs are merged: 70 (and signals) > 4 > 1 > 2 > 3 > 5 > 0.
int worse_exit(int a, int b);

/// The runs of `plan` that have not finished (no exit_code in their folder), as their `out`.
std::vector<std::string> unfinished_runs(const RunPlan& plan);

/// Writes plan.dir/summary.json of a sweep (kind "sweep": header "scenario" {name, file_sha256}
/// and "seeds" {first, count}) from its runs' folders: a run without exit_code counts as not run
/// (exit_code null, result null). Prints the headline figures under `title` unless `quiet`.
/// Returns the worst exit code of the runs (3, inconclusive, for a run that did not finish).
int merge_sweep(const RunPlan& plan, bool quiet, const std::string& title);

/// A kind's merge over a study's folder (the plan read from its manifest); returns the exit code.
using MergeFunction = std::function<int(const RunPlan& plan)>;

struct CollectOptions {
  std::string dir;               ///< the study's folder (holds manifest.json)
  bool partial = false;          ///< merge even if some runs have not finished
  bool quiet   = false;          ///< no summary on stdout
  std::map<std::string, MergeFunction> merges; ///< merges of kinds other than "sweep", by kind ("compare")
};

/// `linksim collect`: reads dir/manifest.json, checks every run finished (else names them and
/// returns 3 without merging, unless `partial`), then merges by the manifest's kind: "sweep" with
/// merge_sweep, another kind with o.merges[kind]. Throws UsageError for a kind with no merge.
int collect(const CollectOptions& o);

} // namespace linksim
