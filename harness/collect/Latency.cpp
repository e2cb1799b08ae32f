#include "harness/collect/Latency.hpp"

#include "harness/results/ResultShape.hpp"

#include <cmath>

namespace linksim {

namespace {
double ms(double s) { return std::round(s * 1e6) / 1e3; } // milliseconds, to the microsecond
} // namespace

void LatencyCollector::on(const ExchangeDone& e)
{
  if (!e.fetched)
    return;
  const Exchange& ex = e.ex;
  const double e2e   = ex.t[FETCHED] - ex.t[ISSUED];
  e2e_.add(e2e);
  (ex.batch ? e2e_batch_ : e2e_immediate_).add(e2e);
  for (size_t h = 0; h < HOP_COUNT; ++h) {
    const double a = ex.t[HOPS[h].from], b = ex.t[HOPS[h].to];
    if (!std::isnan(a) && !std::isnan(b)) {
      hops_[h].add(b - a);
      hops_by_mode_[ex.batch][h].add(b - a);
    }
  }
  if (!std::isnan(ex.t[HUB_REQ_IN]))
    hub_wait_.add(ex.hub_wait_s);
}

ojson stats_json(const Histogram& h)
{
  const double values[] = {static_cast<double>(h.count()), ms(h.mean()), ms(h.percentile(50)), ms(h.percentile(90)),
                           ms(h.percentile(95)), ms(h.percentile(99)), ms(h.max())};
  ojson o;
  for (size_t i = 0; i < LATENCY_STATS.size(); ++i)
    if (i == 0)
      o[LATENCY_STATS[i]] = h.count();
    else
      o[LATENCY_STATS[i]] = values[i];
  o["exact"] = h.exact();
  return o;
}

void LatencyCollector::write(ojson& r, const RunEnd&) const
{
  const Histogram* series[] = {&e2e_, &e2e_immediate_, &e2e_batch_, &hub_wait_}; // LATENCY_SERIES' order
  ojson& lat                = r["latency"];
  for (size_t i = 0; i < LATENCY_SERIES.size(); ++i)
    lat[LATENCY_SERIES[i]] = stats_json(*series[i]);
  ojson hops;
  for (size_t h = 0; h < HOP_COUNT; ++h)
    hops[HOPS[h].name] = stats_json(hops_[h]);
  lat["hops"] = hops;
}

} // namespace linksim
