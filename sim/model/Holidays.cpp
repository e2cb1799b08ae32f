#include "sim/model/Holidays.hpp"

#include "sim/model/Calendar.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

namespace {

int64_t ymd(int year, unsigned mon, unsigned day) { return days_from_civil(Date{year, mon, day}); }

/// The n-th Monday (n >= 1) of a month (the "Happy Monday" holidays, 祝日法 Art. 2 as amended in 1998/2001).
int64_t nth_monday(int year, unsigned mon, int n)
{
  const int64_t first  = ymd(year, mon, 1);
  const unsigned w     = weekday_of(first);       // 0 = Sunday
  const int64_t monday = first + (8 - w) % 7;      // first Monday of the month
  return monday + 7 * static_cast<int64_t>(n - 1);
}

// 春分の日 and 秋分の日 are 春分日 and 秋分日 (祝日法 Art. 2), days the National Astronomical Observatory
// (国立天文台) computes and publishes in its 暦要項 in the official gazette each February for the
// following year (the Cabinet Office's list then gains that year). For later years these are the
// usual formula's prediction (valid for 1980–2099): floor(base + 0.242194 (y − 1980) − floor((y − 1980)/4)),
// base 20.8431 for March and 23.2488 for September. For 2016–2027 it agrees with the published dates
// (tests/unit/Holidays.tests.cpp); 2028–2035 are not yet published and could in principle differ.
unsigned equinox_day_of_month(int year, double base)
{
  const int k = year - 1980; // >= 0 for every covered year
  return static_cast<unsigned>(std::floor(base + 0.242194 * k - static_cast<double>(k / 4)));
}

/// The 国民の祝日 proper of a covered year (Art. 2 and the special laws), unsorted.
std::vector<Holiday> national_days(int y)
{
  std::vector<Holiday> h;
  auto add = [&](int64_t day, const char* name) { h.push_back(Holiday{day, name}); };

  add(ymd(y, 1, 1), "元日");
  add(nth_monday(y, 1, 2), "成人の日");
  add(ymd(y, 2, 11), "建国記念の日");
  // 天皇誕生日: 12/23 for the Heisei emperor, 2/23 from 2020; 2019 has none (the change took effect on
  // 2019-05-01, after 2/23 had passed, and 12/23 was no longer a holiday).
  if (y >= 2020)
    add(ymd(y, 2, 23), "天皇誕生日");
  add(ymd(y, 3, equinox_day_of_month(y, 20.8431)), "春分の日");
  add(ymd(y, 4, 29), "昭和の日");
  add(ymd(y, 5, 3), "憲法記念日");
  add(ymd(y, 5, 4), "みどりの日");
  add(ymd(y, 5, 5), "こどもの日");

  // Olympic years (Olympic special measures law Art. 32): 海の日 the day before the opening, スポーツの日
  // the opening day, 山の日 the day after the closing.
  if (y == 2020) {
    add(ymd(y, 7, 23), "海の日");
    add(ymd(y, 7, 24), "スポーツの日");
    add(ymd(y, 8, 10), "山の日");
  } else if (y == 2021) {
    add(ymd(y, 7, 22), "海の日");
    add(ymd(y, 7, 23), "スポーツの日");
    add(ymd(y, 8, 8), "山の日");
  } else {
    add(nth_monday(y, 7, 3), "海の日");
    add(ymd(y, 8, 11), "山の日");
    add(nth_monday(y, 10, 2), y <= 2019 ? "体育の日" : "スポーツの日");
  }

  add(nth_monday(y, 9, 3), "敬老の日");
  add(ymd(y, 9, equinox_day_of_month(y, 23.2488)), "秋分の日");
  add(ymd(y, 11, 3), "文化の日");
  add(ymd(y, 11, 23), "勤労感謝の日");
  if (y <= 2018)
    add(ymd(y, 12, 23), "天皇誕生日");

  // The enthronement (平成30年法律第99号): holidays treated as 国民の祝日 for Art. 3(3), which makes
  // 4/30 and 5/2 国民の休日.
  if (y == 2019) {
    add(ymd(y, 5, 1), "天皇の即位の日");
    add(ymd(y, 10, 22), "即位礼正殿の儀");
  }
  return h;
}

bool by_day(const Holiday& a, const Holiday& b) { return a.day < b.day; }

} // namespace

bool holidays_cover(int year) { return year >= HOLIDAY_FIRST_YEAR && year <= HOLIDAY_LAST_YEAR; }

std::vector<Holiday> japanese_holidays(int year)
{
  if (!holidays_cover(year))
    return {};
  std::vector<Holiday> h = national_days(year);
  std::sort(h.begin(), h.end(), by_day);
  const std::vector<Holiday> proper = h; // the 国民の祝日, sorted
  auto is_proper = [&](int64_t d) {
    return std::binary_search(proper.begin(), proper.end(), Holiday{d, ""}, by_day);
  };
  auto is_listed = [&](int64_t d) {
    return std::any_of(h.begin(), h.end(), [d](const Holiday& x) { return x.day == d; });
  };

  // 振替休日 (Art. 3(2)): a 国民の祝日 on a Sunday makes the nearest following day that is not a
  // 国民の祝日 a holiday (so 5/3 on a Sunday gives 5/6).
  for (const Holiday& p : proper) {
    if (weekday_of(p.day) != 0)
      continue;
    int64_t d = p.day + 1;
    while (is_proper(d))
      ++d;
    if (!is_listed(d))
      h.push_back(Holiday{d, "振替休日"});
  }
  // 国民の休日 (Art. 3(3)): a day that is not a 国民の祝日 but whose previous and next days are.
  for (const Holiday& p : proper) {
    const int64_t d = p.day + 1;
    if (!is_proper(d) && is_proper(d + 1) && !is_listed(d))
      h.push_back(Holiday{d, "国民の休日"});
  }
  std::sort(h.begin(), h.end(), by_day);
  return h;
}

std::vector<Holiday> year_end_closure(int year)
{
  // 行政機関の休日に関する法律 Art. 1(1)(iii): 12/29 to 1/3 of the next year.
  const char* name = "年末年始の休日";
  return {{ymd(year, 1, 1), name},   {ymd(year, 1, 2), name},   {ymd(year, 1, 3), name},
          {ymd(year, 12, 29), name}, {ymd(year, 12, 30), name}, {ymd(year, 12, 31), name}};
}

std::vector<int64_t> japanese_non_business_days(int64_t first_day, int64_t last_day)
{
  std::vector<int64_t> out;
  if (first_day > last_day)
    return out;
  const int y0 = civil_from_days(first_day).year;
  const int y1 = civil_from_days(last_day).year;
  for (int y = y0; y <= y1; ++y) {
    for (const Holiday& h : japanese_holidays(y))
      if (h.day >= first_day && h.day <= last_day)
        out.push_back(h.day);
    for (const Holiday& h : year_end_closure(y))
      if (h.day >= first_day && h.day <= last_day)
        out.push_back(h.day);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace linksim
