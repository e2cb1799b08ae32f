#include "sim/model/Holidays.hpp"

#include "sim/model/Calendar.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace linksim;

namespace {

int64_t day(const char* s) { return days_from_civil(*parse_date(s)); }

const char* name_on(const std::vector<Holiday>& hs, int64_t d)
{
  for (const Holiday& h : hs)
    if (h.day == d)
      return h.name;
  return nullptr;
}

// The Cabinet Office's published list of national holidays and days off (「国民の祝日」について,
// https://www8.cao.go.jp/chosei/shukujitsu/gaiyou.html, CSV https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv),
// years 2016–2027, "month/day name" as the CSV writes them ("休日" is a 振替休日 or a 国民の休日; the
// enthronement days are "休日（祝日扱い）").
// Transcribed from the stored copy of the CSV in the public repository shogo82148/holidays-jp, path
// syukujitsu.csv (commit 7a6c69d84c5fbdf86b1f019ec85484c82be7c5d4 of 2026-02-02, fetched from the URL above
// by the repository's updater/main.go; Shift_JIS), which lists 1955–2027. Years 2016–2025 were checked to be
// identical in a second stored copy, pullriku/typst-simple-calendar, path syukujitsu.csv (commit
// 3c4e20a143e0a9062d94f34dca2cb282ed02ba85, 1955–2025). No published list was found for 2028 or later: the
// Cabinet Office publishes a year in February of the year before.
const std::map<int, std::vector<const char*>> PUBLISHED = {
  {2016, {"1/1 元日", "1/11 成人の日", "2/11 建国記念の日", "3/20 春分の日", "3/21 休日", "4/29 昭和の日",
          "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/18 海の日", "8/11 山の日", "9/19 敬老の日",
          "9/22 秋分の日", "10/10 体育の日", "11/3 文化の日", "11/23 勤労感謝の日", "12/23 天皇誕生日"}},
  {2017, {"1/1 元日", "1/2 休日", "1/9 成人の日", "2/11 建国記念の日", "3/20 春分の日", "4/29 昭和の日",
          "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/17 海の日", "8/11 山の日", "9/18 敬老の日",
          "9/23 秋分の日", "10/9 体育の日", "11/3 文化の日", "11/23 勤労感謝の日", "12/23 天皇誕生日"}},
  {2018, {"1/1 元日", "1/8 成人の日", "2/11 建国記念の日", "2/12 休日", "3/21 春分の日", "4/29 昭和の日",
          "4/30 休日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/16 海の日", "8/11 山の日",
          "9/17 敬老の日", "9/23 秋分の日", "9/24 休日", "10/8 体育の日", "11/3 文化の日", "11/23 勤労感謝の日",
          "12/23 天皇誕生日", "12/24 休日"}},
  {2019, {"1/1 元日", "1/14 成人の日", "2/11 建国記念の日", "3/21 春分の日", "4/29 昭和の日", "4/30 休日",
          "5/1 休日（祝日扱い）", "5/2 休日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 休日",
          "7/15 海の日", "8/11 山の日", "8/12 休日", "9/16 敬老の日", "9/23 秋分の日",
          "10/14 体育の日（スポーツの日）", "10/22 休日（祝日扱い）", "11/3 文化の日", "11/4 休日",
          "11/23 勤労感謝の日"}},
  {2020, {"1/1 元日", "1/13 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "2/24 休日", "3/20 春分の日",
          "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 休日", "7/23 海の日",
          "7/24 スポーツの日", "8/10 山の日", "9/21 敬老の日", "9/22 秋分の日", "11/3 文化の日",
          "11/23 勤労感謝の日"}},
  {2021, {"1/1 元日", "1/11 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/20 春分の日", "4/29 昭和の日",
          "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/22 海の日", "7/23 スポーツの日", "8/8 山の日",
          "8/9 休日", "9/20 敬老の日", "9/23 秋分の日", "11/3 文化の日", "11/23 勤労感謝の日"}},
  {2022, {"1/1 元日", "1/10 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/21 春分の日", "4/29 昭和の日",
          "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/18 海の日", "8/11 山の日", "9/19 敬老の日",
          "9/23 秋分の日", "10/10 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日"}},
  {2023, {"1/1 元日", "1/2 休日", "1/9 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/21 春分の日",
          "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/17 海の日", "8/11 山の日",
          "9/18 敬老の日", "9/23 秋分の日", "10/9 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日"}},
  {2024, {"1/1 元日", "1/8 成人の日", "2/11 建国記念の日", "2/12 休日", "2/23 天皇誕生日", "3/20 春分の日",
          "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 休日", "7/15 海の日",
          "8/11 山の日", "8/12 休日", "9/16 敬老の日", "9/22 秋分の日", "9/23 休日", "10/14 スポーツの日",
          "11/3 文化の日", "11/4 休日", "11/23 勤労感謝の日"}},
  {2025, {"1/1 元日", "1/13 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "2/24 休日", "3/20 春分の日",
          "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 休日", "7/21 海の日",
          "8/11 山の日", "9/15 敬老の日", "9/23 秋分の日", "10/13 スポーツの日", "11/3 文化の日",
          "11/23 勤労感謝の日", "11/24 休日"}},
  {2026, {"1/1 元日", "1/12 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/20 春分の日", "4/29 昭和の日",
          "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "5/6 休日", "7/20 海の日", "8/11 山の日",
          "9/21 敬老の日", "9/22 休日", "9/23 秋分の日", "10/12 スポーツの日", "11/3 文化の日",
          "11/23 勤労感謝の日"}},
  {2027, {"1/1 元日", "1/11 成人の日", "2/11 建国記念の日", "2/23 天皇誕生日", "3/21 春分の日", "3/22 休日",
          "4/29 昭和の日", "5/3 憲法記念日", "5/4 みどりの日", "5/5 こどもの日", "7/19 海の日", "8/11 山の日",
          "9/20 敬老の日", "9/23 秋分の日", "10/11 スポーツの日", "11/3 文化の日", "11/23 勤労感謝の日"}},
};

/// Our name for a published one: the CSV writes "休日" for both kinds of added day off, and marks the
/// enthronement days and 2019's 体育の日 (renamed from 2020) in its own way.
bool same_name(const std::string& published, const std::string& ours)
{
  if (published == "休日")
    return ours == "振替休日" || ours == "国民の休日";
  if (published == "休日（祝日扱い）")
    return ours == "天皇の即位の日" || ours == "即位礼正殿の儀";
  if (published == "体育の日（スポーツの日）")
    return ours == "体育の日";
  return published == ours;
}

} // namespace

