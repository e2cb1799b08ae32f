// The timeline list: every dated change the scheduler applied (a permission row's dates, the
// hub's master, manual-answer modes, registration faults), with when (result.json /timeline,
// and the report's timeline table).
#pragma once

#include "harness/collect/Collector.hpp"

#include <vector>

namespace linksim {

class TimelineCollector : public Collector,
                          Subscriber<TableChanged>,
                          Subscriber<OperatorAction>,
                          Subscriber<FaultBegan>,
                          Subscriber<FaultEnded> {
public:
  explicit TimelineCollector(World& w);
  void on(const TableChanged& e) override { add(e); }
  void on(const OperatorAction& e) override { add(e); }
  void on(const FaultBegan& e) override { add(e); }
  void on(const FaultEnded& e) override { add(e); }
  void write(ojson& result, const RunEnd& end) const override;
  const std::vector<TimelineNote>& applied() const { return applied_; }

private:
  void add(const TimelineNote& n) { applied_.push_back(n); }
  const Calendar& cal_;
  std::vector<TimelineNote> applied_;
};

} // namespace linksim
