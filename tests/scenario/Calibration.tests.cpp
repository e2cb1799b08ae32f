// Calibration against the seed deck (slow: a national-scale run of 2017-07-18..2019-03-31).
// The targets are the seed's published figures [SEED p.1]; the scenario's own checks hold them
// to 1 %, and this test prints every figure's error and where the queries without a provision went.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <map>

using namespace linksim::test;
using nlohmann::json;

TEST_CASE("calibration: seed-2017-2019 reproduces the seed's totals and top-5 tables within 1 %", "[slow][calibration]")
{
  const std::string dir = fresh_dir("calibration");
  const ProcessResult r = run_linksim({"run", source_dir() + "/scenarios/seed-2017-2019.json", "--out", dir, "--quiet",
                                       "--no-exchanges-csv"},
                                      3600);
  INFO(r.err);
  REQUIRE(r.signal == 0);
  const json res = read_json(dir + "/result.json");
  const json& o  = res["outcomes"];
  // The seed's figures (targets, not results).
  const std::map<std::string, std::pair<std::string, double>> targets = {
      {"queries", {"/outcomes/total/all", 8'725'223}},
      {"provisions", {"/outcomes/total/provided", 8'032'100}},
      {"provisions: 地方税 (item 2)", {"/outcomes/by_item/2/provided", 6'853'512}},
      {"provisions: 住基 (item 1)", {"/outcomes/by_item/1/provided", 543'531}},
      {"provisions: 医療保険資格 (item 31)", {"/outcomes/by_item/31/provided", 463'797}},
      {"provisions: 介護 (item 4)", {"/outcomes/by_item/4/provided", 36'441}},
      {"provisions: 雇用保険 (item 60)", {"/outcomes/by_item/60/provided", 35'257}},
      {"queries: 地方税の賦課徴収", {"/outcomes/by_procedure/local-tax/all", 1'579'045}},
      {"queries: 児童手当", {"/outcomes/by_procedure/child-allowance/all", 1'511'620}},
      {"queries: 国民健康保険", {"/outcomes/by_procedure/nhi/all", 1'477'300}},
      {"queries: 学資の貸与", {"/outcomes/by_procedure/student-loan/all", 677'090}},
      {"queries: 特定医療費", {"/outcomes/by_procedure/specified-medical/all", 443'907}},
  };
  for (const auto& [label, t] : targets) {
    const double got = res.at(json::json_pointer(t.first)).get<double>();
    const double err = 100.0 * (got - t.second) / t.second;
    std::printf("calibration: %-36s seed %10.0f  simulated %10.0f  error %+.3f %%\n", label.c_str(), t.second, got, err);
    INFO(label);
    CHECK(std::abs(err) <= 1.0);
  }
  // Where the queries without a provision went.
  const double all = o["total"]["all"].get<double>(), provided = o["total"]["provided"].get<double>();
  double without = 0;
  for (const char* cls : {"denied", "no_replica", "timed_out", "pending_manual", "unfinished"}) {
    const double n = o["total"][cls].get<double>();
    without += n;
    std::printf("calibration: without provision: %-15s %9.0f  (%.2f %% of queries)\n", cls, n, 100 * n / all);
  }
  CHECK(without == all - provided);
  CHECK(o["total"]["wrong_person"] == 0);
  CHECK(r.exit_code == 0); // the scenario's own 1 % checks
}
