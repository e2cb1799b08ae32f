#include "sim/model/Calendar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace linksim {

int64_t days_from_civil(Date d)
{
  int64_t y        = d.year - (d.mon <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe   = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (d.mon + (d.mon > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date civil_from_days(int64_t z)
{
  z += 719468;
  const int64_t era  = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe     = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y    = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp  = (5 * doy + 2) / 153;
  const unsigned d   = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m   = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

unsigned weekday_of(int64_t day)
{
  return static_cast<unsigned>(day >= -4 ? (day + 4) % 7 : (day + 5) % 7 + 6);
}

static bool all_digits(const std::string& s, size_t from, size_t n)
{
  if (from + n > s.size())
    return false;
  for (size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}

static int num(const std::string& s, size_t from, size_t n)
{
  int v = 0;
  for (size_t i = from; i < from + n; ++i)
    v = v * 10 + (s[i] - '0');
  return v;
}

std::optional<Date> parse_date(const std::string& s)
{
  if (s.size() != 10 || !all_digits(s, 0, 4) || s[4] != '-' || !all_digits(s, 5, 2) || s[7] != '-' ||
      !all_digits(s, 8, 2))
    return std::nullopt;
  Date d{num(s, 0, 4), static_cast<unsigned>(num(s, 5, 2)), static_cast<unsigned>(num(s, 8, 2))};
  if (d.mon < 1 || d.mon > 12 || d.day < 1)
    return std::nullopt;
  if (civil_from_days(days_from_civil(d)).day != d.day) // e.g. 2019-02-30
    return std::nullopt;
  return d;
}

std::optional<int> parse_hhmm(const std::string& s)
{
  if (s.size() != 5 || !all_digits(s, 0, 2) || s[2] != ':' || !all_digits(s, 3, 2))
    return std::nullopt;
  const int h = num(s, 0, 2), m = num(s, 3, 2);
  if (h > 24 || m > 59 || (h == 24 && m != 0))
    return std::nullopt;
  return h * 3600 + m * 60;
}

std::optional<int64_t> parse_jst_datetime(const std::string& s)
{
  // YYYY-MM-DDTHH:MM:SS+09:00
  if (s.size() != 25 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.compare(19, 6, "+09:00") != 0)
    return std::nullopt;
  auto d = parse_date(s.substr(0, 10));
  if (!d || !all_digits(s, 11, 2) || !all_digits(s, 14, 2) || !all_digits(s, 17, 2))
    return std::nullopt;
  const int h = num(s, 11, 2), m = num(s, 14, 2), sec = num(s, 17, 2);
  if (h > 23 || m > 59 || sec > 59)
    return std::nullopt;
  return days_from_civil(*d) * 86400 + h * 3600 + m * 60 + sec;
}

std::string format_date(int64_t day)
{
  Date d = civil_from_days(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.mon, d.day);
  return buf;
}

Calendar::Calendar(int64_t start_jst_s, int open_s, int close_s, unsigned weekend_mask, std::vector<int64_t> holidays,
                   int64_t horizon_days)
    : start_(start_jst_s)
    , day0_(start_jst_s >= 0 ? start_jst_s / 86400 : -((-start_jst_s + 86399) / 86400))
    , open_(open_s)
    , close_(close_s)
    , weekend_mask_(weekend_mask)
    , holidays_(std::move(holidays))
{
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
  cum_.resize(static_cast<size_t>(horizon_days) + 1);
  int64_t count = 0;
  for (int64_t i = 0; i < horizon_days; ++i) {
    cum_[static_cast<size_t>(i)] = count;
    if (is_business_day_slow(day0_ + i)) {
      bdays_.push_back(day0_ + i);
      ++count;
    }
  }
  cum_[static_cast<size_t>(horizon_days)] = count;
  const int64_t first = day0_ - static_cast<int64_t>(cum_.size());
  business_.resize(static_cast<size_t>(horizon_days + static_cast<int64_t>(cum_.size())));
  for (size_t i = 0; i < business_.size(); ++i)
    business_[i] = is_business_day_slow(first + static_cast<int64_t>(i)) ? 1 : 0;
}

bool Calendar::is_business_day_slow(int64_t day) const
{
  if (weekend_mask_ & (1u << weekday_of(day)))
    return false;
  return !std::binary_search(holidays_.begin(), holidays_.end(), day);
}

bool Calendar::is_business_time(double t) const
{
  const double s = second_of_day(t);
  return is_business_day(day_of(t)) && s >= open_ && s < close_;
}

double Calendar::next_business_time(double t) const
{
  int64_t day    = day_of(t);
  const double s = second_of_day(t);
  if (is_business_day(day) && s < close_)
    return s >= open_ ? t : time_of_day_start(day) + open_;
  for (int guard = 0; guard < 3700; ++guard) {
    ++day;
    if (is_business_day(day))
      return time_of_day_start(day) + open_;
  }
  return t; // unreachable for any sane calendar (the loader rejects a week without business days)
}

int64_t Calendar::business_days_before(int64_t day) const
{
  if (day <= day0_)
    return 0;
  if (day - day0_ < static_cast<int64_t>(cum_.size()))
    return cum_[static_cast<size_t>(day - day0_)];
  return business_days_before_slow(day);
}

int64_t Calendar::business_days_before_slow(int64_t day) const
{
  // Business days in [day0_, day): whole weeks, then the remainder, minus holidays in range.
  if (day <= day0_)
    return 0;
  const int64_t n     = day - day0_;
  const int64_t weeks = n / 7;
  int per_week        = 0;
  for (unsigned w = 0; w < 7; ++w)
    per_week += (weekend_mask_ & (1u << w)) ? 0 : 1;
  int64_t count = weeks * per_week;
  for (int64_t d = day0_ + weeks * 7; d < day; ++d)
    count += (weekend_mask_ & (1u << weekday_of(d))) ? 0 : 1;
  auto lo = std::lower_bound(holidays_.begin(), holidays_.end(), day0_);
  auto hi = std::lower_bound(holidays_.begin(), holidays_.end(), day);
  for (auto it = lo; it != hi; ++it)
    if (!(weekend_mask_ & (1u << weekday_of(*it))))
      --count;
  return count;
}

double Calendar::to_business(double t) const
{
  const int64_t day = day_of(t);
  double b          = static_cast<double>(business_days_before(day)) * (close_ - open_);
  if (is_business_day(day)) {
    const double s = second_of_day(t);
    b += std::clamp(s - open_, 0.0, static_cast<double>(close_ - open_));
  }
  return b;
}

double Calendar::from_business(double b) const
{
  const double len = close_ - open_;
  if (!(b < 1e12 * len)) // beyond any run (or not a number): never
    return std::numeric_limits<double>::infinity();
  // n = whole business days before the target; find the day d with business_days_before(d) == n
  // that is a business day: a galloping search on days.
  const auto n   = static_cast<int64_t>(std::floor(b / len));
  double rest    = b - static_cast<double>(n) * len;
  if (n >= 0 && n < static_cast<int64_t>(bdays_.size()))
    return time_of_day_start(bdays_[static_cast<size_t>(n)]) + open_ + rest;
  int64_t lo     = day0_ + n;                         // at least n days after day0 (one per business day)
  int64_t hi     = lo + 1;
  while (business_days_before(hi) <= n)
    hi = lo + (hi - lo) * 2;
  // smallest d in [lo, hi] with business_days_before(d + 1) > n, i.e. the (n+1)-th business day
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    if (business_days_before(mid + 1) > n)
      hi = mid;
    else
      lo = mid + 1;
  }
  return time_of_day_start(lo) + open_ + rest;
}

int64_t Calendar::business_days_between(double t0, double t1) const
{
  int64_t d0 = day_of(t0);
  if (time_of_day_start(d0) < t0)
    ++d0;
  int64_t d1 = day_of(t1);
  if (time_of_day_start(d1) < t1)
    ++d1;
  return business_days_before(d1) - business_days_before(d0);
}

std::string Calendar::format(double t) const
{
  const double abs  = static_cast<double>(start_) + t;
  const auto whole  = static_cast<int64_t>(std::floor(abs));
  const int64_t day = whole >= 0 ? whole / 86400 : -((-whole + 86399) / 86400);
  const int64_t sod = whole - day * 86400;
  Date d            = civil_from_days(day);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+09:00", d.year, d.mon, d.day,
                static_cast<int>(sod / 3600), static_cast<int>(sod / 60 % 60), static_cast<int>(sod % 60));
  return buf;
}

int Calendar::fiscal_year(int64_t day)
{
  Date d = civil_from_days(day);
  return d.mon >= 4 ? d.year : d.year - 1;
}

} // namespace linksim
