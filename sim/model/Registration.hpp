// Nightly replica registration (副本登録) schedule of each provider [W13][W14].
//
// Every night each provider's existing system extracts its data at a time inside its batch window
// (a per-provider, per-night jitter in the first half of the window) and uploads it to its
// intermediate server. A night may be skipped (a listed date) or fail (a probability), and a
// registration fault on the timeline may skip or fail the batches that extract inside its window.
// The batch whose window has closed before time t is the one *due* at t: the oracle judges
// freshness against it (see Oracle.hpp, `stale`).
#pragma once

#include "sim/model/Calendar.hpp"
#include "sim/model/Hash.hpp"
#include "sim/model/Timeline.hpp"
#include "sim/scenario/Scenario.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace linksim {

/// Number of layouts each agency may provide (the law's permission table names it or its kind).
inline std::vector<uint32_t> layouts_provided(const Scenario& sc)
{
  std::vector<uint32_t> out(sc.agencies.size(), 0);
  for (uint32_t a = 0; a < sc.agencies.size(); ++a) {
    std::vector<uint8_t> seen(sc.layouts.size(), 0);
    for (const PermissionRow& r : sc.permissions) {
      const bool match = r.provider.by_kind ? r.provider.kind == sc.agencies[a].kind : r.provider.agency == a;
      if (match && !seen[r.item]) {
        seen[r.item] = 1;
        ++out[a];
      }
    }
  }
  return out;
}

/// Records a provider's batch carries for what changed in (since, until]: its persons × the share
/// of each layout's records that change in that time, averaged over layouts, times the layouts it
/// provides.
inline uint64_t registration_records(const Scenario& sc, uint32_t agency, uint32_t provided, double since_s,
                                     double until_s)
{
  if (provided == 0 || until_s <= since_s)
    return 0;
  double records       = 0;
  const double persons = static_cast<double>(sc.agencies[agency].population);
  for (const Layout& l : sc.layouts)
    records += persons * l.coverage * (until_s - since_s) / l.change_interval_s;
  records = records / static_cast<double>(sc.layouts.size()) * provided;
  return static_cast<uint64_t>(std::llround(records));
}

/// Size of a registration upload of `records` records: the header plus the mean record size.
inline double registration_bytes(const Scenario& sc, uint64_t records)
{
  double record_bytes = 0;
  for (const Layout& l : sc.layouts)
    record_bytes += l.record_bytes;
  record_bytes /= static_cast<double>(sc.layouts.size());
  return sc.messages.header_bytes + static_cast<double>(records) * record_bytes;
}

class RegistrationSchedule {
public:
  RegistrationSchedule() = default;
  /// @param timeline the dated registration faults (nullptr: none)
  RegistrationSchedule(const Scenario& sc, const Calendar& cal, uint64_t seed, const ModelTimeline* timeline = nullptr)
      : sc_(&sc), cal_(&cal), seed_(seed), timeline_(timeline)
  {
  }

  /// When the provider's batch of a night (day number) extracts its data.
  double extraction_time(uint32_t agency, int64_t day) const
  {
    const Registration& r = sc_->agencies[agency].registration;
    const double jitter   = unit(mix(seed_, agency, static_cast<uint64_t>(day), 0x5245474aULL)) * r.extraction_spread *
                          (r.window_end_s - r.window_start_s);
    return cal_->time_of_day_start(day) + r.window_start_s + jitter;
  }
  /// A batch is scheduled that night: every night, or (default) the night after a business day
  /// (the batch of day d runs early on d + 1) [K].
  bool scheduled(uint32_t agency, int64_t day) const
  {
    const Registration& r = sc_->agencies[agency].registration;
    return r.nights == Nights::EVERY || cal_->is_business_day(day - 1);
  }
  /// The batch runs that night (scheduled, not a skipped date, not skipped by a registration
  /// fault in force when it extracts, and it does not fail).
  bool runs(uint32_t agency, int64_t day) const
  {
    const Registration& r = sc_->agencies[agency].registration;
    if (!scheduled(agency, day) || std::binary_search(r.skip_days.begin(), r.skip_days.end(), day))
      return false;
    double failure_rate = r.failure_rate;
    if (timeline_ && timeline_->has_faults(agency))
      if (const RegistrationFault* f = timeline_->fault_at(agency, extraction_time(agency, day))) {
        if (f->skip)
          return false;
        if (f->failure_rate >= 0)
          failure_rate = f->failure_rate;
      }
    return failure_rate <= 0 || unit(mix(seed_, agency, static_cast<uint64_t>(day), 0x4641494cULL)) >= failure_rate;
  }
  /// Share of the records registered at time t that its existing system leaves blank (the
  /// agency's own rate, or a registration fault's in force then).
  double null_error_rate(uint32_t agency, double t) const
  {
    if (timeline_ && timeline_->has_faults(agency))
      if (const RegistrationFault* f = timeline_->fault_at(agency, t); f && f->null_error_rate >= 0)
        return f->null_error_rate;
    return sc_->agencies[agency].null_error_rate;
  }
  /// Night (day number) of the latest scheduled batch whose window closed at or before t.
  int64_t due_night(uint32_t agency, double t) const
  {
    const Registration& r = sc_->agencies[agency].registration;
    int64_t d             = cal_->day_of(t);
    if (cal_->second_of_day(t) < r.window_end_s)
      --d;
    for (int guard = 0; guard < 400 && !scheduled(agency, d); ++guard)
      --d;
    return d;
  }
  /// Extraction time of the batch due at t (whether or not it actually ran).
  double due_extraction(uint32_t agency, double t) const { return extraction_time(agency, due_night(agency, t)); }
  /// Extraction time of the latest scheduled batch that extracted at or before t.
  double last_scheduled_extraction(uint32_t agency, double t) const
  {
    int64_t d = cal_->day_of(t);
    for (int guard = 0; guard < 400; ++guard, --d)
      if (scheduled(agency, d) && extraction_time(agency, d) <= t)
        return extraction_time(agency, d);
    return extraction_time(agency, d);
  }
  /// When a change at time `changed` was registered: the first batch after it that ran, at the
  /// latest the replica's last extraction `last`.
  double registered_at(uint32_t agency, double changed, double last) const
  {
    for (int64_t d = cal_->day_of(changed);; ++d) {
      const double x = extraction_time(agency, d);
      if (x > last)
        return last;
      if (x >= changed && runs(agency, d))
        return x;
    }
  }

private:
  const Scenario* sc_  = nullptr;
  const Calendar* cal_ = nullptr;
  uint64_t seed_       = 0;
  const ModelTimeline* timeline_ = nullptr;
};

} // namespace linksim
