#include "harness/collect/Revisions.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace linksim {

RevisionsCollector::RevisionsCollector(World& w) : w_(w), sc_(w.scenario())
{
  revs_.resize(sc_.revisions.size());
  for (size_t r = 0; r < sc_.revisions.size(); ++r) {
    const Revision& rev = sc_.revisions[r];
    PerRevision& pr     = revs_[r];
    for (const auto& [li, vi] : rev.layouts)
      pr.keys.push_back(Key{"item:" + std::to_string(sc_.layouts[li].number), true, li, vi});
    std::set<uint32_t> procs(rev.procedures_added.begin(), rev.procedures_added.end());
    for (uint32_t row : rev.rows_added)
      procs.insert(sc_.permissions[row].procedure);
    for (uint32_t d : rev.delegations_added)
      procs.insert(sc_.delegations[d].procedure);
    for (uint32_t p : procs)
      pr.keys.push_back(Key{"procedure:" + sc_.procedures[p].code, false, p, 0});
    pr.first.assign(rev.agencies.size(), std::vector<double>(pr.keys.size(), NEVER));
    pr.concerns.assign(rev.agencies.size(), std::vector<uint8_t>(pr.keys.size(), 0));
    for (size_t slot = 0; slot < rev.agencies.size(); ++slot) {
      const uint32_t a    = rev.agencies[slot].agency;
      const AgencyKind kd = sc_.agencies[a].kind;
      for (size_t k = 0; k < pr.keys.size(); ++k) {
        const Key& key = pr.keys[k];
        bool mine      = false;
        for (const PermissionRow& row : sc_.permissions)
          if (key.item ? row.item == key.index && row.provider.matches(a, kd)
                       : row.procedure == key.index && row.requester.matches(a, kd))
            mine = true;
        if (!key.item)
          for (const Delegation& d : sc_.delegations)
            mine = mine || (d.procedure == key.index && d.delegate == a);
        pr.concerns[slot][k] = mine;
      }
    }
  }
  w.recorder().subscribe<ExchangeDone>(this);
  w.recorder().subscribe<MasterSent>(this);
  if (sc_.verification.configured) {
    reported_.assign(sc_.agencies.size(), NEVER);
    w.recorder().subscribe<VerificationStep>(this);
  }
}

void RevisionsCollector::on(const VerificationStep& e)
{
  if (e.step == VerificationStepKind::REPORTED)
    reported_[e.agency] = std::min(reported_[e.agency], e.t_s);
}

void RevisionsCollector::on(const ExchangeDone& e)
{
  const Exchange& ex = e.ex;
  if (!e.fetched)
    return;
  const double t    = ex.t[FETCHED];
  const bool data   = provides_data(e.outcome);
  for (size_t r = 0; r < revs_.size(); ++r) {
    const Revision& rev = sc_.revisions[r];
    PerRevision& pr     = revs_[r];
    // Layout use around the cutover.
    if (data && t >= rev.go_live_s - USE_BEFORE_S && t < rev.go_live_s + USE_AFTER_S)
      for (const auto& [li, vi] : rev.layouts)
        if (li == ex.item) {
          auto& counts = pr.use[{li, vi}][ex.provider][t < rev.go_live_s ? 0 : 1];
          counts.resize(sc_.layouts[li].versions.size());
          ++counts[ex.version];
        }
    if (e.outcome != Outcome::CORRECT || t < rev.go_live_s)
      continue;
    const uint32_t ps = rev.agency_slot[ex.provider], rs = rev.agency_slot[ex.requester];
    for (size_t k = 0; k < pr.keys.size(); ++k) {
      const Key& key = pr.keys[k];
      if (key.item && ps != NONE && ex.item == key.index && ex.version >= key.version)
        pr.first[ps][k] = std::min(pr.first[ps][k], t);
      if (!key.item && rs != NONE && ex.procedure == key.index)
        pr.first[rs][k] = std::min(pr.first[rs][k], t);
    }
  }
}

