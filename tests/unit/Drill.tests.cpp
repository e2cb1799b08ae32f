// The drill's arithmetic (sim/model/Drill.hpp): its cutoff, when staff acknowledge inside business
// hours, and the nearest-rank percentile its results report; and the `drills` section's reader.
#include "Fixtures.hpp"
#include "harness/Errors.hpp"
#include "harness/results/ResultShape.hpp"
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

// The section reader (harness/scenario/sections/DrillsSection.cpp) on the unit fixture: targets by
// kind in agency order, the declared defaults, drills kept in post order, a drill-only scenario.
TEST_CASE("harness::drills section: targets by kind, defaults, post order, and a drill-only scenario", "[drill][loader]")
{
  auto j                         = test::small_scenario_json();
  j["calendar"]["duration_days"] = 5; // the drills must close inside the run
  j["drills"] = nlohmann::json::parse(R"([
    {"id": "late", "posted": "2019-06-18T09:00:00+09:00", "kinds": ["insurer", "prefecture"], "cutoff_business_days": 0},
    {"id": "early", "posted": "2019-06-17T10:00:00+09:00", "stale_contact_rate": 0.5,
     "ack": {"insurer": {"dist": "fixed", "ms": 1000}}}])");
  const Scenario sc = parse_scenario(j.dump(), "unit.json");
  REQUIRE(sc.drills.size() == 2);
  const Drill& e = sc.drills[0]; // post order, not file order
  const Drill& l = sc.drills[1];
  CHECK(e.id == "early");
  CHECK(l.id == "late");
  // Targets: every agency of the kinds, in agency order (pref, m1, m2, ins1, ins2, nb1).
  CHECK(e.targets == std::vector<uint32_t>{0, 1, 2, 3, 4, 5});
  CHECK(l.targets == std::vector<uint32_t>{0, 3, 4});
  // Given values and the declared defaults.
  CHECK(e.stale_contact_rate == 0.5);
  CHECK(l.stale_contact_rate == 0.05);
  CHECK(e.category == DrillCategory::IMPORTANT_NOTICE);
  CHECK(e.mail_bytes == 20000);
  CHECK(e.stragglers == 10);
  CHECK(e.mail_delay.dist == Duration::Dist::EXPONENTIAL);
  CHECK(e.mail_delay.value_s == 120);
  const size_t ins = drill_kind_index(AgencyKind::INSURER), muni = drill_kind_index(AgencyKind::MUNICIPALITY);
  CHECK(e.ack[ins].dist == Duration::Dist::FIXED);
  CHECK(e.ack[ins].value_s == 1);
  CHECK(e.ack[muni].dist == Duration::Dist::LOGNORMAL);
  CHECK(e.ack[muni].value_s == 7200);
  CHECK(e.ack[muni].sigma == 1.2);
  // Times: occurred 30 min before the post, resolved 4 h after; cutoffs from the business days.
  const Calendar cal = sc.calendar();
  CHECK(e.posted_s - e.occurred_s == 1800);
  CHECK(e.resolved_s - e.posted_s == 4 * 3600);
  CHECK(cal.format(e.cutoff_s) == "2019-06-20T17:15:00+09:00"); // 3 business days after Monday
  CHECK(cal.format(l.cutoff_s) == "2019-06-18T17:15:00+09:00");
  // Its metrics are known to checks; another drill's are not.
  CHECK(metric_problem("/drills/early/by_kind/insurer/time_to_ack_minutes/p95", sc) == "");
  CHECK(metric_problem("/drills/early/mtta_minutes", sc) == "");
  CHECK(metric_problem("/drills/other/reach", sc) == "unknown drill \"other\"; known: early, late");

  // Without a drill, no workload is an error; with one, it is a drill-only scenario.
  j["workload"] = nlohmann::json::array();
  CHECK_NOTHROW(parse_scenario(j.dump(), "unit.json"));
  j.erase("drills");
  CHECK_THROWS_AS(parse_scenario(j.dump(), "unit.json"), ScenarioError);
}
