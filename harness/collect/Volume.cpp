#include "harness/collect/Volume.hpp"

#include <algorithm>

namespace linksim {

VolumeCollector::VolumeCollector(World& w) : cal_(w.calendar()), day0_(w.calendar().day_of(0.0))
{
  w.recorder().subscribe<ExchangeIssued>(this);
  w.recorder().subscribe<ExchangeDone>(this);
  const Scenario& sc = w.scenario();
  const int64_t last = cal_.day_of(sc.duration_s) - day0_;
  auto mark          = [&](double t) {
    const int64_t d = cal_.day_of(t) - day0_;
    if (t >= 0 && d <= last && std::find(window_days_.begin(), window_days_.end(), d) == window_days_.end())
      window_days_.push_back(d);
  };
  for (const TimelineEvent& e : sc.timeline) {
    mark(e.at_s);
    if (e.until_s < NEVER)
      mark(e.until_s);
  }
  std::sort(window_days_.begin(), window_days_.end());
  hourly_.resize(window_days_.size());
}

VolumeCollector::Hourly* VolumeCollector::hourly(double t)
{
  if (window_days_.empty())
    return nullptr;
  const int64_t d = cal_.day_of(t) - day0_;
  auto it         = std::lower_bound(window_days_.begin(), window_days_.end(), d);
  return it != window_days_.end() && *it == d ? &hourly_[static_cast<size_t>(it - window_days_.begin())] : nullptr;
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
  if (Hourly* h = hourly(e.ex.t[ISSUED]))
    ++h->issued[static_cast<int>(cal_.second_of_day(e.ex.t[ISSUED]) / 3600) % 24];
}

void VolumeCollector::on(const ExchangeDone& e)
{
  if (Hourly* h = hourly(e.ex.t[ISSUED])) {
    const int hour = static_cast<int>(cal_.second_of_day(e.ex.t[ISSUED]) / 3600) % 24;
    h->provided[hour] += provides_data(e.outcome) ? 1 : 0;
    h->not_correct[hour] += e.outcome != Outcome::CORRECT ? 1 : 0;
  }
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
  ojson hourly    = ojson::array();
  for (size_t i = 0; i < window_days_.size(); ++i) {
    const Hourly& h = hourly_[i];
    hourly.push_back({{"day", format_date(day0_ + window_days_[i])},
                      {"t0_s", cal_.time_of_day_start(day0_ + window_days_[i])},
                      {"issued", std::vector<uint64_t>(h.issued, h.issued + 24)},
                      {"provided", std::vector<uint64_t>(h.provided, h.provided + 24)},
                      {"not_correct", std::vector<uint64_t>(h.not_correct, h.not_correct + 24)}});
  }
  vol["hourly"] = hourly;
}

} // namespace linksim
