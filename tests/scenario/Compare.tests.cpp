// `linksim compare` and `linksim diff` as a user runs them: the plan's folders, compare.json's
// structure and verdicts, diff reproducing compare's verdicts from the same folders, the exit codes.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace linksim::test;
namespace fs = std::filesystem;

namespace {
std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

/// The verdict parts of a compare.json (per variant: gate, checks, entities).
nlohmann::json verdicts(const nlohmann::json& c)
{
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : c.at("variants"))
    out.push_back({{"name", v.at("name")}, {"gate", v.at("gate")}, {"checks", v.at("checks")}, {"entities", v.at("entities")}});
  return out;
}
} // namespace

TEST_CASE("compare: quickstart and its late-tax variant on 2 paired seeds, diff of the folders gives the same verdicts",
          "[compare][cli]")
{
  const std::string dir = fresh_dir("compare-quickstart");
  const std::string out = dir + "/out";
  const ProcessResult r = run_linksim({"compare", scenario("quickstart"), scenario("quickstart-late-tax"), "--seeds", "2",
                                       "--jobs", "2", "--no-exchanges-csv", "--out", out});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* s : {"quickstart", "quickstart-late-tax"})
    for (const char* seed : {"seed-1", "seed-2"})
      CHECK(fs::exists(out + "/" + s + "/" + seed + "/result.json"));
  const auto manifest = read_json(out + "/manifest.json");
  CHECK(manifest["kind"] == "compare");
  CHECK(manifest["seeds"]["count"] == 2);
  CHECK(manifest["runs"].size() == 4);
  CHECK(manifest["runs"][2]["out"] == "quickstart-late-tax/seed-1");

  const auto c = read_json(out + "/compare.json");
  CHECK(c["kind"] == "compare");
  CHECK(c["base"]["name"] == "quickstart");
  CHECK(c["seeds"] == nlohmann::json::array({1, 2}));
  CHECK(c["missing_results"] == 0);
  CHECK(c["exit_code"] == 0);
  REQUIRE(c["variants"].size() == 1);
  const auto& v = c["variants"][0];
  CHECK(v["name"] == "quickstart-late-tax");
  CHECK(v["pairs"] == 2);
  CHECK(v["gate"]["passed"] == true);
  CHECK(v["gate"]["checks_regressed"].empty());
  // quickstart's checks (inherited unchanged by the variant, which passes them) are all unchanged.
  CHECK(v["checks"]["summary"]["unchanged"].get<int>() >= 10);
  CHECK(v["checks"]["summary"]["newly_failing"] == 0);
  for (const char* b : {"by_requester", "by_provider", "by_procedure", "by_item", "by_workload"})
    CHECK(v["entities"][b]["summary"]["unchanged"].get<int>() > 0);
  const auto& all = v["outcome_deltas"]["total"]["all"];
  CHECK(all["base_mean"].get<double>() > 1000); // quickstart: about 5,400 exchanges a run
  CHECK(all["n"] == 2);
  CHECK(v["latency_deltas"]["end_to_end"]["p95_ms"]["base_mean"].get<double>() > 0);
  CHECK_FALSE(v.contains("revisions")); // quickstart has no revision cycle
  CHECK(read_text(out + "/junit.xml").find("<testsuites") != std::string::npos);
  CHECK(read_text(out + "/compare.html").find("quickstart-late-tax") != std::string::npos);

  const ProcessResult d = run_linksim({"diff", out + "/quickstart", out + "/quickstart-late-tax", "--out", dir + "/diff"});
  INFO(d.out << d.err);
  REQUIRE(d.exit_code == 0);
  const auto dc = read_json(dir + "/diff/compare.json");
  CHECK(dc["seeds"] == c["seeds"]);
  CHECK(verdicts(dc) == verdicts(c));
  CHECK(dc["variants"][0]["outcome_deltas"] == v["outcome_deltas"]);
}

TEST_CASE("compare: a variant that lets data reach an unentitled requester fails the compare (exit 1) and is named",
          "[compare][cli]")
{
  const std::string out = fresh_dir("compare-unentitled") + "/out";
  const ProcessResult r = run_linksim({"compare", scenario("quickstart"), scenario("unentitled-master"), "--quiet",
                                       "--no-exchanges-csv", "--out", out});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  const auto c  = read_json(out + "/compare.json");
  const auto& v = c["variants"][0];
  CHECK(v["gate"]["passed"] == false);
  CHECK(v["gate"]["failures_grew"] == true);
  REQUIRE(v["gate"]["checks_regressed"].size() >= 1);
  CHECK(v["entities"]["by_requester"]["summary"]["newly_failing"] == 1);
  CHECK(v["entities"]["by_requester"]["changed"][0]["key"] == "kenpo-1"); // the insurer that asks (the scenario's description)
  CHECK(read_text(out + "/junit.xml").find("<failure") != std::string::npos);
  // A looser threshold does not forgive a check that regressed.
  const ProcessResult loose = run_linksim({"diff", out + "/quickstart", out + "/unentitled-master", "--out", out + "/d",
                                           "--max-new-failures", "100000", "--quiet"});
  CHECK(loose.exit_code == 1);
  CHECK(read_json(out + "/d/compare.json")["variants"][0]["gate"]["failures_grew"] == false);
}

TEST_CASE("compare: usage errors exit 4 with a clear message and run nothing", "[compare][cli]")
{
  const std::string dir = fresh_dir("compare-usage");
  const ProcessResult none = run_linksim({"compare", scenario("quickstart"), "--out", dir + "/a"});
  CHECK(none.exit_code == 4);
  CHECK(none.err.find("at least one VARIANT") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/a"));

  const ProcessResult bad = run_linksim({"compare", scenario("quickstart"), source_dir() + "/scenarios/invalid/does-not-exist.json",
                                         "--out", dir + "/b"});
  CHECK(bad.exit_code == 4);
  CHECK(bad.err.find("does-not-exist.json") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/b"));

  const ProcessResult same = run_linksim({"compare", scenario("quickstart"), scenario("quickstart"), "--out", dir + "/c"});
  CHECK(same.exit_code == 4);
  CHECK(same.err.find("two scenarios are named \"quickstart\"") != std::string::npos);

  const ProcessResult threshold = run_linksim({"compare", scenario("quickstart"), scenario("quickstart-late-tax"),
                                               "--max-new-failures", "-1", "--out", dir + "/d"});
  CHECK(threshold.exit_code == 4);
  CHECK(threshold.err.find("--max-new-failures") != std::string::npos);

  const ProcessResult diff = run_linksim({"diff", dir, dir, "--out", dir + "/e"});
  CHECK(diff.exit_code == 4);
  CHECK(diff.err.find("neither a run folder") != std::string::npos);
}
