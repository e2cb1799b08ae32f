// Identity incidents injected on the timeline (issue 9; seed cases 2 and 3, p.18-20), compiled
// into sparse per-person tables: only the persons an inject names (or draws with the seed) are
// stored, so a national population costs nothing (design.md §2).
//
// Case 2, 住基事務処理誤り (`resident_code_error`): from `at`, person B's record carries person A's
// resident code (住民票コード). The chain follows it: J-LIS derives A's linkage code (連携用符号)
// when any agency acquires B's code; the hub derives A's agency code (機関別符号) for B at every
// agency; a provider that holds B's record registers B's replica (副本) under A's code with its
// first registration batch extracted at or after `at`, replacing A's (one replica per code and
// item: seed p.18 "a query for A returns B's data"). The fix (`until`, or `delete_code` in ① ②)
// gives B its own code back at once for acquisitions, and reaches each replica with the provider's
// next batch. In ④, `delete_shared_code` is the physical deletion of code A on 住基全国センター that
// the seed warns about: code A's linkage code dies, and with it every agency code derived from it,
// for A's holders and B's alike; queries carrying such a code are refused by the hub (code_deleted)
// until the holders have re-acquired (`reacquire_after_hours` later [K]), after which A and B
// carry distinct codes and the replicas are re-registered under them.
//
// Case 3, 個人番号 ↔ 宛名番号 mislink (`number_swap`): from `at` until `until`, the agency's
// integrated addressee system (団体内統合宛名) links A's number to B's internal records and the
// other way round. Its queries about A carry B's code from `at` (the link is read at each query);
// its replicas of A are registered under B's code (and B's under A's) from its first registration
// batch extracted at or after `at` — the replica DB is refreshed only by batches [W13][W14] — and
// the fix reaches them with the first batch extracted at or after `until`.
//
//   IdentityInjects inj(scenario, population, seed);
//   uint64_t whose = inj.resident_person(b, now);      // A while B carries A's code
//   if (inj.code_dead(linkage, now)) ...               // the hub refuses: code_deleted
#pragma once

#include "sim/model/Population.hpp"
#include "sim/scenario/Scenario.hpp"

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace linksim {

/// One (A, B) pair of a resident_code_error.
struct CodeError {
  uint32_t event   = 0;     ///< index into Scenario::timeline
  uint64_t a       = 0;     ///< whose code it is
  uint64_t b       = 0;     ///< who was given it by mistake
  double at_s      = 0;     ///< B carries A's code from then
  double fixed_s   = NEVER; ///< ... until then (for a deletion: the deletion)
  double deleted_s = NEVER; ///< ④: code A physically deleted then
  double recovered_s = NEVER; ///< ... and every holder has re-acquired by then
};

/// One (A, B) pair of a number_swap at an agency.
struct NumberSwap {
  uint32_t event  = 0;
  uint32_t agency = 0;
  uint64_t a = 0, b = 0;
  double at_s    = 0;
  double until_s = NEVER;
};

class IdentityInjects {
public:
  IdentityInjects() = default;
  /// Compiles the scenario's resident_code_error and number_swap events; draws `count` pairs with
  /// the seed (B among the agency's residents / members, A among the whole population, no person
  /// in two injects).
  IdentityInjects(const Scenario& sc, const Population& pop, uint64_t seed);

  bool any() const { return !errors_.empty() || !swaps_.empty(); }
  bool any_deletion() const { return deletions_; }

  /// J-LIS's view: whose resident code person p's record carries at time t (what an agency that
  /// acquires p's code at t is given, and what a holder still holds during a deletion's cascade).
  uint64_t resident_person(uint64_t p, double t) const;
  /// The agency's integrated addressee table at time t: the person whose number it links to p's records.
  uint64_t linked_person(uint32_t agency, uint64_t p, double t) const;
  /// The provider's replica under `own`'s code: whose record it is, given the extraction time of
  /// the provider's latest registered batch and the time now. `holds_b(b)` says whether the
  /// provider holds a record of B for the item asked (else A's replica is untouched).
  template <typename HoldsB>
  uint64_t replica_subject(uint32_t provider, uint64_t own, double extraction_s, double now, HoldsB holds_b) const
  {
    if (!any())
      return own;
    uint64_t subject = own;
    if (auto it = by_a_.find(own); it != by_a_.end())
      for (uint32_t k : it->second) {
        const CodeError& e = errors_[k];
        if (e.at_s <= extraction_s && extraction_s < e.fixed_s && now < e.recovered_s && holds_b(e.b)) {
          subject = e.b;
          break;
        }
      }
    return linked_person(provider, subject, extraction_s);
  }
  /// The hub's check: code A's linkage code was deleted and the holders have not re-acquired yet.
  /// `resident_owner` is the person whose resident code the linkage code derives from.
  bool code_dead(uint64_t resident_owner, double now) const
  {
    if (!deletions_)
      return false;
    auto it = by_a_.find(resident_owner);
    if (it == by_a_.end())
      return false;
    for (uint32_t k : it->second)
      if (errors_[k].deleted_s <= now && now < errors_[k].recovered_s)
        return true;
    return false;
  }

  const std::vector<CodeError>& code_errors() const { return errors_; }
  const std::vector<NumberSwap>& swaps() const { return swaps_; }
  /// The (A, B) pairs of timeline event `event` (given or drawn), empty for other events.
  const std::vector<std::pair<uint64_t, uint64_t>>& pairs(uint32_t event) const { return pairs_[event]; }

private:
  std::vector<CodeError> errors_;
  std::vector<NumberSwap> swaps_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_a_; ///< A → its errors
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_b_; ///< B → its errors
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> swap_by_person_; ///< per agency: person → swaps
  std::vector<uint8_t> has_swaps_;                            ///< per agency
  std::vector<std::vector<std::pair<uint64_t, uint64_t>>> pairs_; ///< per timeline event
  bool deletions_ = false;
};

} // namespace linksim
