// End-to-end latency of fetched exchanges by requester, by provider and by workload line, for the
// report's per-agency tables (p50/p95). Only made when the run writes report.html. Each key costs
// nothing until it is touched, then one CoarseHistogram (2.7 KiB), whatever the number of exchanges:
// a national run's 5,000 agencies cost at most ~27 MiB, never per exchange.
#pragma once

#include "harness/collect/Collector.hpp"
#include "sim/trace/CoarseHistogram.hpp"

#include <memory>
#include <vector>

namespace linksim {

class AgencyLatencyCollector : public Subscriber<ExchangeDone> {
public:
  explicit AgencyLatencyCollector(World& w);
  void on(const ExchangeDone& e) override;
  /// nullptr when the key has no fetched exchange.
  const CoarseHistogram* by_requester(size_t a) const { return by_requester_[a].get(); }
  const CoarseHistogram* by_provider(size_t a) const { return by_provider_[a].get(); }
  const CoarseHistogram* by_workload(size_t w) const { return by_workload_[w].get(); }

private:
  using Keyed = std::vector<std::unique_ptr<CoarseHistogram>>;
  static void add(Keyed& k, size_t i, double s);
  Keyed by_requester_, by_provider_, by_workload_;
};

} // namespace linksim
