#include "harness/Errors.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/scenario/Values.hpp"
#include "sim/scenario/Reference.hpp"
#include "sim/scenario/Scenario.hpp"
#include "sim/trace/Hops.hpp"
#include "sim/trace/Oracle.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>

using namespace linksim;

TEST_CASE("sim::Reference: tables indexed by position list their values in enum order", "[reference]")
{
  // Counts are arrays indexed by Outcome, the CSV's columns by Ts: their tables must follow.
  for (size_t k = 0; k < OUTCOME_COUNT; ++k)
    CHECK(static_cast<size_t>(OUTCOMES.entries()[k].value) == k);
  for (size_t k = 0; k < TS_COUNT; ++k)
    CHECK(static_cast<size_t>(TIMESTAMPS.entries()[k].value) == k);
  // Hops are consecutive and cover the path from issued to fetched.
  CHECK(HOPS.front().from == ISSUED);
  CHECK(HOPS.back().to == FETCHED);
  for (size_t h = 1; h < HOP_COUNT; ++h)
    CHECK(HOPS[h].from == HOPS[h - 1].to);
}

TEST_CASE("sim::Reference: every enum table has unique names and a help line per value", "[reference]")
{
  std::set<std::string> ids;
  for (const EnumInfo& e : model_enums()) {
    INFO(e.id);
    CHECK(ids.insert(e.id).second);
    CHECK_FALSE(e.what.empty());
    std::set<std::string> names;
    for (const auto& [name, help] : e.values) {
      CHECK(names.insert(name).second);
      CHECK_FALSE(help.empty());
    }
  }
  CHECK(std::string(EXIT_CODES.help(EXIT_SIGINT)).rfind("interrupted by SIGINT", 0) == 0);
}

TEST_CASE("sim::Params: every declared default is valid JSON under a unique key", "[reference][params]")
{
  std::set<std::string> keys;
  for (const Param* p : all_params()) {
    INFO(p->pointer);
    // Two kinds may share a key with different names (timeline `mode`): unique with the table.
    CHECK(keys.insert(std::string(p->pointer) + " " + (p->value.table ? p->value.table : "")).second);
    if (has_default(*p))
      CHECK_NOTHROW(param_default(*p));
    else
      CHECK_THROWS(param_default(*p));
    CHECK_FALSE(param_key(*p).empty());
    CHECK(std::string(p->help).size() > 10);
  }
  // Defaults that are times parse as times, enum defaults are names of their tables.
  for (const Param* p : {&params::BUSINESS_OPEN, &params::BUSINESS_CLOSE, &params::REGISTRATION_START, &params::REGISTRATION_END})
    CHECK(parse_hhmm(param_default(*p).get<std::string>()));
  // The hub's acquisition default is a valid duration.
  Issues issues("x.json");
  const json empty = json::object();
  ObjReader o(empty, "/hub", issues);
  CHECK(read_duration(o, params::HUB_ACQUISITION).has_value());
  CHECK(issues.empty());
}

TEST_CASE("sim::Params: a default lies in its declared range and is one of its declared names", "[reference][params]")
{
  std::map<std::string, std::vector<std::string>> tables;
  for (const EnumInfo& e : model_enums())
    for (const auto& [name, help] : e.values)
      tables[e.id].push_back(name);
  size_t numbers = 0, choices = 0;
  for (const Param* p : all_params()) {
    INFO(p->pointer);
    const Value& v = p->value;
    if (v.kind == ValueKind::NUMBER || v.kind == ValueKind::INTEGER) {
      ++numbers;
      CHECK((v.bounds.ge || v.bounds.gt)); // every number is bounded below ...
      CHECK(!(v.bounds.ge && v.bounds.gt));
      CHECK(!(v.bounds.le && v.bounds.lt));
      if (!has_default(*p))
        continue;
      const json d = param_default(*p);
      REQUIRE(d.is_number());
      if (v.kind == ValueKind::INTEGER)
        CHECK(d.is_number_integer());
      const double x = d.get<double>();
      CHECK((!v.bounds.ge || x >= *v.bounds.ge));
      CHECK((!v.bounds.gt || x > *v.bounds.gt));
      CHECK((!v.bounds.le || x <= *v.bounds.le));
      CHECK((!v.bounds.lt || x < *v.bounds.lt));
    } else if (v.kind == ValueKind::CHOICE) {
      ++choices;
      std::vector<std::string> all;
      if (v.table) {
        REQUIRE(tables.count(v.table));
        all = tables[v.table];
      }
      const std::vector<std::string> names = choice_names(*p, v.table ? v.table : "", all);
      CHECK_FALSE(names.empty());
      if (v.table)
        for (const std::string& n : names)
          CHECK(std::find(all.begin(), all.end(), n) != all.end()); // a subset of its table
      if (!has_default(*p))
        continue;
      const json d = param_default(*p);
      for (const json& x : d.is_array() ? d : json::array({d})) // an array parameter: each element
        CHECK(std::find(names.begin(), names.end(), x.get<std::string>()) != names.end());
    }
  }
  CHECK(param_default(params::FORMAT) == FORMAT_CURRENT); // absent `format` is the current one
  CHECK(*params::FORMAT.value.bounds.le == FORMAT_CURRENT);
  CHECK(numbers > 100);
  CHECK(choices > 30);
  // A declared subset is the code's own list where there is one.
  std::vector<std::string> drill_kinds;
  for (AgencyKind k : DRILL_KINDS)
    drill_kinds.emplace_back(AGENCY_KINDS.name(k));
  CHECK(choice_names(params::DRILL_KINDS_TARGETED, "agency_kind", {}) == drill_kinds);
  // A reader of the wrong kind or table is a bug, not a silent read.
  Issues issues("x.json");
  const json doc = {{"kind", "hub"}};
  ObjReader o(doc, "", issues);
  CHECK_THROWS(read_given(o, params::SITE_KIND));
  CHECK_THROWS(read_given_choice(o, params::SITE_KIND, AGENCY_KINDS));
}

TEST_CASE("sim::Params: all_params lists every parameter Params.hpp declares", "[reference][params]")
{
  // all_params() is a hand-written list: a declaration missing from it would be read but neither
  // documented nor compared with the schema.
  std::ifstream in(std::string(LINKSIM_SOURCE_DIR) + "/sim/scenario/Params.hpp");
  REQUIRE(in);
  const std::string src((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::regex decl(R"re((^|\n)inline constexpr Param \w+\{"([^"]+)")re"); // not the example in a comment
  std::multiset<std::string> declared, listed;
  for (auto it = std::sregex_iterator(src.begin(), src.end(), decl); it != std::sregex_iterator(); ++it)
    declared.insert((*it)[2].str());
  for (const Param* p : all_params())
    listed.insert(p->pointer);
  CHECK(declared.size() > 150);
  CHECK(declared == listed);
}

TEST_CASE("harness::ResultShape: the metric regex accepts every metric and nothing else", "[reference][shape]")
{
  const std::regex re(metric_regex());
  for (const char* ok : {"/outcomes/total/correct", "/outcomes/total/manual", "/outcomes/by_provider/x/lagging",
                         "/outcomes/by_workload/w/skipped", "/latency/hops/prov_ims/p95_ms", "/records/hub",
                         "/servers/lg-east/utilisation", "/outcomes/skipped"})
    CHECK(std::regex_match(ok, re));
  for (const char* bad : {"/outcomes/by_provider/x/skipped", "/outcomes/total/nope", "/latency/hops/x/p95_ms",
                          "/records/lost", "/throughput", "/outcomes/by_site/x/correct"})
    CHECK_FALSE(std::regex_match(bad, re));
}