TEST_CASE("sim::Holidays: every holiday the Cabinet Office published for 2016-2027, and no other", "[holidays]")
{
  REQUIRE(PUBLISHED.size() == 12);
  for (const auto& [year, rows] : PUBLISHED) {
    INFO("year " << year);
    std::map<int64_t, std::string> published;
    for (const char* row : rows) {
      unsigned m = 0, d = 0;
      int used = 0;
      REQUIRE(std::sscanf(row, "%u/%u %n", &m, &d, &used) == 2);
      published[days_from_civil(Date{year, m, d})] = row + used;
    }
    const std::vector<Holiday> ours = japanese_holidays(year);
    std::map<int64_t, std::string> computed;
    for (const Holiday& h : ours)
      computed[h.day] = h.name;
    for (const auto& [d, name] : published) {
      INFO("published " << format_date(d) << " " << name);
      CHECK(computed.count(d) == 1);
      if (computed.count(d) == 1)
        CHECK(same_name(name, computed[d]));
    }
    for (const auto& [d, name] : computed) {
      INFO("computed " << format_date(d) << " " << name);
      CHECK(published.count(d) == 1);
    }
    CHECK(ours.size() == rows.size());
    CHECK(std::is_sorted(ours.begin(), ours.end(), [](const Holiday& a, const Holiday& b) { return a.day < b.day; }));
  }
}

TEST_CASE("sim::Holidays: substitute holidays (振替休日) follow a holiday on a Sunday", "[holidays]")
{
  for (const char* s : {"2018-02-12", "2018-04-30", "2018-09-24", "2018-12-24", "2019-05-06", "2019-08-12",
                        "2019-11-04", "2020-02-24", "2020-05-06", "2021-08-09"}) {
    INFO(s);
    const int64_t d = day(s);
    const char* name = name_on(japanese_holidays(civil_from_days(d).year), d);
    REQUIRE(name != nullptr);
    CHECK(std::string(name) == "振替休日");
    // Walking back over holidays reaches a holiday on a Sunday.
    const std::vector<Holiday> hs = japanese_holidays(civil_from_days(d).year);
    int64_t p = d - 1;
    while (name_on(hs, p) != nullptr && weekday_of(p) != 0)
      --p;
    CHECK(weekday_of(p) == 0);
    CHECK(name_on(hs, p) != nullptr);
  }
  // The nearest day that is not a holiday: 5/3 on a Sunday skips 5/4 and 5/5 to a Wednesday.
  CHECK(weekday_of(day("2020-05-03")) == 0);
  CHECK(weekday_of(day("2020-05-06")) == 3);
  // A holiday on a Saturday gives nothing (こどもの日 2018-05-05).
  CHECK(weekday_of(day("2018-05-05")) == 6);
  CHECK(name_on(japanese_holidays(2018), day("2018-05-07")) == nullptr);
}

