// Section `calendar`: the run's window, business hours, weekends, non-business days (Japan's
// holidays built in), the drain limit.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"
#include "sim/model/Holidays.hpp"
#include "sim/scenario/Reference.hpp"

#include <algorithm>

namespace linksim {

namespace {

int hhmm_default(const Param& p) { return *parse_hhmm(param_default(p).get<std::string>()); }

unsigned weekend_mask(const json& days)
{
  unsigned mask = 0;
  for (const json& d : days)
    mask |= 1u << *WEEKDAYS.parse(d.get<std::string>());
  return mask;
}

void read_calendar(ObjReader& root, LoadContext& ctx)
{
  Scenario& sc = ctx.sc;
  sc.open_s       = hhmm_default(params::BUSINESS_OPEN);
  sc.close_s      = hhmm_default(params::BUSINESS_CLOSE);
  sc.weekend_mask = weekend_mask(param_default(params::WEEKEND));
  sc.drain_limit_s = param_default(params::DRAIN_LIMIT_HOURS).get<double>() * 3600;
  ObjReader c = root.object("calendar", Req::YES);
  if (!c.valid())
    return;
  bool have_start = false;
  if (auto s = c.string("start", Req::YES)) {
    auto t = parse_jst_datetime(*s);
    if (!t)
      c.error("start", "invalid start \"" + *s + "\"; expected an ISO-8601 JST date-time \"YYYY-MM-DDTHH:MM:SS+09:00\"");
    else {
      sc.start_jst_s = *t;
      sc.start_text  = *s;
      have_start     = true;
    }
  }
  if (auto d = read_given(c, params::DURATION_DAYS))
    sc.duration_s = *d * 86400;
  if (c.has("business_hours")) {
    ObjReader h = c.object("business_hours", Req::YES);
    // Each key defaults on its own (params::BUSINESS_OPEN / BUSINESS_CLOSE).
    auto open  = read_hhmm(h, param_key(params::BUSINESS_OPEN), Req::NO);
    auto close = read_hhmm(h, param_key(params::BUSINESS_CLOSE), Req::NO);
    const bool bad = (h.has(param_key(params::BUSINESS_OPEN)) && !open) || (h.has(param_key(params::BUSINESS_CLOSE)) && !close);
    if (!bad) {
      const int o = open.value_or(sc.open_s), cl = close.value_or(sc.close_s);
      if (o >= cl)
        h.error(param_key(params::BUSINESS_CLOSE), "business hours must close after they open");
      else {
        sc.open_s  = o;
        sc.close_s = cl;
      }
    }
    h.finish();
  } else {
    c.raw("business_hours", Req::NO);
  }
  const std::string weekend_key = param_key(params::WEEKEND);
  if (const json* w = c.array(weekend_key, Req::NO)) {
    sc.weekend_mask = 0;
    for (size_t i = 0; i < w->size(); ++i) {
      const json& d = (*w)[i];
      auto day      = d.is_string() ? WEEKDAYS.parse(d.get<std::string>()) : std::nullopt;
      if (!day)
        ctx.issues.error(c.at(weekend_key) + "/" + std::to_string(i), "expected a weekday, one of: " + join(WEEKDAYS.names()));
      else
        sc.weekend_mask |= 1u << *day;
    }
    if (sc.weekend_mask == 0x7f)
      c.error(weekend_key, "every day of the week is a weekend: there would be no business day");
  }
  sc.holiday_calendar = read_choice(c, params::HOLIDAYS, HOLIDAY_CALENDARS);
  const std::string nbd = param_key(params::NON_BUSINESS_DAYS);
  if (const json* h = c.array(nbd, Req::NO))
    for (size_t i = 0; i < h->size(); ++i)
      if (auto d = read_date((*h)[i], c.at(nbd) + "/" + std::to_string(i), ctx.issues))
        sc.holidays.push_back(*d);
  if (c.has(param_key(params::DRAIN_LIMIT_HOURS)))
    sc.drain_limit_s = read_number(c, params::DRAIN_LIMIT_HOURS) * 3600;
  // The built-in holidays over the run, its drain and a month before it (the nights before the
  // start decide which registration batches ran). The year-end closure is there for any year; the
  // national holidays of the run's own years must be covered.
  if (have_start && sc.duration_s > 0 && sc.holiday_calendar == HolidayCalendar::JAPAN) {
    const int64_t first = sc.start_jst_s / 86400 - 31;
    const int64_t last  = static_cast<int64_t>((sc.start_jst_s + sc.duration_s + sc.drain_limit_s) / 86400) + 1;
    const int y0 = civil_from_days(sc.start_jst_s / 86400).year, y1 = civil_from_days(last).year;
    if (y0 < HOLIDAY_FIRST_YEAR || y1 > HOLIDAY_LAST_YEAR)
      c.error(param_key(params::HOLIDAYS),
              "the built-in holiday calendar covers " + std::to_string(HOLIDAY_FIRST_YEAR) + " to " +
                  std::to_string(HOLIDAY_LAST_YEAR) + ", and this run (with its drain limit) spans " + std::to_string(y0) +
                  " to " + std::to_string(y1) + ": set \"holidays\": \"none\" and list the non-business days");
    else {
      const auto builtin = japanese_non_business_days(first, last);
      sc.holidays.insert(sc.holidays.end(), builtin.begin(), builtin.end());
    }
  }
  std::sort(sc.holidays.begin(), sc.holidays.end());
  sc.holidays.erase(std::unique(sc.holidays.begin(), sc.holidays.end()), sc.holidays.end());
  c.finish();
}

} // namespace

extern const SectionDecl CALENDAR_SECTION{"calendar", {"calendar"}, read_calendar,
                                          "the run's window and its business calendar"};

} // namespace linksim
