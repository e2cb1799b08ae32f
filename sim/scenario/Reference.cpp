#include "sim/scenario/Reference.hpp"

#include "sim/scenario/Scenario.hpp"
#include "sim/trace/Exchange.hpp"
#include "sim/trace/Hops.hpp"
#include "sim/trace/Oracle.hpp"

namespace linksim {

const std::vector<const Param*>& all_params()
{
  using namespace params;
  static const std::vector<const Param*> list = {
      &DESCRIPTION, &SEED, &BUSINESS_OPEN, &BUSINESS_CLOSE, &WEEKEND, &HOLIDAYS, &NON_BUSINESS_DAYS, &DRAIN_LIMIT_HOURS,
      &HUB_ACQUISITION, &HUB_BATCH_MS, &SERVER_BATCH_MS, &SERVER_REGISTRATION_MS, &REASONS_OF_NULL, &RECORD_BYTES,
      &CHANGE_INTERVAL_DAYS, &COVERAGE, &NULL_RULES, &EMPTY_RATE, &ZERO_RATE, &REGISTRATION_START, &REGISTRATION_END,
      &REGISTRATION_NIGHTS, &REGISTRATION_SKIP, &REGISTRATION_FAILURE, &REGISTRATION_SPREAD, &PATTERN2_RELOAD,
      &SIZE_SIGMA, &AGENCY_NAME, &NON_DISCLOSURE_RATE, &NULL_ERROR_RATE, &MANUAL_MODE, &MANUAL_ITEMS, &WORKLOAD_HOURS,
      &WORKLOAD_ARRIVALS, &WORKLOAD_SPLIT, &ACQUIRE_RATE, &IDENTITY_ERRORS, &TIMELINE, &DELEGATIONS, &REVISIONS, &REVISION_KIND, &MASTER_BYTES, &MASTER_RETRY_HOURS,
      &APPLICATION_LEAD_DAYS, &FIRST_REVIEW_DAYS, &SECOND_REVIEW_DAYS, &TEST_DAYS, &READY_DAYS_BEFORE, &HEADER_BYTES, &REQUEST_BYTES,
      // linkage test (情報連携試験)
      &TEST_PERSONS_PER_AGENCY, &LINKAGE_MAX_PER_HOUR, &TEST_PARTNERS,
      // verification environment and inter-agency test
      &VERIFICATION_SLOTS, &VERIFICATION_APPROVAL_DAYS, &VERIFICATION_TEST_DAYS, &VERIFICATION_REPORT_DAYS,
      &VERIFICATION_ANSWER_MS, &VERIFICATION_LATENCY_MS, &VERIFICATION_BANDWIDTH_MBPS,
      // network and host faults: retries
      &WORKLOAD_RETRIES, &WORKLOAD_RETRY_INTERVAL_S, &WORKLOAD_FAULT_TIMEOUT_S,
      // issue 9: connection restriction
      &RESTRICT_AS_PROVIDER,
      // issue 9, incidents (case 2)
      &REACQUIRE_AFTER_HOURS,
      // annual notification drill (訓練)
      &DRILLS, &DRILL_CATEGORY, &DRILL_KINDS_TARGETED, &DRILL_OCCURRED_MINUTES, &DRILL_RESOLVED_HOURS, &DRILL_CUTOFF_DAYS,
      &DRILL_STALE_RATE, &DRILL_MAIL_DELAY, &DRILL_MAIL_BYTES, &DRILL_ACK_MUNICIPALITY, &DRILL_ACK_PREFECTURE,
      &DRILL_ACK_NATIONAL, &DRILL_ACK_INSURER, &DRILL_STRAGGLERS,
      // issue 9: incidents and their response
      &INCIDENT_DETECT_PROBABILITY, &INCIDENT_COMPLAINT, &INCIDENT_OWN_CHECK_HOURS, &INCIDENT_LEVELS,
      &INCIDENT_REPORTABLE_LEVEL, &INCIDENT_POST_CATEGORY, &STEP_JUDGE_HOURS, &STEP_RESTRAINT_HOURS, &STEP_PHONE_HOURS,
      &STEP_INITIAL_HOURS, &STEP_POST_HOURS, &STEP_FIX_HOURS, &STEP_INTERIM_HOURS, &STEP_LIFT_HOURS, &STEP_ANNOTATE_HOURS,
      &STEP_FINAL_HOURS, &STEP_RETRY_HOURS, &STEP_REQUESTER_ANNOTATION_HOURS, &STEP_HUB_ANNOTATION_HOURS,
      &DEADLINE_PHONE_HOURS, &DEADLINE_INITIAL_HOURS, &DEADLINE_INTERIM_HOURS, &DEADLINE_FINAL_HOURS,
      // training exercise (section `exercise`)
      &EXERCISE_LATE_CREDIT, &EXERCISE_POINTS, &EXERCISE_FROM, &EXERCISE_BUSINESS_TIME};
  return list;
}

std::vector<EnumInfo> model_enums()
{
  std::vector<EnumInfo> out = {describe(SITE_KINDS),     describe(AGENCY_KINDS),         describe(SUBJECTS),
                               describe(PROVIDER_SELECTS), describe(MODES),              describe(HOURS),
                               describe(ARRIVALS),       describe(SPLITS),               describe(DURATION_DISTS),
                               describe(NIGHTS),         describe(MANUAL_MODES),         describe(IDENTITY_ERROR_KINDS), describe(TIMELINE_KINDS),
                               describe(TIMELINE_CHANGES), describe(REVISION_KINDS), describe(GO_LIVE_MISSES),
                               describe(DENY_REASONS),
                               describe(HOLIDAY_CALENDARS), describe(WEEKDAYS),          describe(NETWORK_MODELS),
                               describe(CHECK_KINDS),    describe(CHECK_VERDICTS),             describe(OUTCOMES),             describe(TIMESTAMPS),
                               describe(REGIMES),        describe(CASE_VERDICTS), // issue 8: test cases
                               describe(VERIFICATION_SELECTS),
                               describe(RESIDENT_CODE_SUBCASES), // issue 9, incidents (case 2)
                               describe(DRILL_CATEGORIES), // annual notification drill
                               // issue 9: incidents and their response
                               describe(RESPONSE_ACTIONS), describe(MISREGISTRATION_MODES),
                               describe(EXERCISE_ANCHORS)}; // issue 9: training exercise
  EnumInfo hops{"hop", "hops of an exchange's path (result.json /latency/hops; they add up to end_to_end)", {}, {}};
  for (const HopDef& h : HOPS) {
    hops.values.emplace_back(h.name, h.help);
    hops.ja.emplace_back(h.ja);
  }
  out.push_back(hops);
  return out;
}

} // namespace linksim
