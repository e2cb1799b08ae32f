// Test My Numbers (試験用個人番号), the connectivity-check tool's permission rule and the
// test_mixed class (情報連携試験).
#include "Fixtures.hpp"
#include "harness/Errors.hpp"
#include "sim/model/Permission.hpp"
#include "sim/model/Population.hpp"
#include "sim/model/TestPersons.hpp"
#include "sim/trace/Oracle.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace linksim;
using test::has;

namespace {
nlohmann::json with_tests(uint64_t per_agency)
{
  auto j            = test::small_scenario_json();
  j["linkage_test"] = {{"test_persons_per_agency", per_agency},
                       {"partners", {{{"agency", "m1"}, {"providers", {"nb1", "ins1"}}}}}};
  return j;
}
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

TEST_CASE("sim::TestPersons: reserved numbers are valid, distinct, never a real person's, and resolve back",
          "[testpersons]")
{
  const Scenario sc = parse_scenario(with_tests(50).dump(), "x.json");
  const Population pop(sc, sc.seed);
  const Codes codes(sc.seed, 0);
  const TestPersons& tp = pop.test_persons();
  REQUIRE(tp.per_agency() == 50);
  std::set<uint64_t> real;
  for (uint64_t p = 0; p < pop.size(); ++p)
    real.insert(codes.my_number(p));
  std::set<uint64_t> seen;
  for (uint32_t a = 0; a < sc.agencies.size(); ++a)
    for (uint64_t k = 0; k < 50; ++k) {
      const uint64_t p = tp.person(a, k);
      REQUIRE(p >= pop.size());
      REQUIRE(tp.is_test(p));
      REQUIRE(tp.owner(p) == a);
      REQUIRE(tp.rank(p) == k);
      const uint64_t n = codes.my_number(p);
      REQUIRE(my_number_valid(n));
      REQUIRE(real.count(n) == 0);
      REQUIRE(seen.insert(n).second);
      std::string why;
      auto back = person_of_my_number(my_number_text(n), codes, tp, why);
      REQUIRE(back);
      REQUIRE(*back == p);
    }
  for (uint64_t p = 0; p < pop.size(); ++p)
    REQUIRE(!tp.is_test(p));
  // A valid number that is neither a person's nor reserved is refused, with the reason.
  const uint64_t beyond = tp.person(static_cast<uint32_t>(sc.agencies.size()), 0); // the next agency's block
  std::string why;
  CHECK(!person_of_my_number(my_number_text(codes.my_number(beyond)), codes, tp, why));
  CHECK(why.find("neither a person's My Number nor a reserved test My Number") != std::string::npos);
  CHECK(!person_of_my_number("12345678901", codes, tp, why));
  CHECK(why.find("12 digits") != std::string::npos);
  const uint64_t n = codes.my_number(3);
  CHECK(!person_of_my_number(my_number_text(n / 10 * 10 + (n % 10 + 1) % 10), codes, tp, why));
  CHECK(why.find("wrong check digit") != std::string::npos);
}

TEST_CASE("sim::Population: a test person lives with its agency, and only it and its partners hold test data",
          "[testpersons]")
{
  const Scenario sc = parse_scenario(with_tests(5).dump(), "x.json");
  const Population pop(sc, sc.seed);
  const TestPersons& tp = pop.test_persons();
  // agencies: 0 pref, 1 m1, 2 m2, 3 ins1, 4 ins2, 5 nb1; m1's partners: nb1, ins1
  const uint64_t m1 = tp.person(1, 2), ins2 = tp.person(4, 0), nb1 = tp.person(5, 4);
  CHECK(pop.residence(m1) == 1);
  CHECK(pop.previous_residence(m1) == NONE);
  CHECK(pop.prefecture(m1) == 0);
  CHECK(pop.insurer(m1) == NONE);
  CHECK(pop.residence(ins2) == NONE);
  CHECK(pop.insurer(ins2) == 4);
  for (uint32_t a = 0; a < 6; ++a) {
    CHECK(pop.covered_by(a, m1) == (a == 1 || a == 5 || a == 3));
    CHECK(pop.covered_by(a, ins2) == (a == 4));
    CHECK(pop.covered_by(a, nb1) == (a == 5));
  }
  // No test persons at all: nothing is reserved.
  auto j                                   = test::small_scenario_json();
  j["linkage_test"]["test_persons_per_agency"] = 0;
  const Scenario none                      = parse_scenario(j.dump(), "x.json");
  const Population pop0(none, none.seed);
  CHECK(!pop0.test_persons().is_test(TestPersons::TOP - 1));
}

TEST_CASE("harness::Loader: linkage_test partners and my_numbers are checked", "[testpersons][loader]")
{
  auto j                                   = with_tests(5);
  j["linkage_test"]["partners"][0]["providers"] = {"m1"};
  CHECK(has(errors_of(j), "an agency holds its own test persons' data already"));
  j["linkage_test"]["partners"][0]["providers"] = {"nobody"};
  CHECK(has(errors_of(j), "unknown agency \"nobody\""));
  j = with_tests(5);
  j["workload"][0]["subjects"]   = "listed";
  j["workload"][0]["provider"]   = {{"select", "agency"}, {"agency", "m2"}};
  j["workload"][0]["requesters"] = {{"agencies", {"m1"}}};
  j["workload"][0]["my_numbers"] = {"000000000000"};
  CHECK(has(errors_of(j), "neither a person's My Number nor a reserved test My Number"));
  const Scenario sc = parse_scenario(with_tests(5).dump(), "x.json");
  const Population pop(sc, sc.seed);
  const Codes codes(sc.seed, 0);
  j["workload"][0]["my_numbers"] = {my_number_text(codes.my_number(pop.test_persons().person(1, 0))),
                                    my_number_text(codes.my_number(7))};
  const Scenario ok = parse_scenario(j.dump(), "x.json");
  REQUIRE(ok.workload[0].persons.size() == 2);
  CHECK(ok.workload[0].persons[0] == pop.test_persons().person(1, 0));
  CHECK(ok.workload[0].persons[1] == 7);
}

TEST_CASE("sim::PermissionTable: the connectivity-check tool provides whatever the requester may ask anyone for",
          "[testpersons][permission]")
{
  auto j = test::small_scenario_json();
  j["agencies"]["list"].push_back({{"id", "tool"}, {"kind", "connectivity_tool"}, {"site", "hub"}});
  const Scenario sc = parse_scenario(j.dump(), "x.json");
  std::vector<AgencyKind> kinds;
  for (const Agency& a : sc.agencies)
    kinds.push_back(a.kind);
  const PermissionTable t(sc.permissions, kinds, sc.procedures.size(), sc.layouts.size());
  const uint32_t tool = 6;
  CHECK(t.allows(0, 0, 1, tool));  // a municipality may ask municipalities for item 2: the tool answers
  CHECK(!t.allows(0, 0, 3, tool)); // an insurer may not ask anyone: the tool refuses too
  auto bad                               = test::small_scenario_json();
  bad["agencies"]["list"].push_back({{"id", "tool"}, {"kind", "connectivity_tool"}, {"site", "east"}});
  CHECK(has(errors_of(bad), "the connectivity-check tool sits in the hub"));
  bad["agencies"]["list"][6] = {{"id", "tool"}, {"kind", "connectivity_tool"}, {"site", "hub"}, {"population", 5}};
  CHECK(has(errors_of(bad), "the connectivity-check tool has no persons"));
}

TEST_CASE("sim::classify: test_mixed comes after unentitled and before everything else", "[testpersons][oracle]")
{
  OracleFacts f;
  f.data_answered = true;
  f.fetched       = true;
  f.test_mixed    = true;
  CHECK(classify(f) == Outcome::TEST_MIXED);
  f.right_person = false; // mixing is the worse finding
  CHECK(classify(f) == Outcome::TEST_MIXED);
  f.entitled = false;
  CHECK(classify(f) == Outcome::UNENTITLED);
  OracleFacts q; // a real person asked in a linkage test: mixed even if nothing came back yet
  q.test_mixed = true;
  CHECK(classify(q) == Outcome::TEST_MIXED);
  q.denied  = true;
  q.fetched = true;
  CHECK(classify(q) == Outcome::TEST_MIXED);
  CHECK(is_correctness_failure(Outcome::TEST_MIXED));
  CHECK(provides_data(Outcome::TEST_MIXED));
}

TEST_CASE("harness::Loader: a linkage case's rules: the hourly bound counts every linkage case of the requester",
          "[testpersons][loader][linkage]")
{
  auto linkage_case = [](const std::string& id, std::vector<int> persons, std::vector<std::string> at) {
    return nlohmann::json{{"id", id},         {"title", "t"},       {"regime", "linkage"}, {"requester", "m1"},
                          {"provider", {{"agency", "m2"}}}, {"procedure", "child"}, {"item", 2},
                          {"mode", "immediate"}, {"persons", persons}, {"at", at}, {"expect", {{"outcome", "correct"}}}};
  };
  auto j                                       = test::small_scenario_json();
  j["linkage_test"]["max_exchanges_per_hour"] = 2;
  j["test_cases"] = {linkage_case("A", {1000, 1001}, {"2019-06-17T10:00:00+09:00", "2019-06-17T10:59:59+09:00"}),
                     linkage_case("B", {1002}, {"2019-06-17T11:00:00+09:00"})};
  const Scenario ok = parse_scenario(j.dump(), "x.json"); // 2 in the 10:00 hour, 1 in the 11:00 hour
  REQUIRE(ok.test_cases.size() == 2);
  CHECK(ok.workload[ok.test_cases[0].workload].linkage_test);
  j["test_cases"][1]["at"] = {"2019-06-17T10:30:00+09:00"}; // a third in the 10:00 hour, in another case
  CHECK(has(errors_of(j), "\"m1\" would ask more than 2 exchanges in linkage tests in the hour from 2019-06-17T10:00:00+09:00"));
  j["test_cases"][1]["regime"] = "production"; // the bound is the linkage test's only
  CHECK(errors_of(j).empty());
  j["test_cases"][1]["at"] = {"2019-06-17T08:00:00+09:00"}; // and so are business hours
  CHECK(errors_of(j).empty());
  j["test_cases"][1]["regime"] = "linkage";
  CHECK(has(errors_of(j), "is outside business hours (08:30–17:15)"));
}
