// The revision and distribution cycle as a planner uses it: a schedule change compared with
// `linksim compare` (who misses go-live, from when), `linksim diff` on the same folders, the R1.6
// cycle's report (masters per server, layout versions around the cutover) and the delegation
// pitfall, each checked against what the scenario files say.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace linksim::test;

namespace {
std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

nlohmann::json verdicts(const nlohmann::json& c)
{
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : c.at("variants"))
    out.push_back({{"gate", v.at("gate")}, {"checks", v.at("checks")}, {"entities", v.at("entities")},
                   {"newly_missing_go_live", v.value("newly_missing_go_live", nlohmann::json())}});
  return out;
}
} // namespace

TEST_CASE("compare r2-6-jasso r2-6-late: exit 1, and exactly the providers whose modification slips past the moved "
          "go-live are named, with their dates, diff of the folders agrees",
          "[cycle][compare]")
{
  const std::string out = fresh_dir("cycle-r26") + "/out";
  const ProcessResult r = run_linksim({"compare", scenario("r2-6-jasso"), scenario("r2-6-late"), "--seeds", "4", "--jobs", "2",
                                       "--no-exchanges-csv", "--out", out});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  const auto c = read_json(out + "/compare.json");
  REQUIRE(c["variants"].size() == 1);
  const auto& v = c["variants"][0];

  // What the variant changed: its R2.6 go-live, and the agencies it lists as ready after it.
  const auto variant = read_json(scenario("r2-6-late"));
  const auto& rev    = variant["revisions"][0];
  const std::string go_live = rev["go_live"].get<std::string>() + "T00:00:00+09:00";
  std::set<std::string> slipped;
  for (auto it = rev["ready"].begin(); it != rev["ready"].end(); ++it)
    if (it.value().get<std::string>() > rev["go_live"].get<std::string>())
      slipped.insert(it.key());
  REQUIRE(slipped.size() == 2);
  std::set<std::string> named;
  for (const auto& a : v["newly_missing_go_live"])
    named.insert(a.get<std::string>());
  CHECK(named == slipped);

  const auto& table = v["revisions"]["R2.6"];
  CHECK(table["go_live"] == "2020-06-15T00:00:00+09:00");
  CHECK(table["go_live_variant"] == go_live);
  for (const std::string& a : slipped) {
    INFO(a);
    const auto& row = table["agencies"][a];
    CHECK(row["base"]["misses_go_live"] == false);
    CHECK(row["variant"]["misses_go_live"] == true);
    CHECK(row["variant"]["seeds_missing"] == 4);
    CHECK(row["variant"]["why"] == nlohmann::json::array({"not_ready"}));
    CHECK(row["variant"]["ready_at"] == rev["ready"][a].get<std::string>() + "T00:00:00+09:00");
    // As a provider of layout 3 it answered correctly in the new version from the base's go-live,
    // never in the variant's window (it is ready only after it ends).
    CHECK(row["first_correct"]["item:3"]["base"].is_string());
    CHECK(row["first_correct"]["item:3"]["variant_never"] == 4);
  }
  // JASSO's new procedure: first answered the day after each go-live, at its 10:00 batch.
  const auto& jasso = table["agencies"]["jasso"]["first_correct"]["procedure:jasso-106"];
  CHECK(jasso["base"] == "2020-06-16T10:00:00+09:00");
  CHECK(jasso["variant"] == "2020-06-29T10:00:00+09:00");
  // The gate: checks that passed in the base now fail, and correctness failures grew.
  CHECK(v["gate"]["passed"] == false);
  CHECK(v["gate"]["failures_grew"] == true);

  // diff on the two scenarios' folders: the same verdicts, without running anything.
  const std::string diff_out = fresh_dir("cycle-r26-diff");
  const ProcessResult d      = run_linksim({"diff", out + "/r2-6-jasso", out + "/r2-6-late", "--out", diff_out});
  INFO(d.out << d.err);
  CHECK(d.exit_code == 1);
  CHECK(verdicts(read_json(diff_out + "/compare.json")) == verdicts(c));
}

TEST_CASE("r1-6-cycle: every server runs R1.6's masters from go-live, JPO's lost distribution is retried, the report "
          "shows masters per server and layout versions per provider around the cutover",
          "[cycle][report]")
{
  const std::string out = fresh_dir("cycle-r16");
  const ProcessResult r = run_linksim({"run", scenario("r1-6-cycle"), "--out", out, "--quiet", "--no-exchanges-csv"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto res = read_json(out + "/result.json");
  const auto& masters = res["masters"];
  for (const char* site : {"lg-east", "lg-west", "insurer-ims", "jpo-ims", "jasso-ims", "kyosai-ims"}) {
    INFO(site);
    REQUIRE(masters.contains(site));
    const auto& m = masters[site]["revisions"][0];
    CHECK(m["effective_from"] == "2019-06-17T00:00:00+09:00");
    CHECK(m["late"] == false);
  }
  CHECK(!masters.contains("hub-dc")); // masters go to intermediate servers only
  // JPO's line lost the distribution until 06-05 12:00: attempts every 24 h until one gets through.
  const auto& jpo = masters["jpo-ims"]["revisions"][0]["attempts"];
  REQUIRE(jpo.size() == 4);
  CHECK(jpo[0]["delivered"] == false);
  CHECK(jpo[3]["delivered"] == true);
  CHECK(jpo[3]["at"] == "2019-06-06T00:00:00+09:00");
  // Layout 53 (pattern 2, reloaded before the cutover): the providers answered 4.0 before, 5.0 after.
  const auto& use53 = res["revisions"]["R1.6"]["layout_use"]["item:53"]["providers"]["jpo"];
  CHECK(use53["before"].contains("4.0"));
  CHECK(!use53["after"].contains("4.0"));
  CHECK(use53["after"].contains("5.0"));
  const std::string html = read_text(out + "/report.html");
  CHECK(html.find("Revision cycle: masters per server") != std::string::npos);
  CHECK(html.find("jpo-ims") != std::string::npos);
  CHECK(html.find("lost") != std::string::npos);
  CHECK(html.find("versions answered, week before go-live") != std::string::npos);
}

TEST_CASE("delegation-lost: a procedure deleted and re-added under a new code loses its delegations, the hub refuses "
          "the delegate with reason no_delegation until they are registered again",
          "[cycle][delegation]")
{
  const std::string out = fresh_dir("cycle-delegation");
  const ProcessResult r = run_linksim({"run", scenario("delegation-lost"), "--out", out, "--quiet"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto res      = read_json(out + "/result.json");
  const auto& by_line = res["denials"]["by_workload"];
  CHECK(by_line["delegated-before"]["no_delegation"] == 0);
  CHECK(by_line["delegated-after"]["no_delegation"] == res["outcomes"]["by_workload"]["delegated-after"]["all"]);
  CHECK(by_line["delegated-fixed"]["no_delegation"] == 0);
  CHECK(res["denials"]["total"]["not_permitted"] == 0);
  // Exchange by exchange: every refusal is a delegated query between the re-coded go-live and the fix.
  const std::string csv = read_text(out + "/exchanges.csv");
  size_t denied = 0, pos = 0;
  while ((pos = csv.find(",denied,", pos)) != std::string::npos) {
    const size_t line = csv.rfind('\n', pos) + 1;
    CHECK(csv.substr(line, csv.find('\n', line) - line).find("delegated-after") != std::string::npos);
    ++denied;
    ++pos;
  }
  CHECK(denied == res["denials"]["total"]["no_delegation"].get<size_t>());
}
