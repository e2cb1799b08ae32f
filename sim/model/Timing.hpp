// Timing rules shared by linksim's agents and the raw SimGrid comparison program (bench/), so
// that both produce the same message pattern: processing-time draws, arrival rates, scheduled
// collection of batch result files.
#pragma once

#include "sim/model/Calendar.hpp"
#include "sim/model/Rng.hpp"
#include "sim/scenario/Scenario.hpp"

#include <cmath>
#include <utility>
#include <vector>

namespace linksim {

/// Draws a duration in seconds.
inline double sample(const Duration& d, Rng& rng)
{
  switch (d.dist) {
    case Duration::Dist::FIXED:
      return d.value_s;
    case Duration::Dist::EXPONENTIAL:
      return d.value_s > 0 ? rng.exponential(d.value_s) : 0;
    case Duration::Dist::UNIFORM:
      return d.value_s + (d.max_s - d.value_s) * rng.uniform();
    case Duration::Dist::LOGNORMAL:
      return d.value_s * std::exp(d.sigma * rng.normal());
  }
  return 0;
}

/// First collection time (`fetch_at`, seconds after midnight, on business days) at or after t.
inline double next_collection(const Calendar& cal, const std::vector<int>& fetch_at, double t)
{
  for (int64_t day = cal.day_of(t);; ++day) {
    if (!cal.is_business_day(day))
      continue;
    for (int at : fetch_at)
      if (cal.time_of_day_start(day) + at >= t)
        return cal.time_of_day_start(day) + at;
  }
}

/// Query arrivals per second of the line's time base (business seconds with business hours,
/// calendar seconds otherwise) at `agency`; each arrival carries batch_size persons. 0 when the
/// agency is not a requester of the line (or its share is zero). rate_per_day is shared among the
/// requesters by population or equally.
inline double arrival_rate_per_s(const Scenario& sc, const Calendar& cal, const Workload& wl, uint32_t agency)
{
  double weight_sum = 0, mine = 0;
  for (uint32_t r : wl.requesters) {
    const double wgt = wl.split_by_population ? static_cast<double>(sc.agencies[r].population) : 1.0;
    weight_sum += wgt;
    if (r == agency)
      mine = wgt;
  }
  if (mine <= 0 || weight_sum <= 0)
    return 0;
  const double day_len = wl.business_hours ? cal.business_day_seconds() : 86400.0;
  return wl.rate_per_day * mine / weight_sum / wl.batch_size / day_len;
}

/// arrival_rate_per_s of every agency for every workload line without explicit arrival times, in
/// O(lines × requesters) instead of O(agencies × lines × requesters): per agency, the lines (in
/// order) where its rate is positive, with that rate. The same sums in the same order, so the
/// same values as arrival_rate_per_s.
inline std::vector<std::vector<std::pair<uint32_t, double>>> arrival_rates(const Scenario& sc, const Calendar& cal)
{
  const size_t n = sc.agencies.size();
  std::vector<std::vector<std::pair<uint32_t, double>>> out(n);
  std::vector<double> mine(n, 0.0);
  std::vector<uint32_t> done(n, NONE); // the line an agency's rate was last computed for
  for (uint32_t w = 0; w < sc.workload.size(); ++w) {
    const Workload& wl = sc.workload[w];
    if (!wl.at_s.empty())
      continue;
    double weight_sum = 0;
    for (uint32_t r : wl.requesters) {
      const double wgt = wl.split_by_population ? static_cast<double>(sc.agencies[r].population) : 1.0;
      weight_sum += wgt;
      mine[r] = wgt;
    }
    const double day_len = wl.business_hours ? cal.business_day_seconds() : 86400.0;
    for (uint32_t r : wl.requesters) {
      if (done[r] == w)
        continue; // listed twice
      done[r] = w;
      if (mine[r] <= 0 || weight_sum <= 0)
        continue;
      const double rate = wl.rate_per_day * mine[r] / weight_sum / wl.batch_size / day_len;
      if (rate > 0)
        out[r].emplace_back(w, rate);
    }
  }
  return out;
}

} // namespace linksim
