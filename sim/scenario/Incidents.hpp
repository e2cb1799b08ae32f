// Scenario section `incidents` and the response actions (domain.md §6, seed p.18-23, 30-31).
//
// An incident is an inject on the timeline (issue 9 case 1: `replica_misregistration`, a provider's
// replicas (副本) wrong for N persons from `at`); the section says how it is detected, judged and
// answered: detection by requesters (a complaint per wrong provision, with a probability) or by the
// provider's own check after a delay; the incident-level table (インシデントレベル判定表: a replica
// error affecting more than 10,000 persons is level 4 [SEED]); for a reportable level (>= 4 [K]):
// self-restraint (自動応答不可), a phone call to the operator, form 03-13 reports (様式03-13: initial
// with sections 1, 2 and 6, interim, final) against their deadlines, a post on the information-
// sharing site (情報共有サイト, category 05 or 06), the fix, lifting self-restraint, and record
// annotation (記録の追記) of every wrong provision by all three parties.
//
//   "incidents": {"detect_probability": 0.05, "own_check_hours": 48,
//                 "levels": [{"above_persons": 10000, "level": 4}], "post_category": "06"}
//
// The actions an agency takes are the ResponseAction values below: the automatic responder
// (agents/response) takes them for every agency except the one an exercise plays
// (`Scenario::exercise_play`), whose actions come from the exercise driver through
// `World::incidents().act(...)` (sim/model/Incidents.hpp).
#pragma once

#include "sim/scenario/Common.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace linksim {

/// One action of the prescribed response (接続運用規程: インシデント対応), as the responder or a
/// trainee takes it.
enum class ResponseAction : uint8_t {
  JUDGE_LEVEL,        ///< judge the level with the incident-level table (argument: the level 1-5)
  SELF_RESTRAINT_ON,  ///< set manual-answer mode (自動応答不可) for the incident's items: needs the VPN up
  PHONE_OPERATOR,     ///< phone the operator (運営主体) at once (level >= 4)
  REPORT_INITIAL,     ///< form 03-13 first report (argument: sections, default 1, 2, 6)
  REPORT_INTERIM,     ///< form 03-13 interim report (default sections 2, 3)
  REPORT_FINAL,       ///< form 03-13 final report = completion report (default sections 3, 4, 5)
  POST_SHARING_SITE,  ///< post on the information-sharing site (argument: category "05" or "06")
  FIX_REPLICAS,       ///< correct the existing system's data: replicas right from the next nightly batch
  ANNOTATE,           ///< record annotation (記録の追記) of the wrong provisions so far: needs the VPN up
  SELF_RESTRAINT_OFF, ///< lift manual-answer mode: needs the VPN up
};

inline constexpr auto RESPONSE_ACTIONS = enum_table<ResponseAction>(
    "response_action",
    "an action of the prescribed incident response (result.json /incidents/<id>/actions[].action, exercise actions)",
    {{ResponseAction::JUDGE_LEVEL, "judge_level", "judge the event with the incident-level table (argument: level 1-5)", "インシデントレベル判定"},
     {ResponseAction::SELF_RESTRAINT_ON, "self_restraint_on",
      "set manual-answer mode (自動応答不可, self-restraint) for the incident's items at the provider; refused while "
      "the agency's VPN is down", "自動応答不可設定"},
     {ResponseAction::PHONE_OPERATOR, "phone_operator", "phone the operator at once (level >= 4)", "運営主体への電話連絡"},
     {ResponseAction::REPORT_INITIAL, "report_initial",
      "file form 03-13 (事象発生報告書兼完了報告書) as the initial report (sections, default 1, 2, 6)", "様式03-13 第一報"},
     {ResponseAction::REPORT_INTERIM, "report_interim", "file form 03-13 as the interim report (default sections 2, 3)", "様式03-13 中間報告"},
     {ResponseAction::REPORT_FINAL, "report_final",
      "file form 03-13 as the final (completion) report (default sections 3, 4, 5)", "様式03-13 完了報告"},
     {ResponseAction::POST_SHARING_SITE, "post_sharing_site",
      "post on the information-sharing site (情報共有サイト), category 05 (failure status) or 06 (incident contacts)", "情報共有サイトへの掲載"},
     {ResponseAction::FIX_REPLICAS, "fix_replicas",
      "correct the data: the provider's next nightly registration batch re-registers the replicas correctly", "副本の再登録"},
     {ResponseAction::ANNOTATE, "annotate",
      "record annotation (記録の追記) of every wrong provision so far; the requester and the hub complete theirs "
      "after their delays; refused while the agency's VPN is down", "記録の追記"},
     {ResponseAction::SELF_RESTRAINT_OFF, "self_restraint_off",
      "lift manual-answer mode (self-restraint); refused while the agency's VPN is down", "自動応答不可解除"}});

