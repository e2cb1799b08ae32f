#include "harness/collect/Volume.hpp"

namespace linksim {

VolumeCollector::VolumeCollector(World& w) : cal_(w.calendar()), day0_(w.calendar().day_of(0.0))
{
  w.recorder().subscribe<ExchangeIssued>(this);
  w.recorder().subscribe<ExchangeDone>(this);
}

void VolumeCollector::on(const ExchangeIssued& e)
{
  const int64_t d = cal_.day_of(e.ex.t[ISSUED]) - day0_;
  if (d < 0)
    return;
  if (static_cast<size_t>(d) >= issued_.size()) {
    issued_.resize(static_cast<size_t>(d) + 1, 0);
    provided_.resize(static_cast<size_t>(d) + 1, 0);
  }
  ++issued_[static_cast<size_t>(d)];
}

void VolumeCollector::on(const ExchangeDone& e)
{
  if (!provides_data(e.outcome))
    return;
  const int64_t d = cal_.day_of(e.ex.t[ISSUED]) - day0_;
  if (d >= 0 && static_cast<size_t>(d) < provided_.size())
    ++provided_[static_cast<size_t>(d)];
}

void VolumeCollector::write(ojson& r, const RunEnd&) const
{
  ojson days = ojson::array();
  for (size_t d = 0; d < issued_.size(); ++d)
    days.push_back(format_date(day0_ + static_cast<int64_t>(d)));
  ojson& vol      = r["volume"];
  vol["days"]     = days;
  vol["issued"]   = issued_;
  vol["provided"] = provided_;
}

} // namespace linksim
