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

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace linksim {

enum class TimelineKind {
  MASTER_ROWS, MANUAL_ANSWER, REGISTRATION_FAULT, DISTRIBUTION_FAULT,
  // network and host faults (issue 9, point 1)
  LINK_DOWN, LINK_DEGRADED, HOST_DOWN, PLANNED_OUTAGE, VPN_FAULT,
  // issue 9: connection restriction (接続規制)
  CONNECTION_RESTRICTION,
  // issue 9, incidents (cases 2 and 3)
  RESIDENT_CODE_ERROR, NUMBER_SWAP,
  // issue 9, case 1 (response branch)
  REPLICA_MISREGISTRATION
};

inline constexpr auto TIMELINE_KINDS = enum_table<TimelineKind>(
    "timeline_kind",
    "kind of a timeline event (`timeline[].kind`)",
    {{TimelineKind::MASTER_ROWS, "master_rows",
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
     // network and host faults (issue 9, point 1)
     {TimelineKind::LINK_DOWN, "link_down",
      "a line is down from `at` until `until`: an agency's own line (`agency`), a site's uplink (`site`) or J-LIS's "
      "line (`jlis`: true); messages on it are lost, sends over it fail"},
     {TimelineKind::LINK_DEGRADED, "link_degraded",
      "a line (as for link_down) is slow from `at` until `until`: latency × `latency_factor`, bandwidth ÷ "
      "`bandwidth_divisor`"},
     {TimelineKind::HOST_DOWN, "host_down",
      "a host is down from `at` until `until`: an intermediate server (`site`), the hub (`host`: \"hub\") or J-LIS "
      "(`host`: \"jlis\"); its workers die with the messages they hold and restart when it comes back"},
     {TimelineKind::PLANNED_OUTAGE, "planned_outage",
      "計画停止: an announced outage from `at` until `until` of an agency's line (`agency`), J-LIS's line (`jlis`: "
      "true), an intermediate server (`site`), the hub or J-LIS (`host`)"},
     {TimelineKind::VPN_FAULT, "vpn_fault",
      "an agency's VPN device (its own line, `agency`) is down from `at` until `until` (or the end), e.g. it did not "
      "come back after a planned outage (seed case 4): while it is down the agency cannot switch "
      "manual-answer mode or annotate records (不開示 flags are fixed per record in this model: none to refuse)"},
     // issue 9: connection restriction
     {TimelineKind::CONNECTION_RESTRICTION, "connection_restriction",
      "the operator restricts an agency's connection (接続規制) from `at` until `until`: the hub refuses every "
      "request the agency makes, and every request addressed to it as provider (outcome `restricted`)"},
     // issue 9, incidents (cases 2 and 3)
     {TimelineKind::RESIDENT_CODE_ERROR, "resident_code_error",
      "住基事務処理誤り (seed case 2): person B's record carries person A's resident code (住民票コード) from `at` "
      "until it is fixed (`until`, `delete_code` in sub-cases ① ②, or `delete_shared_code` in ④ with its cascade)"},
     {TimelineKind::NUMBER_SWAP, "number_swap",
      "個人番号 ↔ 宛名番号 mislink (seed case 3) at an agency from `at` until `until`: its queries about the swapped "
      "persons name the other person, and its replicas are registered under the other's code from its next batch"},
     // issue 9, case 1 (response branch)
     {TimelineKind::REPLICA_MISREGISTRATION, "replica_misregistration",
      "副本登録誤り (incident case 1): from `at`, a provider's replicas of `items` are wrong for `persons` persons "
      "(`mode` wrong_value or blank_reason) until the fix is re-registered; answered by the `incidents` section"}});

/// Kinds of the changes the timeline list of result.json reports (a timeline event, or the dates of
/// a permission row, makes one or two of them).
enum class ChangeKind {
  PERMISSION_FROM, PERMISSION_UNTIL, MASTER_ROWS, MASTER_ROWS_END, MANUAL_ANSWER_ON, MANUAL_ANSWER_OFF,
  REGISTRATION_FAULT, REGISTRATION_FAULT_END, DISTRIBUTION_FAULT, DISTRIBUTION_FAULT_END,
  // network and host faults (issue 9, point 1)
  LINK_DOWN, LINK_DOWN_END, LINK_DEGRADED, LINK_DEGRADED_END, HOST_DOWN, HOST_DOWN_END, PLANNED_OUTAGE,
  PLANNED_OUTAGE_END, VPN_FAULT, VPN_FAULT_END, MANUAL_ANSWER_REFUSED,
  // issue 9: connection restriction
  CONNECTION_RESTRICTION, CONNECTION_RESTRICTION_END,
  // issue 9, incidents (cases 2 and 3)
  RESIDENT_CODE_ERROR, RESIDENT_CODE_FIXED, RESIDENT_CODE_DELETED, CODES_REACQUIRED, NUMBER_SWAP, NUMBER_SWAP_END,
  // issue 9, case 1 (response branch)
  REPLICA_MISREGISTRATION
};

inline constexpr auto TIMELINE_CHANGES = enum_table<ChangeKind>(
    "timeline_change",
    "kind of a change applied during the run (result.json /timeline[].kind)",
    {{ChangeKind::PERMISSION_FROM, "permission_from", "a permission row comes into force (its `from`)", "許可の適用開始"},
     {ChangeKind::PERMISSION_UNTIL, "permission_until", "a permission row leaves force (its `until`)", "許可の適用終了"},
     {ChangeKind::MASTER_ROWS, "master_rows", "the hub's distributed master starts to differ from the law (a master_rows event)", "配信マスターの差異"},
     {ChangeKind::MASTER_ROWS_END, "master_rows_end", "that master_rows event ends", "配信マスターの差異解消"},
     {ChangeKind::MANUAL_ANSWER_ON, "manual_answer_on", "an agency switches manual-answer mode on (or changes the items it holds)", "自動応答不可設定"},
     {ChangeKind::MANUAL_ANSWER_OFF, "manual_answer_off", "an agency switches manual-answer mode off", "自動応答不可解除"},
     {ChangeKind::REGISTRATION_FAULT, "registration_fault", "an agency's registration fault begins", "副本登録障害"},
     {ChangeKind::REGISTRATION_FAULT_END, "registration_fault_end", "that registration fault ends", "副本登録障害終了"},
     {ChangeKind::DISTRIBUTION_FAULT, "distribution_fault", "a server's line starts losing master distributions", "マスター配信障害"},
     {ChangeKind::DISTRIBUTION_FAULT_END, "distribution_fault_end", "that distribution fault ends", "マスター配信障害終了"},
     // network and host faults (issue 9, point 1)
     {ChangeKind::LINK_DOWN, "link_down", "a line goes down (a link_down event)", "回線断"},
     {ChangeKind::LINK_DOWN_END, "link_down_end", "that line is up again", "回線復旧"},
     {ChangeKind::LINK_DEGRADED, "link_degraded", "a line becomes slow (a link_degraded event)", "回線品質低下"}, // [unsure]
     {ChangeKind::LINK_DEGRADED_END, "link_degraded_end", "that line is back to its speed", "回線品質回復"}, // [unsure]
     {ChangeKind::HOST_DOWN, "host_down", "a host goes down (a host_down event)", "サーバー停止"},
     {ChangeKind::HOST_DOWN_END, "host_down_end", "that host is up again (its workers restart)", "サーバー復旧"},
     {ChangeKind::PLANNED_OUTAGE, "planned_outage", "an announced outage (計画停止) begins", "計画停止"},
     {ChangeKind::PLANNED_OUTAGE_END, "planned_outage_end", "that planned outage ends", "計画停止終了"},
     {ChangeKind::VPN_FAULT, "vpn_fault", "an agency's VPN device is down", "VPN装置障害"},
     {ChangeKind::VPN_FAULT_END, "vpn_fault_end", "that VPN device works again", "VPN装置復旧"},
     {ChangeKind::MANUAL_ANSWER_REFUSED, "manual_answer_refused",
      "an agency could not switch manual-answer mode: its line (VPN device) was down; the mode did not change", "自動応答不可設定不能"}, // [unsure] seed case 4
     // issue 9: connection restriction
     {ChangeKind::CONNECTION_RESTRICTION, "connection_restriction",
      "the operator restricts an agency's connection (接続規制): the hub refuses its requests", "接続規制"},
     {ChangeKind::CONNECTION_RESTRICTION_END, "connection_restriction_end", "that connection restriction is lifted", "接続規制解除"}, // [unsure]
     // issue 9, incidents (cases 2 and 3)
     {ChangeKind::RESIDENT_CODE_ERROR, "resident_code_error", "person B's record starts to carry person A's resident code", "住基事務処理誤り（住民票コード誤付番）"},
     {ChangeKind::RESIDENT_CODE_FIXED, "resident_code_fixed",
      "the resident-code error is fixed (history corrected, or the unused code deleted in sub-cases ① ②)", "住民票コードの修正"},
     {ChangeKind::RESIDENT_CODE_DELETED, "resident_code_deleted",
      "code A is physically deleted on 住基全国センター: its linkage code and every agency code derived from it die", "住民票コードの物理削除"},
     {ChangeKind::CODES_REACQUIRED, "codes_reacquired", "the holders of the deleted codes have re-acquired them (符号取得)", "機関別符号の再取得"},
     {ChangeKind::NUMBER_SWAP, "number_swap", "an agency's 個人番号 ↔ 宛名番号 links of two persons are swapped", "個人番号と内部番号のひも付け誤り"},
     {ChangeKind::NUMBER_SWAP_END, "number_swap_end", "that swap is fixed", "ひも付け誤りの修正"},
     // issue 9, case 1 (response branch)
     {ChangeKind::REPLICA_MISREGISTRATION, "replica_misregistration",
      "a provider's replicas become wrong for some persons (副本登録誤り; it ends with the response's fix)", "副本登録誤り"}});


/// What a network or host fault acts on (sim/scenario/Timeline.hpp, kinds link_down .. vpn_fault).
enum class FaultTarget : uint8_t { NONE, AGENCY_LINE, SITE_UPLINK, JLIS_LINE, SITE_HOST, HUB_HOST, JLIS_HOST };
/// The timeline kind is a network or host fault applied through SimGrid (a link or a host).
inline bool is_network_fault(TimelineKind k)
{
  return k == TimelineKind::LINK_DOWN || k == TimelineKind::LINK_DEGRADED || k == TimelineKind::HOST_DOWN ||
         k == TimelineKind::PLANNED_OUTAGE || k == TimelineKind::VPN_FAULT;
}
inline bool is_host_target(FaultTarget t)
{
  return t == FaultTarget::SITE_HOST || t == FaultTarget::HUB_HOST || t == FaultTarget::JLIS_HOST;
}

// --- issue 9, incidents (cases 2 and 3) ------------------------------------------------------

/// The seed's five sub-cases of a 住基 processing error (seed p.19, figure ①–⑤).
enum class ResidentCodeSubcase {
  DUPLICATE_AT_BIRTH, WRONG_NEW_CODE_ON_MOVE_IN, OTHER_PERSONS_CODE_ON_MOVE_IN, ONE_CODE_TWO_PERSONS, CHANGED_BY_MISTAKE
};

inline constexpr auto RESIDENT_CODE_SUBCASES = enum_table<ResidentCodeSubcase>(
    "resident_code_subcase",
    "sub-case of a resident_code_error (`timeline[].subcase`, seed p.19 ①–⑤); each makes B's records carry A's code",
    {{ResidentCodeSubcase::DUPLICATE_AT_BIRTH, "duplicate_at_birth",
      "① 出生時の二重付番: a second code X was issued at a birth and is assigned to nobody; physical deletion of X "
      "(`delete_code`) is allowed"},
     {ResidentCodeSubcase::WRONG_NEW_CODE_ON_MOVE_IN, "wrong_new_code_on_move_in",
      "② 転入時の新規住民票コード誤付番: a new code X issued on a move-in by mistake; physical deletion of X "
      "(`delete_code`) is allowed"},
     {ResidentCodeSubcase::OTHER_PERSONS_CODE_ON_MOVE_IN, "other_persons_code_on_move_in",
      "③ 転入時の別人の住民票コードでの誤更新 (spouses mixed up): fixed by deleting the 本人確認情報 history (`until`), "
      "never by physical deletion"},
     {ResidentCodeSubcase::ONE_CODE_TWO_PERSONS, "one_code_two_persons",
      "④ 誤って異なる個人に同一の住民票コード (B from abroad matched to namesake A): fixed by the history (`until`); "
      "`delete_shared_code` simulates the physical deletion of code A the seed warns about, with its cascade"},
     {ResidentCodeSubcase::CHANGED_BY_MISTAKE, "changed_by_mistake",
      "⑤ 誤って住民票コードを変更: fixed by cancelling the change (`until`), never by physical deletion"}});

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
  // network and host faults (link_down, link_degraded, host_down, planned_outage, vpn_fault)
  FaultTarget target       = FaultTarget::NONE; ///< the line or host (with `agency` / `site`)
  double latency_factor    = 1; ///< link_degraded: latency × this
  double bandwidth_divisor = 1; ///< link_degraded: bandwidth ÷ this
  bool refused             = false; ///< manual_answer: refused (the agency's line was down then)
  // connection_restriction (issue 9)
  bool as_provider = true; ///< requests addressed to the agency are refused too (params::RESTRICT_AS_PROVIDER)
  // --- issue 9, incidents: resident_code_error (case 2) and number_swap (case 3) ---
  ResidentCodeSubcase subcase = ResidentCodeSubcase::DUPLICATE_AT_BIRTH;
  /// (A, B) person pairs: B's record carries A's code (resident_code_error) / A and B swapped (number_swap).
  /// Empty when `count` pairs are drawn with the run's seed (sim/model/IdentityInjects.hpp).
  std::vector<std::pair<uint64_t, uint64_t>> pairs;
  uint32_t count           = 0;     ///< pairs drawn with the seed (0: `pairs` given)
  double delete_code_s     = NEVER; ///< ① ②: physical deletion of the unused code X (the fix)
  double delete_shared_s   = NEVER; ///< ④: physical deletion of code A on 住基全国センター (the cascade)
  double reacquire_s       = 0;     ///< ④: holders re-acquire their agency codes this long after the deletion
  // replica_misregistration (issue 9 case 1; `items` above are the layouts affected)
  uint64_t persons         = 0; ///< persons whose replicas are wrong
  MisregistrationMode mode = MisregistrationMode::WRONG_VALUE;
};

} // namespace linksim
