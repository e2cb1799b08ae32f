// The drill's arithmetic (sim/model/Drill.hpp): its cutoff, when staff acknowledge inside business
// hours, and the nearest-rank percentile its results report.
#include "sim/model/Drill.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace linksim;

namespace {
int64_t day(const char* s) { return days_from_civil(*parse_date(s)); }
/// 2019-05-13 (Monday) 00:00 JST, 08:30–17:15, Saturday and Sunday off, optional holidays.
Calendar may(std::vector<int64_t> holidays = {})
{
  return Calendar(*parse_jst_datetime("2019-05-13T00:00:00+09:00"), 8 * 3600 + 1800, 17 * 3600 + 900,
                  (1u << 0) | (1u << 6), std::move(holidays));
}
double at(const Calendar& cal, const char* iso)
{
  return static_cast<double>(*parse_jst_datetime(iso) - cal.start_jst_s());
}
constexpr double H = 3600;
} // namespace

TEST_CASE("sim::drill_cutoff: the close of the n-th business day after the post's business day", "[drill]")
{
  const Calendar cal = may({day("2019-05-16")}); // a holiday on Thursday
  const double tue10 = at(cal, "2019-05-14T10:00:00+09:00");
  CHECK(cal.format(drill_cutoff(cal, tue10, 0)) == "2019-05-14T17:15:00+09:00");
  CHECK(cal.format(drill_cutoff(cal, tue10, 1)) == "2019-05-15T17:15:00+09:00");
  CHECK(cal.format(drill_cutoff(cal, tue10, 2)) == "2019-05-17T17:15:00+09:00"); // Thursday is a holiday
  CHECK(cal.format(drill_cutoff(cal, tue10, 3)) == "2019-05-20T17:15:00+09:00"); // over the weekend
  // Posted after the close: the post's business day is the next one.
  const double tue18 = at(cal, "2019-05-14T18:00:00+09:00");
  CHECK(cal.format(drill_cutoff(cal, tue18, 0)) == "2019-05-15T17:15:00+09:00");
}

TEST_CASE("sim::acknowledge_at: the delay counts business time only and ends inside business hours", "[drill]")
{
  const Calendar cal = may();
  const double tue10 = at(cal, "2019-05-14T10:00:00+09:00");
  // Inside business hours: plain addition.
  CHECK(cal.format(acknowledge_at(cal, tue10, 2 * H)) == "2019-05-14T12:00:00+09:00");
  // Past the close: the rest on the next business day (7.25 h left on Tuesday, 0.75 h on Wednesday).
  CHECK(cal.format(acknowledge_at(cal, tue10, 8 * H)) == "2019-05-15T09:15:00+09:00");
  // A mail received at night is read from the next opening.
  const double fri20 = at(cal, "2019-05-17T20:00:00+09:00");
  CHECK(cal.format(acknowledge_at(cal, fri20, 0)) == "2019-05-20T08:30:00+09:00");
  CHECK(cal.format(acknowledge_at(cal, fri20, 0.5 * H)) == "2019-05-20T09:00:00+09:00");
  // A delay that ends exactly at a close ends at the next opening, inside business hours.
  const double ack = acknowledge_at(cal, tue10, 7.25 * H);
  CHECK(cal.format(ack) == "2019-05-15T08:30:00+09:00");
  CHECK(cal.is_business_time(ack));
  // Never before the mail, always inside business hours, monotone in the delay.
  double last = 0;
  for (double d = 0; d < 30 * H; d += 0.37 * H) {
    const double t = acknowledge_at(cal, fri20, d);
    CHECK(t >= fri20);
    CHECK(cal.is_business_time(t));
    CHECK(t >= last);
    last = t;
  }
}

TEST_CASE("sim::nearest_rank: the ceil(q n)-th smallest value", "[drill]")
{
  const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(nearest_rank(v, 0.5) == 5);
  CHECK(nearest_rank(v, 0.9) == 9);
  CHECK(nearest_rank(v, 0.95) == 10);
  CHECK(nearest_rank(v, 1.0) == 10);
  CHECK(nearest_rank({7}, 0.5) == 7);
  CHECK(std::isnan(nearest_rank({}, 0.5)));
  const std::vector<double> three = {10, 20, 30};
  CHECK(nearest_rank(three, 0.5) == 20); // ceil(1.5) = 2
  CHECK(nearest_rank(three, 0.34) == 20); // ceil(1.02) = 2
  CHECK(nearest_rank(three, 0.33) == 10); // ceil(0.99) = 1
}
