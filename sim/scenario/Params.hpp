// Parameters: every scenario key that has a default, a numeric range or a set of names, declared
// once, here, with its unit, where its value comes from, a one-line help and what it may hold (as
// ns-3 declares an attribute with its default and its checker). The readers
// (harness/scenario/Values.hpp) take the default, the range and the names from the declaration;
// `linksim reference` prints the table for scenarios/README.md; a test compares it key by key with
// every default, enum, minimum, maximum, exclusiveMinimum, exclusiveMaximum and integer type of
// scenarios/schema/scenario.schema.json, in both directions.
//
//   inline constexpr Param DRAIN_LIMIT_HOURS{"/calendar/drain_limit_hours", "168", "h", "", "...",
//                                            number_in(ge_le(0, MAX_HOURS))};
//   const double hours = read_number(calendar, params::DRAIN_LIMIT_HOURS); // 168 if absent
//
// `pointer` is where the key is in a scenario ("*": any element of an array). A pointer that
// starts with a value type in angle brackets, `<link>/latency_ms`, is a key of that value wherever
// it is used (a link, a duration, an agency match); the schema describes the type once, as
// `$defs/<type>`. `default_json` is the default as JSON text, or REQUIRED (the key must be given)
// or NO_DEFAULT (absent means "not set", or the key is required in some cases only: its help says
// which). `source` follows domain.md: "[K]" an assumption (always a parameter, never a constant),
// "[SEED]" the 2019 operator deck, "[CODE]" public municipal code; "" a choice of the format.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace linksim {

/// Numeric bounds; unset members are not checked.
struct Bounds {
  std::optional<double> ge, gt, le, lt;
};
constexpr Bounds ge(double x) { return {x, std::nullopt, std::nullopt, std::nullopt}; }
constexpr Bounds gt(double x) { return {std::nullopt, x, std::nullopt, std::nullopt}; }
constexpr Bounds ge_le(double lo, double hi) { return {lo, std::nullopt, hi, std::nullopt}; }
constexpr Bounds gt_le(double lo, double hi) { return {std::nullopt, lo, hi, std::nullopt}; }

/// What a parameter holds, for its reader and the schema test.
enum class ValueKind { OTHER, NUMBER, INTEGER, CHOICE };

struct Value {
  ValueKind kind = ValueKind::OTHER;
  Bounds bounds{};               ///< NUMBER, INTEGER: the range
  const char* table = nullptr;   ///< CHOICE: the id of the EnumTable its names come from (nullptr: `names`)
  const char* names = nullptr;   ///< CHOICE: space-separated names when only some of the table's (or no table's)
};
/// A number in `b` (JSON's any number).
constexpr Value number_in(Bounds b) { return {ValueKind::NUMBER, b, nullptr, nullptr}; }
/// An integer literal (1, not 1.0) in `b`.
constexpr Value integer_in(Bounds b) { return {ValueKind::INTEGER, b, nullptr, nullptr}; }
/// A name of the EnumTable `table` (an array parameter: each element), or only `names` of it; with
/// no table, one of `names`.
constexpr Value one_of(const char* table, const char* names = nullptr) { return {ValueKind::CHOICE, {}, table, names}; }

struct Param {
  const char* pointer;      ///< where it is in a scenario ("*": any element of an array; "<type>/": a value type's key)
  const char* default_json; ///< the default, as JSON text; or REQUIRED, or NO_DEFAULT
  const char* unit;         ///< "" if none
  const char* source;       ///< "[K]", "[SEED]", "[CODE]" or ""
  const char* help;         ///< one line
  Value value{};            ///< its range or names (OTHER: strings, booleans, objects and arrays read by their section)
};

/// `Param::default_json` of a key that must be given.
inline constexpr char REQUIRED[] = "required";
/// `Param::default_json` of an optional key without a default (its help says what absent means).
inline constexpr char NO_DEFAULT[] = "no default";
inline bool has_default(const Param& p) { return p.default_json != REQUIRED && p.default_json != NO_DEFAULT; }

/// Scenario format versions (top-level `format`). A new version is made when an existing key's
/// meaning changes, so that a file written for an older one gets an error saying what changed
/// instead of being read with the new meaning (scenarios/README.md, "Format versions").
inline constexpr int FORMAT_CURRENT = 2;
/// Format 2: `subjects: "listed"` with `at` asks persons[i] at at[i] (format 1 drew a listed
/// person at random at each arrival).
inline constexpr int FORMAT_LISTED_PAIRED = 2;

