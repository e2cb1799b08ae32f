// The oracle: classifies each exchange against the ground truth.
//
// Two declarations say everything about the outcome classes:
// - OUTCOMES (below): one row per class, in the order of result.json's counts, with its help, its
//   Japanese name and what it means for the rest of linksim: whether data reached the requester
//   (`provides_data`: a 情報提供 in the seed's counts), whether it is a correctness failure (compare's
//   failing entities, the terminal's always-shown classes) and, for the classes that always fail
//   the run, the name of the built-in check that requires none of them (harness/results/Checks.cpp);
// - the oracle's rules (Oracle.cpp, `oracle_rules()`): the class an exchange gets is that of the
//   first rule, in precedence order, whose condition holds (a requester receiving data it is not
//   entitled to outranks everything else; `correct` is what is left). `linksim reference` prints
//   both.
//
// Two classes need their exact definition here:
//   stale    the data is older than the truth as of the provider's last *due* nightly registration
//            batch (the latest scheduled batch whose window closed before the answer): that batch was
//            skipped, failed, or finished after its window, so a change it should have carried is
//            missing
//   correct  right person, accepted version, rules honoured, in time, and as fresh as the
//            registration schedule allows. Data that changed after the last due batch (normal
//            nightly lag) is correct; it is also counted as `lagging`.
//
// Adding a class: its enum value and row here, its rule in Oracle.cpp (at its place in the
// precedence), the facts the rule reads (OracleFacts, set by sim/trace/Ledger.cpp), its tests.
#pragma once

#include "sim/scenario/EnumTable.hpp"
#include "sim/trace/Refusals.hpp"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace linksim {

enum class Outcome : uint8_t {
  CORRECT,
  STALE,
  WRONG_PERSON,
  WRONG_VERSION,
  NOT_IMPORTABLE,
  NULL_RULE_VIOLATION,
  UNENTITLED,
  MISDELIVERED,
  DENIED,
  NO_REPLICA,
  TIMED_OUT,
  PENDING_MANUAL,
  UNFINISHED,
  TEST_MIXED,
  UNREACHABLE,
  RESTRICTED,
  CODE_DELETED,
  WRONG_DATA,
};

/// An outcome class's descriptor row.
struct OutcomeRow {
  Outcome value;
  const char* name;
  const char* help;
  const char* ja;
  bool provides_data;       ///< data reached the requester (a 情報提供 in the seed's counts)
  bool correctness_failure; ///< wrong data, wrong person, wrong recipient or no entitlement
  bool refusal;             ///< the network refused the request (why: Exchange::deny, result.json /denials)
  /// Not "": the class always fails the run; the built-in check of this name requires its count to be 0.
  const char* builtin_check;
};

