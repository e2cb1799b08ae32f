#include "Fixtures.hpp"
#include "harness/Errors.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

using namespace linksim;
using test::has;

namespace {
/// The loader's messages for a modified small scenario (empty if valid).
std::vector<std::string> errors_of(const nlohmann::json& j)
{
  try {
    parse_scenario(j.dump(), "x.json");
  } catch (const ScenarioError& e) {
    return e.messages;
  }
  return {};
}
} // namespace

TEST_CASE("harness::Loader: the small scenario is valid and typed", "[loader]")
{
  const Scenario sc = test::small_scenario();
  CHECK(sc.name == "unit");
  CHECK(sc.duration_s == 2 * 86400);
  CHECK(sc.open_s == 8 * 3600 + 1800); // documented default 08:30
  CHECK(sc.agencies.size() == 6);
  CHECK(sc.agencies[0].population == 4000); // prefecture: sum of its municipalities
  CHECK(sc.agencies[1].access.latency_s == Approx(0.002)); // VPN device default
  CHECK(sc.agencies[3].access.latency_s == Approx(0.005)); // insurer server's access line
  CHECK(sc.workload.size() == 1);
  CHECK(sc.reasons_of_null.front() == "NotApplicable");
  CHECK(sc.file_sha256.size() == 64);
}

TEST_CASE("harness::Loader: every problem is reported with file and JSON pointer", "[loader]")
{
  auto j = test::small_scenario_json();
  j["calendar"]["duration_days"]     = -1;
  j["agencies"]["list"][1]["site"]   = "west-2";
  j["workload"][0]["procedure"]      = "nope";
  j["hub"]["workerz"]                = 3;
  const auto msgs = errors_of(j);
  CHECK(has(msgs, "error: x.json: /calendar/duration_days: value -1 out of range: must be > 0"));
  CHECK(has(msgs, "error: x.json: /agencies/list/1/site: unknown site \"west-2\"; known: east, hub, ins, jlis, nb"));
  CHECK(has(msgs, "error: x.json: /workload/0/procedure: unknown procedure \"nope\"; known: child"));
  CHECK(has(msgs, "error: x.json: /hub/workerz: unknown key \"workerz\""));
  CHECK(msgs.size() >= 4);
}

TEST_CASE("harness::Loader: invalid JSON gives the line and column", "[loader]")
{
  try {
    parse_scenario("{\n  \"name\": \"x\",\n  oops\n}", "bad.json");
    FAIL("expected an error");
  } catch (const ScenarioError& e) {
    REQUIRE(e.messages.size() == 1);
    CHECK(e.messages[0].find("error: bad.json: /: invalid JSON at line 3") == 0);
  }
}

TEST_CASE("harness::Loader: cross-field workload rules", "[loader][workload]")
{
  auto j = test::small_scenario_json();
  j["workload"][0]["provider"] = {{"select", "residence"}};
  CHECK(has(errors_of(j), "it would query itself"));
  j = test::small_scenario_json();
  j["workload"][0]["total"] = 100;
  CHECK(has(errors_of(j), "expected exactly one of \"rate_per_day\""));
  j = test::small_scenario_json();
  j["workload"][0]["subjects"] = "own_members";
  CHECK(has(errors_of(j), "only insurers and national bodies have members"));
}

TEST_CASE("harness::Loader: `total` is spread over the business days of the window", "[loader][workload]")
{
  auto j = test::small_scenario_json();
  j["workload"][0].erase("rate_per_day");
  j["workload"][0]["total"] = 50; // Monday and Tuesday: two business days
  const Scenario sc = parse_scenario(j.dump(), "x.json");
  CHECK(sc.workload[0].rate_per_day == Approx(25));
}

TEST_CASE("harness::Loader: expect metrics must name something result.json has", "[loader][expect]")
{
  auto j = test::small_scenario_json();
  j["expect"][0]["metric"] = "/outcomes/total/wrong_persons";
  CHECK(has(errors_of(j), "unknown outcome \"wrong_persons\""));
  j["expect"][0]["metric"] = "/latency/hops/hub_requst/p95_ms";
  CHECK(has(errors_of(j), "unknown hop \"hub_requst\""));
  j["expect"][0]["metric"] = "/outcomes/by_procedure/child/correct";
  CHECK(errors_of(j).empty());
}

