// Volume: exchanges issued and exchanges that provided data, per day of issue (result.json /volume);
// and, on the days a timeline window (a fault, an incident, a manual-answer period) begins or ends,
// per hour of issue with the exchanges that did not end correct (/volume/hourly: the report's
// per-hour charts of fault days, where a window of minutes is visible).
#pragma once

#include "harness/collect/Collector.hpp"

#include <vector>

namespace linksim {

class VolumeCollector : public Collector, Subscriber<ExchangeIssued>, Subscriber<ExchangeDone> {
public:
  explicit VolumeCollector(World& w);
  void on(const ExchangeIssued& e) override;
  void on(const ExchangeDone& e) override;
  void write(ojson& result, const RunEnd& end) const override;

private:
  const Calendar& cal_;
  int64_t day0_;
  std::vector<uint64_t> issued_, provided_; ///< per day of the run (0 = the start's day)
  /// Days (from the start's day) with hourly counts: where a timeline event begins or ends.
  std::vector<int64_t> window_days_;
  struct Hourly {
    uint64_t issued[24] = {}, provided[24] = {}, not_correct[24] = {};
  };
  std::vector<Hourly> hourly_; ///< parallel to window_days_
  Hourly* hourly(double t_issued);
};

} // namespace linksim
