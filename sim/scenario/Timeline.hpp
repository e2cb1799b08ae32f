// Scenario section `timeline`: dated events that change the model during a run (design.md §8:
// "from 09:00 Monday" is the unit of a drill and of a schedule change). The loader validates
// them; the World compiles them into tables that are "as of t"; the scheduler actor applies each
// at its time and the timeline collector lists when it applied.
//
//   {"id": "self-restraint", "kind": "manual_answer", "at": "2019-06-18T09:00:00+09:00",
//    "agency": "a-city-03", "mode": "on", "items": [2]}
#pragma once

#include "sim/scenario/Incidents.hpp"
#include "sim/scenario/Permissions.hpp"

#include <string>
#include <vector>

namespace linksim {

enum class TimelineKind {
  MASTER_ROWS, MANUAL_ANSWER, REGISTRATION_FAULT, DISTRIBUTION_FAULT,
  // issue 9, case 1 (response branch)
  REPLICA_MISREGISTRATION
};

inline constexpr EnumTable<TimelineKind, 5> TIMELINE_KINDS{
    "timeline_kind",
    "kind of a timeline event (`timeline[].kind`)",
    {{{TimelineKind::MASTER_ROWS, "master_rows",
       "the hub's distributed permission master allows (`add`) or refuses (`remove`) rows beyond the law's table from "
       "`at` until `until` (a mis-distributed master, マスター配信)"},
      {TimelineKind::MANUAL_ANSWER, "manual_answer",
       "an agency switches manual-answer mode (自動応答不可設定, self-restraint) `on` or `off` at `at`"},
      {TimelineKind::REGISTRATION_FAULT, "registration_fault",
       "an agency's nightly replica registration (副本登録) is skipped, fails or leaves items blank from `at` until "
       "`until`"},
      {TimelineKind::DISTRIBUTION_FAULT, "distribution_fault",
       "the line of an intermediate server (`site`) loses master distributions (マスター配信) sent from `at` until "
       "`until`: the server keeps its old masters until a later attempt reaches it"},
      // issue 9, case 1 (response branch)
      {TimelineKind::REPLICA_MISREGISTRATION, "replica_misregistration",
       "副本登録誤り (incident case 1): from `at`, a provider's replicas of `items` are wrong for `persons` persons "
       "(`mode` wrong_value or blank_reason) until the fix is re-registered; answered by the `incidents` section"}}}};

/// Kinds of the changes the timeline list of result.json reports (a timeline event, or the dates of
/// a permission row, makes one or two of them).
enum class ChangeKind {
  PERMISSION_FROM, PERMISSION_UNTIL, MASTER_ROWS, MASTER_ROWS_END, MANUAL_ANSWER_ON, MANUAL_ANSWER_OFF,
  REGISTRATION_FAULT, REGISTRATION_FAULT_END, DISTRIBUTION_FAULT, DISTRIBUTION_FAULT_END,
  // issue 9, case 1 (response branch)
  REPLICA_MISREGISTRATION
};

inline constexpr EnumTable<ChangeKind, 11> TIMELINE_CHANGES{
    "timeline_change",
    "kind of a change applied during the run (result.json /timeline[].kind)",
    {{{ChangeKind::PERMISSION_FROM, "permission_from", "a permission row comes into force (its `from`)"},
      {ChangeKind::PERMISSION_UNTIL, "permission_until", "a permission row leaves force (its `until`)"},
      {ChangeKind::MASTER_ROWS, "master_rows", "the hub's distributed master starts to differ from the law (a master_rows event)"},
      {ChangeKind::MASTER_ROWS_END, "master_rows_end", "that master_rows event ends"},
      {ChangeKind::MANUAL_ANSWER_ON, "manual_answer_on", "an agency switches manual-answer mode on (or changes the items it holds)"},
      {ChangeKind::MANUAL_ANSWER_OFF, "manual_answer_off", "an agency switches manual-answer mode off"},
      {ChangeKind::REGISTRATION_FAULT, "registration_fault", "an agency's registration fault begins"},
      {ChangeKind::REGISTRATION_FAULT_END, "registration_fault_end", "that registration fault ends"},
      {ChangeKind::DISTRIBUTION_FAULT, "distribution_fault", "a server's line starts losing master distributions"},
      {ChangeKind::DISTRIBUTION_FAULT_END, "distribution_fault_end", "that distribution fault ends"},
      // issue 9, case 1 (response branch)
      {ChangeKind::REPLICA_MISREGISTRATION, "replica_misregistration",
       "a provider's replicas become wrong for some persons (副本登録誤り; it ends with the response's fix)"}}}};

/// What a registration fault does to the batches that extract inside its window.
struct RegistrationFault {
  bool skip              = false; ///< every batch of the window is skipped
  double failure_rate    = -1;    ///< probability a batch fails (< 0: the agency's own rate)
  double null_error_rate = -1;    ///< share of records registered with a blank item (< 0: the agency's own)
};

struct TimelineEvent {
  std::string id;
  TimelineKind kind = TimelineKind::MASTER_ROWS;
  double at_s       = 0;     ///< simulated time it applies
  double until_s    = NEVER; ///< window events: when it ends (NEVER: at the end of the run)
  uint32_t agency   = NONE;
  uint32_t site     = NONE; ///< distribution_fault: the intermediate server whose line fails
  // master_rows
  std::vector<PermissionRow> add, remove;
  // manual_answer
  bool on = false;
  std::vector<uint32_t> items; ///< layouts held (empty: the agency's `manual_answer.items`, else all)
  bool items_given = false;
  // registration_fault
  RegistrationFault fault;
  // replica_misregistration (issue 9 case 1; `items` above are the layouts affected)
  uint64_t persons         = 0; ///< persons whose replicas are wrong
  MisregistrationMode mode = MisregistrationMode::WRONG_VALUE;
};

} // namespace linksim
