// The verification environment (接続検証環境) and the inter-agency test queue as a planner uses
// them: capacity-r2-6's queue (first come, first served, never more agencies than slots, each
// test as long as the scenario says, who misses go-live and why, the revision's test_late from the
// simulated report, the untested new connection), and `linksim compare` / `diff` on the pair that
// adds slots, each checked against what the scenario files say.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <fstream>
#include <regex>
#include <set>

using namespace linksim::test;

namespace {
std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

/// Seconds since the epoch of a JST date-time "YYYY-MM-DDTHH:MM:SS+09:00".
double seconds(const nlohmann::json& iso)
{
  std::tm tm{};
  const std::string s = iso.get<std::string>();
  REQUIRE(strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) != nullptr);
  return static_cast<double>(timegm(&tm));
}

std::set<std::string> names(const nlohmann::json& a)
{
  std::set<std::string> out;
  for (const auto& n : a)
    out.insert(n.get<std::string>());
  return out;
}
} // namespace

// No semicolons in test names: catch_discover_tests cuts a name at one (a CMake list separator),
// and the cut name then selects no test at all, which ctest counts as passed.
TEST_CASE("capacity-r2-6: slots are granted first come first served and never to more agencies than there are "
          "slots for the scenario's test_days - who misses go-live is named - the revision's test_late agrees - "
          "JASSO is flagged as an untested new connection",
          "[verification][capacity]")
{
  const std::string out = fresh_dir("verification-capacity");
  const ProcessResult r = run_linksim({"run", scenario("capacity-r2-6"), "--no-exchanges-csv", "--out", out, "-q"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto res  = read_json(out + "/result.json");
  const auto file = read_json(scenario("capacity-r2-6"));
  const auto& vf  = file["verification"];
  const auto& v   = res["verification"];
  const unsigned slots  = vf["slots"].get<unsigned>();
  const double test_s   = vf["test_days"].get<double>() * 86400;
  const double report_s = vf["report_days"].get<double>() * 86400;
  const double go_live  = seconds(v["go_live"]);
  const double closes   = seconds(v["closes"]);
  REQUIRE(v["slots"] == slots);
  REQUIRE(v["agencies_testing"] == 16); // the revision's agencies: 15 municipalities and JASSO

  // The queue, in queue order: slots in order, held test_days, reported report_days later.
  std::vector<std::pair<double, double>> held;
  std::vector<std::pair<unsigned, std::string>> order;
  for (auto it = v["agencies"].begin(); it != v["agencies"].end(); ++it)
    order.emplace_back(it.value()["queue_position"].get<unsigned>(), it.key());
  std::sort(order.begin(), order.end());
  double last_slot = 0;
  bool gap         = false; // once one agency gets no slot, nobody behind it does (FIFO)
  std::set<std::string> completed, missing;
  for (const auto& [pos, id] : order) {
    INFO(id);
    const auto& a = v["agencies"][id];
    if (a["slot_at"].is_null()) {
      gap = true;
      CHECK(a["why"] == "no_slot");
      CHECK(a["reported_at"].is_null());
    } else {
      CHECK_FALSE(gap);
      const double s = seconds(a["slot_at"]);
      CHECK(s >= last_slot);
      last_slot = s;
      CHECK(seconds(a["tested_until"]) - s == Approx(test_s));
      CHECK(seconds(a["tested_until"]) <= closes);
      CHECK(seconds(a["reported_at"]) - seconds(a["tested_until"]) == Approx(report_s));
      CHECK(seconds(a["slot_at"]) >= seconds(a["approved_at"]));
      held.emplace_back(s, seconds(a["tested_until"]));
    }
    const bool before = !a["reported_at"].is_null() && seconds(a["reported_at"]) <= go_live;
    CHECK(a["before_go_live"] == before);
    CHECK(a["misses_go_live"] == (before ? 0 : 1));
    (before ? completed : missing).insert(id);
  }
  // Never more agencies in the environment than slots.
  for (const auto& [s, e] : held) {
    unsigned in = 0;
    for (const auto& [s2, e2] : held)
      in += s2 <= s && s < e2;
    CHECK(in <= slots);
  }
  CHECK(names(v["agencies_completed"]) == completed);
  CHECK(names(v["agencies_missing"]) == missing);
  CHECK(v["missing_go_live"] == missing.size());
  CHECK(missing.size() == 10);
  CHECK(missing.count("jasso") == 1); // it applied late (the scenario's applications)
  CHECK(v["agencies"]["jasso"]["applied_at"] == vf["applications"]["jasso"].get<std::string>() + "T00:00:00+09:00");
  // Slot utilisation: slot-time held over slots × window.
  double busy = 0;
  for (const auto& [s, e] : held)
    busy += e - s;
  CHECK(v["slot_utilisation"].get<double>() == Approx(busy / (slots * (closes - seconds(v["opens"])))).epsilon(1e-3));

  // The revision cycle takes test_late from the simulated report, for exactly these agencies.
  const auto& rev = res["revisions"]["R2.6"];
  CHECK(names(rev["agencies_missing"]) == missing);
  for (const auto& [pos, id] : order) {
    INFO(id);
    const auto& ra = rev["agencies"][id];
    CHECK(ra["test_source"] == "verification");
    CHECK(ra["tested_at"] == v["agencies"][id]["reported_at"]);
    const auto why = names(ra["why"]);
    CHECK(why.count("test_late") == missing.count(id));
  }

  // JASSO, a new connection, starts production linkage (its first exchange) without a completed test.
  CHECK(v["untested_new_connections"] == 1);
  CHECK(v["new_connections_untested"] == nlohmann::json::array({"jasso"}));
  const auto& nc = v["new_connections"]["jasso"];
  CHECK(nc["untested_at_start"] == 1);
  CHECK(nc["test_reported_at"].is_null());
  CHECK(nc["production_start"] == nc["first_exchange"]);

  // junit.xml has the queue's suite, one testcase per agency.
  const std::string junit = read_text(out + "/junit.xml");
  CHECK(junit.find("<testsuite name=\"capacity-r2-6.verification\" tests=\"16\"") != std::string::npos);
  CHECK(junit.find("jasso does not complete its inter-agency test before go-live (no_slot)") != std::string::npos);
  // report.html has its section.
  const std::string html = read_text(out + "/report.html");
  CHECK(html.find("接続検証環境 verification environment") != std::string::npos);
}

TEST_CASE("capacity-r2-6: the same seed gives the same result byte for byte", "[verification][determinism]")
{
  const std::string a = fresh_dir("verification-det-a"), b = fresh_dir("verification-det-b");
  for (const std::string& dir : {a, b})
    REQUIRE(run_linksim({"run", scenario("capacity-r2-6"), "--no-exchanges-csv", "--out", dir, "-q"}).exit_code == 0);
  auto ra = read_json(a + "/result.json"), rb = read_json(b + "/result.json");
  ra.erase("wall");
  rb.erase("wall");
  CHECK(ra.dump() == rb.dump());
}

TEST_CASE("compare capacity-r2-6 with the variant that adds slots: fewer agencies miss go-live and the test queue "
          "table names exactly those that no longer do - diff of the folders agrees",
          "[verification][compare]")
{
  const std::string out = fresh_dir("verification-compare") + "/out";
  const ProcessResult r = run_linksim({"compare", scenario("capacity-r2-6"), scenario("capacity-r2-6-more-slots"), "--seeds",
                                       "2", "--jobs", "2", "--no-exchanges-csv", "--out", out});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto c = read_json(out + "/compare.json");
  REQUIRE(c["variants"].size() == 1);
  const auto& q = c["variants"][0]["verification"];
  CHECK(q["base"]["slots"] == 2);
  CHECK(q["variant"]["slots"] == 4);
  const auto base = names(q["missing_go_live_base"]), variant = names(q["missing_go_live_variant"]);
  CHECK(base.size() == 10);
  CHECK(variant.size() == 4);
  CHECK(variant.size() < base.size());
  std::set<std::string> no_longer;
  for (const auto& a : base)
    if (!variant.count(a))
      no_longer.insert(a);
  CHECK(names(q["no_longer_missing_go_live"]) == no_longer);
  CHECK(no_longer == std::set<std::string>{"a-city-07", "a-city-08", "a-city-09", "a-city-10", "a-city-11", "a-city-12"});
  CHECK(q["newly_missing_go_live"].empty());
  for (const auto& a : no_longer) {
    INFO(a);
    CHECK(q["agencies"][a]["base"]["misses_go_live"] == true);
    CHECK(q["agencies"][a]["base"]["slot_at"].is_null());
    CHECK(q["agencies"][a]["variant"]["misses_go_live"] == false);
    CHECK(q["agencies"][a]["variant"]["slot_at"].is_string());
  }
  // The revision's misses-go-live table shows the same agencies from the queue (test_late).
  const auto& rev = c["variants"][0]["revisions"]["R2.6"]["agencies"];
  for (const auto& a : no_longer) {
    CHECK(rev[a]["base"]["misses_go_live"] == true);
    CHECK(rev[a]["variant"]["misses_go_live"] == false);
  }
  CHECK(r.out.find("test queue (機関間試験): misses go-live 10 → 4") != std::string::npos);
  CHECK(read_text(out + "/compare.html").find("Inter-agency test queue") != std::string::npos);

  // diff on the two scenario folders of the compare gives the same table.
  const std::string dout = fresh_dir("verification-diff");
  const ProcessResult d  = run_linksim({"diff", out + "/capacity-r2-6", out + "/capacity-r2-6-more-slots", "--out", dout, "-q"});
  INFO(d.out << d.err);
  REQUIRE(d.exit_code == 0);
  CHECK(read_json(dout + "/compare.json")["variants"][0]["verification"] == q);
}

TEST_CASE("r2-6-jasso has no verification environment: the revision keeps the chain's computed test step",
          "[verification][cycle]")
{
  const std::string out = fresh_dir("verification-none");
  REQUIRE(run_linksim({"run", scenario("r2-6-jasso"), "--no-exchanges-csv", "--out", out, "-q"}).exit_code == 0);
  const auto res = read_json(out + "/result.json");
  CHECK_FALSE(res.contains("verification"));
  const auto& a = res["revisions"]["R2.6"]["agencies"]["jasso"];
  CHECK_FALSE(a.contains("test_source"));
  CHECK(seconds(a["tested_at"]) - seconds(a["reviewed_at"]) == Approx(14 * 86400.0)); // chain.test_days default
}

TEST_CASE("interagency-test-r2-6: the interagency cases run through the verification hub inside their requesters' "
          "windows on R2.6's masters - never in production - and the failing pair names what it expected and got",
          "[verification][test_cases]")
{
  const std::string out = fresh_dir("verification-interagency");
  const ProcessResult r = run_linksim({"run", scenario("interagency-test-r2-6"), "--out", out, "-q"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1); // IAT-03 fails by design
  const auto res  = read_json(out + "/result.json");
  const auto file = read_json(scenario("interagency-test-r2-6"));
  const auto& v   = res["verification"];
  const auto& tcs = res["test_cases"];

  // Every agency completes before go-live, JASSO (the new connection) before it starts.
  CHECK(v["missing_go_live"] == 0);
  CHECK(v["untested_new_connections"] == 0);

  // Each case's requests were sent inside its requester's slot; "next_business_slot" at the slot's
  // first business moment; 6 requests in all (one per person).
  size_t requests = 0;
  for (const auto& c : file["test_cases"]) {
    const std::string id = c["id"].get<std::string>();
    INFO(id);
    const auto& tc = tcs[id];
    REQUIRE(tc.is_object());
    CHECK(tc["regime"] == "interagency");
    const auto& a = v["agencies"][c["requester"].get<std::string>()];
    for (size_t k = 0; k < tc["exchanges"].size(); ++k) {
      const auto& x = tc["exchanges"][k];
      CHECK(x["environment"] == "verification");
      CHECK(x["id"].is_null()); // not a production exchange
      CHECK(seconds(x["at"]) >= seconds(a["slot_at"]));
      CHECK(seconds(x["at"]) < seconds(a["tested_until"]));
      if (c["at"] == "next_business_slot")
        CHECK(x["at"].get<std::string>().substr(11, 5) == "08:30"); // business hours open (quickstart)
      else
        CHECK(x["at"] == c["at"][k]);
      ++requests;
    }
    // Not in production: its internal workload line is gone and no production exchange ran for it.
    CHECK_FALSE(res["outcomes"]["by_workload"].contains("case:" + id));
  }
  CHECK(v["test_requests"] == requests);
  CHECK(read_text(out + "/exchanges.csv").find("case:IAT") == std::string::npos);

  // R2.6's masters, ahead of production: JASSO's 事務106 is permitted in the environment on 05-07,
  // while production permits it only from go-live (06-15).
  CHECK(tcs["IAT-01"]["verdict"] == "verified");
  CHECK(seconds(tcs["IAT-01"]["exchanges"][0]["at"]) < seconds(v["go_live"]));
  CHECK(tcs["IAT-01"]["exchanges"][0]["got"] == "correct (5.0)");
  CHECK(tcs["IAT-05"]["exchanges"][0]["got"] == "denied"); // no row lets a municipality ask under it

  // The failing pair: expected and received result named.
  CHECK(tcs["IAT-03"]["verdict"] == "failed");
  CHECK(tcs["IAT-03"]["exchanges"][0]["expected"] == "correct, version 4.0");
  CHECK(tcs["IAT-03"]["exchanges"][0]["got"] == "correct (5.0)");
  CHECK(tcs["IAT-03"]["exchanges"][0]["reason"] == "expected version 4.0, got 5.0");
  CHECK(tcs["summary"]["failed"] == 1);
  CHECK(tcs["summary"]["verified"] == 4);

  // The Gazelle matrix per pair and procedure.
  const auto& m = v["matrix"];
  CHECK(m["jasso → a-city-04"]["jasso-106"] == "F");
  CHECK(m["jasso → a-city-01"]["jasso-106"] == "V");
  CHECK(m["a-city-01 → a-city-02"]["child-allowance"] == "V");
  CHECK(m["a-city-12 → a-city-02"]["jasso-106"] == "V");
  CHECK(m.size() == 4);
  const std::string html = read_text(out + "/report.html");
  CHECK(html.find("test matrix (Gazelle") != std::string::npos);
  // ... and in junit.xml: one testcase per cell, the failing cell a failure naming its case.
  const std::string junit = read_text(out + "/junit.xml");
  CHECK(junit.find("<testsuite name=\"interagency-test-r2-6.verification\" tests=\"20\" failures=\"1\"") != std::string::npos);
  CHECK(junit.find("name=\"jasso → a-city-01 jasso-106: V\"><properties><property name=\"grade\" value=\"V\"/>"
                   "<property name=\"cases\" value=\"IAT-01 (verified), IAT-02 (verified)\"/></properties></testcase>") !=
        std::string::npos);
  CHECK(junit.find("<failure type=\"gazelle_F\" message=\"inter-agency test jasso → a-city-04 jasso-106: F") != std::string::npos);
  CHECK(junit.find("cases: IAT-03 (failed)") != std::string::npos);
  // The root's counts are the sums over every suite (checks, test cases, verification).
  {
    const std::regex count("<testsuite(s?) name=\"[^\"]*\" tests=\"([0-9]+)\" failures=\"([0-9]+)\"");
    long root_tests = -1, root_failures = -1, tests = 0, failures = 0, suites = 0;
    for (auto it = std::sregex_iterator(junit.begin(), junit.end(), count); it != std::sregex_iterator(); ++it) {
      if ((*it)[1] == "s") {
        root_tests    = std::stol((*it)[2]);
        root_failures = std::stol((*it)[3]);
      } else {
        tests += std::stol((*it)[2]);
        failures += std::stol((*it)[3]);
        ++suites;
      }
    }
    CHECK(suites == 3);
    CHECK(root_tests == tests);
    CHECK(root_failures == failures);
    CHECK(failures == 3); // the failing case, its matrix cell, the built-in check on test cases
  }
}

TEST_CASE("a scenario whose only traffic is interagency test cases loads and runs (no production workload line needed)",
          "[verification][test_cases]")
{
  const std::string dir = fresh_dir("verification-only-cases");
  const std::string file = dir + "/only-cases.json";
  {
    std::ofstream f(file);
    f << R"({"extends": ")" << scenario("interagency-test-r2-6")
      << R"(", "name": "only-cases", "workload": [{"$replace": true}], "expect": [{"$replace": true}]})";
  }
  const ProcessResult r = run_linksim({"run", file, "--out", dir + "/run", "-q"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1); // IAT-03 fails by design, as in the file it extends
  const auto res = read_json(dir + "/run/result.json");
  CHECK(res["outcomes"]["total"]["all"] == 0); // nothing in production
  CHECK(res["test_cases"]["summary"]["verified"] == 4);
  CHECK(res["test_cases"]["summary"]["failed"] == 1);
}
