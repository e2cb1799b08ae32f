// The arithmetic of the annual notification drill (訓練, sim/scenario/Drills.hpp), pure and
// engine-free so that the agents, the collector and the tests share it:
// - when a drill closes (its cutoff, counted in business days from the post);
// - when a staff member who received the alert mail acknowledges it (a delay in business time);
// - the nearest-rank percentile the drill's results report.
//
//   double cutoff = drill_cutoff(cal, posted, 3);        // 17:15 of the 3rd business day after the post's
//   double ack    = acknowledge_at(cal, received, 5400); // 1.5 business hours after the mail, in business hours
//   double p90    = nearest_rank(sorted_minutes, 0.90);
#pragma once

#include "sim/model/Calendar.hpp"

#include <vector>

namespace linksim {

/// The close of business of the `business_days`-th business day after the post's business day
/// (the post's business day: the day of the first business moment at or after the post; 0: that
/// day's close).
double drill_cutoff(const Calendar& cal, double posted_s, unsigned business_days);

/// When a staff member who received the mail at `received_s` acknowledges it: `business_delay_s`
/// of business time after the first business moment at or after `received_s`. Always inside
/// business hours (a delay that ends exactly at a close ends at the next opening) and never before
/// `received_s`.
double acknowledge_at(const Calendar& cal, double received_s, double business_delay_s);

/// The nearest-rank q-quantile (0 < q <= 1) of ascending values: the ⌈q·n⌉-th smallest. NaN if empty.
double nearest_rank(const std::vector<double>& sorted, double q);

} // namespace linksim
