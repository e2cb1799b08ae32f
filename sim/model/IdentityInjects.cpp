#include "sim/model/IdentityInjects.hpp"

#include "sim/model/Hash.hpp"
#include "sim/model/Rng.hpp"

#include <unordered_set>

namespace linksim {

namespace {
constexpr uint64_t TAG_INJECT = 0x494e4a45ULL; // "INJE": pairs drawn for an inject
} // namespace

IdentityInjects::IdentityInjects(const Scenario& sc, const Population& pop, uint64_t seed)
{
  const size_t n = sc.agencies.size();
  pairs_.resize(sc.timeline.size());
  swap_by_person_.resize(n);
  has_swaps_.assign(n, 0);
  // Persons named by any inject (given first, so that drawn ones avoid them).
  std::unordered_set<uint64_t> used;
  for (const TimelineEvent& e : sc.timeline)
    if (e.kind == TimelineKind::RESIDENT_CODE_ERROR || e.kind == TimelineKind::NUMBER_SWAP)
      for (const auto& [a, b] : e.pairs) {
        used.insert(a);
        used.insert(b);
      }
  for (uint32_t i = 0; i < sc.timeline.size(); ++i) {
    const TimelineEvent& e = sc.timeline[i];
    if (e.kind != TimelineKind::RESIDENT_CODE_ERROR && e.kind != TimelineKind::NUMBER_SWAP)
      continue;
    auto& pairs = pairs_[i];
    pairs       = e.pairs;
    if (e.count > 0) {
      // B: a resident / member of the agency (who moved in, or whose link the agency holds);
      // A: anyone (the namesake, or the spouse) — for a swap, another person of the agency.
      Rng rng(mix(seed, TAG_INJECT, i));
      const uint64_t members = pop.member_count(e.agency);
      while (pairs.size() < e.count) {
        const uint64_t b = pop.member(e.agency, rng.below(members));
        const uint64_t a = e.kind == TimelineKind::NUMBER_SWAP ? pop.member(e.agency, rng.below(members))
                                                                : pop.pick_any(rng);
        if (a == b || used.count(a) || used.count(b))
          continue; // drawn again (the loader bounds count by the agency's size)
        used.insert(a);
        used.insert(b);
        pairs.emplace_back(a, b);
      }
    }
    for (const auto& [a, b] : pairs) {
      if (e.kind == TimelineKind::RESIDENT_CODE_ERROR) {
        CodeError ce;
        ce.event   = i;
        ce.a       = a;
        ce.b       = b;
        ce.at_s    = e.at_s;
        ce.fixed_s = e.until_s;
        if (e.delete_shared_s != NEVER) {
          ce.deleted_s   = e.delete_shared_s;
          ce.recovered_s = e.delete_shared_s + e.reacquire_s;
          deletions_     = true;
        }
        const auto k = static_cast<uint32_t>(errors_.size());
        errors_.push_back(ce);
        by_a_[a].push_back(k);
        by_b_[b].push_back(k);
      } else {
        const auto k = static_cast<uint32_t>(swaps_.size());
        swaps_.push_back(NumberSwap{i, e.agency, a, b, e.at_s, e.until_s});
        swap_by_person_[e.agency][a].push_back(k);
        swap_by_person_[e.agency][b].push_back(k);
        has_swaps_[e.agency] = 1;
      }
    }
  }
}

uint64_t IdentityInjects::resident_person(uint64_t p, double t) const
{
  if (errors_.empty())
    return p;
  auto it = by_b_.find(p);
  if (it == by_b_.end())
    return p;
  for (uint32_t k : it->second) {
    const CodeError& e = errors_[k];
    // B carries A's code from `at` to the fix; a holder keeps the code it acquired until it
    // re-acquires after a deletion.
    const double until = e.deleted_s != NEVER ? e.recovered_s : e.fixed_s;
    if (e.at_s <= t && t < until)
      return e.a;
  }
  return p;
}

uint64_t IdentityInjects::linked_person(uint32_t agency, uint64_t p, double t) const
{
  if (swaps_.empty() || !has_swaps_[agency])
    return p;
  const auto& m = swap_by_person_[agency];
  auto it       = m.find(p);
  if (it == m.end())
    return p;
  for (uint32_t k : it->second) {
    const NumberSwap& s = swaps_[k];
    if (s.at_s <= t && t < s.until_s)
      return p == s.a ? s.b : s.a;
  }
  return p;
}

} // namespace linksim
