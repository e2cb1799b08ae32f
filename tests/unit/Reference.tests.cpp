#include "harness/Errors.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/scenario/Values.hpp"
#include "sim/scenario/Reference.hpp"
#include "sim/trace/Hops.hpp"
#include "sim/trace/Oracle.hpp"

#include <catch2/catch.hpp>

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
  CHECK(exit_code_help().find("130  interrupted by SIGINT") != std::string::npos);
}

TEST_CASE("sim::Params: every declared default is valid JSON under a unique key", "[reference][params]")
{
  std::set<std::string> pointers;
  for (const Param* p : all_params()) {
    INFO(p->pointer);
    CHECK(pointers.insert(p->pointer).second);
    CHECK_NOTHROW(param_default(*p));
    CHECK_FALSE(param_key(*p).empty());
    CHECK(std::string(p->help).size() > 10);
  }
  // Defaults that are times parse as times, enum defaults are names of their tables.
  for (const Param* p : {&params::BUSINESS_OPEN, &params::BUSINESS_CLOSE, &params::REGISTRATION_START, &params::REGISTRATION_END})
    CHECK(parse_hhmm(param_default(*p).get<std::string>()));
  CHECK(NIGHTS.parse(param_default(params::REGISTRATION_NIGHTS).get<std::string>()));
  CHECK(HOLIDAY_CALENDARS.parse(param_default(params::HOLIDAYS).get<std::string>()));
  CHECK(MANUAL_MODES.parse(param_default(params::MANUAL_MODE).get<std::string>()));
  CHECK(HOURS.parse(param_default(params::WORKLOAD_HOURS).get<std::string>()));
  CHECK(ARRIVALS.parse(param_default(params::WORKLOAD_ARRIVALS).get<std::string>()));
  CHECK(SPLITS.parse(param_default(params::WORKLOAD_SPLIT).get<std::string>()));
  // The hub's acquisition default is a valid duration.
  Issues issues("x.json");
  const json empty = json::object();
  ObjReader o(empty, "/hub", issues);
  CHECK(read_duration(o, params::HUB_ACQUISITION).has_value());
  CHECK(issues.empty());
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
