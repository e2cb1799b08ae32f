// Scenario section `exercise`: a training exercise a person plays (`linksim exercise`). It names
// the agency played by default and the scored expectations per inject, as OpenBAS does: for an
// inject (a timeline event, e.g. an incident's replica_misregistration), the action the rules expect of the played agency,
// its deadline and its points. `linksim run` ignores the section (the automatic responder then
// plays every agency); `linksim exercise --play AGENCY` leaves that agency's actions to the trainee.
//
//   "exercise": {"play": "tax-city", "late_credit": 0.5, "expectations": [
//     {"id": "contain", "inject": "replica-error", "action": "self_restraint_on", "within": "PT1H", "points": 30},
//     {"id": "level", "inject": "replica-error", "action": "judge_level", "level": 4, "within": "PT30M"},
//     {"id": "final", "inject": "replica-error", "action": "report_final", "by": "2019-06-28T17:00:00+09:00",
//      "business_time": false}]}
#pragma once

#include "sim/scenario/EnumTable.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace linksim {

/// What a `within` deadline counts from.
enum class ExerciseAnchor { NOTICE, INJECT };

inline constexpr auto EXERCISE_ANCHORS = enum_table<ExerciseAnchor>(
    "exercise_anchor",
    "what an exercise expectation's `within` counts from (`exercise.expectations[].from`)",
    {{ExerciseAnchor::NOTICE, "notice",
      "the first notice the played agency's staff get at or after the inject's time (a requester's complaint, a mail, "
      "an alarm); the inject's time if no notice comes"},
     {ExerciseAnchor::INJECT, "inject", "the inject's own time (when the fault or incident began)"}});

/// What an inject of an expectation is: a timeline event, or one that is an incident of the
/// response model (a replica misregistration).
enum class InjectKind : uint8_t { TIMELINE, INCIDENT };

/// One scored expectation (OpenBAS's "expectation" of an inject).
struct ExerciseExpectation {
  std::string id;
  std::string inject;             ///< the inject's id as written
  InjectKind inject_kind = InjectKind::TIMELINE;
  uint32_t inject_index  = 0;     ///< into Scenario::timeline
  double inject_s        = 0;     ///< the inject's time
  uint32_t action        = 0;     ///< index into RESPONSE_ACTIONS (sim/scenario/Incidents.hpp)
  int level              = 0;     ///< judge_level: the level expected (0: any)
  int category           = 0;     ///< post_sharing_site: the category expected (0: any)
  bool absolute          = false; ///< `by` (an absolute deadline) rather than `within`
  long within_days       = 0;     ///< `within`: its days (business days in business time)
  double within_s        = 0;     ///< `within`: the rest (hours, minutes, seconds), in seconds
  double by_s            = 0;     ///< `by`: the deadline, simulated seconds
  ExerciseAnchor from    = ExerciseAnchor::NOTICE;
  bool business_time     = false; ///< `within` counts business hours on business days only
  double points          = 0;
};

struct ExerciseSpec {
  bool configured = false;
  uint32_t play   = 0;            ///< the agency played by default (`--play` overrides it)
  double late_credit = 0.5;       ///< share of its points a late action earns
  std::vector<ExerciseExpectation> expectations;
};

} // namespace linksim