TEST_CASE("harness::Loader: the built-in calendar holds the year-end closure before a run's first day", "[loader][holidays]")
{
  auto j                       = test::small_scenario_json();
  j["calendar"]["start"]       = "2016-01-04T00:00:00+09:00"; // the first business day of 2016
  const Scenario sc            = parse_scenario(j.dump(), "x.json");
  const int64_t dec31_2015     = days_from_civil({2015, 12, 31});
  CHECK(std::binary_search(sc.holidays.begin(), sc.holidays.end(), dec31_2015)); // 12/29-1/3 closure
  CHECK(std::binary_search(sc.holidays.begin(), sc.holidays.end(), days_from_civil({2016, 1, 11}))); // 成人の日
  j["calendar"]["holidays"]    = "none";
  const Scenario none          = parse_scenario(j.dump(), "x.json");
  CHECK(none.holidays.empty());
}

TEST_CASE("harness::Loader: switching manual-answer mode on while on is valid when it changes the items held",
          "[loader][timeline]")
{
  auto j = test::small_scenario_json();
  j["agencies"]["list"][1]["manual_answer"] = nlohmann::json::parse(
      R"({"mode": "off", "staff": 1, "handling": {"dist": "fixed", "ms": 1000}})");
  j["layouts"].push_back(nlohmann::json::parse(
      R"({"number": 3, "name": "L3", "versions": [{"version": "1", "valid_from": "2019-01-01", "items": [{"code": "a"}]}]})"));
  auto on = [](const char* id, const char* at, nlohmann::json items) {
    return nlohmann::json{{"id", id}, {"kind", "manual_answer"}, {"at", at}, {"agency", "m1"}, {"mode", "on"}, {"items", items}};
  };
  j["timeline"] = {on("one", "2019-06-17T10:00:00+09:00", {2}), on("more", "2019-06-17T11:00:00+09:00", {2, 3})};
  CHECK(errors_of(j).empty());
  j["timeline"].push_back(on("same", "2019-06-17T12:00:00+09:00", {3, 2}));
  CHECK(has(errors_of(j), "/timeline/2/mode: switches m1's manual-answer mode on, but it is already on for these items"));
}

TEST_CASE("harness::Loader: link and host faults are typed with their target, and a manual_answer inside a fault of "
          "the agency's own line is refused",
          "[loader][timeline][faults]")
{
  auto j = test::small_scenario_json();
  j["agencies"]["list"][1]["manual_answer"] = nlohmann::json::parse(
      R"({"mode": "off", "staff": 1, "handling": {"dist": "fixed", "ms": 1000}})");
  j["workload"][0]["retries"]          = 2;
  j["workload"][0]["retry_interval_s"] = 30;
  j["timeline"] = nlohmann::json::parse(R"([
    {"id": "vpn", "kind": "vpn_fault", "at": "2019-06-17T09:00:00+09:00", "until": "2019-06-17T12:00:00+09:00", "agency": "m1"},
    {"id": "slow", "kind": "link_degraded", "at": "2019-06-17T09:00:00+09:00", "site": "east", "latency_factor": 3},
    {"id": "hub", "kind": "host_down", "at": "2019-06-17T13:00:00+09:00", "until": "2019-06-17T14:00:00+09:00", "host": "hub"},
    {"id": "sr", "kind": "manual_answer", "at": "2019-06-17T10:00:00+09:00", "agency": "m1", "mode": "on"},
    {"id": "sr2", "kind": "manual_answer", "at": "2019-06-17T12:00:00+09:00", "agency": "m1", "mode": "off"}
  ])");
  for (const std::string& m : errors_of(j))
    FAIL_CHECK(m);
  const Scenario sc = parse_scenario(j.dump(), "x.json");
  CHECK(sc.workload[0].retries == 2);
  CHECK(sc.workload[0].retry_interval_s == 30);
  CHECK(sc.workload[0].fault_timeout_s == 300); // documented default
  std::map<std::string, const TimelineEvent*> by_id;
  for (const TimelineEvent& e : sc.timeline)
    by_id[e.id] = &e;
  CHECK(by_id["vpn"]->target == FaultTarget::AGENCY_LINE);
  CHECK(by_id["slow"]->target == FaultTarget::SITE_UPLINK);
  CHECK(by_id["slow"]->latency_factor == 3);
  CHECK(by_id["slow"]->bandwidth_divisor == 1);
  CHECK(std::isinf(by_id["slow"]->until_s));
  CHECK(by_id["hub"]->target == FaultTarget::HUB_HOST);
  CHECK(by_id["sr"]->refused);       // inside the VPN fault
  CHECK_FALSE(by_id["sr2"]->refused); // at its end: the line works again
}
