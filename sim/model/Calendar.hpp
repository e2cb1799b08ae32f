// Calendar: simulated seconds from the scenario start mapped to JST dates and business time.
//
// Simulated time is a double in seconds from the scenario start. The calendar knows the start
// (a JST date-time), business hours, weekend days and non-business days (holidays, year-end
// closure), and converts between calendar time and *business time* (seconds counted only inside
// business hours), which is how workloads that arrive "per business day" are generated.
//
//   linksim::Calendar cal(start_jst_s, {8*3600+30*60, 17*3600+15*60}, weekend_mask, holidays);
//   double t = cal.from_business(cal.to_business(0) + 3600);   // one business hour after start
//   std::string s = cal.format(t);                              // "2019-06-17T09:30:00+09:00"
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace linksim {

/// A civil date (proleptic Gregorian).
struct Date {
  int year     = 1970;
  unsigned mon = 1; ///< 1..12
  unsigned day = 1; ///< 1..31
};

/// Days since 1970-01-01 for a civil date (H. Hinnant's algorithm).
int64_t days_from_civil(Date d);
/// Civil date of a day number.
Date civil_from_days(int64_t z);
/// 0 = Sunday ... 6 = Saturday.
unsigned weekday_of(int64_t day);
/// Parses "YYYY-MM-DD"; nullopt if malformed or not a real date.
std::optional<Date> parse_date(const std::string& s);
/// Parses "HH:MM" into seconds after midnight; nullopt if malformed.
std::optional<int> parse_hhmm(const std::string& s);
/// Parses an ISO-8601 date-time with an explicit +09:00 offset ("2019-06-17T08:30:00+09:00") into
/// seconds since 1970-01-01T00:00 JST. nullopt if malformed or not in JST.
std::optional<int64_t> parse_jst_datetime(const std::string& s);
/// "YYYY-MM-DD".
std::string format_date(int64_t day);

class Calendar {
public:
  Calendar() = default;
  /// @param start_jst_s  scenario start, seconds since 1970-01-01T00:00 JST
  /// @param open_s, close_s business hours, seconds after midnight (open < close)
  /// @param weekend_mask bit w set = weekday w (0 = Sunday) is not a business day
  /// @param holidays     day numbers (days since 1970-01-01) that are not business days
  /// @param horizon_days days after the start covered by the O(1) lookup tables (later days still
  ///                     work, more slowly)
  Calendar(int64_t start_jst_s, int open_s, int close_s, unsigned weekend_mask, std::vector<int64_t> holidays,
           int64_t horizon_days = 800);

  int64_t start_jst_s() const { return start_; }
  int open_s() const { return open_; }
  int close_s() const { return close_; }

  /// Day number (days since 1970-01-01, JST) of simulated time t.
  int64_t day_of(double t) const;
  /// Seconds after JST midnight of simulated time t.
  double second_of_day(double t) const;
  /// Simulated time of JST midnight of a day number.
  double time_of_day_start(int64_t day) const;
  bool is_business_day(int64_t day) const;
  /// Inside business hours on a business day.
  bool is_business_time(double t) const;
  /// Earliest time >= t that is inside business hours.
  double next_business_time(double t) const;

  /// Business seconds elapsed from the scenario start's day at midnight up to t (monotone).
  double to_business(double t) const;
  /// Smallest calendar time whose business time is b (inverse of to_business).
  double from_business(double b) const;
  /// Business seconds in one business day.
  double business_day_seconds() const { return close_ - open_; }
  /// Number of business days whose JST midnight lies in [t0, t1).
  int64_t business_days_between(double t0, double t1) const;

  /// ISO-8601 JST of simulated time t, to the second.
  std::string format(double t) const;
  /// Fiscal year (April–March) of a day, e.g. 2018 for 2019-03-31.
  static int fiscal_year(int64_t day);

private:
  int64_t business_days_before(int64_t day) const; ///< business days in [day0_, day)
  int64_t business_days_before_slow(int64_t day) const;
  bool is_business_day_slow(int64_t day) const; ///< weekday and holiday list (builds the tables)

  int64_t start_        = 0;
  int64_t day0_         = 0; ///< day number of the start
  int open_             = 0;
  int close_            = 86400;
  unsigned weekend_mask_ = 0;
  std::vector<int64_t> holidays_; ///< sorted
  std::vector<int64_t> cum_;      ///< cum_[i] = business days in [day0_, day0_ + i)
  std::vector<int64_t> bdays_;    ///< business day numbers in [day0_, day0_ + horizon), in order
  std::vector<uint8_t> business_; ///< is_business_day for [day0_ - horizon - 1, day0_ + horizon)
};

// The small conversions are inline: the agents and the recorder call them per exchange.

inline int64_t Calendar::day_of(double t) const
{
  return static_cast<int64_t>(std::floor((static_cast<double>(start_) + t) / 86400.0));
}

inline double Calendar::second_of_day(double t) const
{
  const double abs = static_cast<double>(start_) + t;
  return abs - std::floor(abs / 86400.0) * 86400.0;
}

inline double Calendar::time_of_day_start(int64_t day) const { return static_cast<double>(day * 86400 - start_); }

inline bool Calendar::is_business_day(int64_t day) const
{
  // From the horizon before the start to the horizon after it: the table built with
  // is_business_day_slow (replica data changed before the start is looked up often).
  const int64_t i = day - (day0_ - static_cast<int64_t>(cum_.size()));
  if (i >= 0 && i < static_cast<int64_t>(business_.size()))
    return business_[static_cast<size_t>(i)] != 0;
  return is_business_day_slow(day);
}

} // namespace linksim
