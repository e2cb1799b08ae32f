#include "sim/model/Calendar.hpp"

#include <catch2/catch.hpp>

using namespace linksim;

namespace {
int64_t day(const char* s) { return days_from_civil(*parse_date(s)); }
Calendar week(std::vector<int64_t> holidays = {})
{
  // 2019-06-17 (Monday) 00:00 JST, 08:30–17:15, Saturday and Sunday off.
  return Calendar(*parse_jst_datetime("2019-06-17T00:00:00+09:00"), 8 * 3600 + 1800, 17 * 3600 + 900,
                  (1u << 0) | (1u << 6), std::move(holidays));
}
} // namespace

TEST_CASE("sim::Calendar: dates, weekdays and parsing", "[calendar]")
{
  CHECK(weekday_of(day("2019-06-17")) == 1); // Monday
  CHECK(weekday_of(day("1970-01-01")) == 4); // Thursday
  CHECK(format_date(day("2020-02-29")) == "2020-02-29");
  CHECK_FALSE(parse_date("2019-02-29"));
  CHECK_FALSE(parse_date("2019-13-01"));
  CHECK_FALSE(parse_date("2019-6-1"));
  CHECK(parse_hhmm("08:30") == 8 * 3600 + 1800);
  CHECK_FALSE(parse_hhmm("24:30"));
  CHECK_FALSE(parse_jst_datetime("2019-06-17T00:00:00Z"));
  CHECK_FALSE(parse_jst_datetime("2019-06-17T25:00:00+09:00"));
  CHECK(Calendar::fiscal_year(day("2019-03-31")) == 2018);
  CHECK(Calendar::fiscal_year(day("2019-04-01")) == 2019);
}

TEST_CASE("sim::Calendar: business time skips nights, weekends and holidays", "[calendar]")
{
  const Calendar cal   = week({day("2019-06-19")}); // a holiday on Wednesday
  const double len     = cal.business_day_seconds();
  CHECK(len == Approx(8.75 * 3600));
  CHECK(cal.format(0) == "2019-06-17T00:00:00+09:00");
  CHECK(cal.to_business(0) == 0);
  CHECK(cal.from_business(0) == Approx(8.5 * 3600)); // Monday 08:30
  // One business day and one hour later: Tuesday 09:30.
  CHECK(cal.format(cal.from_business(len + 3600)) == "2019-06-18T09:30:00+09:00");
  // Two business days later: Thursday (Wednesday is a holiday).
  CHECK(cal.format(cal.from_business(2 * len)) == "2019-06-20T08:30:00+09:00");
  // Five business days later: the next Monday... minus the holiday → Monday 24th.
  CHECK(cal.format(cal.from_business(4 * len)) == "2019-06-24T08:30:00+09:00");
  CHECK(cal.business_days_between(0, 7 * 86400) == 4);
  for (double b : {0.0, 100.0, 12345.0, len * 3.5})
    CHECK(cal.to_business(cal.from_business(b)) == Approx(b));
}

TEST_CASE("sim::Calendar: next business time", "[calendar]")
{
  const Calendar cal = week();
  CHECK(cal.format(cal.next_business_time(0)) == "2019-06-17T08:30:00+09:00");
  CHECK(cal.next_business_time(9 * 3600) == 9 * 3600); // already open
  // Friday 18:00 → Monday 08:30.
  const double fri_evening = 4 * 86400 + 18 * 3600;
  CHECK(cal.format(cal.next_business_time(fri_evening)) == "2019-06-24T08:30:00+09:00");
  CHECK_FALSE(cal.is_business_time(fri_evening));
  CHECK(cal.is_business_time(4 * 86400 + 10 * 3600));
}

TEST_CASE("sim::Calendar: the lookup tables agree with the slow path beyond the horizon", "[calendar]")
{
  const Calendar short_table(*parse_jst_datetime("2019-06-17T00:00:00+09:00"), 8 * 3600, 17 * 3600, 0x41,
                             {day("2019-07-15"), day("2019-09-16")}, 10);
  const Calendar long_table(*parse_jst_datetime("2019-06-17T00:00:00+09:00"), 8 * 3600, 17 * 3600, 0x41,
                            {day("2019-07-15"), day("2019-09-16")}, 400);
  for (double b = 0; b < 120 * 9 * 3600.0; b += 7777)
    REQUIRE(short_table.from_business(b) == long_table.from_business(b));
  for (double t = 0; t < 150 * 86400.0; t += 9999)
    REQUIRE(short_table.to_business(t) == long_table.to_business(t));
  // is_business_day: the tables cover the horizon before the start and after it
  const int64_t d0 = day("2019-06-17");
  for (int64_t d = d0 - 500; d < d0 + 500; ++d)
    REQUIRE(short_table.is_business_day(d) == long_table.is_business_day(d));
  CHECK_FALSE(long_table.is_business_day(day("2019-07-15")));  // holiday
  CHECK_FALSE(long_table.is_business_day(day("2018-07-14")));  // a Saturday before the start
  CHECK(long_table.is_business_day(day("2018-07-13")));        // a Friday before the start
}
