// Servers: messages handled, utilisation and waits of every site's server (result.json /servers).
#pragma once

#include "harness/collect/Collector.hpp"

#include <vector>

namespace linksim {

class ServersCollector : public Collector, Subscriber<ServerBusy> {
public:
  explicit ServersCollector(World& w);
  void on(const ServerBusy& e) override;
  void write(ojson& result, const RunEnd& end) const override;

private:
  struct Stats {
    uint64_t messages = 0;
    double busy_s     = 0; ///< worker-seconds spent processing
    double wait_s     = 0; ///< total time messages waited for a worker
    double max_wait_s = 0;
  };
  const Scenario& sc_;
  std::vector<Stats> sites_;
};

} // namespace linksim
