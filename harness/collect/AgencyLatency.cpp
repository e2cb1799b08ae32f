#include "harness/collect/AgencyLatency.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

AgencyLatencyCollector::AgencyLatencyCollector(World& w)
{
  const Scenario& sc = w.scenario();
  by_requester_.resize(sc.agencies.size());
  by_provider_.resize(sc.agencies.size());
  by_workload_.resize(sc.workload.size());
  w.recorder().subscribe<ExchangeDone>(this);
}

void AgencyLatencyCollector::add(Keyed& k, size_t i, double s)
{
  if (!k[i])
    k[i] = std::make_unique<CoarseHistogram>();
  k[i]->add(s);
}

void AgencyLatencyCollector::on(const ExchangeDone& e)
{
  if (!e.fetched)
    return;
  const double s = e.ex.t[FETCHED] - e.ex.t[ISSUED];
  add(by_requester_, e.ex.requester, s);
  add(by_provider_, e.ex.provider, s);
  add(by_workload_, e.ex.workload, s);
}

} // namespace linksim