/// What an action carries (only the fields its action reads).
struct ActionArg {
  int level = 0;              ///< judge_level: the level judged, 1-5
  std::string category;       ///< post_sharing_site: "05" or "06" (empty: the scenario's post_category)
  std::vector<int> sections;  ///< report_*: form 03-13 sections filed, 1-6 (empty: the report's default)
};

/// What became of an action.
struct ActionResult {
  bool accepted = false;
  std::string reason; ///< why it was refused ("" when accepted)
};

/// How a misregistration makes records wrong (timeline `replica_misregistration`, `mode`).
enum class MisregistrationMode : uint8_t { WRONG_VALUE, BLANK_REASON };

inline constexpr auto MISREGISTRATION_MODES = enum_table<MisregistrationMode>(
    "misregistration_mode",
    "how a replica misregistration (副本登録誤り) makes the affected persons' records wrong (`timeline[].mode`)",
    {{MisregistrationMode::WRONG_VALUE, "wrong_value",
      "the records carry wrong values (the oracle's `wrong_data`)"},
     {MisregistrationMode::BLANK_REASON, "blank_reason",
      "items that must carry a ReasonOfNull are blank instead (seed: item 107 needs NotAcceptable when item 106 is 0): "
      "the oracle's `null_rule_violation`; a record with no such item is not affected"}});

/// One row of the incident-level table (インシデントレベル判定表, 接続運用規程 appendix 4): an
/// incident affecting more than `above_persons` persons is at least `level`.
struct LevelRow {
  uint64_t above_persons = 0;
  int level              = 1;
};

/// Section `incidents`: how incidents are detected and answered (defaults: Params.hpp).
struct IncidentsSpec {
  bool configured = false; ///< the section is present
  /// Detection by requesters: each wrong provision makes the requester's staff complain to the
  /// provider with this probability, after `complaint` (business time).
  double detect_probability = 0;
  Duration complaint;
  /// Detection by the provider's own check: this long (business time) after the inject (< 0: never).
  double own_check_s = -1;
  std::vector<LevelRow> levels; ///< ascending above_persons
  int reportable_level = 4;     ///< levels >= this are reported (phone, form 03-13, post, self-restraint)
  // Delays of each step, in business time after the step before (the responder's pace).
  double judge_s         = 0; ///< detection → level judged
  double restraint_s     = 0; ///< judged → self-restraint on
  double phone_s         = 0; ///< judged → operator phoned
  double initial_s       = 0; ///< judged → initial report filed
  double post_s          = 0; ///< initial report → post on the sharing site
  double fix_s           = 0; ///< judged → data fixed (replicas right from the next batch)
  double interim_s       = 0; ///< fix → interim report
  double lift_s          = 0; ///< replicas re-registered → self-restraint lifted
  double annotate_s      = 0; ///< self-restraint lifted → provider's annotation filed
  double final_s         = 0; ///< annotations complete → final report
  double retry_s         = 0; ///< a refused action (VPN down) is tried again after this long
  double requester_annotation_s = 0; ///< provider's annotation → requester's part (business time)
  double hub_annotation_s       = 0; ///< provider's annotation → hub's part (business time)
  // Deadlines, in elapsed time after detection [K].
  double phone_deadline_s   = 0;
  double initial_deadline_s = 0;
  double interim_deadline_s = 0;
  double final_deadline_s   = 0;
  std::string post_category = "06"; ///< "05" failure status or "06" incident contacts
};

} // namespace linksim
