// The annual notification drills as they happened (result.json /drills/<id>; made only when the
// scenario has drills): per drill, who was targeted, reached (the mail arrived by the cutoff) and
// acknowledged, the reach (acknowledged / targeted), the time from the alert (the post) to each
// acknowledgement — percentiles overall and per agency kind —, the stragglers (the last to
// acknowledge, and every agency that never did, with why), MTTD / MTTA / MTTR kept apart
// (sim/scenario/Drills.hpp says what each means), and per agency what happened to it.
#pragma once

#include "harness/collect/Collector.hpp"
#include "harness/results/ResultShape.hpp"

#include <string>
#include <vector>

namespace linksim {

class DrillsCollector : public Collector, Subscriber<DrillPosted>, Subscriber<Notified>, Subscriber<Acknowledged> {
public:
  explicit DrillsCollector(World& w);
  void on(const DrillPosted& e) override { posted_[e.drill] = e.t_s; }
  void on(const Notified& e) override;
  void on(const Acknowledged& e) override;
  void write(ojson& result, const RunEnd& end) const override;

private:
  struct Target {
    double notified_s = NEVER; ///< mail arrived (reached) or was sent to nobody (stale)
    double ack_s      = NEVER;
    uint8_t state     = 0;     ///< 0 not mailed (yet), 1 reached, 2 stale contact
  };
  const World& w_;
  const Scenario& sc_;
  std::vector<double> posted_;                 ///< per drill: when it was posted (NEVER: not reached)
  std::vector<std::vector<uint32_t>> slot_;    ///< per drill, per agency: index into Drill::targets, or NONE
  std::vector<std::vector<Target>> targets_;   ///< per drill, per target
};

} // namespace linksim
