// Connection restrictions (接続規制, issue 9; result.json /restrictions, only when the scenario has
// connection_restriction events): per event, the exchanges the hub refused because of it and when
// the first and the last refusal were decided; and `outside`, the restricted exchanges decided at
// a time no window restricted their requester or provider (0 when the hub applies restrictions
// exactly inside their windows: what a check asks). The window itself is in /timeline.
#pragma once

#include "harness/collect/Collector.hpp"

#include <vector>

namespace linksim {

class RestrictionsCollector : public Collector, Subscriber<ExchangeDone> {
public:
  explicit RestrictionsCollector(World& w);
  void on(const ExchangeDone& e) override;
  void write(ojson& result, const RunEnd& end) const override;

private:
  struct Window {
    const TimelineEvent* event;
    uint64_t refused = 0;
    double first_s   = -1, last_s = -1; ///< decision times of the first and the last refusal (-1: none)
  };
  const Scenario& sc_;
  const Calendar& cal_;
  std::vector<Window> windows_; ///< in the scenario's (sorted) timeline order
  uint64_t outside_ = 0;
};

} // namespace linksim
