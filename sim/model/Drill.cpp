#include "sim/model/Drill.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace linksim {

double drill_cutoff(const Calendar& cal, double posted_s, unsigned business_days)
{
  int64_t day = cal.day_of(cal.next_business_time(posted_s));
  for (unsigned k = 0; k < business_days;) {
    ++day;
    if (cal.is_business_day(day))
      ++k;
  }
  return cal.time_of_day_start(day) + cal.close_s();
}

double acknowledge_at(const Calendar& cal, double received_s, double business_delay_s)
{
  const double start = cal.next_business_time(received_s);
  if (!(business_delay_s > 0))
    return start;
  return std::max(start, cal.from_business(cal.to_business(start) + business_delay_s));
}

double nearest_rank(const std::vector<double>& sorted, double q)
{
  if (sorted.empty())
    return std::numeric_limits<double>::quiet_NaN();
  const auto n = static_cast<double>(sorted.size());
  auto k       = static_cast<size_t>(std::ceil(q * n - 1e-9));
  k            = std::min(std::max<size_t>(k, 1), sorted.size());
  return sorted[k - 1];
}

} // namespace linksim
