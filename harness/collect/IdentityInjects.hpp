// The identity incidents injected on the timeline (issue 9, cases 2 and 3) and what the oracle
// caught of them (result.json /identity_injects/<id>): per inject its kind, sub-case, agency,
// times, persons (given or drawn with the seed), the exchanges about those persons by outcome
// class, how many were affected (wrong_person or code_deleted) and when first and last, how many
// were affected before `at` (must be none), and for a deletion cascade (case 2 ④) the holders of
// codes derived from the deleted code — agencies that hold a record of A or B, or asked about
// them before the deletion (the seed: "nobody can quickly tell who acquired codes") — and how
// many of them had a query refused.
//
// An exchange belongs to a resident_code_error when the person its caseworker meant is one of the
// inject's persons; to a number_swap when, in addition, the swapping agency is its requester or
// its provider. Made only when the scenario has such injects.
#pragma once

#include "harness/collect/Collector.hpp"

#include <array>
#include <set>
#include <unordered_map>
#include <vector>

namespace linksim {

class IdentityInjectsCollector : public Collector, Subscriber<ExchangeDone> {
public:
  explicit IdentityInjectsCollector(World& w);
  void on(const ExchangeDone& e) override;
  void write(ojson& result, const RunEnd& end) const override;

  /// An outcome that an identity inject causes (wrong_person, code_deleted).
  static bool affected(Outcome o) { return o == Outcome::WRONG_PERSON || o == Outcome::CODE_DELETED; }

private:
  struct Tally {
    uint32_t event = 0;
    std::array<uint64_t, OUTCOME_COUNT> by_class{};
    uint64_t exchanges = 0, affected = 0, affected_before_at = 0;
    double first_s = -1, last_s = -1;
    std::set<uint32_t> asked_before_deletion; ///< requesters that asked about A or B before the deletion
    std::set<uint32_t> failed;                ///< agencies with a query refused (code_deleted)
  };
  const World& w_;
  std::vector<Tally> tallies_;                                    ///< one per inject event
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_person_; ///< person → tallies
};

} // namespace linksim
