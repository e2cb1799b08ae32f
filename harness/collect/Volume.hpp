// Volume: exchanges issued and exchanges that provided data, per day of issue (result.json /volume).
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
};

} // namespace linksim
