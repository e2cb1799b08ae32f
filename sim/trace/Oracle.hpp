// The oracle: classifies each exchange against the ground truth.
//
// Classes, checked in this order (the first that applies wins):
//   misdelivered        data reached an agency other than the requester (no mechanism of the
//                       model produces it yet: a guard for future faults)
//   unentitled          the requester received an item the permission table does not grant
//                       (the hub's distributed master let it through); always fails the run
//   test_mixed          試験・本番混在: a test person and a real one in the same exchange: a real
//                       person asked in a linkage test (a linkage-regime test case, or any query to
//                       the connectivity-check tool), whatever became of it; or data delivered whose
//                       subject is a test person for a real one or the other way round (a test
//                       My Number answered with a real person's data, the tool's test data for a
//                       real person). Always fails the run
//   unreachable         every attempt failed when the requester sent it: its own line or its
//                       intermediate server was down (after its retries)
//   timed_out (gave up) the requester's last attempt got no answer within its timeout: a fault lost
//                       it on the way (after its retries)
//   pending_manual      not fetched by the end: held for a manual answer (自動応答不可), or part of a
//                       batch result file that waits for one (timed_out if the requester's
//                       timeout had passed)
//   unfinished          not fetched by the end for another reason: in flight when the drain
//                       limit ended the run (timed_out if the requester's timeout had passed)
//   restricted          the hub refused it because the operator restricts the requester's or the
//                       provider's connection (接続規制, a connection_restriction event); nothing
//                       delivered; not a correctness failure
//   code_deleted        (issue 9) the hub refused it because the requester's agency code derives
//                       from a resident code physically deleted on 住基全国センター and not yet
//                       re-acquired (seed case 2 ④, the cascade); nothing delivered
//   denied              the hub refused it (not in its permission master); nothing delivered
//   wrong_person        the data is another person's, or the query itself named another person
//                       (the requester's code table is wrong) whatever the provider answered
//   no_replica          the provider holds no record for that person and item
//   wrong_version       the record's layout version is no longer accepted
//   not_importable      the requester cannot take the record's layout version yet (not ready for its revision)
//   null_rule_violation an item is blank without ReasonOfNull, or a conditional rule is broken
//   wrong_data          the right person's record, but with wrong values: the provider's replica
//                       was misregistered (副本登録誤り, issue 9 case 1)
//   timed_out           right data, but after the requester's timeout (it had given up)
//   stale               the data is older than the truth as of the provider's last *due* nightly
//                       registration batch (the latest scheduled batch whose window closed
//                       before the answer): that batch was skipped, failed, or finished after
//                       its window, so a change it should have carried is missing
//   correct             right person, accepted version, rules honoured, in time, and as fresh as
//                       the registration schedule allows. Data that changed after the last due
//                       batch (normal nightly lag) is correct; it is also counted as `lagging`.
#pragma once

#include "sim/scenario/EnumTable.hpp"

#include <cstddef>
#include <cstdint>

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
  // linkage test (情報連携試験)
  TEST_MIXED,
  // network and host faults (issue 9, point 1)
  UNREACHABLE,
  // issue 9: connection restriction (接続規制)
  RESTRICTED,
  // issue 9, incidents (case 2 ④: the deletion cascade)
  CODE_DELETED,
  // issue 9, case 1: replica misregistration (response branch)
  WRONG_DATA,
  COUNT
};
constexpr size_t OUTCOME_COUNT = static_cast<size_t>(Outcome::COUNT);

