// Why requests were refused (result.json /denials): per reason (DENY_REASONS: not in the hub's
// permission master, no delegation registered, the requester's server missing the procedure's
// masters, a connection restriction: outcome `restricted`), in total and per workload line.
#pragma once

#include "harness/collect/Collector.hpp"

#include <array>
#include <vector>

namespace linksim {

class DenialsCollector : public Collector, Subscriber<ExchangeDone> {
public:
  explicit DenialsCollector(World& w);
  void on(const ExchangeDone& e) override;
  void write(ojson& result, const RunEnd& end) const override;

private:
  using Counts = std::array<uint64_t, DENY_REASONS.size()>;
  const Scenario& sc_;
  Counts total_{};
  std::vector<Counts> by_workload_;
};

} // namespace linksim
