// The /faults section: per network or host fault of the timeline (link_down, link_degraded,
// host_down, planned_outage, vpn_fault), its window and target and what it did to the exchanges
// whose life overlapped it (issued before it ended, ended after it began): how many timed out, ended
// unreachable, were tried again, were delivered after a retry, and the messages it lost.
//
//   "/faults/line-down/timed_out": 2
#pragma once

#include "harness/collect/Collector.hpp"

#include <string>
#include <vector>

namespace linksim {

class FaultsCollector : public Collector,
                        Subscriber<ExchangeDone>,
                        Subscriber<MessageLost> {
public:
  explicit FaultsCollector(World& w);
  void on(const ExchangeDone& e) override;
  void on(const MessageLost& e) override;
  void write(ojson& result, const RunEnd& end) const override;

  /// The counters, in the order of FAULT_COUNTS (harness/results/ResultShape.hpp).
  enum Count : size_t { EXCHANGES, TIMED_OUT, UNREACHABLE, RETRIED, DELAYED, LOST_IN_FLIGHT, FAILED_SENDS, COUNT };

private:
  struct Window {
    uint32_t event; ///< index into Scenario::timeline
    double from_s, until_s;
    uint64_t n[COUNT] = {};
  };
  const Scenario& sc_;
  const Calendar& cal_;
  std::vector<Window> windows_;
};

} // namespace linksim