/// The outcome classes in enum order (the order of result.json's counts), with their help.
inline constexpr auto OUTCOMES = enum_table<Outcome>(
    "outcome",
    "class the oracle gives each exchange (result.json /outcomes, exchanges.csv `outcome`)",
    {{Outcome::CORRECT, "correct",
      "right person, accepted layout version, null rules honoured, in time, as fresh as the registration schedule allows", "正常"},
     {Outcome::STALE, "stale", "data older than the truth as of the provider's last due nightly registration batch", "旧データ"}, // [unsure] data older than the truth
     {Outcome::WRONG_PERSON, "wrong_person", "another person's data, or the query named another person", "別人のデータ"}, // [unsure]
     {Outcome::WRONG_VERSION, "wrong_version", "the record's layout version is no longer accepted", "版番号不一致"},
     {Outcome::NOT_IMPORTABLE, "not_importable",
      "the record is in a layout version the requester's system cannot take yet (its modification for the revision "
      "that introduced the version is not ready)", "取込不可"}, // [unsure]
     {Outcome::NULL_RULE_VIOLATION, "null_rule_violation",
      "an item blank without ReasonOfNull, or a conditional null rule broken", "ReasonOfNull規則違反"},
     {Outcome::UNENTITLED, "unentitled",
      "the requester received an item the law's permission table does not grant it (always fails the run)", "権限外の受領"}, // [unsure]
     {Outcome::MISDELIVERED, "misdelivered", "data reached an agency other than the requester (always fails the run)", "誤送付"},
     {Outcome::DENIED, "denied", "the hub refused it (not in its permission master); nothing delivered", "拒否"},
     {Outcome::NO_REPLICA, "no_replica", "the provider holds no record for that person and item", "副本なし"},
     {Outcome::TIMED_OUT, "timed_out", "answered (or still open) after the requester's timeout", "タイムアウト"},
     {Outcome::PENDING_MANUAL, "pending_manual", "still held for a manual answer (自動応答不可) when the run ended", "手動応答待ち"}, // 自動応答不可設定で保留中
     {Outcome::UNFINISHED, "unfinished", "still in flight when the drain limit ended the run", "未完了"},
     {Outcome::TEST_MIXED, "test_mixed",
      "試験・本番混在: a test person and a real one in one exchange (a real person asked in a linkage test or of the "
      "connectivity-check tool; test data for a real person; a real person's data for a test My Number); always fails "
      "the run", "試験・本番混在"}, // linkage test: a test person and a real one in one exchange
     // network and host faults (issue 9, point 1)
     {Outcome::UNREACHABLE, "unreachable",
      "the requester could not reach its intermediate server (its line or the server down when it sent), on every "
      "attempt its retries allowed", "接続不可"}, // [unsure] network faults: the requester could not reach its server
     // issue 9: connection restriction
     {Outcome::RESTRICTED, "restricted",
      "the hub refused it: the operator restricts the requester's or the provider's connection (接続規制) at that "
      "time; nothing delivered (not a correctness failure)", "接続規制"},
     // issue 9, incidents (case 2 ④)
     {Outcome::CODE_DELETED, "code_deleted",
      "the hub refused it: the requester's agency code derives from a resident code physically deleted on 住基全国センター "
      "(with its linkage code and every agency code derived from it) and not re-acquired yet; nothing delivered", "符号削除済み"}, // [unsure] the hub finds no linkage code (連携用符号削除)
     // issue 9, case 1 (response branch)
     {Outcome::WRONG_DATA, "wrong_data",
      "the right person's record with wrong values: the provider's replica was misregistered (副本登録誤り)", "誤った副本の提供"}}); // a misregistered replica answered
static_assert(OUTCOMES.dense() && OUTCOMES.size() == OUTCOME_COUNT, "counts are arrays indexed by Outcome");
inline const char* to_string(Outcome o) { return OUTCOMES.name(o); }

/// Outcomes where data was provided (a 情報提供 in the seed's counts).
bool provides_data(Outcome o);
/// Outcomes that are correctness failures (wrong data, wrong recipient, or no entitlement).
bool is_correctness_failure(Outcome o);

/// What the oracle needs to know about one exchange.
struct OracleFacts {
  bool data_answered    = false; ///< the provider answered with data
  bool no_record        = false; ///< the provider answered "no record"
  bool denied           = false; ///< the hub refused the request
  bool code_deleted     = false; ///< ... because the code's linkage code was deleted (issue 9)
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
  // issue 9
  bool restricted       = false; ///< ... refused because of a connection restriction (接続規制)
};

Outcome classify(const OracleFacts& f);

} // namespace linksim
