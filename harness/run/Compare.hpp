// `linksim compare` and `linksim diff`: the merge of a base scenario's results with its variants'
// results, seed by seed (issue 7, point 5). A pure function over parsed result.json objects: no
// engine, no files; `compare` runs the plan then calls it, `diff` reads finished folders then calls
// it, and so does `collect` (harness/run/ComparePlan.hpp: merge_compare).
//
//   ojson c = compare_results({base_s1, base_s2}, {{"late-tax", {var_s1, var_s2}}}, CompareOptions{});
//   c["variants"][0]["gate"]["passed"]   // false when a check regressed or failures grew
//   compare_exit_code(c)                 // 0, 1 or 70
//
// Definitions (README.md "Comparing scenarios"):
// - an entity (an agency as requester or provider, a procedure, an item, a workload line: the
//   `by_*` breakdowns under result.json's /outcomes) is *failing* on one side when at least one of
//   that side's seeds counts at least one exchange of a correctness-failure class for it (the
//   classes where is_correctness_failure() holds); a check is failing when its verdict is `fail`
//   in at least one seed. Status: newly_failing (variant only), fixed (base only), still_failing
//   (both), unchanged (neither).
// - a check *regressed* when, in the same seed, its verdict is `pass` in the base and `fail` in the
//   variant.
// - deltas are means over the paired seeds of (variant - base), with a 95 % Student-t interval.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace linksim {

using ojson = nlohmann::ordered_json;

struct CompareOptions {
  /// Gate: the mean over paired seeds of (variant - base) total correctness failures may be at most this.
  double max_new_failures = 0;
};

/// Merges results seed by seed: `base_by_seed[i]` pairs with each variant's `[i]` (a null entry:
/// that run left no result.json). Variants are (name, results). Returns compare.json.
ojson compare_results(const std::vector<ojson>& base_by_seed,
                      const std::vector<std::pair<std::string, std::vector<ojson>>>& variants, const CompareOptions& o);

/// The exit code of a compare: 70 if a run crashed (a missing result, or a run listed in
/// `runs` with exit 70); else 1 if a variant's gate failed (a check regressed in a seed, or the
/// mean new correctness failures exceed the threshold); else 0. Runs' own exits 1/2/3/5 do not count.
int compare_exit_code(const ojson& compare);

/// The verdict parts of a compare.json (per variant: gate, checks, entities, newly missing
/// go-live): what `diff` must reproduce from the same results.
ojson compare_verdicts(const ojson& compare);

/// The outcome classes that are correctness failures, by name (from OUTCOMES).
const std::vector<std::string>& correctness_failure_classes();

/// The "misses go-live" table of result.json's `revisions` sections (absent: null). Per revision
/// and agency (union of both sides): go_live, misses_go_live per side (any seed, and in how many
/// seeds), why (union), and per first_correct key the first pair's values and the seeds where it
/// j[key], or a null value when j is not an object or has no such key (results of other versions).
const ojson& json_member(const ojson& j, const std::string& key);
/// The first seed where both sides left a result (the pair whose values compare tables show);
/// base.size() when there is none.
size_t first_pair_index(const std::vector<ojson>& base, const std::vector<ojson>& variant);
/// is null (never). `newly_missing` receives the agencies missing go-live in the variant only.
ojson revisions_table(const std::vector<ojson>& base, const std::vector<ojson>& variant, std::vector<std::string>& newly_missing);

/// The "test queue" table of result.json's `verification` sections (absent: null): per agency
/// that takes the inter-agency test, whether it completes before go-live on each side (any seed,
/// and in how many), the first pair's slot, wait and completion report; the agencies missing
/// go-live on each side, newly missing (variant only) and no longer missing (base only).
ojson verification_table(const std::vector<ojson>& base, const std::vector<ojson>& variant);

/// compare.html: self-contained (inline CSS, no scripts, no network); every string escaped.
std::string compare_html(const ojson& compare);
/// junit.xml: per variant a <testsuite>; a testcase per check (fails when it regressed) and one
/// "correctness failures do not grow" with the delta and the threshold.
std::string compare_junit(const ojson& compare);

} // namespace linksim