void RevisionsCollector::write(ojson& r, const RunEnd&) const
{
  const Calendar& cal = w_.calendar();
  auto when           = [&cal](double t) { return std::isfinite(t) ? ojson(cal.format(t)) : ojson(nullptr); };
  ojson& out          = r["revisions"];
  out                 = ojson::object();
  for (size_t i = 0; i < sc_.revisions.size(); ++i) {
    const Revision& rev   = sc_.revisions[i];
    const PerRevision& pr = revs_[i];
    ojson o;
    o["kind"]         = REVISION_KINDS.name(rev.kind);
    o["distribution"] = cal.format(rev.distribution_s);
    o["go_live"]      = cal.format(rev.go_live_s);
    ojson agencies = ojson::object(), missing = ojson::array();
    for (size_t s = 0; s < rev.agencies.size(); ++s) {
      const RevisionAgency& ra = rev.agencies[s];
      const std::string& id    = sc_.agencies[ra.agency].id;
      ojson a;
      a["provider"]       = ra.provider;
      a["requester"]      = ra.requester;
      a["ready_at"]       = cal.format(ra.ready_s);
      a["application_at"] = cal.format(ra.application_s);
      a["reviewed_at"]    = cal.format(ra.reviewed_s);
      std::vector<GoLiveMiss> misses = ra.misses;
      const bool simulated = sc_.verification.configured && sc_.verification.revision == i &&
                             sc_.verification.agency_slot[ra.agency] != NONE;
      if (simulated) { // the test's end is the simulated completion report, not the computed step
        misses.erase(std::remove(misses.begin(), misses.end(), GoLiveMiss::TEST_LATE), misses.end());
        if (!(reported_[ra.agency] <= rev.go_live_s))
          misses.push_back(GoLiveMiss::TEST_LATE);
        a["tested_at"]   = when(reported_[ra.agency]);
        a["test_source"] = "verification";
      } else
        a["tested_at"] = cal.format(ra.tested_s);
      a["misses_go_live"] = !misses.empty();
      ojson why           = ojson::array();
      for (GoLiveMiss m : misses)
        why.push_back(GO_LIVE_MISSES.name(m));
      a["why"]   = why;
      ojson first = ojson::object();
      for (size_t k = 0; k < pr.keys.size(); ++k)
        if (pr.concerns[s][k])
          first[pr.keys[k].name] = when(pr.first[s][k]);
      a["first_correct"] = first;
      agencies[id]       = a;
      if (!misses.empty())
        missing.push_back(id);
    }
    std::vector<std::string> sorted(missing.begin(), missing.end());
    std::sort(sorted.begin(), sorted.end());
    o["missing_go_live"]    = sorted.size();
    o["agencies_missing"]   = sorted;
    o["agencies"]           = agencies;
    ojson use               = ojson::object();
    for (const auto& [li, vi] : rev.layouts) {
      const Layout& l = sc_.layouts[li];
      ojson u;
      u["version"]   = l.versions[vi].version;
      ojson provs    = ojson::object();
      auto it        = pr.use.find({li, vi});
      if (it != pr.use.end())
        for (const auto& [prov, halves] : it->second) {
          ojson p;
          for (int h = 0; h < 2; ++h) {
            ojson c = ojson::object();
            for (size_t v = 0; v < halves[h].size(); ++v)
              if (halves[h][v])
                c[l.versions[v].version] = halves[h][v];
            p[h == 0 ? "before" : "after"] = c;
          }
          provs[sc_.agencies[prov].id] = p;
        }
      u["providers"]                           = provs;
      use["item:" + std::to_string(l.number)] = u;
    }
    o["layout_use"]      = use;
    out[rev.id]          = o;
  }
  // Masters per intermediate server.
  ojson& masters = r["masters"];
  masters        = ojson::object();
  for (uint32_t s = 0; s < sc_.sites.size(); ++s) {
    if (sc_.sites[s].kind == SiteKind::HUB || sc_.sites[s].kind == SiteKind::JLIS)
      continue;
    ojson list = ojson::array();
    unsigned late = 0;
    for (uint32_t rv = 0; rv < sc_.revisions.size(); ++rv) {
      const Revision& rev = sc_.revisions[rv];
      ojson m;
      m["revision"] = rev.id;
      ojson tries   = ojson::array();
      for (const MasterSent& a : attempts_)
        if (a.site == s && a.revision == rv)
          tries.push_back({{"at", cal.format(a.t_s)}, {"delivered", a.delivered}});
      m["attempts"]       = tries;
      double received = NEVER, effective = NEVER;
      for (const MasterReceipt& rc : w_.cycle().receipts(s))
        if (rc.revision == rv) {
          received  = rc.received_s;
          effective = rc.effective_s;
        }
      m["received_at"]    = when(received);
      m["effective_from"] = when(effective);
      m["late"]           = !(effective <= rev.go_live_s);
      late += !(effective <= rev.go_live_s);
      list.push_back(m);
    }
    masters[sc_.sites[s].id] = {{"late", late}, {"revisions", list}};
  }
}

} // namespace linksim
