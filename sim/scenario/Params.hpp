// Parameters with a default: each declared once, here, with its unit, where its value comes from
// and a one-line help (ns-3's AddAttribute habit). The loader reads an absent key as this
// default; `linksim reference` prints the table for scenarios/README.md; a test compares it with
// the defaults in scenarios/schema/scenario.schema.json. A key that is absent and has no entry
// here is either required or means "not set" (said in scenarios/README.md).
//
//   const double hours = reader.number(params::DRAIN_LIMIT_HOURS, ge_le(0, 24 * 3660));
//
// `source` follows domain.md: "[K]" an assumption (always a parameter, never a constant),
// "[SEED]" the 2019 operator deck, "[CODE]" public municipal code; "" a choice of the format.
#pragma once

#include <vector>

namespace linksim {

struct Param {
  const char* pointer;      ///< where it is in a scenario ("*": any element of an array)
  const char* default_json; ///< the default, as JSON text
  const char* unit;         ///< "" if none
  const char* source;       ///< "[K]", "[SEED]", "[CODE]" or ""
  const char* help;         ///< one line
};

namespace params {
// clang-format off
inline constexpr Param DESCRIPTION{"/description", "\"\"", "", "", "what the scenario is for and where its facts come from"};
inline constexpr Param SEED{"/seed", "1", "", "", "random seed; `linksim run --seed` overrides it"};
inline constexpr Param BUSINESS_OPEN{"/calendar/business_hours/open", "\"08:30\"", "HH:MM", "[K]", "business hours open (JST)"};
inline constexpr Param BUSINESS_CLOSE{"/calendar/business_hours/close", "\"17:15\"", "HH:MM", "[K]", "business hours close (JST)"};
inline constexpr Param WEEKEND{"/calendar/weekend", "[\"sat\", \"sun\"]", "", "", "weekdays that are not business days"};
inline constexpr Param HOLIDAYS{"/calendar/holidays", "\"japan\"", "", "", "built-in non-business days (see the holiday_calendar table)"};
inline constexpr Param NON_BUSINESS_DAYS{"/calendar/non_business_days", "[]", "dates", "", "more non-business days, added to the built-in ones"};
inline constexpr Param DRAIN_LIMIT_HOURS{"/calendar/drain_limit_hours", "168", "h", "", "after the window, the run goes on until every exchange not held for a manual answer has finished, at most this long (a week lets a Friday batch be collected on Monday)"};
inline constexpr Param HUB_ACQUISITION{"/hub/acquisition", "{\"dist\": \"fixed\", \"ms\": 0}", "", "[K]", "the hub's time to issue an agency code (符号取得)"};
inline constexpr Param HUB_BATCH_MS{"/hub/batch_ms_per_person", "0", "ms", "[K]", "the hub's extra time per person of a batch"};
inline constexpr Param SERVER_BATCH_MS{"/servers/*/batch_ms_per_person", "0", "ms", "[K]", "an intermediate server's extra time per person of a batch"};
inline constexpr Param SERVER_REGISTRATION_MS{"/servers/*/registration_ms_per_record", "0", "ms", "[K]", "an intermediate server's time per registered record (副本登録)"};
inline constexpr Param REASONS_OF_NULL{"/reasons_of_null", "[\"NotApplicable\", \"NotAcceptable\", \"NotConvered\", \"Unknown\"]", "", "[CODE][K]", "the ReasonOfNull enum; \"NotConvered\" is spelt as in municipal code (sic); the first value is written for a legitimately empty item"};
inline constexpr Param RECORD_BYTES{"/layouts/*/record_bytes", "1024", "bytes", "[K]", "size of one registered record / answer"};
inline constexpr Param CHANGE_INTERVAL_DAYS{"/layouts/*/change_interval_days", "365", "days", "[K]", "how often a person's true data for the layout changes"};
inline constexpr Param COVERAGE{"/layouts/*/coverage", "1.0", "share", "[K]", "share of a provider's persons it holds a record for (the rest answer \"no record\")"};
inline constexpr Param NULL_RULES{"/layouts/*/versions/*/null_rules", "[]", "", "[SEED]", "conditional null rules of a layout version (e.g. tax item 107 needs NotAcceptable when item 106 = 0, seed p.14)"};
inline constexpr Param EMPTY_RATE{"/layouts/*/versions/*/items/*/empty_rate", "0", "share", "[K]", "share of records where the item is legitimately empty"};
inline constexpr Param ZERO_RATE{"/layouts/*/versions/*/items/*/zero_rate", "0", "share", "[K]", "share of records where the item's value is zero"};
inline constexpr Param REGISTRATION_START{"/registration/window/start", "\"01:00\"", "HH:MM", "[K]", "nightly registration batch window opens"};
inline constexpr Param REGISTRATION_END{"/registration/window/end", "\"05:00\"", "HH:MM", "[K]", "nightly registration batch window closes"};
inline constexpr Param REGISTRATION_NIGHTS{"/registration/nights", "\"business\"", "", "[K]", "which nights the batch runs (see the registration_nights table)"};
inline constexpr Param REGISTRATION_SKIP{"/registration/skip_dates", "[]", "dates", "", "nights the batch does not run"};
inline constexpr Param REGISTRATION_FAILURE{"/registration/failure_rate", "0", "probability", "", "probability a nightly batch fails"};
inline constexpr Param REGISTRATION_SPREAD{"/registration/extraction_spread", "0.5", "share", "[K]", "the batch extracts at a time in this leading share of its window"};
inline constexpr Param PATTERN2_RELOAD{"/registration/pattern2_reload", "true", "", "[SEED]", "the provider reloads past data in the new layout before a pattern-2 cutover (seed p.7-9)"};
inline constexpr Param SIZE_SIGMA{"/agencies/generators/*/size_sigma", "1.0", "", "[K]", "sigma of the log-normal spread of generated agencies' sizes"};
inline constexpr Param AGENCY_NAME{"/agencies/list/*/name", "\"\"", "", "", "an agency's display name"};
inline constexpr Param NON_DISCLOSURE_RATE{"/agencies/list/*/non_disclosure_rate", "0", "share", "[K]", "share of persons whose records the agency flags 不開示"};
inline constexpr Param NULL_ERROR_RATE{"/agencies/list/*/null_error_rate", "0", "share", "", "share of records its existing system registers with an item blank without ReasonOfNull"};
inline constexpr Param MANUAL_MODE{"/agencies/list/*/manual_answer/mode", "\"on\"", "", "", "manual-answer mode at the start of the run (the timeline can switch it)"};
inline constexpr Param MANUAL_ITEMS{"/agencies/list/*/manual_answer/items", "[]", "layout numbers", "", "layouts held for a manual answer; empty: all"};
inline constexpr Param WORKLOAD_HOURS{"/workload/*/hours", "\"business\"", "", "", "when the line's queries arrive (see the hours table)"};
inline constexpr Param WORKLOAD_ARRIVALS{"/workload/*/arrivals", "\"poisson\"", "", "", "how arrivals are spaced (see the arrivals table)"};
inline constexpr Param WORKLOAD_SPLIT{"/workload/*/split", "\"population\"", "", "", "how the rate is shared among requesters (see the split table)"};
inline constexpr Param ACQUIRE_RATE{"/workload/*/acquire_rate", "0", "share", "[K]", "share of subjects whose code the requester must first acquire (符号取得)"};
inline constexpr Param IDENTITY_ERRORS{"/identity_errors", "[]", "", "", "injected code-table faults (none)"};
inline constexpr Param TIMELINE{"/timeline", "[]", "", "", "dated events that change the model during the run (none)"};
inline constexpr Param DELEGATIONS{"/delegations", "[]", "", "", "delegations (委任受任) registered per procedure (none)"};
inline constexpr Param REVISIONS{"/revisions", "[]", "", "", "dated layout revisions and master distributions (none)"};
inline constexpr Param REVISION_KIND{"/revisions/*/kind", "\"annual\"", "", "[SEED]", "kind of revision (see the revision_kind table)"};
inline constexpr Param MASTER_BYTES{"/revisions/*/master_bytes", "20000000", "bytes", "[K]", "size of the masters sent to each intermediate server (procedure, delegation, permission and layout masters)"};
inline constexpr Param MASTER_RETRY_HOURS{"/revisions/*/retry_hours", "24", "h", "[K]", "a distribution that did not reach a server is sent again after this long"};
inline constexpr Param APPLICATION_LEAD_DAYS{"/revisions/*/chain/application_lead_days", "60", "days", "[K]", "an agency files its change application (変更申請) this long before the distribution"};
inline constexpr Param FIRST_REVIEW_DAYS{"/revisions/*/chain/first_review_days", "14", "days", "[K]", "first review by the coordinating prefecture (取りまとめ都道府県)"};
inline constexpr Param SECOND_REVIEW_DAYS{"/revisions/*/chain/second_review_days", "14", "days", "[K]", "second review by the operator"};
inline constexpr Param TEST_DAYS{"/revisions/*/chain/test_days", "14", "days", "[K]", "the inter-agency test (機関間試験) after the second review"};
inline constexpr Param READY_DAYS_BEFORE{"/revisions/*/ready_days_before", "14", "days", "[K]", "an agency not listed in `ready` has its system modification ready this long before go-live"};
inline constexpr Param HEADER_BYTES{"/messages/header_bytes", "2048", "bytes", "[K]", "size of a message's header"};
inline constexpr Param REQUEST_BYTES{"/messages/request_bytes_per_person", "512", "bytes", "[K]", "size of one person's request (and of a refusal or no-record answer)"};
// linkage test (情報連携試験) and test My Numbers (section `linkage_test`)
inline constexpr Param TEST_PERSONS_PER_AGENCY{"/linkage_test/test_persons_per_agency", "100", "persons", "[K]", "test My Numbers (試験用個人番号) reserved per agency; the seed (p.25) gives no number"};
inline constexpr Param LINKAGE_MAX_PER_HOUR{"/linkage_test/max_exchanges_per_hour", "60", "exchanges/h", "[K]", "a linkage-test case asks at most this many exchanges per requester in any clock hour (the seed forbids performance tests, p.26, without a figure)"};
inline constexpr Param TEST_PARTNERS{"/linkage_test/partners", "[]", "", "", "agencies that register test data for another agency's test persons (none: only the agency itself)"};
// verification environment (接続検証環境) and inter-agency test (機関間試験) [SEED p.25-26]
inline constexpr Param VERIFICATION_SLOTS{"/verification/slots", "10", "agencies", "[K]", "agencies that may use the verification environment at once (利用できる機関数の上限 exists [SEED]; the number is not known)"};
inline constexpr Param VERIFICATION_APPROVAL_DAYS{"/verification/approval_days", "5", "days", "[K]", "an application to use the environment (利用申請) is approved this long after it is filed"};
inline constexpr Param VERIFICATION_TEST_DAYS{"/verification/test_days", "10", "days", "[K]", "an agency holds its slot this long (its inter-agency test with its partners)"};
inline constexpr Param VERIFICATION_REPORT_DAYS{"/verification/report_days", "3", "days", "[K]", "the completion report (完了報告) is filed this long after the test ends"};
inline constexpr Param VERIFICATION_ANSWER_MS{"/verification/answer_ms", "50", "ms", "[K]", "the verification hub's time to answer one test request"};
inline constexpr Param VERIFICATION_LATENCY_MS{"/verification/link/latency_ms", "5", "ms", "[K]", "latency of the verification hub's line"};
inline constexpr Param VERIFICATION_BANDWIDTH_MBPS{"/verification/link/bandwidth_mbps", "100", "Mbit/s", "[K]", "bandwidth of the verification hub's line"};
// network and host faults: what a requester does when an attempt gets no answer (issue 9, point 1)
inline constexpr Param WORKLOAD_RETRIES{"/workload/*/retries", "0", "attempts", "[K]", "how many times a requester tries a query again after an attempt failed (its line or server unreachable when sent, or no answer within its timeout because a fault lost it)"};
inline constexpr Param WORKLOAD_RETRY_INTERVAL_S{"/workload/*/retry_interval_s", "60", "s", "[K]", "how long a requester waits after it notices a failed attempt before it tries again"};
inline constexpr Param WORKLOAD_FAULT_TIMEOUT_S{"/workload/*/fault_timeout_s", "300", "s", "[K]", "how long an attempt of a line without `timeout_s` waits for an answer a fault lost before it counts as failed (a line with `timeout_s` waits that long)"};
// issue 9: connection restriction (接続規制)
inline constexpr Param RESTRICT_AS_PROVIDER{"/timeline/*/as_provider", "true", "", "[K]", "a connection_restriction also refuses the requests addressed to the agency as provider (the operator restricts its connection; domain.md §6 says only that its requests are blocked)"};
// issue 9, incidents (case 2): the deletion cascade
inline constexpr Param REACQUIRE_AFTER_HOURS{"/timeline/*/reacquire_after_hours", "72", "h", "[K]", "after code A's physical deletion (resident_code_error ④ `delete_shared_code`) every holder has re-acquired its agency codes (符号取得) this long later; the seed (p.19) says only that all holders must re-acquire and that nobody can quickly tell who they are"};
// annual notification drill (訓練) [SEED p.30-31, domain.md §6] (section `drills`)
inline constexpr Param DRILLS{"/drills", "[]", "", "", "annual notification drills on the information-sharing site (none)"};
inline constexpr Param DRILL_CATEGORY{"/drills/*/category", "\"01-01\"", "", "[SEED]", "the sharing site's category the drill posts to (see the drill_category table): 01>01 mails every user"};
inline constexpr Param DRILL_KINDS_TARGETED{"/drills/*/kinds", "[\"municipality\", \"prefecture\", \"national_body\", \"insurer\"]", "", "[SEED]", "agency kinds whose registered contacts are mailed (each agency gets the site's alert email [SEED])"};
inline constexpr Param DRILL_OCCURRED_MINUTES{"/drills/*/occurred_minutes_before", "30", "min", "[K]", "the simulated incident occurred this long before the operator posts it (MTTD)"};
inline constexpr Param DRILL_RESOLVED_HOURS{"/drills/*/resolved_hours_after", "4", "h", "[K]", "the simulated incident is resolved this long after the post (MTTR counts from its occurrence)"};
inline constexpr Param DRILL_CUTOFF_DAYS{"/drills/*/cutoff_business_days", "3", "business days", "[K]", "the drill closes at the close of business this many business days after the post (0: the post's own business day)"};
inline constexpr Param DRILL_STALE_RATE{"/drills/*/stale_contact_rate", "0.05", "share", "[K]", "share of targeted agencies whose registered contact is stale (never receives the mail); contacts are updated as a duty [SEED] but not always"};
inline constexpr Param DRILL_MAIL_DELAY{"/drills/*/mail_delay", "{\"dist\": \"exponential\", \"mean_ms\": 120000}", "", "[K]", "post → the alert mail in the contact's inbox (calendar time)"};
inline constexpr Param DRILL_MAIL_BYTES{"/drills/*/mail_bytes", "20000", "bytes", "[K]", "size of the alert mail sent over the network from the site"};
inline constexpr Param DRILL_ACK_MUNICIPALITY{"/drills/*/ack/municipality", "{\"dist\": \"lognormal\", \"median_ms\": 7200000, \"sigma\": 1.2}", "", "[K]", "a municipality's staff: mail received → acknowledged, in business time (median 2 business hours)"};
inline constexpr Param DRILL_ACK_PREFECTURE{"/drills/*/ack/prefecture", "{\"dist\": \"lognormal\", \"median_ms\": 3600000, \"sigma\": 1.0}", "", "[K]", "a prefecture's staff: mail received → acknowledged, in business time (median 1 business hour)"};
inline constexpr Param DRILL_ACK_NATIONAL{"/drills/*/ack/national_body", "{\"dist\": \"lognormal\", \"median_ms\": 3600000, \"sigma\": 1.0}", "", "[K]", "a national body's staff: mail received → acknowledged, in business time (median 1 business hour)"};
inline constexpr Param DRILL_ACK_INSURER{"/drills/*/ack/insurer", "{\"dist\": \"lognormal\", \"median_ms\": 10800000, \"sigma\": 1.2}", "", "[K]", "an insurer's staff: mail received → acknowledged, in business time (median 3 business hours)"};
inline constexpr Param DRILL_STRAGGLERS{"/drills/*/stragglers", "10", "agencies", "", "how many of the last agencies to acknowledge the results list (those that never did are all listed)"};
// incidents and their response (section `incidents`, issue 9 point 3) [SEED p.18-23, 30-31]
inline constexpr Param INCIDENT_DETECT_PROBABILITY{"/incidents/detect_probability", "0.02", "probability", "[K]", "a requester's staff notice a wrong provision and complain to the provider (detection by requesters)"};
inline constexpr Param INCIDENT_COMPLAINT{"/incidents/complaint", "{\"dist\": \"exponential\", \"mean_ms\": 14400000}", "", "[K]", "business time from a wrong provision's fetch to the complaint reaching the provider"};
inline constexpr Param INCIDENT_OWN_CHECK_HOURS{"/incidents/own_check_hours", "40", "business h", "[K]", "the provider's own check finds the misregistration this long after it happened (detection by the provider)"};
inline constexpr Param INCIDENT_LEVELS{"/incidents/levels", "[{\"above_persons\": 0, \"level\": 1}, {\"above_persons\": 100, \"level\": 2}, {\"above_persons\": 1000, \"level\": 3}, {\"above_persons\": 10000, \"level\": 4}, {\"above_persons\": 1000000, \"level\": 5}]", "", "[SEED][K]", "incident-level table (インシデントレベル判定表): more than above_persons persons affected is at least level; only \"a replica error affecting more than 10,000 persons is level 4\" is from the seed"};
inline constexpr Param INCIDENT_REPORTABLE_LEVEL{"/incidents/reportable_level", "4", "level", "[SEED][K]", "levels from this one are reported: self-restraint, phone, form 03-13, post (the seed's flow is for level >= 4)"};
inline constexpr Param INCIDENT_POST_CATEGORY{"/incidents/post_category", "\"06\"", "", "[SEED]", "category of the post on the information-sharing site: \"05\" failure status or \"06\" incident contacts"};
inline constexpr Param STEP_JUDGE_HOURS{"/incidents/steps/judge_hours", "1", "business h", "[K]", "detection → level judged"};
inline constexpr Param STEP_RESTRAINT_HOURS{"/incidents/steps/self_restraint_hours", "0.5", "business h", "[K]", "level judged → self-restraint (自動応答不可) on"};
inline constexpr Param STEP_PHONE_HOURS{"/incidents/steps/phone_hours", "0.25", "business h", "[K]", "level judged → the operator phoned"};
inline constexpr Param STEP_INITIAL_HOURS{"/incidents/steps/initial_report_hours", "4", "business h", "[K]", "level judged → form 03-13 initial report filed"};
inline constexpr Param STEP_POST_HOURS{"/incidents/steps/post_hours", "1", "business h", "[K]", "initial report → post on the information-sharing site"};
inline constexpr Param STEP_FIX_HOURS{"/incidents/steps/fix_hours", "16", "business h", "[K]", "level judged → the existing system's data fixed (re-registered by the next nightly batch)"};
inline constexpr Param STEP_INTERIM_HOURS{"/incidents/steps/interim_report_hours", "8", "business h", "[K]", "fix → form 03-13 interim report"};
inline constexpr Param STEP_LIFT_HOURS{"/incidents/steps/lift_hours", "1", "business h", "[K]", "the fix re-registered → self-restraint lifted"};
inline constexpr Param STEP_ANNOTATE_HOURS{"/incidents/steps/annotate_hours", "8", "business h", "[K]", "self-restraint lifted → the provider's record annotation (記録の追記) filed"};
inline constexpr Param STEP_FINAL_HOURS{"/incidents/steps/final_report_hours", "8", "business h", "[K]", "annotations complete → form 03-13 final report"};
inline constexpr Param STEP_RETRY_HOURS{"/incidents/steps/retry_hours", "1", "business h", "[K]", "a refused action (e.g. the VPN is down) is tried again after this long"};
inline constexpr Param STEP_REQUESTER_ANNOTATION_HOURS{"/incidents/steps/requester_annotation_hours", "16", "business h", "[K]", "the provider's annotation → the requester's part"};
inline constexpr Param STEP_HUB_ANNOTATION_HOURS{"/incidents/steps/hub_annotation_hours", "8", "business h", "[K]", "the provider's annotation → the hub's (operator's) part"};
inline constexpr Param DEADLINE_PHONE_HOURS{"/incidents/deadlines/phone_hours", "24", "h", "[K]", "the operator must be phoned (\"at once\") within this long after detection (a detection late in the day is phoned the next morning)"};
inline constexpr Param DEADLINE_INITIAL_HOURS{"/incidents/deadlines/initial_report_hours", "24", "h", "[K]", "form 03-13 initial report due this long after detection"};
inline constexpr Param DEADLINE_INTERIM_HOURS{"/incidents/deadlines/interim_report_hours", "168", "h", "[K]", "form 03-13 interim report due this long after detection"};
inline constexpr Param DEADLINE_FINAL_HOURS{"/incidents/deadlines/final_report_hours", "720", "h", "[K]", "form 03-13 final report due this long after detection"};
// training exercise a person plays (section `exercise`, `linksim exercise`)
inline constexpr Param EXERCISE_LATE_CREDIT{"/exercise/late_credit", "0.5", "share", "", "share of an expectation's points a late action earns (on time: all of them; missing: none)"};
inline constexpr Param EXERCISE_POINTS{"/exercise/expectations/*/points", "1", "points", "", "what an expectation is worth in the score"};
inline constexpr Param EXERCISE_FROM{"/exercise/expectations/*/from", "\"notice\"", "", "", "what `within` counts from (see the exercise_anchor table)"};
inline constexpr Param EXERCISE_BUSINESS_TIME{"/exercise/expectations/*/business_time", "false", "", "", "`within` counts business hours on business days only (the scenario's calendar); a day (D) is then one business day"};
// clang-format on
} // namespace params

/// Every parameter above, for `linksim reference` and the schema test.
const std::vector<const Param*>& all_params();

} // namespace linksim
