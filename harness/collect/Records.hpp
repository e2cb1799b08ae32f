// Provision records (情報提供等の記録): how many each writer (requester, provider, hub) wrote, how
// many carry the 不開示 flag, and provided exchanges whose three records disagree (result.json
// /records).
#pragma once

#include "harness/collect/Collector.hpp"

#include <array>

namespace linksim {

class RecordsCollector : public Collector, Subscriber<ExchangeDone> {
public:
  explicit RecordsCollector(World& w) { w.recorder().subscribe<ExchangeDone>(this); }
  void on(const ExchangeDone& e) override;
  void write(ojson& result, const RunEnd& end) const override;

private:
  std::array<uint64_t, 3> written_{}; ///< requester, provider, hub
  uint64_t nondisclosure_ = 0;
  uint64_t inconsistent_  = 0;
};

} // namespace linksim
