// The virtual population: who lives where, who is insured where, who an agency holds records on.
//
// Persons are indices [0, size). Municipalities own contiguous ranges of indices in the order they
// are listed (a person's residence); insurers own ranges of a keyed shuffle of the indices (their
// members); a national body covers the persons whose own shuffle falls below its population. So
// every question is O(log n) arithmetic and nothing is stored per person: memory does not grow with
// the population [design.md §2].
//
//   linksim::Population pop(scenario, seed);
//   uint32_t home = pop.residence(person);
//   uint64_t someone = pop.pick_member(agency, rng);   // a resident / member of that agency
#pragma once

#include "sim/model/Hash.hpp"
#include "sim/model/Rng.hpp"
#include "sim/model/TestPersons.hpp"
#include "sim/scenario/Scenario.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace linksim {

/// std::upper_bound over a sorted table of cumulative counts, narrowed first by a bucket of the
/// value's top bits (at most 4,097 buckets): the same index, in a few probes instead of a binary
/// search over the whole table. Values at or past the table's last count use the full search.
class CumulativeIndex {
public:
  CumulativeIndex() = default;
  explicit CumulativeIndex(const std::vector<uint64_t>& cum)
  {
    const uint64_t total = cum.empty() ? 0 : cum.back();
    while ((total >> shift_) >= 4096)
      ++shift_;
    const uint64_t buckets = (total >> shift_) + 1;
    first_.resize(buckets + 1);
    for (uint64_t b = 0; b <= buckets; ++b)
      first_[b] = static_cast<uint32_t>(std::upper_bound(cum.begin(), cum.end(), b << shift_) - cum.begin());
  }
  /// std::upper_bound(cum.begin(), cum.end(), v) - cum.begin(), for the table it was built from.
  size_t upper(const std::vector<uint64_t>& cum, uint64_t v) const
  {
    const uint64_t b = v >> shift_;
    if (b + 1 >= first_.size())
      return static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), v) - cum.begin());
    // upper_bound(b << shift) <= upper_bound(v) <= upper_bound((b + 1) << shift)
    return static_cast<size_t>(
        std::upper_bound(cum.begin() + first_[b], cum.begin() + first_[b + 1], v) - cum.begin());
  }

private:
  unsigned shift_ = 0;
  std::vector<uint32_t> first_; ///< per bucket b: upper_bound(cum, b << shift_)
};

class Population {
public:
  Population() = default;
  Population(const Scenario& sc, uint64_t seed);

  uint64_t size() const { return size_; }
  /// Municipality (agency index) the person lives in.
  uint32_t residence(uint64_t p) const;
  /// Municipality the person lived in before (their previous address; NONE with one municipality).
  uint32_t previous_residence(uint64_t p) const;
  /// Prefecture of the person's residence (NONE if that municipality has none).
  uint32_t prefecture(uint64_t p) const;
  /// Insurer (agency index) of the person, NONE if not a member of any listed insurer.
  uint32_t insurer(uint64_t p) const;
  /// The agency is a holder of records on this person: a municipality for residents and former
  /// residents, a prefecture for residents of its municipalities, an insurer for its members, a
  /// national body for the persons it covers.
  bool covered_by(uint32_t agency, uint64_t p) const;
  /// A uniformly chosen resident / member / covered person of the agency.
  uint64_t pick_member(uint32_t agency, Rng& rng) const { return member(agency, rng.below(member_count(agency))); }
  /// How many residents / members / covered persons the agency has (residents only, for a
  /// municipality: not its former residents).
  uint64_t member_count(uint32_t agency) const;
  /// The j-th of them (j < member_count), in a fixed order (`linksim persons --agency`).
  uint64_t member(uint32_t agency, uint64_t j) const;
  /// Test My Numbers (試験用個人番号): the reserved test persons (sim/model/TestPersons.hpp). A test
  /// person of agency A lives in A when A is a municipality (no previous residence), belongs to A's
  /// prefecture, is insured by A when A is an insurer, and is covered (holds test data) by A and by
  /// A's test partners (`linkage_test.partners`) only.
  const TestPersons& test_persons() const { return test_; }
  /// The agencies that hold test data for agency `owner`'s test persons (besides itself).
  const std::vector<uint32_t>& test_partners(uint32_t owner) const { return partners_[owner]; }
  /// A uniformly chosen person of the whole population.
  uint64_t pick_any(Rng& rng) const { return rng.below(size_); }

private:
  uint64_t size_ = 0;
  uint64_t seed_ = 0;
  std::vector<AgencyKind> kind_;        ///< per agency
  std::vector<uint32_t> muni_prefecture_; ///< per agency (municipalities), NONE otherwise
  // municipalities: range [muni_cum_[k], muni_cum_[k+1]) belongs to muni_agency_[k]
  std::vector<uint64_t> muni_cum_;
  std::vector<uint32_t> muni_agency_;
  std::vector<uint32_t> muni_rank_; ///< per agency: k, or NONE
  CumulativeIndex muni_index_;
  // prefectures: municipalities ranks per prefecture agency
  std::vector<std::vector<uint32_t>> pref_munis_;
  std::vector<std::vector<uint64_t>> pref_cum_;
  // insurers: shuffled position ranges
  Permutation insurer_shuffle_;
  std::vector<uint64_t> ins_cum_;
  std::vector<uint32_t> ins_agency_;
  std::vector<uint32_t> ins_rank_;
  CumulativeIndex ins_index_;
  // national bodies: own shuffle, covered if position < population
  std::vector<Permutation> body_shuffle_; ///< per agency (empty permutation otherwise)
  std::vector<uint64_t> population_;      ///< per agency
  // test persons (linkage test): reserved at the top of the index space, owned by an agency
  TestPersons test_;
  std::vector<std::vector<uint32_t>> partners_; ///< per owner agency: who holds test data for its test persons
  uint32_t test_residence(uint64_t p) const;
  bool test_covered_by(uint32_t agency, uint64_t p) const;
};

/// The provider a workload line names for a person (NONE if it has none: no insurer, no
/// previous residence, a municipality without a prefecture).
inline uint32_t provider_of(const Workload& wl, const Population& pop, uint64_t person)
{
  switch (wl.provider) {
    case ProviderSelect::RESIDENCE:
      return pop.residence(person);
    case ProviderSelect::PREVIOUS_RESIDENCE:
      return pop.previous_residence(person);
    case ProviderSelect::PREFECTURE_OF_RESIDENCE:
      return pop.prefecture(person);
    case ProviderSelect::INSURER:
      return pop.insurer(person);
    case ProviderSelect::AGENCY:
      return wl.provider_agency;
  }
  return NONE;
}

} // namespace linksim