/// Ranges shared by several parameters, each with the reason for its ends.
namespace range {
/// The longest run (`calendar.duration_days`): no span a scenario gives needs to be longer, and
/// spans bounded by it keep every simulated time far from overflowing (10 years in seconds).
inline constexpr double MAX_DAYS  = 3660;
inline constexpr double MAX_HOURS = 24 * MAX_DAYS;
inline constexpr double MAX_S     = 86400 * MAX_DAYS;
inline constexpr double MAX_MS    = 1000 * MAX_S;
inline constexpr Value SHARE      = number_in(ge_le(0, 1));          ///< a share or a probability
inline constexpr Value DAYS       = number_in(ge_le(0, MAX_DAYS));   ///< a span in days
inline constexpr Value HOURS      = number_in(ge_le(0, MAX_HOURS));  ///< a span in hours
inline constexpr Value DEADLINE_H = number_in(gt_le(0, MAX_HOURS));  ///< a span in hours that cannot be 0
inline constexpr Value SPAN_MS    = number_in(ge_le(0, MAX_MS));     ///< a duration's time
/// Time per person or record of a server: slower than an hour is no server, and the bound keeps a
/// batch of 100,000 persons inside a run.
inline constexpr Value PER_ITEM_MS = number_in(ge_le(0, 3600e3));
/// A line's latency: a minute is slower than any line (one that loses messages is `link_down`).
inline constexpr Value LATENCY_MS = number_in(ge_le(0, 60e3));
/// A line's bandwidth: 1 kbit/s (slower than any line; it keeps a message's transfer time
/// finite) to 1 Pbit/s (the queueing scenarios use 1 Tbit/s as "no bound").
inline constexpr Value BANDWIDTH_MBPS = number_in(ge_le(0.001, 1e9));
/// The size of one message part, record or mail: at most a gigabyte.
inline constexpr Value BYTES      = number_in(ge_le(0, 1e9));
inline constexpr Value WORKERS    = integer_in(ge_le(1, 10000));
inline constexpr Value LEVEL      = integer_in(ge_le(1, 5));  ///< an incident level (インシデントレベル)
inline constexpr Value LAYOUT     = integer_in(ge_le(1, 9999)); ///< a specific-personal-information number
/// A person index; below the population, which the loader checks when it knows it.
inline constexpr Value PERSON     = integer_in(ge(0));
/// A retry interval: a quarter of an hour or more. Every attempt is an event and a distribution's
/// attempts are listed in result.json: 1e-6 h ran without end and 1e-4 h wrote a 66 MB file.
inline constexpr Value RETRY_HOURS = number_in(ge_le(0.25, MAX_HOURS));
} // namespace range

