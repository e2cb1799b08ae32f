#include "sim/model/Population.hpp"

#include <algorithm>

namespace linksim {

Population::Population(const Scenario& sc, uint64_t seed) : seed_(seed)
{
  const auto n = static_cast<uint32_t>(sc.agencies.size());
  kind_.resize(n);
  muni_prefecture_.assign(n, NONE);
  muni_rank_.assign(n, NONE);
  ins_rank_.assign(n, NONE);
  pref_munis_.resize(n);
  pref_cum_.resize(n);
  body_shuffle_.resize(n);
  population_.resize(n);
  muni_cum_.push_back(0);
  for (uint32_t a = 0; a < n; ++a) {
    const Agency& ag = sc.agencies[a];
    kind_[a]         = ag.kind;
    population_[a]   = ag.population;
    if (ag.kind == AgencyKind::MUNICIPALITY) {
      muni_rank_[a] = static_cast<uint32_t>(muni_agency_.size());
      muni_agency_.push_back(a);
      muni_cum_.push_back(muni_cum_.back() + ag.population);
      muni_prefecture_[a] = ag.prefecture;
    }
  }
  size_       = muni_cum_.back();
  muni_index_ = CumulativeIndex(muni_cum_);
  for (uint32_t k = 0; k < muni_agency_.size(); ++k) {
    const uint32_t pref = muni_prefecture_[muni_agency_[k]];
    if (pref == NONE)
      continue;
    if (pref_cum_[pref].empty())
      pref_cum_[pref].push_back(0);
    pref_munis_[pref].push_back(k);
    pref_cum_[pref].push_back(pref_cum_[pref].back() + (muni_cum_[k + 1] - muni_cum_[k]));
  }
  insurer_shuffle_ = Permutation(mix(seed, 0x494e53ULL), size_ ? size_ : 1);
  ins_cum_.push_back(0);
  for (uint32_t a = 0; a < n; ++a) {
    if (kind_[a] == AgencyKind::INSURER) {
      ins_rank_[a] = static_cast<uint32_t>(ins_agency_.size());
      ins_agency_.push_back(a);
      ins_cum_.push_back(ins_cum_.back() + population_[a]);
    } else if (kind_[a] == AgencyKind::NATIONAL_BODY) {
      body_shuffle_[a] = Permutation(mix(seed, 0x4e4154ULL, a), size_ ? size_ : 1);
    }
  }
  ins_index_ = CumulativeIndex(ins_cum_);
  test_      = TestPersons(size_, n, sc.linkage.test_persons_per_agency);
  partners_  = sc.linkage.partners;
  partners_.resize(n);
}

uint32_t Population::test_residence(uint64_t p) const
{
  if (!test_.is_test(p))
    return NONE;
  const uint32_t a = test_.owner(p);
  return kind_[a] == AgencyKind::MUNICIPALITY ? a : NONE;
}

bool Population::test_covered_by(uint32_t agency, uint64_t p) const
{
  if (!test_.is_test(p))
    return false;
  const uint32_t a = test_.owner(p);
  if (a == agency)
    return true;
  for (uint32_t q : partners_[a])
    if (q == agency)
      return true;
  return false;
}

uint32_t Population::residence(uint64_t p) const
{
  if (p >= size_)
    return test_residence(p);
  return muni_agency_[muni_index_.upper(muni_cum_, p) - 1];
}

uint32_t Population::previous_residence(uint64_t p) const
{
  if (muni_agency_.size() < 2 || p >= size_)
    return NONE; // test persons have no previous residence
  // A person's former address: a municipality drawn with probability proportional to population.
  const uint64_t u  = scale(mix(seed_, p, 0x50524556ULL), size_);
  const uint32_t r  = residence(u);
  const uint32_t me = residence(p);
  if (r != me)
    return r;
  const uint32_t k = muni_rank_[me];
  return muni_agency_[(k + 1) % muni_agency_.size()];
}

uint32_t Population::prefecture(uint64_t p) const
{
  if (p >= size_) {
    if (!test_.is_test(p))
      return NONE;
    const uint32_t a = test_.owner(p);
    return kind_[a] == AgencyKind::PREFECTURE ? a : kind_[a] == AgencyKind::MUNICIPALITY ? muni_prefecture_[a] : NONE;
  }
  return muni_prefecture_[residence(p)];
}

uint32_t Population::insurer(uint64_t p) const
{
  if (p >= size_)
    return test_.is_test(p) && kind_[test_.owner(p)] == AgencyKind::INSURER ? test_.owner(p) : NONE;
  if (ins_agency_.empty())
    return NONE;
  const uint64_t q = insurer_shuffle_.forward(p);
  if (q >= ins_cum_.back())
    return NONE;
  return ins_agency_[ins_index_.upper(ins_cum_, q) - 1];
}

bool Population::covered_by(uint32_t agency, uint64_t p) const
{
  if (p >= size_)
    return test_covered_by(agency, p);
  switch (kind_[agency]) {
    case AgencyKind::MUNICIPALITY:
      return residence(p) == agency || previous_residence(p) == agency;
    case AgencyKind::PREFECTURE:
      return prefecture(p) == agency;
    case AgencyKind::INSURER:
      return insurer(p) == agency;
    case AgencyKind::NATIONAL_BODY:
      return body_shuffle_[agency].forward(p) < population_[agency];
    case AgencyKind::CONNECTIVITY_TOOL: // holds no records: it answers with fixed test data (Hub.cpp)
      return false;
  }
  return false;
}

uint64_t Population::member_count(uint32_t agency) const
{
  switch (kind_[agency]) {
    case AgencyKind::MUNICIPALITY: {
      const uint32_t k = muni_rank_[agency];
      return muni_cum_[k + 1] - muni_cum_[k];
    }
    case AgencyKind::PREFECTURE:
      return pref_cum_[agency].empty() ? 0 : pref_cum_[agency].back();
    case AgencyKind::INSURER: {
      const uint32_t k = ins_rank_[agency];
      return ins_cum_[k + 1] - ins_cum_[k];
    }
    case AgencyKind::NATIONAL_BODY:
      return population_[agency];
    case AgencyKind::CONNECTIVITY_TOOL:
      break;
  }
  return 0;
}

uint64_t Population::member(uint32_t agency, uint64_t j) const
{
  switch (kind_[agency]) {
    case AgencyKind::MUNICIPALITY:
      return muni_cum_[muni_rank_[agency]] + j;
    case AgencyKind::PREFECTURE: {
      const auto& cum = pref_cum_[agency];
      auto it         = std::upper_bound(cum.begin(), cum.end(), j);
      const size_t i  = static_cast<size_t>(it - cum.begin()) - 1;
      return muni_cum_[pref_munis_[agency][i]] + (j - cum[i]);
    }
    case AgencyKind::INSURER:
      return insurer_shuffle_.inverse(ins_cum_[ins_rank_[agency]] + j);
    case AgencyKind::NATIONAL_BODY:
      return body_shuffle_[agency].inverse(j);
    case AgencyKind::CONNECTIVITY_TOOL: // never a requester (the workload section refuses it)
      break;
  }
  return 0;
}

} // namespace linksim
