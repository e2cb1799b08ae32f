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
#include "sim/scenario/Scenario.hpp"

#include <cstdint>
#include <vector>

namespace linksim {

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
  uint64_t pick_member(uint32_t agency, Rng& rng) const;
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
  // prefectures: municipalities ranks per prefecture agency
  std::vector<std::vector<uint32_t>> pref_munis_;
  std::vector<std::vector<uint64_t>> pref_cum_;
  // insurers: shuffled position ranges
  Permutation insurer_shuffle_;
  std::vector<uint64_t> ins_cum_;
  std::vector<uint32_t> ins_agency_;
  std::vector<uint32_t> ins_rank_;
  // national bodies: own shuffle, covered if position < population
  std::vector<Permutation> body_shuffle_; ///< per agency (empty permutation otherwise)
  std::vector<uint64_t> population_;      ///< per agency
};

} // namespace linksim
