// The arrival rate of one workload line at one requester: shared by linksim's existing systems
// and the raw SimGrid comparison program, so that both generate the same arrival process.
#pragma once

#include "sim/Calendar.hpp"
#include "sim/Scenario.hpp"

namespace linksim {

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

} // namespace linksim