namespace params {
// clang-format off
// top level
inline constexpr Param DESCRIPTION{"/description", "\"\"", "", "", "what the scenario is for and where its facts come from"};
inline constexpr Param SEED{"/seed", "1", "", "", "random seed; `linksim run --seed` overrides it", integer_in(ge_le(0, static_cast<double>(INT64_MAX)))};
inline constexpr Param FORMAT{"/format", "2", "", "", "the scenario format version the file is written for (see Format versions); absent: the current one, and `linksim validate` says so", integer_in(ge_le(1, FORMAT_CURRENT))};
// calendar
inline constexpr Param DURATION_DAYS{"/calendar/duration_days", REQUIRED, "days", "", "the workload window (the run goes on to drain it)", number_in(gt_le(0, range::MAX_DAYS))};
inline constexpr Param BUSINESS_OPEN{"/calendar/business_hours/open", "\"08:30\"", "HH:MM", "[K]", "business hours open (JST)"};
inline constexpr Param BUSINESS_CLOSE{"/calendar/business_hours/close", "\"17:15\"", "HH:MM", "[K]", "business hours close (JST)"};
inline constexpr Param WEEKEND{"/calendar/weekend", "[\"sat\", \"sun\"]", "", "", "weekdays that are not business days", one_of("weekday")};
inline constexpr Param HOLIDAYS{"/calendar/holidays", "\"japan\"", "", "", "built-in non-business days (see the holiday_calendar table)", one_of("holiday_calendar")};
inline constexpr Param NON_BUSINESS_DAYS{"/calendar/non_business_days", "[]", "dates", "", "more non-business days, added to the built-in ones"};
inline constexpr Param DRAIN_LIMIT_HOURS{"/calendar/drain_limit_hours", "168", "h", "", "after the window, the run goes on until every exchange not held for a manual answer has finished, at most this long (a week lets a Friday batch be collected on Monday)", range::HOURS};
// value types, wherever they are used
inline constexpr Param LINK_LATENCY_MS{"<link>/latency_ms", REQUIRED, "ms", "", "a line's latency", range::LATENCY_MS};
inline constexpr Param LINK_BANDWIDTH_MBPS{"<link>/bandwidth_mbps", REQUIRED, "Mbit/s", "", "a line's bandwidth", range::BANDWIDTH_MBPS};
inline constexpr Param DURATION_DIST{"<duration>/dist", REQUIRED, "", "", "a duration's distribution (see the duration_dist table)", one_of("duration_dist")};
inline constexpr Param DURATION_MS{"<duration>/ms", NO_DEFAULT, "ms", "", "fixed: the time (required there)", range::SPAN_MS};
inline constexpr Param DURATION_MEAN_MS{"<duration>/mean_ms", NO_DEFAULT, "ms", "", "exponential: the mean (required there)", range::SPAN_MS};
inline constexpr Param DURATION_MIN_MS{"<duration>/min_ms", NO_DEFAULT, "ms", "", "uniform: the least time (required there)", range::SPAN_MS};
inline constexpr Param DURATION_MAX_MS{"<duration>/max_ms", NO_DEFAULT, "ms", "", "uniform: the greatest time, >= min_ms (required there)", range::SPAN_MS};
inline constexpr Param DURATION_MEDIAN_MS{"<duration>/median_ms", NO_DEFAULT, "ms", "", "lognormal: the median (required there)", number_in(gt_le(0, range::MAX_MS))};
inline constexpr Param DURATION_SIGMA{"<duration>/sigma", NO_DEFAULT, "", "", "lognormal: sigma of the log (required there); 5 already spreads a median of a second over days", number_in(ge_le(0, 5))};
inline constexpr Param MATCH_KIND{"<agencyMatch>/kind", NO_DEFAULT, "", "", "an agency match by kind (or `agency`: one agency)", one_of("agency_kind")};
inline constexpr Param LAYOUT_REF{"<layoutNumber>", NO_DEFAULT, "", "[SEED]", "a reference to a layout by its specific-personal-information number (特定個人情報番号)", range::LAYOUT};
// network, hub, jlis, servers
inline constexpr Param NETWORK_MODEL{"/network/model", REQUIRED, "", "", "SimGrid's network model (see the network_model table)", one_of("network_model")};
inline constexpr Param SITE_KIND{"/network/sites/*/kind", REQUIRED, "", "", "what the site is (see the site_kind table)", one_of("site_kind")};
inline constexpr Param HUB_WORKERS{"/hub/workers", REQUIRED, "", "", "the hub's parallel workers (messages processed at once)", range::WORKERS};
inline constexpr Param HUB_ACQUISITION{"/hub/acquisition", "{\"dist\": \"fixed\", \"ms\": 0}", "", "[K]", "the hub's time to issue an agency code (符号取得)"};
inline constexpr Param HUB_BATCH_MS{"/hub/batch_ms_per_person", "0", "ms", "[K]", "the hub's extra time per person of a batch", range::PER_ITEM_MS};
inline constexpr Param JLIS_WORKERS{"/jlis/workers", REQUIRED, "", "", "J-LIS's parallel workers", range::WORKERS};
inline constexpr Param SERVER_WORKERS{"/servers/*/workers", REQUIRED, "", "", "an intermediate server's parallel workers", range::WORKERS};
inline constexpr Param SERVER_BATCH_MS{"/servers/*/batch_ms_per_person", "0", "ms", "[K]", "an intermediate server's extra time per person of a batch", range::PER_ITEM_MS};
inline constexpr Param SERVER_REGISTRATION_MS{"/servers/*/registration_ms_per_record", "0", "ms", "[K]", "an intermediate server's time per registered record (副本登録)", range::PER_ITEM_MS};
// layouts
inline constexpr Param REASONS_OF_NULL{"/reasons_of_null", "[\"NotApplicable\", \"NotAcceptable\", \"NotConvered\", \"Unknown\"]", "", "[CODE][K]", "the ReasonOfNull enum; \"NotConvered\" is spelt as in municipal code (sic); the first value is written for a legitimately empty item"};
inline constexpr Param LAYOUT_NUMBER{"/layouts/*/number", REQUIRED, "", "[SEED]", "the layout's specific-personal-information number (特定個人情報番号)", range::LAYOUT};
inline constexpr Param RECORD_BYTES{"/layouts/*/record_bytes", "1024", "bytes", "[K]", "size of one registered record / answer", range::BYTES};
inline constexpr Param CHANGE_INTERVAL_DAYS{"/layouts/*/change_interval_days", "365", "days", "[K]", "how often a person's true data for the layout changes; at least a day, the rhythm of the nightly registration that can show a change", number_in(ge(1))};
inline constexpr Param COVERAGE{"/layouts/*/coverage", "1.0", "share", "[K]", "share of a provider's persons it holds a record for (the rest answer \"no record\")", range::SHARE};
inline constexpr Param LAYOUT_PATTERN{"/layouts/*/versions/*/pattern", NO_DEFAULT, "", "[SEED]", "the registration pattern (副本登録パターン, seed p.7-9) of a revised version; required on every version but the first", integer_in(ge_le(1, 3))};
inline constexpr Param NULL_RULES{"/layouts/*/versions/*/null_rules", "[]", "", "[SEED]", "conditional null rules of a layout version (e.g. tax item 107 needs NotAcceptable when item 106 = 0, seed p.14)"};
inline constexpr Param EMPTY_RATE{"/layouts/*/versions/*/items/*/empty_rate", "0", "share", "[K]", "share of records where the item is legitimately empty", range::SHARE};
inline constexpr Param ZERO_RATE{"/layouts/*/versions/*/items/*/zero_rate", "0", "share", "[K]", "share of records where the item's value is zero", range::SHARE};
// registration and agencies
inline constexpr Param REGISTRATION_START{"/registration/window/start", "\"01:00\"", "HH:MM", "[K]", "nightly registration batch window opens"};
inline constexpr Param REGISTRATION_END{"/registration/window/end", "\"05:00\"", "HH:MM", "[K]", "nightly registration batch window closes"};
inline constexpr Param REGISTRATION_NIGHTS{"/registration/nights", "\"business\"", "", "[K]", "which nights the batch runs (see the registration_nights table)", one_of("registration_nights")};
inline constexpr Param REGISTRATION_SKIP{"/registration/skip_dates", "[]", "dates", "", "nights the batch does not run"};
inline constexpr Param REGISTRATION_FAILURE{"/registration/failure_rate", "0", "probability", "", "probability a nightly batch fails", range::SHARE};
inline constexpr Param REGISTRATION_SPREAD{"/registration/extraction_spread", "0.5", "share", "[K]", "the batch extracts at a time in this leading share of its window", range::SHARE};
inline constexpr Param PATTERN2_RELOAD{"/registration/pattern2_reload", "true", "", "[SEED]", "the provider reloads past data in the new layout before a pattern-2 cutover (seed p.7-9)"};
inline constexpr Param AGENCY_KIND{"/agencies/list/*/kind", REQUIRED, "", "", "what the agency is (see the agency_kind table)", one_of("agency_kind")};
inline constexpr Param AGENCY_POPULATION{"/agencies/list/*/population", NO_DEFAULT, "persons", "", "residents, members or covered persons (required but for a prefecture, the sum of its municipalities', and the connectivity tool)", integer_in(ge_le(1, 2e9))};
inline constexpr Param AGENCY_NAME{"/agencies/list/*/name", "\"\"", "", "", "an agency's display name"};
inline constexpr Param NON_DISCLOSURE_RATE{"/agencies/list/*/non_disclosure_rate", "0", "share", "[K]", "share of persons whose records the agency flags 不開示", range::SHARE};
inline constexpr Param NULL_ERROR_RATE{"/agencies/list/*/null_error_rate", "0", "share", "", "share of records its existing system registers with an item blank without ReasonOfNull", range::SHARE};
inline constexpr Param MANUAL_MODE{"/agencies/list/*/manual_answer/mode", "\"on\"", "", "", "manual-answer mode at the start of the run (the timeline can switch it)", one_of("manual_mode")};
inline constexpr Param MANUAL_STAFF{"/agencies/list/*/manual_answer/staff", REQUIRED, "", "", "staff members answering held requests at once", integer_in(ge_le(1, 1000))};
inline constexpr Param MANUAL_ITEMS{"/agencies/list/*/manual_answer/items", "[]", "layout numbers", "", "layouts held for a manual answer; empty: all"};
inline constexpr Param GENERATOR_KIND{"/agencies/generators/*/kind", REQUIRED, "", "", "the kind of the generated agencies (the kinds that come by the hundred)", one_of("agency_kind", "municipality prefecture insurer")};
inline constexpr Param GENERATOR_COUNT{"/agencies/generators/*/count", REQUIRED, "agencies", "", "how many agencies the generator makes", integer_in(ge_le(1, 100000))};
inline constexpr Param GENERATOR_POPULATION{"/agencies/generators/*/total_population", NO_DEFAULT, "persons", "", "persons shared among the generated agencies (required but for prefectures, whose population is their municipalities')", integer_in(ge_le(1, 2e10))};
inline constexpr Param SIZE_SIGMA{"/agencies/generators/*/size_sigma", "1.0", "", "[K]", "sigma of the log-normal spread of generated agencies' sizes", number_in(ge_le(0, 4))};
// workload
inline constexpr Param WORKLOAD_REQUESTER_KIND{"/workload/*/requesters/kind", NO_DEFAULT, "", "", "every agency of this kind asks (or `agencies`: a list)", one_of("agency_kind")};
inline constexpr Param WORKLOAD_SUBJECTS{"/workload/*/subjects", REQUIRED, "", "", "whom the queries are about (see the subjects table)", one_of("subjects")};
inline constexpr Param WORKLOAD_PERSON{"/workload/*/persons/*", NO_DEFAULT, "", "", "subjects listed: a person asked about", range::PERSON};
inline constexpr Param WORKLOAD_PROVIDER_SELECT{"/workload/*/provider/select", REQUIRED, "", "", "who provides (see the provider_select table)", one_of("provider_select")};
inline constexpr Param WORKLOAD_MODE{"/workload/*/mode", REQUIRED, "", "", "immediate or batch (see the mode table)", one_of("mode")};
inline constexpr Param WORKLOAD_BATCH_SIZE{"/workload/*/batch_size", NO_DEFAULT, "persons", "", "persons per batch file (required with mode batch)", integer_in(ge_le(2, 100000))};
inline constexpr Param WORKLOAD_HOURS{"/workload/*/hours", "\"business\"", "", "", "when the line's queries arrive (see the hours table)", one_of("hours")};
inline constexpr Param WORKLOAD_ARRIVALS{"/workload/*/arrivals", "\"poisson\"", "", "", "how arrivals are spaced (see the arrivals table)", one_of("arrivals")};
inline constexpr Param WORKLOAD_SPLIT{"/workload/*/split", "\"population\"", "", "", "how the rate is shared among requesters (see the split table)", one_of("split")};
inline constexpr Param WORKLOAD_RATE_PER_DAY{"/workload/*/rate_per_day", NO_DEFAULT, "persons/day", "", "the line's rate (one of rate_per_day, total, at); a billion a day, eight queries a day per resident of Japan, keeps arrivals apart in a double's time", number_in(gt_le(0, 1e9))};
inline constexpr Param WORKLOAD_TOTAL{"/workload/*/total", NO_DEFAULT, "persons", "", "persons over the whole run (one of rate_per_day, total, at)", number_in(gt_le(0, 1e10))};
inline constexpr Param WORKLOAD_TIMEOUT_S{"/workload/*/timeout_s", NO_DEFAULT, "s", "", "the requester gives up waiting after this long (absent: it waits as long as it takes)", number_in(gt_le(0, range::MAX_S))};
inline constexpr Param ACQUIRE_RATE{"/workload/*/acquire_rate", "0", "share", "[K]", "share of subjects whose code the requester must first acquire (符号取得)", range::SHARE};
inline constexpr Param WORKLOAD_RETRIES{"/workload/*/retries", "0", "attempts", "[K]", "how many times a requester tries a query again after an attempt failed (its line or server unreachable when sent, or no answer within its timeout because a fault lost it)", integer_in(ge_le(0, 100))};
inline constexpr Param WORKLOAD_RETRY_INTERVAL_S{"/workload/*/retry_interval_s", "60", "s", "[K]", "how long a requester waits after it notices a failed attempt before it tries again", number_in(ge_le(0, 86400))};
inline constexpr Param WORKLOAD_FAULT_TIMEOUT_S{"/workload/*/fault_timeout_s", "300", "s", "[K]", "how long an attempt of a line without `timeout_s` waits for an answer a fault lost before it counts as failed (a line with `timeout_s` waits that long)", number_in(gt_le(0, range::MAX_S))};
// identity errors, messages
inline constexpr Param IDENTITY_ERRORS{"/identity_errors", "[]", "", "", "injected code-table faults (none)"};
inline constexpr Param IDENTITY_ERROR_KIND{"/identity_errors/*/kind", REQUIRED, "", "", "the fault (see the identity_error_kind table)", one_of("identity_error_kind")};
inline constexpr Param IDENTITY_ERROR_PERSON{"/identity_errors/*/persons/*", NO_DEFAULT, "", "", "one of the two persons whose links are swapped", range::PERSON};
inline constexpr Param HEADER_BYTES{"/messages/header_bytes", "2048", "bytes", "[K]", "size of a message's header", range::BYTES};
inline constexpr Param REQUEST_BYTES{"/messages/request_bytes_per_person", "512", "bytes", "[K]", "size of one person's request (and of a refusal or no-record answer)", range::BYTES};
// timeline (its kinds' keys; each applies to the kinds its help names)
inline constexpr Param TIMELINE{"/timeline", "[]", "", "", "dated events that change the model during the run (none)"};
inline constexpr Param TIMELINE_KIND{"/timeline/*/kind", REQUIRED, "", "", "what the event does (see the timeline_kind table)", one_of("timeline_kind")};
inline constexpr Param TIMELINE_MANUAL_MODE{"/timeline/*/mode", NO_DEFAULT, "", "", "manual_answer: the mode switched to (required there)", one_of("manual_mode")};
inline constexpr Param MISREGISTRATION_MODE{"/timeline/*/mode", "\"wrong_value\"", "", "", "replica_misregistration: how the replicas are wrong (see the misregistration_mode table)", one_of("misregistration_mode")};
inline constexpr Param FAULT_FAILURE_RATE{"/timeline/*/failure_rate", NO_DEFAULT, "probability", "", "registration_fault: probability each batch in the window fails (absent: the agency's own)", range::SHARE};
inline constexpr Param FAULT_NULL_ERROR_RATE{"/timeline/*/null_error_rate", NO_DEFAULT, "share", "", "registration_fault: share of the records registered in the window left blank without ReasonOfNull (absent: the agency's own)", range::SHARE};
inline constexpr Param FAULT_HOST{"/timeline/*/host", NO_DEFAULT, "", "", "host_down, planned_outage: the host that is down (an intermediate server is `site`)", one_of(nullptr, "hub jlis")};
inline constexpr Param LATENCY_FACTOR{"/timeline/*/latency_factor", "1", "", "", "link_degraded: the line's latency is multiplied by this; beyond 1000 a line is down, not slow (link_down)", number_in(gt_le(0, 1000))};
inline constexpr Param BANDWIDTH_DIVISOR{"/timeline/*/bandwidth_divisor", "1", "", "", "link_degraded: the line's bandwidth is divided by this; beyond 1000 a line is down, not slow (link_down)", number_in(gt_le(0, 1000))};
inline constexpr Param RESTRICT_AS_PROVIDER{"/timeline/*/as_provider", "true", "", "[K]", "a connection_restriction also refuses the requests addressed to the agency as provider (the operator restricts its connection; domain.md §6 says only that its requests are blocked)"};
inline constexpr Param RESIDENT_CODE_SUBCASE{"/timeline/*/subcase", NO_DEFAULT, "", "[SEED]", "resident_code_error: the seed's sub-case (p.19; required there; see the resident_code_subcase table)", one_of("resident_code_subcase")};
inline constexpr Param TIMELINE_PAIR_PERSON{"/timeline/*/pairs/*/*", NO_DEFAULT, "", "", "resident_code_error, number_swap: a person of a pair", range::PERSON};
inline constexpr Param SWAP_COUNT{"/timeline/*/count", NO_DEFAULT, "pairs", "", "resident_code_error, number_swap: pairs drawn with the seed (or `pairs`); the bound keeps their sparse state small", integer_in(ge_le(1, 100000))};
inline constexpr Param REACQUIRE_AFTER_HOURS{"/timeline/*/reacquire_after_hours", "72", "h", "[K]", "after code A's physical deletion (resident_code_error ④ `delete_shared_code`) every holder has re-acquired its agency codes (符号取得) this long later; the seed (p.19) says only that all holders must re-acquire and that nobody can quickly tell who they are", number_in(gt_le(0, range::MAX_HOURS))};
inline constexpr Param MISREGISTRATION_PERSONS{"/timeline/*/persons", NO_DEFAULT, "persons", "", "replica_misregistration: persons whose replicas are wrong (required there; at most the provider's population)", integer_in(ge(1))};
// revisions and delegations
inline constexpr Param DELEGATIONS{"/delegations", "[]", "", "", "delegations (委任受任) registered per procedure (none)"};
inline constexpr Param REVISIONS{"/revisions", "[]", "", "", "dated layout revisions and master distributions (none)"};
inline constexpr Param REVISION_KIND{"/revisions/*/kind", "\"annual\"", "", "[SEED]", "kind of revision (see the revision_kind table)", one_of("revision_kind")};
inline constexpr Param MASTER_BYTES{"/revisions/*/master_bytes", "20000000", "bytes", "[K]", "size of the masters sent to each intermediate server (procedure, delegation, permission and layout masters); at most a terabyte", number_in(ge_le(0, 1e12))};
inline constexpr Param MASTER_RETRY_HOURS{"/revisions/*/retry_hours", "24", "h", "[K]", "a distribution that did not reach a server is sent again after this long; at least a quarter of an hour (every attempt is listed in result.json)", range::RETRY_HOURS};
inline constexpr Param APPLICATION_LEAD_DAYS{"/revisions/*/chain/application_lead_days", "60", "days", "[K]", "an agency files its change application (変更申請) this long before the distribution", range::DAYS};
inline constexpr Param FIRST_REVIEW_DAYS{"/revisions/*/chain/first_review_days", "14", "days", "[K]", "first review by the coordinating prefecture (取りまとめ都道府県)", range::DAYS};
inline constexpr Param SECOND_REVIEW_DAYS{"/revisions/*/chain/second_review_days", "14", "days", "[K]", "second review by the operator", range::DAYS};
inline constexpr Param TEST_DAYS{"/revisions/*/chain/test_days", "14", "days", "[K]", "the inter-agency test (機関間試験) after the second review", range::DAYS};
inline constexpr Param READY_DAYS_BEFORE{"/revisions/*/ready_days_before", "14", "days", "[K]", "an agency not listed in `ready` has its system modification ready this long before go-live", range::DAYS};
// test cases
inline constexpr Param CASE_REGIME{"/test_cases/*/regime", "\"production\"", "", "", "the test regime the case runs under (see the regime table)", one_of("regime")};
inline constexpr Param CASE_MODE{"/test_cases/*/mode", REQUIRED, "", "", "immediate or batch (see the mode table)", one_of("mode")};
inline constexpr Param CASE_PROVIDER_SELECT{"/test_cases/*/provider/select", NO_DEFAULT, "", "", "who provides, by rule (or `agency`: one agency, the only way to name one)", one_of("provider_select", "residence previous_residence prefecture_of_residence insurer")};
inline constexpr Param CASE_PERSON{"/test_cases/*/persons/*", NO_DEFAULT, "", "", "a person the case asks about", range::PERSON};
inline constexpr Param CASE_OUTCOME{"/test_cases/*/expect/outcome", REQUIRED, "", "", "the outcome class each exchange of the case must get (see the outcome table)", one_of("outcome")};
inline constexpr Param CASE_LATENCY_MAX_S{"/test_cases/*/expect/latency_max_s", NO_DEFAULT, "s", "", "each exchange must end within this long (absent: no bound)", number_in(gt(0))};
// linkage test (情報連携試験) and test My Numbers (section `linkage_test`)
inline constexpr Param TEST_PERSONS_PER_AGENCY{"/linkage_test/test_persons_per_agency", "100", "persons", "[K]", "test My Numbers (試験用個人番号) reserved per agency; the seed (p.25) gives no number", integer_in(ge_le(0, 100000))};
inline constexpr Param LINKAGE_MAX_PER_HOUR{"/linkage_test/max_exchanges_per_hour", "60", "exchanges/h", "[K]", "a linkage-test case asks at most this many exchanges per requester in any clock hour (the seed forbids performance tests, p.26, without a figure)", number_in(ge_le(1, 1e6))};
inline constexpr Param TEST_PARTNERS{"/linkage_test/partners", "[]", "", "", "agencies that register test data for another agency's test persons (none: only the agency itself)"};
// verification environment (接続検証環境) and inter-agency test (機関間試験) [SEED p.25-26]
inline constexpr Param VERIFICATION_SELECT{"/verification/agencies/revision", REQUIRED, "", "", "the agencies taken from the verification's revision (see the verification_select table)", one_of("verification_select")};
inline constexpr Param VERIFICATION_SLOTS{"/verification/slots", "10", "agencies", "[K]", "agencies that may use the verification environment at once (利用できる機関数の上限 exists [SEED]; the number is not known)", integer_in(ge_le(1, 100000))};
inline constexpr Param VERIFICATION_APPROVAL_DAYS{"/verification/approval_days", "5", "days", "[K]", "an application to use the environment (利用申請) is approved this long after it is filed", range::DAYS};
inline constexpr Param VERIFICATION_TEST_DAYS{"/verification/test_days", "10", "days", "[K]", "an agency holds its slot this long (its inter-agency test with its partners)", number_in(gt_le(0, range::MAX_DAYS))};
inline constexpr Param VERIFICATION_REPORT_DAYS{"/verification/report_days", "3", "days", "[K]", "the completion report (完了報告) is filed this long after the test ends", range::DAYS};
inline constexpr Param VERIFICATION_ANSWER_MS{"/verification/answer_ms", "50", "ms", "[K]", "the verification hub's time to answer one test request", range::PER_ITEM_MS};
inline constexpr Param VERIFICATION_LATENCY_MS{"/verification/link/latency_ms", "5", "ms", "[K]", "latency of the verification hub's line", range::LATENCY_MS};
inline constexpr Param VERIFICATION_BANDWIDTH_MBPS{"/verification/link/bandwidth_mbps", "100", "Mbit/s", "[K]", "bandwidth of the verification hub's line", range::BANDWIDTH_MBPS};
// annual notification drill (訓練) [SEED p.30-31, domain.md §6] (section `drills`)
inline constexpr Param DRILLS{"/drills", "[]", "", "", "annual notification drills on the information-sharing site (none)"};
inline constexpr Param DRILL_CATEGORY{"/drills/*/category", "\"01-01\"", "", "[SEED]", "the sharing site's category the drill posts to (see the drill_category table): 01>01 mails every user", one_of("drill_category")};
inline constexpr Param DRILL_KINDS_TARGETED{"/drills/*/kinds", "[\"municipality\", \"prefecture\", \"national_body\", \"insurer\"]", "", "[SEED]", "agency kinds whose registered contacts are mailed (each agency gets the site's alert email [SEED])", one_of("agency_kind", "municipality prefecture national_body insurer")};
inline constexpr Param DRILL_OCCURRED_MINUTES{"/drills/*/occurred_minutes_before", "30", "min", "[K]", "the simulated incident occurred this long before the operator posts it (MTTD)", number_in(ge_le(0, 60 * 24 * 366))};
inline constexpr Param DRILL_RESOLVED_HOURS{"/drills/*/resolved_hours_after", "4", "h", "[K]", "the simulated incident is resolved this long after the post (MTTR counts from its occurrence)", number_in(ge_le(0, 24 * 366))};
inline constexpr Param DRILL_CUTOFF_DAYS{"/drills/*/cutoff_business_days", "3", "business days", "[K]", "the drill closes at the close of business this many business days after the post (0: the post's own business day)", integer_in(ge_le(0, 366))};
inline constexpr Param DRILL_STALE_RATE{"/drills/*/stale_contact_rate", "0.05", "share", "[K]", "share of targeted agencies whose registered contact is stale (never receives the mail); contacts are updated as a duty [SEED] but not always", range::SHARE};
inline constexpr Param DRILL_MAIL_DELAY{"/drills/*/mail_delay", "{\"dist\": \"exponential\", \"mean_ms\": 120000}", "", "[K]", "post → the alert mail in the contact's inbox (calendar time)"};
inline constexpr Param DRILL_MAIL_BYTES{"/drills/*/mail_bytes", "20000", "bytes", "[K]", "size of the alert mail sent over the network from the site", number_in(gt_le(0, 1e9))};
inline constexpr Param DRILL_ACK_MUNICIPALITY{"/drills/*/ack/municipality", "{\"dist\": \"lognormal\", \"median_ms\": 7200000, \"sigma\": 1.2}", "", "[K]", "a municipality's staff: mail received → acknowledged, in business time (median 2 business hours)"};
inline constexpr Param DRILL_ACK_PREFECTURE{"/drills/*/ack/prefecture", "{\"dist\": \"lognormal\", \"median_ms\": 3600000, \"sigma\": 1.0}", "", "[K]", "a prefecture's staff: mail received → acknowledged, in business time (median 1 business hour)"};
inline constexpr Param DRILL_ACK_NATIONAL{"/drills/*/ack/national_body", "{\"dist\": \"lognormal\", \"median_ms\": 3600000, \"sigma\": 1.0}", "", "[K]", "a national body's staff: mail received → acknowledged, in business time (median 1 business hour)"};
inline constexpr Param DRILL_ACK_INSURER{"/drills/*/ack/insurer", "{\"dist\": \"lognormal\", \"median_ms\": 10800000, \"sigma\": 1.2}", "", "[K]", "an insurer's staff: mail received → acknowledged, in business time (median 3 business hours)"};
inline constexpr Param DRILL_STRAGGLERS{"/drills/*/stragglers", "10", "agencies", "", "how many of the last agencies to acknowledge the results list (those that never did are all listed)", integer_in(ge_le(0, 100000))};
// incidents and their response (section `incidents`) [SEED p.18-23, 30-31]
inline constexpr Param INCIDENT_DETECT_PROBABILITY{"/incidents/detect_probability", "0.02", "probability", "[K]", "a requester's staff notice a wrong provision and complain to the provider (detection by requesters)", range::SHARE};
inline constexpr Param INCIDENT_COMPLAINT{"/incidents/complaint", "{\"dist\": \"exponential\", \"mean_ms\": 14400000}", "", "[K]", "business time from a wrong provision's fetch to the complaint reaching the provider"};
inline constexpr Param INCIDENT_OWN_CHECK_HOURS{"/incidents/own_check_hours", "40", "business h", "[K]", "the provider's own check finds the misregistration this long after it happened (detection by the provider)", range::HOURS};
inline constexpr Param INCIDENT_LEVELS{"/incidents/levels", "[{\"above_persons\": 0, \"level\": 1}, {\"above_persons\": 100, \"level\": 2}, {\"above_persons\": 1000, \"level\": 3}, {\"above_persons\": 10000, \"level\": 4}, {\"above_persons\": 1000000, \"level\": 5}]", "", "[SEED][K]", "incident-level table (インシデントレベル判定表): more than above_persons persons affected is at least level; only \"a replica error affecting more than 10,000 persons is level 4\" is from the seed"};
inline constexpr Param LEVEL_ABOVE_PERSONS{"/incidents/levels/*/above_persons", REQUIRED, "persons", "", "a row of the level table: more persons affected than this ...", integer_in(ge(0))};
inline constexpr Param LEVEL_LEVEL{"/incidents/levels/*/level", REQUIRED, "", "", "... is at least this level", range::LEVEL};
inline constexpr Param INCIDENT_REPORTABLE_LEVEL{"/incidents/reportable_level", "4", "", "[SEED][K]", "levels from this one are reported: self-restraint, phone, form 03-13, post (the seed's flow is for level >= 4)", range::LEVEL};
inline constexpr Param INCIDENT_POST_CATEGORY{"/incidents/post_category", "\"06\"", "", "[SEED]", "category of the post on the information-sharing site: \"05\" failure status or \"06\" incident contacts", one_of(nullptr, "05 06")};
inline constexpr Param STEP_JUDGE_HOURS{"/incidents/steps/judge_hours", "1", "business h", "[K]", "detection → level judged", range::HOURS};
inline constexpr Param STEP_RESTRAINT_HOURS{"/incidents/steps/self_restraint_hours", "0.5", "business h", "[K]", "level judged → self-restraint (自動応答不可) on", range::HOURS};
inline constexpr Param STEP_PHONE_HOURS{"/incidents/steps/phone_hours", "0.25", "business h", "[K]", "level judged → the operator phoned", range::HOURS};
inline constexpr Param STEP_INITIAL_HOURS{"/incidents/steps/initial_report_hours", "4", "business h", "[K]", "level judged → form 03-13 initial report filed", range::HOURS};
inline constexpr Param STEP_POST_HOURS{"/incidents/steps/post_hours", "1", "business h", "[K]", "initial report → post on the information-sharing site", range::HOURS};
inline constexpr Param STEP_FIX_HOURS{"/incidents/steps/fix_hours", "16", "business h", "[K]", "level judged → the existing system's data fixed (re-registered by the next nightly batch)", range::HOURS};
inline constexpr Param STEP_INTERIM_HOURS{"/incidents/steps/interim_report_hours", "8", "business h", "[K]", "fix → form 03-13 interim report", range::HOURS};
inline constexpr Param STEP_LIFT_HOURS{"/incidents/steps/lift_hours", "1", "business h", "[K]", "the fix re-registered → self-restraint lifted", range::HOURS};
inline constexpr Param STEP_ANNOTATE_HOURS{"/incidents/steps/annotate_hours", "8", "business h", "[K]", "self-restraint lifted → the provider's record annotation (記録の追記) filed", range::HOURS};
inline constexpr Param STEP_FINAL_HOURS{"/incidents/steps/final_report_hours", "8", "business h", "[K]", "annotations complete → form 03-13 final report", range::HOURS};
inline constexpr Param STEP_RETRY_HOURS{"/incidents/steps/retry_hours", "1", "business h", "[K]", "a refused action (e.g. the VPN is down) is tried again after this long; at least a quarter of an hour (each try is an event)", range::RETRY_HOURS};
inline constexpr Param STEP_REQUESTER_ANNOTATION_HOURS{"/incidents/steps/requester_annotation_hours", "16", "business h", "[K]", "the provider's annotation → the requester's part", range::HOURS};
inline constexpr Param STEP_HUB_ANNOTATION_HOURS{"/incidents/steps/hub_annotation_hours", "8", "business h", "[K]", "the provider's annotation → the hub's (operator's) part", range::HOURS};
inline constexpr Param DEADLINE_PHONE_HOURS{"/incidents/deadlines/phone_hours", "24", "h", "[K]", "the operator must be phoned (\"at once\") within this long after detection (a detection late in the day is phoned the next morning)", range::DEADLINE_H};
inline constexpr Param DEADLINE_INITIAL_HOURS{"/incidents/deadlines/initial_report_hours", "24", "h", "[K]", "form 03-13 initial report due this long after detection", range::DEADLINE_H};
inline constexpr Param DEADLINE_INTERIM_HOURS{"/incidents/deadlines/interim_report_hours", "168", "h", "[K]", "form 03-13 interim report due this long after detection", range::DEADLINE_H};
inline constexpr Param DEADLINE_FINAL_HOURS{"/incidents/deadlines/final_report_hours", "720", "h", "[K]", "form 03-13 final report due this long after detection", range::DEADLINE_H};
// training exercise a person plays (section `exercise`, `linksim exercise`)
inline constexpr Param EXERCISE_LATE_CREDIT{"/exercise/late_credit", "0.5", "share", "", "share of an expectation's points a late action earns (on time: all of them; missing: none)", range::SHARE};
inline constexpr Param EXERCISE_ACTION{"/exercise/expectations/*/action", REQUIRED, "", "", "the response action expected (see the response_action table)", one_of("response_action")};
inline constexpr Param EXERCISE_LEVEL{"/exercise/expectations/*/level", NO_DEFAULT, "", "", "judge_level: the level it must judge (absent: any)", range::LEVEL};
inline constexpr Param EXERCISE_CATEGORY{"/exercise/expectations/*/category", NO_DEFAULT, "", "", "post_sharing_site: the category it must post in (absent: any)", one_of(nullptr, "05 06")};
inline constexpr Param EXERCISE_POINTS{"/exercise/expectations/*/points", "1", "points", "", "what an expectation is worth in the score (at most a million)", number_in(gt_le(0, 1e6))};
inline constexpr Param EXERCISE_FROM{"/exercise/expectations/*/from", "\"notice\"", "", "", "what `within` counts from (see the exercise_anchor table)", one_of("exercise_anchor")};
inline constexpr Param EXERCISE_BUSINESS_TIME{"/exercise/expectations/*/business_time", "false", "", "", "`within` counts business hours on business days only (the scenario's calendar); a day (D) is then one business day"};
// checks
inline constexpr Param CHECK_KIND{"/expect/*/kind", NO_DEFAULT, "", "", "what a failure of the check means for the exit code (absent: from its metric; see the check_kind table)", one_of("check_kind")};
// clang-format on
} // namespace params

/// Every parameter above, for `linksim reference` and the schema test.
const std::vector<const Param*>& all_params();

} // namespace linksim
