// Issue 9: the incident model (sim/model/Incidents.hpp): the level table, deadlines, the rules of
// each response action, and which answers a misregistration makes wrong.
#include "Fixtures.hpp"
#include "sim/model/World.hpp"

#include <catch2/catch.hpp>

using namespace linksim;

namespace {

/// The small scenario with m2 (3000 persons, tax provider with staff) misregistering item 2 for
/// `persons` persons from 09:00 on the first day.
Scenario with_incident(uint64_t persons, const char* mode = "wrong_value", nlohmann::json incidents = nullptr)
{
  auto j = test::small_scenario_json();
  j["agencies"]["list"][2]["manual_answer"] = {{"mode", "off"}, {"staff", 1}, {"handling", {{"dist", "fixed"}, {"ms", 60000}}}};
  j["timeline"] = {{{"id", "tax-wrong"}, {"kind", "replica_misregistration"}, {"at", "2019-06-17T09:00:00+09:00"},
                    {"agency", "m2"}, {"items", {2}}, {"persons", persons}, {"mode", mode}}};
  if (!incidents.is_null())
    j["incidents"] = incidents;
  return parse_scenario(j.dump(), "unit.json");
}

constexpr double NINE = 9 * 3600.0; // 09:00 on the first day
constexpr uint32_t M2 = 2, M1 = 1;

} // namespace

TEST_CASE("sim::Incidents: the level table gives level 4 above 10000 persons and not at 10000", "[incidents][level]")
{
  const Scenario sc = with_incident(100);
  CHECK(level_for(sc.incidents.levels, 10000) == 3);
  CHECK(level_for(sc.incidents.levels, 10001) == 4);
  CHECK(level_for(sc.incidents.levels, 1000001) == 5);
  CHECK(level_for(sc.incidents.levels, 1) == 1);
  CHECK(level_for({}, 50000) == 1);
  CHECK(level_for({{0, 2}, {10, 5}}, 11) == 5);
}

TEST_CASE("sim::Incidents: deadlines run from detection and there are none before it", "[incidents][deadline]")
{
  const Scenario sc = with_incident(2000, "wrong_value", {{"deadlines", {{"phone_hours", 2}, {"initial_report_hours", 24}}}});
  World w(sc, 1, "t");
  IncidentModel& m = w.incidents();
  REQUIRE(m.size() == 1);
  CHECK(m.deadline(0, ResponseAction::REPORT_INITIAL) == NEVER);
  m.detect(0, NINE + 3600);
  CHECK(m.incident(0).detected_by == "own_check"); // no complaint reached it
  CHECK(m.deadline(0, ResponseAction::PHONE_OPERATOR) == Approx(NINE + 3 * 3600));
  CHECK(m.deadline(0, ResponseAction::REPORT_INITIAL) == Approx(NINE + 25 * 3600));
  CHECK(m.deadline(0, ResponseAction::REPORT_FINAL) == Approx(NINE + 3600 + 720 * 3600));
  CHECK(m.deadline(0, ResponseAction::FIX_REPLICAS) == NEVER);
  // The action list says the report's deadline and whether it was met.
  REQUIRE(m.act(0, M2, ResponseAction::REPORT_INITIAL, {}, NINE + 30 * 3600).accepted);
  const ActionTaken& a = m.incident(0).actions.back();
  CHECK(a.deadline_s == Approx(NINE + 25 * 3600));
  CHECK(a.t_s > a.deadline_s); // late
  CHECK(a.arg.sections == std::vector<int>{1, 2, 6});
}

TEST_CASE("sim::Incidents: the own check detects after its business hours", "[incidents][detection]")
{
  const Scenario sc = with_incident(2000, "wrong_value", {{"own_check_hours", 10}});
  World w(sc, 1, "t");
  const Calendar& cal = w.calendar();
  CHECK(w.incidents().detection_due(0) == Approx(cal.from_business(cal.to_business(NINE) + 10 * 3600)));
  // 09:00 + 8.25 business hours is 17:15 (close); the rest on the next morning: Tue 10:15
  CHECK(w.incidents().detection_due(0) == Approx(86400 + 10.25 * 3600));
}

