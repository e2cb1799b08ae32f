#include "harness/collect/Drills.hpp"

#include "sim/model/Drill.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

namespace {
enum Count : size_t { TARGETED, REACHED, ACKNOWLEDGED, STALE, NOT_REACHED, NO_ACK, NEVER_ACK, REACH };
enum Why : size_t { WHY_STALE, WHY_NOT_REACHED, WHY_NO_ACK };

double round3(double x) { return std::round(x * 1000) / 1000; }

/// Counts and time-to-acknowledge statistics of a group of targets.
struct Group {
  uint64_t n[REACH] = {};
  std::vector<double> minutes; ///< time to acknowledge (rounded as written per agency)
  ojson write() const
  {
    ojson o;
    for (size_t k = 0; k < REACH; ++k)
      o[DRILL_COUNTS[k]] = n[k];
    o[DRILL_COUNTS[REACH]] = n[TARGETED] ? std::round(static_cast<double>(n[ACKNOWLEDGED]) / static_cast<double>(n[TARGETED]) * 10000) / 10000 : 0.0;
    std::vector<double> s = minutes;
    std::sort(s.begin(), s.end());
    ojson t;
    t[DRILL_ACK_STATS[0]] = s.size();
    double sum = 0;
    for (double x : s)
      sum += x;
    auto num = [&s](double v) { return s.empty() ? ojson(nullptr) : ojson(round3(v)); };
    t[DRILL_ACK_STATS[1]] = num(s.empty() ? 0 : sum / static_cast<double>(s.size()));
    t[DRILL_ACK_STATS[2]] = num(nearest_rank(s, 0.50));
    t[DRILL_ACK_STATS[3]] = num(nearest_rank(s, 0.90));
    t[DRILL_ACK_STATS[4]] = num(nearest_rank(s, 0.95));
    t[DRILL_ACK_STATS[5]] = num(s.empty() ? 0 : s.back());
    o["time_to_ack_minutes"] = t;
    return o;
  }
};
} // namespace

DrillsCollector::DrillsCollector(World& w) : w_(w), sc_(w.scenario())
{
  posted_.assign(sc_.drills.size(), NEVER);
  slot_.resize(sc_.drills.size());
  targets_.resize(sc_.drills.size());
  for (size_t d = 0; d < sc_.drills.size(); ++d) {
    slot_[d].assign(sc_.agencies.size(), NONE);
    for (uint32_t k = 0; k < sc_.drills[d].targets.size(); ++k)
      slot_[d][sc_.drills[d].targets[k]] = k;
    targets_[d].resize(sc_.drills[d].targets.size());
  }
  w.recorder().subscribe<DrillPosted>(this);
  w.recorder().subscribe<Notified>(this);
  w.recorder().subscribe<Acknowledged>(this);
}

void DrillsCollector::on(const Notified& e)
{
  Target& t     = targets_[e.drill][slot_[e.drill][e.agency]];
  t.notified_s  = e.t_s;
  t.state       = e.reached ? 1 : 2;
}

void DrillsCollector::on(const Acknowledged& e) { targets_[e.drill][slot_[e.drill][e.agency]].ack_s = e.t_s; }

