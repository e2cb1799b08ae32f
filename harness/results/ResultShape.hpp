// The shape of result.json's metrics: the one list of JSON pointers a check (`expect`) may name.
// The collectors write their sections with these names, the loader validates `expect` against
// them, `linksim sweep` summarises the ones marked headline, and `linksim reference` prints them
// for the docs.
//
//   metric_problem("/outcomes/by_provider/a-city-05/stale", sc)   // "": a metric of this scenario
//   default_check_kind("/latency/end_to_end/p95_ms")              // CheckKind::LATENCY
#pragma once

#include "sim/scenario/Scenario.hpp"
#include "sim/trace/Oracle.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace linksim {

/// A metric pointer pattern; `<name>` is a slot (its values: slot_values).
struct MetricPattern {
  const char* form;
  CheckKind kind; ///< the kind a check on it gets by default
  bool headline;  ///< summarised by `linksim sweep`
  const char* help;
};

/// Every metric pattern, section by section.
const std::vector<MetricPattern>& metric_patterns();

// The names the collectors write (one list each, used by the patterns' slots too).
/// Counts in every outcome object besides the classes (OUTCOMES).
extern const std::vector<std::string> COUNT_EXTRAS;   ///< all, provided, lagging, manual
/// Outcome breakdowns: by_procedure, by_requester, by_provider, by_item, by_workload.
extern const std::vector<std::string> BREAKDOWNS;
/// Latency series besides the hops: end_to_end, end_to_end_immediate, end_to_end_batch, hub_queue_wait.
extern const std::vector<std::string> LATENCY_SERIES;
/// Statistics of a latency series: count, mean_ms, p50_ms, p90_ms, p95_ms, p99_ms, max_ms.
extern const std::vector<std::string> LATENCY_STATS;
/// Provision-record counters: requester, provider, hub, nondisclosure, inconsistent.
extern const std::vector<std::string> RECORD_FIELDS;
/// Per-site server metrics: messages, utilisation, mean_wait_ms, max_wait_ms.
extern const std::vector<std::string> SERVER_FIELDS;
/// Workload arrivals that found no person to ask about (/outcomes/skipped, and per workload line).
extern const std::string SKIPPED;
/// Counters of one link or host fault (/faults/<id>/<name>), in FaultsCollector::Count order.
extern const std::vector<std::string> FAULT_COUNTS;
/// issue 9: an identity inject's counts (/identity_injects/<id>/<name>): exchanges, affected,
/// affected_before_at, holders_hit, holders_failed.
extern const std::vector<std::string> INJECT_COUNTS;
// annual notification drill (訓練, /drills/<id>)
/// Counts of a drill and of each agency kind in it (and `reach`, acknowledged / targeted).
extern const std::vector<std::string> DRILL_COUNTS;
/// Statistics of the time to acknowledge, in minutes from the post: count, mean, p50, p90, p95, max.
extern const std::vector<std::string> DRILL_ACK_STATS;
/// The drill's three times, apart: mttd_minutes, mtta_minutes, mttr_minutes.
extern const std::vector<std::string> DRILL_TIMES;
/// Why an agency never acknowledged: stale_contact, not_reached_by_cutoff, no_ack_by_cutoff.
extern const std::vector<std::string> DRILL_WHY;

/// Indexes into the name lists above: code names a metric through them, never by spelling it.
namespace shape {
enum CountExtra : size_t { ALL, PROVIDED, LAGGING, MANUAL };
enum Series : size_t { END_TO_END, END_TO_END_IMMEDIATE, END_TO_END_BATCH, HUB_QUEUE_WAIT };
enum Stat : size_t { COUNT, MEAN_MS, P50_MS, P90_MS, P95_MS, P99_MS, MAX_MS };
enum Record : size_t { REQUESTER, PROVIDER, HUB, NONDISCLOSURE, INCONSISTENT };
enum ServerField : size_t { MESSAGES, UTILISATION, MEAN_WAIT_MS, MAX_WAIT_MS };
/// "/a/b/c" from segments.
std::string pointer(std::initializer_list<std::string> segments);
} // namespace shape

/// "/outcomes/total/<class>": the run's count of one outcome class.
std::string outcome_total_pointer(Outcome o);

/// The values a slot takes for this scenario (`before`: the pointer's segments before the slot).
std::vector<std::string> slot_values(const std::string& slot, const std::vector<std::string>& before, const Scenario& sc);
/// "" if `pointer` names a metric of a run of this scenario, else why not (with what is known).
std::string metric_problem(const std::string& pointer, const Scenario& sc);
/// The check kind of a metric (from its pattern; correctness if none matches).
CheckKind default_check_kind(const std::string& pointer);
/// A regular expression (ECMA-262 and std::regex) matching every metric pointer of any scenario:
/// the schema's `metricPointer` pattern is this (a test compares them). Keys (ids) are `[^/]*`.
std::string metric_regex();
/// Every headline metric present in a result.json, by pointer (what `linksim sweep` summarises).
std::map<std::string, double> headline_values(const nlohmann::ordered_json& result);
/// Splits a JSON pointer into unescaped segments ("/a/b~1c" → {"a", "b/c"}).
std::vector<std::string> split_pointer(const std::string& pointer);

} // namespace linksim