TEST_CASE("sim::Incidents: each action refuses what the rules do not allow", "[incidents][act]")
{
  const Scenario sc = with_incident(2000);
  World w(sc, 1, "t");
  IncidentModel& m = w.incidents();
  const double t = NINE + 3600;
  auto refused = [&](uint32_t who, ResponseAction a, ActionArg arg, const char* why) {
    const ActionResult r = m.act(0, who, a, arg, t);
    CHECK_FALSE(r.accepted);
    CHECK(r.reason.find(why) != std::string::npos);
  };
  refused(M1, ResponseAction::SELF_RESTRAINT_ON, {}, "only the provider");
  CHECK_FALSE(m.act(0, M2, ResponseAction::JUDGE_LEVEL, ActionArg{3, "", {}}, NINE - 60).accepted); // before the inject
  refused(M2, ResponseAction::JUDGE_LEVEL, ActionArg{6, "", {}}, "1 to 5");
  refused(M2, ResponseAction::JUDGE_LEVEL, ActionArg{0, "", {}}, "1 to 5");
  refused(M2, ResponseAction::SELF_RESTRAINT_OFF, {}, "not on");
  refused(M2, ResponseAction::REPORT_INTERIM, {}, "initial report comes first");
  refused(M2, ResponseAction::REPORT_INITIAL, ActionArg{0, "", {1, 2}}, "sections 1, 2 and 6");
  refused(M2, ResponseAction::REPORT_INITIAL, ActionArg{0, "", {1, 2, 7}}, "sections 1 to 6");
  refused(M2, ResponseAction::POST_SHARING_SITE, ActionArg{0, "01", {}}, "05 (failure status) or 06");
  refused(M2, ResponseAction::ANNOTATE, {}, "no wrong provision");
  CHECK(m.act(0, M2, ResponseAction::JUDGE_LEVEL, ActionArg{3, "", {}}, t).accepted);
  CHECK(m.incident(0).level == 3);
  CHECK(m.act(0, M2, ResponseAction::SELF_RESTRAINT_ON, {}, t).accepted);
  refused(M2, ResponseAction::SELF_RESTRAINT_ON, {}, "already on");
  CHECK(w.manual_for(M2, 0)); // the provider's requests for item 2 now wait for its staff
  CHECK_FALSE(w.manual_for(M1, 0));
  CHECK(m.act(0, M2, ResponseAction::REPORT_INITIAL, {}, t).accepted);
  refused(M2, ResponseAction::REPORT_INITIAL, {}, "already been filed");
  refused(M2, ResponseAction::REPORT_FINAL, {}, "needs the fix re-registered");
  CHECK(m.act(0, M2, ResponseAction::POST_SHARING_SITE, ActionArg{0, "05", {}}, t).accepted);
  refused(M2, ResponseAction::POST_SHARING_SITE, {}, "one post");
  CHECK(m.act(0, M2, ResponseAction::FIX_REPLICAS, {}, t).accepted);
  refused(M2, ResponseAction::FIX_REPLICAS, {}, "already");
  m.registered(M2, t - 60, t + 60); // a batch extracted before the fix does not fix it
  CHECK(m.incident(0).reregistered_s == NEVER);
  m.registered(M2, t + 3600, t + 7200);
  CHECK(m.incident(0).reregistered_s == Approx(t + 7200));
  CHECK(m.act(0, M2, ResponseAction::REPORT_FINAL, {}, t + 8000).accepted);
  CHECK(m.act(0, M2, ResponseAction::SELF_RESTRAINT_OFF, {}, t + 8000).accepted);
  CHECK_FALSE(w.manual_for(M2, 0));
  CHECK(m.incident(0).restrained_s == Approx(t));
}

TEST_CASE("sim::Incidents: a misregistration hits about its persons from its time until a batch after the fix", "[incidents][inject]")
{
  const Scenario sc = with_incident(600);
  World w(sc, 1, "t");
  const IncidentModel& m = w.incidents();
  uint64_t hit = 0;
  for (uint64_t p = 0; p < 3000; ++p)
    hit += m.affected(0, p);
  CHECK(hit > 500); // 600 of 3000 expected (a hash, not a table)
  CHECK(hit < 700);
  uint64_t someone = 0;
  while (!m.affected(0, someone))
    ++someone;
  CHECK(m.misregistered(M2, someone, 0, NINE - 1, NINE - 7200) == NONE); // before the inject: right
  CHECK(m.misregistered(M2, someone, 0, NINE + 1, NINE - 7200) == 0);
  CHECK(m.misregistered(M1, someone, 0, NINE + 1, NINE - 7200) == NONE); // another provider
  w.incidents().act(0, M2, ResponseAction::FIX_REPLICAS, {}, NINE + 3600);
  CHECK(m.misregistered(M2, someone, 0, NINE + 7200, NINE - 7200) == 0);        // replicas from before the fix
  CHECK(m.misregistered(M2, someone, 0, NINE + 86400, NINE + 80000) == NONE); // re-registered after it
}

TEST_CASE("sim::Incidents: blank_reason leaves item 107 blank where it must say NotAcceptable", "[incidents][inject]")
{
  const Scenario sc = with_incident(600, "blank_reason");
  World w(sc, 1, "t");
  const LayoutVersion& v = sc.layouts[0].versions[0];
  int zero = 0, other = 0;
  for (uint64_t p = 0; p < 200; ++p) {
    Record r = build_record(v, 1, p, 0, 0, false);
    REQUIRE_FALSE(violates_null_rules(v, r));
    const bool had_reason = r.state[1] >= Record::NULL_BASE; // 107 carries NotAcceptable when 106 is 0
    w.incidents().corrupt(0, r);
    CHECK(violates_null_rules(v, r) == had_reason);
    ++(had_reason ? zero : other);
  }
  CHECK(zero > 20); // zero_rate 0.3
  CHECK(other > 20);
}

TEST_CASE("sim::Incidents: without a responder the first action after the detection time detects it", "[incidents][detection]")
{
  const Scenario sc = with_incident(2000, "wrong_value", {{"own_check_hours", 1}});
  World w(sc, 1, "t");
  IncidentModel& m = w.incidents();
  const double due = m.detection_due(0);
  CHECK(due == Approx(NINE + 3600));
  m.act(0, M2, ResponseAction::JUDGE_LEVEL, ActionArg{3, "", {}}, due - 60); // before it: not yet known
  CHECK(m.incident(0).detected_s == NEVER);
  m.act(0, M1, ResponseAction::JUDGE_LEVEL, ActionArg{3, "", {}}, due + 60); // another agency: no
  CHECK(m.incident(0).detected_s == NEVER);
  m.act(0, M2, ResponseAction::JUDGE_LEVEL, ActionArg{3, "", {}}, due + 60);
  CHECK(m.incident(0).detected_s == Approx(due));
  CHECK(m.incident(0).detected_by == "own_check");
  CHECK(m.deadline(0, ResponseAction::REPORT_INITIAL) == Approx(due + 24 * 3600));
}
