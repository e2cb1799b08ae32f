// Latency: end-to-end (all, immediate, batch), the hub's queue wait and the 11 hops of every
// fetched exchange (result.json /latency); the report draws their distributions.
#pragma once

#include "harness/collect/Collector.hpp"
#include "sim/trace/CoarseHistogram.hpp"
#include "sim/trace/Histogram.hpp"
#include "sim/trace/Hops.hpp"

#include <array>

namespace linksim {

class LatencyCollector : public Collector, Subscriber<ExchangeDone> {
public:
  explicit LatencyCollector(World& w) { w.recorder().subscribe<ExchangeDone>(this); }
  void on(const ExchangeDone& e) override;
  void write(ojson& result, const RunEnd& end) const override;
  const Histogram& end_to_end_immediate() const { return e2e_immediate_; }
  const Histogram& end_to_end_batch() const { return e2e_batch_; }
  /// A hop's latency over the immediate (batch = false) or the batch queries only, within ±2.2 %
  /// (the terminal summary's slowest hops per mode; result.json's hops are over both).
  const CoarseHistogram& hop_by_mode(bool batch, size_t hop) const { return hops_by_mode_[batch][hop]; }

private:
  Histogram e2e_, e2e_immediate_, e2e_batch_, hub_wait_;
  std::array<Histogram, HOP_COUNT> hops_;
  std::array<std::array<CoarseHistogram, HOP_COUNT>, 2> hops_by_mode_;
};

/// A histogram's statistics as result.json writes them (ResultShape's LATENCY_STATS, and `exact`).
ojson stats_json(const Histogram& h);

} // namespace linksim
