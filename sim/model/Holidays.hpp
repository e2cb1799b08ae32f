// Holidays: the Japanese business calendar built in, so a scenario need not list its days off.
//
// Agencies do not work on weekends (the Calendar's weekend mask), on the national holidays
// (国民の祝日) with the substitute (振替休日) and citizens' (国民の休日) holidays the law adds, and
// on the government's year-end closure (12/29–1/3). This file computes the last two from the rules
// for 2016–2035, so that the scenario loader can add them to a scenario's calendar by default.
//
//   std::vector<linksim::Holiday> h = linksim::japanese_holidays(2019);  // 22 days, 元日 .. 勤労感謝の日
//   int64_t d0 = linksim::days_from_civil({2018, 4, 1}), d1 = linksim::days_from_civil({2019, 3, 31});
//   std::vector<int64_t> off = linksim::japanese_non_business_days(d0, d1); // holidays + closure, sorted
//
// Sources (the rules as in force for 2016–2035):
//   - 国民の祝日に関する法律 (昭和23年法律第178号): the holidays (Art. 2), 振替休日 (Art. 3(2)), 国民の休日
//     (Art. 3(3)); 山の日 from 2016 (平成26年法律第43号); 天皇誕生日 on 2/23 from 2020 and none in 2019
//     (天皇の退位等に関する皇室典範特例法 附則, 平成29年法律第63号); 体育の日 renamed スポーツの日 from
//     2020 (平成30年法律第57号).
//   - 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 (平成30年法律第99号): 2019-05-01 and
//     2019-10-22 are holidays treated as 国民の祝日.
//   - 東京オリンピック競技大会・東京パラリンピック競技大会特別措置法 (平成27年法律第33号) Art. 32, as amended
//     by 平成30年法律第55号 (2020) and 令和2年法律第68号 (2021): 海の日, スポーツの日 and 山の日 moved.
//   - 行政機関の休日に関する法律 (昭和63年法律第91号) Art. 1: government offices close 12/29–1/3.
//   - The Cabinet Office's list 「国民の祝日」について, https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html
//     (CSV: https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv), which the tests compare with.
#pragma once

#include <cstdint>
#include <vector>

namespace linksim {

constexpr int HOLIDAY_FIRST_YEAR = 2016; ///< first year japanese_holidays() knows (山の日 starts in 2016)
constexpr int HOLIDAY_LAST_YEAR  = 2035; ///< last year japanese_holidays() knows (equinoxes are predictions)

/// One day off: a day number (days since 1970-01-01, as in Calendar.hpp) and its Japanese name.
struct Holiday {
  int64_t day      = 0;
  const char* name = ""; ///< a string literal: "元日", "振替休日", "国民の休日", "年末年始の休日", ...
};

/// Whether japanese_holidays() knows the year (HOLIDAY_FIRST_YEAR..HOLIDAY_LAST_YEAR); the caller decides
/// what to do with other years.
bool holidays_cover(int year);

/// The national holidays of a year (国民の祝日, 振替休日, 国民の休日 and the 2019 enthronement days), sorted
/// by day; empty if !holidays_cover(year) (earlier years had other rules, later ones may get new ones).
std::vector<Holiday> japanese_holidays(int year);

/// The government's year-end closure days falling in a calendar year: 1/1–1/3 and 12/29–12/31, named
/// "年末年始の休日" (1/1 is also 元日). The law has not changed, so this is given for every year.
std::vector<Holiday> year_end_closure(int year);

/// Every holiday and closure day in [first_day, last_day] (day numbers), sorted and unique. Weekends as
/// such are not included (the Calendar's weekend mask covers them); years that !holidays_cover() contribute
/// their closure days only. Empty if first_day > last_day.
std::vector<int64_t> japanese_non_business_days(int64_t first_day, int64_t last_day);

} // namespace linksim
