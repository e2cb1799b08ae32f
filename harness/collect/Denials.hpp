// Why requests were refused (result.json /denials): every exchange of a refusal class (the outcome
// rows marked `refusal`: denied, restricted, code_deleted) counted by its reason (DENY_REASONS),
// in total and per workload line.
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