// clang-format off
/// The outcome classes in enum order (the order of result.json's counts).
inline constexpr auto OUTCOMES = make_table<OutcomeRow>(
    "outcome",
    "class the oracle gives each exchange (result.json /outcomes, exchanges.csv `outcome`)",
    {{Outcome::CORRECT, "correct",
      "right person, accepted layout version, null rules honoured, in time, as fresh as the registration schedule allows",
      "正常", true, false, false, ""},
     {Outcome::STALE, "stale", "data older than the truth as of the provider's last due nightly registration batch",
      "旧データ", true, false, false, ""}, // ja [unsure]: data older than the truth
     {Outcome::WRONG_PERSON, "wrong_person", "another person's data, or the query named another person",
      "別人のデータ", true, true, false, ""}, // ja [unsure]
     {Outcome::WRONG_VERSION, "wrong_version", "the record's layout version is no longer accepted",
      "版番号不一致", true, true, false, ""},
     {Outcome::NOT_IMPORTABLE, "not_importable",
      "the record is in a layout version the requester's system cannot take yet (its modification for the revision "
      "that introduced the version is not ready)",
      "取込不可", true, true, false, ""}, // ja [unsure]
     {Outcome::NULL_RULE_VIOLATION, "null_rule_violation",
      "an item blank without ReasonOfNull, or a conditional null rule broken",
      "ReasonOfNull規則違反", true, true, false, ""},
     {Outcome::UNENTITLED, "unentitled",
      "the requester received an item the law's permission table does not grant it (always fails the run)",
      "権限外の受領", true, true, false, "builtin: no requester receives an item it is not entitled to"}, // ja [unsure]
     {Outcome::MISDELIVERED, "misdelivered", "data reached an agency other than the requester (always fails the run)",
      "誤送付", true, true, false, "builtin: data reaches the requester and nobody else"},
     {Outcome::DENIED, "denied", "the hub refused it (not in its permission master); nothing delivered",
      "拒否", false, false, true, ""},
     {Outcome::NO_REPLICA, "no_replica", "the provider holds no record for that person and item",
      "副本なし", false, false, false, ""},
     {Outcome::TIMED_OUT, "timed_out", "answered (or still open) after the requester's timeout",
      "タイムアウト", false, false, false, ""},
     {Outcome::PENDING_MANUAL, "pending_manual", "still held for a manual answer (自動応答不可) when the run ended",
      "手動応答待ち", false, false, false, ""},
     {Outcome::UNFINISHED, "unfinished", "still in flight when the drain limit ended the run",
      "未完了", false, false, false, ""},
     {Outcome::TEST_MIXED, "test_mixed",
      "試験・本番混在: a test person and a real one in one exchange (a real person asked in a linkage test or of the "
      "connectivity-check tool; test data for a real person; a real person's data for a test My Number); always fails "
      "the run",
      "試験・本番混在", true, true, false, "builtin: no exchange mixes a test person and a real one"},
     {Outcome::UNREACHABLE, "unreachable",
      "the requester could not reach its intermediate server (its line or the server down when it sent), on every "
      "attempt its retries allowed",
      "接続不可", false, false, false, ""}, // ja [unsure]
     {Outcome::RESTRICTED, "restricted",
      "the hub refused it: the operator restricts the requester's or the provider's connection (接続規制) at that "
      "time; nothing delivered (not a correctness failure)",
      "接続規制", false, false, true, ""},
     {Outcome::CODE_DELETED, "code_deleted",
      "the hub refused it: the requester's agency code derives from a resident code physically deleted on 住基全国センター "
      "(with its linkage code and every agency code derived from it) and not re-acquired yet; nothing delivered",
      "符号削除済み", false, false, true, ""}, // ja [unsure]: the hub finds no linkage code (連携用符号削除)
     {Outcome::WRONG_DATA, "wrong_data",
      "the right person's record with wrong values: the provider's replica was misregistered (副本登録誤り)",
      "誤った副本の提供", true, true, false, ""}});
// clang-format on
constexpr size_t OUTCOME_COUNT = OUTCOMES.size();
static_assert(OUTCOMES.dense(), "counts are arrays indexed by Outcome");

inline const char* to_string(Outcome o) { return OUTCOMES.name(o); }
/// Outcomes where data was provided (a 情報提供 in the seed's counts).
inline bool provides_data(Outcome o) { return OUTCOMES[o].provides_data; }
/// Outcomes that are correctness failures (wrong data, wrong recipient, or no entitlement).
inline bool is_correctness_failure(Outcome o) { return OUTCOMES[o].correctness_failure; }
/// Outcomes that are refusals by the network (counted by reason in result.json /denials).
inline bool is_refusal(Outcome o) { return OUTCOMES[o].refusal; }

/// What the oracle needs to know about one exchange.
struct OracleFacts {
  bool data_answered    = false; ///< the provider answered with data
  bool no_record        = false; ///< the provider answered "no record"
  bool denied           = false; ///< the hub (or the requester's server) refused the request ...
  DenyReason deny       = DenyReason::NOT_PERMITTED; ///< ... for this reason
  bool fetched          = false; ///< a result reached an existing system
  bool fetched_by_other = false; ///< ... and it was not the requester's
  bool late             = false; ///< the requester's timeout passed first
  bool held_at_end      = false; ///< held for a manual answer when the run ended
  bool entitled         = true;  ///< the permission table (law) grants the item to this requester
  bool right_query      = true;  ///< the requester's code named the person it meant
  bool right_person     = true;  ///< the data delivered is that person's
  bool version_ok       = true;  ///< accepted now, and in the version a ready provider would have used
  bool importable       = true;  ///< the requester can take that version
  bool nulls_ok         = true;
  bool values_ok        = true;  ///< the record's values are the registered truth (not misregistered)
  bool test_mixed       = false; ///< a test person and a real one in the exchange (see test_mixed above)
  bool unreachable      = false; ///< every attempt failed at the requester's first hop (network faults)
  bool gave_up          = false; ///< the requester gave up: its last attempt was lost by a fault
  int64_t data_epoch    = 0;
  int64_t due_epoch     = 0;
};

/// The class of an exchange: that of the first of the oracle's rules whose condition holds.
Outcome classify(const OracleFacts& f);

/// The oracle's rules in precedence order, as (class, condition in words), for the docs.
std::vector<std::pair<Outcome, const char*>> oracle_rules();

} // namespace linksim
