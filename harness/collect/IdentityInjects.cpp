#include "harness/collect/IdentityInjects.hpp"

#include "harness/results/ResultShape.hpp"

namespace linksim {

IdentityInjectsCollector::IdentityInjectsCollector(World& w) : w_(w)
{
  const Scenario& sc = w.scenario();
  for (uint32_t i = 0; i < sc.timeline.size(); ++i) {
    const TimelineKind k = sc.timeline[i].kind;
    if (k != TimelineKind::RESIDENT_CODE_ERROR && k != TimelineKind::NUMBER_SWAP)
      continue;
    const auto t = static_cast<uint32_t>(tallies_.size());
    tallies_.push_back(Tally{});
    tallies_.back().event = i;
    for (const auto& [a, b] : w.identity_injects().pairs(i)) {
      by_person_[a].push_back(t);
      by_person_[b].push_back(t);
    }
  }
  w.recorder().subscribe<ExchangeDone>(this);
}

void IdentityInjectsCollector::on(const ExchangeDone& d)
{
  auto it = by_person_.find(d.ex.truth.person);
  if (it == by_person_.end())
    return;
  const Scenario& sc = w_.scenario();
  const double t     = d.ex.t[ISSUED];
  for (uint32_t k : it->second) {
    Tally& y               = tallies_[k];
    const TimelineEvent& e = sc.timeline[y.event];
    if (e.kind == TimelineKind::NUMBER_SWAP && d.ex.requester != e.agency && d.ex.provider != e.agency)
      continue;
    ++y.exchanges;
    ++y.by_class[static_cast<size_t>(d.outcome)];
    if (e.delete_shared_s != NEVER && t < e.delete_shared_s)
      y.asked_before_deletion.insert(d.ex.requester);
    if (d.outcome == Outcome::CODE_DELETED)
      y.failed.insert(d.ex.requester);
    if (!affected(d.outcome))
      continue;
    ++y.affected;
    if (t < e.at_s)
      ++y.affected_before_at;
    if (y.first_s < 0 || t < y.first_s)
      y.first_s = t;
    if (t > y.last_s)
      y.last_s = t;
  }
}

void IdentityInjectsCollector::write(ojson& r, const RunEnd&) const
{
  const Scenario& sc  = w_.scenario();
  const Calendar& cal = w_.calendar();
  const Population& pop = w_.population();
  ojson& out = r["identity_injects"];
  out        = ojson::object();
  auto when  = [&](double t) { return t < 0 || t == NEVER ? ojson() : ojson(cal.format(t)); };
  auto secs  = [&](double t) { return t < 0 || t == NEVER ? ojson() : ojson(t); };
  for (const Tally& y : tallies_) {
    const TimelineEvent& e = sc.timeline[y.event];
    const auto& pairs      = w_.identity_injects().pairs(y.event);
    ojson o;
    o["kind"] = TIMELINE_KINDS.name(e.kind);
    if (e.kind == TimelineKind::RESIDENT_CODE_ERROR)
      o["subcase"] = RESIDENT_CODE_SUBCASES.name(e.subcase);
    o["agency"] = sc.agencies[e.agency].id;
    o["at"]     = cal.format(e.at_s);
    o["at_s"]   = e.at_s;
    o["fixed"]  = when(e.until_s);
    o["fixed_s"] = secs(e.until_s);
    if (e.kind == TimelineKind::RESIDENT_CODE_ERROR) {
      o["fix"] = e.delete_code_s != NEVER ? "delete_code" : e.delete_shared_s != NEVER ? "delete_shared_code"
                 : e.until_s != NEVER       ? "history" : "none";
      o["deleted_s"]   = secs(e.delete_shared_s);
      o["recovered_s"] = secs(e.delete_shared_s == NEVER ? NEVER : e.delete_shared_s + e.reacquire_s);
    }
    ojson pj = ojson::array();
    for (const auto& [a, b] : pairs)
      pj.push_back({a, b});
    o["pairs"]     = pj;
    o[INJECT_COUNTS[0]] = y.exchanges;
    ojson bc       = ojson::object();
    for (size_t c = 0; c < OUTCOME_COUNT; ++c)
      bc[OUTCOMES.entries()[c].name] = y.by_class[c];
    o["by_class"]           = bc;
    o[INJECT_COUNTS[1]]     = y.affected;
    o[INJECT_COUNTS[2]]     = y.affected_before_at;
    o["first_affected"]     = when(y.first_s);
    o["first_affected_s"]   = secs(y.first_s);
    o["last_affected"]      = when(y.last_s);
    o["last_affected_s"]    = secs(y.last_s);
    // Holders of codes derived from the deleted code A (case 2 ④ only): agencies that hold a
    // record of A or of B (they acquired the code to register replicas), or asked about either.
    // Per person, the agencies that cover it (Population::covered_by): its municipality and its
    // previous one, their prefecture, its insurer, and the national bodies covering it — so the
    // cost grows with the pairs and the few national bodies, not with pairs × agencies.
    std::set<uint32_t> holders;
    if (e.delete_shared_s != NEVER) {
      holders = y.asked_before_deletion;
      std::vector<uint32_t> bodies;
      for (uint32_t g = 0; g < sc.agencies.size(); ++g)
        if (sc.agencies[g].kind == AgencyKind::NATIONAL_BODY)
          bodies.push_back(g);
      for (const auto& [a, b] : pairs)
        for (uint64_t p : {a, b}) {
          for (uint32_t g : {pop.residence(p), pop.previous_residence(p), pop.prefecture(p), pop.insurer(p)})
            if (g != NONE && pop.covered_by(g, p))
              holders.insert(g);
          for (uint32_t g : bodies)
            if (pop.covered_by(g, p))
              holders.insert(g);
        }
    }
    o[INJECT_COUNTS[3]] = static_cast<uint64_t>(holders.size()); // every code derived from the deleted one dies
    o[INJECT_COUNTS[4]] = static_cast<uint64_t>(y.failed.size());
    out[e.id]           = o;
  }
}

} // namespace linksim
