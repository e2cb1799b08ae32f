#include "harness/results/Glossary.hpp"
#include "sim/scenario/Agencies.hpp"
#include "sim/scenario/Checks.hpp"
#include "sim/scenario/Network.hpp"
#include "sim/scenario/Revisions.hpp"
#include "sim/scenario/TestCases.hpp"
#include "sim/scenario/Timeline.hpp"
#include "sim/scenario/Workload.hpp"
#include "sim/trace/CoarseHistogram.hpp"
#include "sim/trace/Hops.hpp"
#include "sim/trace/Oracle.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>

using namespace linksim;

namespace {
template <typename Table> void every_value_has_a_japanese_name(const Table& t)
{
  for (const auto& e : t.entries()) {
    INFO(t.id() << " " << e.name);
    CHECK(std::string(ja(t.id(), e.name)) != "");
  }
}
} // namespace

TEST_CASE("results::Glossary: every domain term the reports show has a Japanese name", "[glossary][report]")
{
  every_value_has_a_japanese_name(OUTCOMES);
  every_value_has_a_japanese_name(TIMESTAMPS);
  every_value_has_a_japanese_name(SITE_KINDS);
  every_value_has_a_japanese_name(AGENCY_KINDS);
  every_value_has_a_japanese_name(MODES);
  every_value_has_a_japanese_name(CHECK_KINDS);
  every_value_has_a_japanese_name(DENY_REASONS);
  every_value_has_a_japanese_name(TIMELINE_CHANGES);
  for (const HopDef& h : HOPS) {
    INFO("hop " << h.name);
    CHECK(std::string(ja("hop", h.name)) != "");
  }
  every_value_has_a_japanese_name(REGIMES);
  every_value_has_a_japanese_name(CASE_VERDICTS);
  every_value_has_a_japanese_name(RESPONSE_ACTIONS);
  every_value_has_a_japanese_name(CHECK_VERDICTS);
}

TEST_CASE("results::Glossary: names are looked up by table and name, unknown terms stay English", "[glossary][report]")
{
  CHECK(std::string(ja("outcome", "correct")) == "正常");
  CHECK(std::string(ja("outcome", "denied")) == "拒否");
  CHECK(both("mode", "batch") == "一括照会 batch");
  CHECK(both("outcome", "no_such_class") == "no_such_class");
  CHECK(std::string(ja("site_kind", "correct")) == ""); // a name of another table
  CHECK(std::string(ja("hop", "hub_request")) == "NWS（許可確認・符号変換）");
  CHECK(std::string(ja("verdict", "inconclusive")) == "判定不能");
}

TEST_CASE("results::Glossary: each table's names are unique, so a name has one Japanese name", "[glossary][report]")
{
  for (const EnumInfo& t : model_enums()) {
    std::set<std::string> names;
    REQUIRE(t.ja.size() == t.values.size());
    for (const auto& [name, help] : t.values) {
      INFO(t.id << " " << name);
      CHECK(names.insert(name).second);
    }
  }
}

TEST_CASE("sim::CoarseHistogram: percentiles within 2.2 % of the exact ones, min and max exact", "[histogram]")
{
  CoarseHistogram h;
  CHECK(h.count() == 0);
  CHECK(h.percentile(50) == 0);
  for (int i = 1; i <= 1000; ++i)
    h.add(i * 0.001); // 1 ms .. 1 s
  CHECK(h.count() == 1000);
  CHECK(h.min() == Approx(0.001));
  CHECK(h.max() == Approx(1.0));
  for (double p : {1.0, 25.0, 50.0, 90.0, 95.0, 99.0}) {
    const double exact = std::ceil(p / 100 * 1000) * 0.001;
    INFO("p" << p);
    CHECK(std::abs(h.percentile(p) - exact) / exact <= 0.022);
  }
  CHECK(h.percentile(100) == Approx(1.0)); // clamped to the exact max
  h.add(1e-9);                             // below a microsecond: the first bucket, min still exact
  CHECK(h.min() == Approx(1e-9));
  h.add(1e9); // beyond the last bucket: counted there, max exact
  CHECK(h.count() == 1002);
  CHECK(h.percentile(100) == Approx(1e9));
}
