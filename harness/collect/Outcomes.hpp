// Outcomes: exchanges counted by class, in total and by procedure, requester, provider, item and
// workload line, with `lagging` and `manual` beside the classes (result.json /outcomes).
#pragma once

#include "harness/collect/Collector.hpp"

#include <array>
#include <vector>

namespace linksim {

/// Counts of one breakdown key: per class, plus lagging and answered by hand.
struct OutcomeCounts {
  std::array<uint64_t, OUTCOME_COUNT> by_class{};
  uint64_t lagging = 0; ///< correct, but answered before the nightly batch caught up with a change
  uint64_t manual  = 0; ///< answered by staff in manual-answer mode (in whatever class)
  void add(const ExchangeDone& e)
  {
    ++by_class[static_cast<size_t>(e.outcome)];
    lagging += e.lagging;
    manual += e.ex.by_hand;
  }
};

class OutcomesCollector : public Collector, Subscriber<ExchangeDone>, Subscriber<ArrivalSkipped> {
public:
  explicit OutcomesCollector(World& w);
  void on(const ExchangeDone& e) override;
  void on(const ArrivalSkipped& e) override;
  void write(ojson& result, const RunEnd& end) const override;
  const OutcomeCounts& totals() const { return total_; }

private:
  const Scenario& sc_;
  OutcomeCounts total_;
  std::vector<OutcomeCounts> by_procedure_, by_requester_, by_provider_, by_item_, by_workload_;
  std::vector<uint64_t> skipped_;
  uint64_t skipped_total_ = 0;
};

/// The counts of one key as result.json writes them (classes, all, provided, lagging, manual).
ojson counts_json(const OutcomeCounts& c);

} // namespace linksim