TEST_CASE("sim::Holidays: citizens' holidays (国民の休日) between two holidays", "[holidays]")
{
  for (const char* s : {"2019-04-30", "2019-05-02", "2026-09-22"}) {
    INFO(s);
    const int64_t d = day(s);
    const char* name = name_on(japanese_holidays(civil_from_days(d).year), d);
    REQUIRE(name != nullptr);
    CHECK(std::string(name) == "国民の休日");
  }
  // 2020-09-21 敬老の日 and 2020-09-22 秋分の日 are adjacent: no day between them.
  const std::vector<Holiday> y2020 = japanese_holidays(2020);
  CHECK(std::string(name_on(y2020, day("2020-09-21"))) == "敬老の日");
  CHECK(std::string(name_on(y2020, day("2020-09-22"))) == "秋分の日");
  CHECK(name_on(y2020, day("2020-09-23")) == nullptr);
}

TEST_CASE("sim::Holidays: the one-off changes of 2019, 2020 and 2021", "[holidays]")
{
  const std::vector<Holiday> y2019 = japanese_holidays(2019);
  CHECK(std::string(name_on(y2019, day("2019-05-01"))) == "天皇の即位の日");
  CHECK(std::string(name_on(y2019, day("2019-10-22"))) == "即位礼正殿の儀");
  CHECK(std::string(name_on(y2019, day("2019-10-14"))) == "体育の日");
  CHECK(name_on(y2019, day("2019-12-23")) == nullptr); // no 天皇誕生日 in 2019
  CHECK(name_on(y2019, day("2019-02-23")) == nullptr);
  CHECK(std::string(name_on(japanese_holidays(2018), day("2018-12-23"))) == "天皇誕生日");

  const std::vector<Holiday> y2020 = japanese_holidays(2020);
  CHECK(std::string(name_on(y2020, day("2020-02-23"))) == "天皇誕生日");
  CHECK(std::string(name_on(y2020, day("2020-07-23"))) == "海の日");
  CHECK(std::string(name_on(y2020, day("2020-07-24"))) == "スポーツの日");
  CHECK(std::string(name_on(y2020, day("2020-08-10"))) == "山の日");
  CHECK(name_on(y2020, day("2020-07-20")) == nullptr); // the 3rd Monday of July
  CHECK(name_on(y2020, day("2020-08-11")) == nullptr);
  CHECK(name_on(y2020, day("2020-10-12")) == nullptr); // the 2nd Monday of October

  const std::vector<Holiday> y2021 = japanese_holidays(2021);
  CHECK(std::string(name_on(y2021, day("2021-07-22"))) == "海の日");
  CHECK(std::string(name_on(y2021, day("2021-07-23"))) == "スポーツの日");
  CHECK(std::string(name_on(y2021, day("2021-08-08"))) == "山の日");
  CHECK(std::string(name_on(y2021, day("2021-08-09"))) == "振替休日");
  CHECK(name_on(y2021, day("2021-07-19")) == nullptr);
  CHECK(name_on(y2021, day("2021-10-11")) == nullptr);

  CHECK(std::string(name_on(japanese_holidays(2022), day("2022-10-10"))) == "スポーツの日");
}

TEST_CASE("sim::Holidays: covered years, and nothing outside them", "[holidays]")
{
  CHECK_FALSE(holidays_cover(HOLIDAY_FIRST_YEAR - 1));
  CHECK(holidays_cover(HOLIDAY_FIRST_YEAR));
  CHECK(holidays_cover(HOLIDAY_LAST_YEAR));
  CHECK_FALSE(holidays_cover(HOLIDAY_LAST_YEAR + 1));
  CHECK(japanese_holidays(2015).empty());
  CHECK(japanese_holidays(2036).empty());
  // Every covered year: 16 国民の祝日 (2019: 15, no 天皇誕生日, and the 2 enthronement days), unique, inside
  // the year, equinoxes on their usual days; the years after 2027 are the formula's prediction.
  for (int y = HOLIDAY_FIRST_YEAR; y <= HOLIDAY_LAST_YEAR; ++y) {
    INFO("year " << y);
    const std::vector<Holiday> hs = japanese_holidays(y);
    int proper = 0;
    std::set<int64_t> days;
    for (const Holiday& h : hs) {
      CHECK(civil_from_days(h.day).year == y);
      days.insert(h.day);
      if (std::strcmp(h.name, "振替休日") != 0 && std::strcmp(h.name, "国民の休日") != 0)
        ++proper;
      if (std::strcmp(h.name, "春分の日") == 0)
        CHECK((civil_from_days(h.day).day == 20 || civil_from_days(h.day).day == 21));
      if (std::strcmp(h.name, "秋分の日") == 0)
        CHECK((civil_from_days(h.day).day == 22 || civil_from_days(h.day).day == 23));
    }
    CHECK(days.size() == hs.size());
    CHECK(proper == (y == 2019 ? 17 : 16));
  }
}