void DrillsCollector::write(ojson& r, const RunEnd&) const
{
  const Calendar& cal = w_.calendar();
  auto when = [&cal](double t) { return std::isfinite(t) ? ojson(cal.format(t)) : ojson(nullptr); };
  ojson all = ojson::object();
  for (size_t d = 0; d < sc_.drills.size(); ++d) {
    const Drill& dr = sc_.drills[d];
    Group total;
    Group kinds[DRILL_KINDS.size()];
    std::vector<uint8_t> kind_targeted(DRILL_KINDS.size(), 0);
    ojson agencies = ojson::object();
    struct Late {
      double minutes;
      uint32_t agency;
    };
    std::vector<Late> acked;
    ojson never = ojson::array();
    for (uint32_t k = 0; k < dr.targets.size(); ++k) {
      const uint32_t a  = dr.targets[k];
      const Agency& ag  = sc_.agencies[a];
      const size_t kind = drill_kind_index(ag.kind);
      const Target& t   = targets_[d][k];
      kind_targeted[kind] = 1;
      const bool reached = t.state == 1 && t.notified_s <= dr.cutoff_s;
      const bool ack     = reached && t.ack_s <= dr.cutoff_s;
      const size_t why   = ack ? DRILL_WHY.size() : t.state == 2 ? WHY_STALE : !reached ? WHY_NOT_REACHED : WHY_NO_ACK;
      const double minutes = ack ? round3((t.ack_s - dr.posted_s) / 60) : NEVER;
      for (Group* g : {&total, &kinds[kind]}) {
        ++g->n[TARGETED];
        g->n[REACHED] += reached;
        g->n[ACKNOWLEDGED] += ack;
        g->n[STALE] += why == WHY_STALE;
        g->n[NOT_REACHED] += why == WHY_NOT_REACHED;
        g->n[NO_ACK] += why == WHY_NO_ACK;
        g->n[NEVER_ACK] += !ack;
        if (ack)
          g->minutes.push_back(minutes);
      }
      ojson o;
      o["kind"]            = AGENCY_KINDS.name(ag.kind);
      o["mail_received_at"] = reached ? when(t.notified_s) : ojson(nullptr);
      o["acknowledged_at"] = ack ? when(t.ack_s) : ojson(nullptr);
      o["minutes"]         = ack ? ojson(minutes) : ojson(nullptr);
      o["why"]             = ack ? ojson(nullptr) : ojson(DRILL_WHY[why]);
      agencies[ag.id]      = o;
      if (ack)
        acked.push_back({minutes, a});
      else
        never.push_back({{"agency", ag.id}, {"kind", AGENCY_KINDS.name(ag.kind)}, {"why", DRILL_WHY[why]}});
    }
    ojson o = total.write();
    o["category"] = DRILL_CATEGORIES.name(dr.category);
    o["occurred"] = cal.format(dr.occurred_s);
    o["posted"]   = std::isfinite(posted_[d]) ? cal.format(posted_[d]) : ojson(nullptr);
    o["resolved"] = cal.format(dr.resolved_s);
    o["cutoff"]   = cal.format(dr.cutoff_s);
    // D, A, R apart: MTTD and MTTR are the drill's own (its simulated incident); MTTA is measured.
    o[DRILL_TIMES[0]] = round3((dr.posted_s - dr.occurred_s) / 60);
    o[DRILL_TIMES[1]] = o["time_to_ack_minutes"]["mean"];
    o[DRILL_TIMES[2]] = round3((dr.resolved_s - dr.occurred_s) / 60);
    ojson by_kind = ojson::object();
    for (size_t k = 0; k < DRILL_KINDS.size(); ++k)
      if (kind_targeted[k])
        by_kind[AGENCY_KINDS.name(DRILL_KINDS[k])] = kinds[k].write();
    o["by_kind"] = by_kind;
    // Stragglers: the last `stragglers` to acknowledge (latest first; ties: agency order), then
    // every agency that never did.
    std::stable_sort(acked.begin(), acked.end(), [](const Late& x, const Late& y) { return x.minutes > y.minutes; });
    ojson last = ojson::array();
    for (size_t i = 0; i < acked.size() && i < dr.stragglers; ++i) {
      const Agency& ag = sc_.agencies[acked[i].agency];
      last.push_back({{"agency", ag.id},
                      {"kind", AGENCY_KINDS.name(ag.kind)},
                      {"acknowledged_at", agencies[ag.id]["acknowledged_at"]},
                      {"minutes", acked[i].minutes}});
    }
    o["stragglers"] = {{"last", last}, {"never", never}};
    o["agencies"]   = agencies;
    all[dr.id]      = o;
  }
  r["drills"] = all;
}

} // namespace linksim
