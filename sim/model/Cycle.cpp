#include "sim/model/Cycle.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

Cycle::Cycle(const Scenario& sc) : sc_(&sc)
{
  receipts_.resize(sc.sites.size());
  procedure_rev_.assign(sc.procedures.size(), NONE);
  revised_.assign(sc.layouts.size(), 0);
  for (uint32_t r = 0; r < sc.revisions.size(); ++r) {
    const Revision& rev = sc.revisions[r];
    for (uint32_t p : rev.procedures_added)
      procedure_rev_[p] = r;
    for (const auto& [li, vi] : rev.layouts)
      if (sc.layouts[li].versions[vi].pattern != 1)
        revised_[li] = 1;
    // Masters distributed before the run reached every server (the run starts from them).
    if (rev.distribution_s < 0)
      for (uint32_t s = 0; s < sc.sites.size(); ++s)
        received(s, r, rev.distribution_s);
  }
  for (const Delegation& d : sc.delegations)
    delegations_[{d.procedure, d.delegator, d.delegate}].emplace_back(d.from_s, d.until_s);
}

void Cycle::received(uint32_t site, uint32_t rev, double t)
{
  for (const MasterReceipt& m : receipts_[site])
    if (m.revision == rev)
      return; // a second copy changes nothing
  receipts_[site].push_back(MasterReceipt{rev, t, std::max(t, sc_->revisions[rev].go_live_s)});
}

bool Cycle::site_has(uint32_t site, uint32_t rev, double t) const
{
  for (const MasterReceipt& m : receipts_[site])
    if (m.revision == rev)
      return m.effective_s <= t;
  return false;
}

bool Cycle::delegated(uint32_t procedure, uint32_t delegator, uint32_t delegate, double t) const
{
  auto it = delegations_.find({procedure, delegator, delegate});
  if (it == delegations_.end())
    return false;
  for (const auto& [from, until] : it->second)
    if (from <= t && t < until)
      return true;
  return false;
}

void Cycle::registration_starts(uint32_t item, uint32_t provider, uint32_t site, bool ideal, std::vector<double>& out) const
{
  const Layout& l = sc_->layouts[item];
  out.resize(l.versions.size());
  for (size_t v = 0; v < l.versions.size(); ++v) {
    const LayoutVersion& lv = l.versions[v];
    double t                = v == 0 ? -NEVER : lv.registration_from_s;
    if (!ideal && lv.revision != NONE && lv.pattern != 1) {
      const Revision& rev = sc_->revisions[lv.revision];
      const uint32_t slot = rev.agency_slot.empty() ? NONE : rev.agency_slot[provider];
      if (slot != NONE)
        t = std::max(t, rev.agencies[slot].ready_s);
      double effective = NEVER; // its server registers the new version once it runs on the masters
      for (const MasterReceipt& m : receipts_[site])
        if (m.revision == lv.revision)
          effective = m.received_s; // registration in the new version may start before go-live
      t = std::max(t, effective);
    }
    out[v] = t;
  }
}

uint32_t version_at_starts(const std::vector<double>& starts, double t)
{
  uint32_t v = 0;
  for (uint32_t i = 1; i < starts.size(); ++i)
    if (starts[i] <= t)
      v = i;
  return v;
}

uint32_t replica_version_at(const Layout& l, const std::vector<double>& starts, double extraction, double now,
                            bool pattern2_reload)
{
  uint32_t v         = version_at_starts(starts, extraction);
  const uint32_t cur = version_at_starts(starts, now);
  for (uint32_t next = v + 1; next <= cur; ++next) {
    const int pattern = l.versions[next].pattern;
    if (pattern == 2 && pattern2_reload)
      v = next; // past records reloaded in the new layout when the provider could (Layout.hpp)
    else if (pattern == 1 && v + 1 == next)
      v = next;
  }
  return v;
}

} // namespace linksim