TEST_CASE("sim::Holidays: the government's year-end closure (12/29-1/3)", "[holidays]")
{
  const std::vector<Holiday> c = year_end_closure(2018);
  REQUIRE(c.size() == 6);
  std::vector<std::string> dates;
  for (const Holiday& h : c) {
    dates.push_back(format_date(h.day));
    CHECK(std::string(h.name) == "年末年始の休日");
  }
  CHECK(dates == std::vector<std::string>{"2018-01-01", "2018-01-02", "2018-01-03", "2018-12-29", "2018-12-30",
                                          "2018-12-31"});
  // In the combined list, across a year boundary: 12/29..1/3 are all days off, 1/1 once.
  const std::vector<int64_t> off = japanese_non_business_days(day("2018-12-28"), day("2019-01-04"));
  std::vector<std::string> got;
  for (int64_t d : off)
    got.push_back(format_date(d));
  CHECK(got == std::vector<std::string>{"2018-12-29", "2018-12-30", "2018-12-31", "2019-01-01", "2019-01-02",
                                        "2019-01-03"});
  // Outside the covered years the closure is still given (the law is unchanged), the holidays are not.
  const std::vector<int64_t> y2040 = japanese_non_business_days(day("2040-01-01"), day("2040-12-31"));
  CHECK(y2040.size() == 6);
}

TEST_CASE("sim::Holidays: non-business days of the seed period equal scenarios/tools/national.py", "[holidays]")
{
  // scenarios/tools/national.py HOLIDAYS (taken from the published calendar): 2017-07-18 .. 2019-03-31,
  // the seed deck's period, which contains fiscal 2018. Weekend days may or may not be listed there, so
  // the comparison is on weekdays.
  const std::set<std::string> shipped = {
    "2017-08-11", "2017-09-18", "2017-09-23", "2017-10-09", "2017-11-03", "2017-11-23", "2017-12-23",
    "2017-12-29", "2017-12-30", "2017-12-31", "2018-01-01", "2018-01-02", "2018-01-03", "2018-01-08",
    "2018-02-12", "2018-03-21", "2018-04-30", "2018-05-03", "2018-05-04", "2018-05-05", "2018-07-16",
    "2018-08-11", "2018-09-17", "2018-09-24", "2018-10-08", "2018-11-03", "2018-11-23", "2018-12-24",
    "2018-12-29", "2018-12-30", "2018-12-31", "2019-01-01", "2019-01-02", "2019-01-03", "2019-01-14",
    "2019-02-11", "2019-03-21"};
  const int64_t first = day("2017-07-18"), last = day("2019-03-31");
  const std::vector<int64_t> off = japanese_non_business_days(first, last);
  REQUIRE(std::is_sorted(off.begin(), off.end()));
  REQUIRE(std::adjacent_find(off.begin(), off.end()) == off.end());
  REQUIRE(off.front() >= first);
  REQUIRE(off.back() <= last);
  int weekdays_off = 0;
  for (int64_t d = first; d <= last; ++d) {
    const unsigned w = weekday_of(d);
    if (w == 0 || w == 6)
      continue;
    INFO(format_date(d));
    const bool ours = std::binary_search(off.begin(), off.end(), d);
    CHECK(ours == (shipped.count(format_date(d)) == 1));
    weekdays_off += ours;
  }
  CHECK(weekdays_off == 28);
  // Fiscal 2018 alone (2018-04-01 .. 2019-03-31) is the same list cut to its range.
  const std::vector<int64_t> fy = japanese_non_business_days(day("2018-04-01"), day("2019-03-31"));
  std::vector<int64_t> cut;
  std::copy_if(off.begin(), off.end(), std::back_inserter(cut), [](int64_t d) { return d >= day("2018-04-01"); });
  CHECK(fy == cut);
  // Weekends as such are not added: a plain Saturday and Sunday are absent, a holiday on a Saturday is there.
  CHECK_FALSE(std::binary_search(off.begin(), off.end(), day("2018-06-16")));
  CHECK_FALSE(std::binary_search(off.begin(), off.end(), day("2018-06-17")));
  CHECK(std::binary_search(off.begin(), off.end(), day("2018-05-05")));
  CHECK(japanese_non_business_days(last, first).empty());
}
