// The merge of `linksim compare` / `linksim diff` (harness/run/Compare.hpp) on small synthetic
// result.json objects: statuses, paired deltas and their intervals, the exit rule, the
// misses-go-live table, the reports.
#include "harness/run/Compare.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace linksim;

namespace {

using Counts = std::map<std::string, double>;

/// A minimal result.json: run, outcomes (total and by_provider), latency, checks (name → verdict).
ojson result(uint64_t seed, const Counts& total, const std::map<std::string, Counts>& by_provider = {},
             const std::map<std::string, std::string>& checks = {}, double p95 = 100)
{
  ojson r;
  r["run"] = {{"scenario", "s"}, {"file", "s.json"}, {"file_sha256", "00"}, {"seed", seed}};
  ojson t  = ojson::object();
  for (const auto& [k, v] : total)
    t[k] = v;
  r["outcomes"]["total"] = t;
  ojson bp               = ojson::object();
  for (const auto& [a, c] : by_provider)
    for (const auto& [k, v] : c)
      bp[a][k] = v;
  r["outcomes"]["by_provider"] = bp;
  r["latency"]["end_to_end"]   = {{"count", 10}, {"mean_ms", 50.0}, {"p50_ms", 40.0}, {"p95_ms", p95}};
  ojson cs                     = ojson::array();
  for (const auto& [name, verdict] : checks)
    cs.push_back({{"name", name}, {"kind", "correctness"}, {"value", verdict == "pass" ? 0.0 : 1.0}, {"verdict", verdict}});
  r["checks"] = cs;
  return r;
}

const ojson& find_by(const ojson& arr, const std::string& field, const std::string& value)
{
  for (const ojson& x : arr)
    if (x[field] == value)
      return x;
  FAIL("no " << field << " = " << value);
  static ojson none;
  return none;
}

} // namespace

TEST_CASE("compare: the correctness-failure classes come from OUTCOMES and is_correctness_failure", "[compare]")
{
  const auto& c = correctness_failure_classes();
  CHECK(std::find(c.begin(), c.end(), "wrong_person") != c.end());
  CHECK(std::find(c.begin(), c.end(), "unentitled") != c.end());
  CHECK(std::find(c.begin(), c.end(), "stale") == c.end());
  CHECK(std::find(c.begin(), c.end(), "correct") == c.end());
}

TEST_CASE("compare: an entity failing in the base only is fixed, unchanged ones are only counted", "[compare]")
{
  const ojson b = result(1, {{"correct", 10}, {"wrong_person", 2}}, {{"m1", {{"wrong_person", 2}}}, {"m2", {{"correct", 10}}}});
  const ojson v = result(1, {{"correct", 12}}, {{"m1", {{"correct", 2}}}, {"m2", {{"correct", 10}}}, {"m3", {{"stale", 1}}}});
  const ojson c = compare_results({b}, {{"v", {v}}}, CompareOptions{});
  const ojson& e = c["variants"][0]["entities"]["by_provider"];
  CHECK(e["summary"]["fixed"] == 1);
  CHECK(e["summary"]["unchanged"] == 2); // m2, and m3 (stale is not a correctness failure)
  CHECK(e["summary"]["newly_failing"] == 0);
  REQUIRE(e["changed"].size() == 1);
  CHECK(e["changed"][0]["key"] == "m1");
  CHECK(e["changed"][0]["status"] == "fixed");
  CHECK(e["changed"][0]["base"]["failures_mean"] == 2.0);
  // Fewer failures: the gate passes.
  CHECK(c["variants"][0]["gate"]["passed"] == true);
  CHECK(compare_exit_code(c) == 0);
  // Deltas per entity list only the entities and counts that moved.
  const ojson& d = c["variants"][0]["outcome_deltas"]["by_provider"];
  CHECK(d.contains("m1"));
  CHECK_FALSE(d.contains("m2"));
  CHECK(d["m1"]["wrong_person"]["delta_mean"] == -2.0);
  CHECK_FALSE(d["m1"].contains("denied"));
}

TEST_CASE("compare: a check that passed in the base and fails in the variant in the same seed fails the compare",
          "[compare]")
{
  const std::vector<ojson> base = {result(1, {{"correct", 5}}, {}, {{"a", "fail"}, {"b", "pass"}}),
                                   result(2, {{"correct", 5}}, {}, {{"a", "pass"}, {"b", "pass"}})};
  const std::vector<ojson> var  = {result(1, {{"correct", 5}}, {}, {{"a", "pass"}, {"b", "pass"}}),
                                   result(2, {{"correct", 5}}, {}, {{"a", "fail"}, {"b", "pass"}})};
  const ojson c = compare_results(base, {{"v", var}}, CompareOptions{});
  const ojson& v = c["variants"][0];
  // Failing in a seed on both sides: still_failing; but seed 2 regressed, which the gate counts.
  const ojson& a = find_by(v["checks"]["changed"], "name", "a");
  CHECK(a["status"] == "still_failing");
  CHECK(a["regressed_seeds"] == ojson::array({2}));
  CHECK(a["base"]["verdicts"] == ojson::array({"fail", "pass"}));
  CHECK(v["checks"]["unchanged"] == ojson::array({"b"}));
  CHECK(v["gate"]["passed"] == false);
  CHECK(compare_exit_code(c) == 1);
  const std::string junit = compare_junit(c);
  CHECK(junit.find("<testsuites") != std::string::npos);
  CHECK(junit.find("failures=\"1\"") != std::string::npos);
  CHECK(junit.find("correctness failures do not grow") != std::string::npos);
}

TEST_CASE("compare: a newly failing check is listed as such and regressed", "[compare]")
{
  const ojson c = compare_results({result(7, {}, {}, {{"x", "pass"}})}, {{"v", {result(7, {}, {}, {{"x", "fail"}})}}},
                                  CompareOptions{});
  const ojson& x = find_by(c["variants"][0]["checks"]["changed"], "name", "x");
  CHECK(x["status"] == "newly_failing");
  CHECK(x["regressed_seeds"] == ojson::array({7}));
  CHECK(c["variants"][0]["checks"]["summary"]["newly_failing"] == 1);
  CHECK(compare_exit_code(c) == 1);
}

TEST_CASE("compare: paired deltas have the Student-t 95 % interval of a hand computation", "[compare]")
{
  // Differences 3, 0, 6: mean 3, sample sd 3, half-width t(0.975, 2) * 3 / sqrt(3) = 4.303 * 1.7320508 = 7.45302.
  const std::vector<ojson> base = {result(1, {{"correct", 10}}, {}, {}, 100), result(2, {{"correct", 12}}, {}, {}, 110),
                                   result(3, {{"correct", 11}}, {}, {}, 120)};
  const std::vector<ojson> var  = {result(1, {{"correct", 13}}, {}, {}, 100), result(2, {{"correct", 12}}, {}, {}, 120),
                                   result(3, {{"correct", 17}}, {}, {}, 120)};
  const ojson c = compare_results(base, {{"v", var}}, CompareOptions{});
  const ojson& d = c["variants"][0]["outcome_deltas"]["total"]["correct"];
  CHECK(d["n"] == 3);
  CHECK(d["base_mean"].get<double>() == Approx(11.0));
  CHECK(d["variant_mean"].get<double>() == Approx(14.0));
  CHECK(d["delta_mean"].get<double>() == Approx(3.0));
  CHECK(d["ci95_low"].get<double>() == Approx(3.0 - 7.45302).epsilon(1e-5));
  CHECK(d["ci95_high"].get<double>() == Approx(3.0 + 7.45302).epsilon(1e-5));
  // Latency: p95 differences 0, 10, 0: mean 10/3.
  const ojson& l = c["variants"][0]["latency_deltas"]["end_to_end"]["p95_ms"];
  CHECK(l["delta_mean"].get<double>() == Approx(10.0 / 3));
  // One pair: no interval.
  const ojson one = compare_results({base[0]}, {{"v", {var[0]}}}, CompareOptions{});
  CHECK(one["variants"][0]["outcome_deltas"]["total"]["correct"]["ci95_low"].is_null());
}

TEST_CASE("compare: the threshold on new correctness failures is a mean over paired seeds", "[compare]")
{
  // Seed 1: +1 wrong_person, seed 2: +2 null_rule_violation: mean +1.5.
  const std::vector<ojson> base = {result(1, {{"correct", 5}}), result(2, {{"correct", 5}})};
  const std::vector<ojson> var  = {result(1, {{"correct", 4}, {"wrong_person", 1}}),
                                   result(2, {{"correct", 3}, {"null_rule_violation", 2}})};
  CompareOptions o;
  o.max_new_failures = 1.5;
  ojson c            = compare_results(base, {{"v", var}}, o);
  CHECK(c["variants"][0]["gate"]["correctness_failures"]["delta_mean"].get<double>() == Approx(1.5));
  CHECK(c["variants"][0]["gate"]["failures_grew"] == false);
  CHECK(compare_exit_code(c) == 0);
  o.max_new_failures = 1.4;
  c                  = compare_results(base, {{"v", var}}, o);
  CHECK(c["variants"][0]["gate"]["failures_grew"] == true);
  CHECK(compare_exit_code(c) == 1);
  CHECK(compare_junit(c).find("<failure") != std::string::npos);
}

TEST_CASE("compare: a missing result (a crashed run) makes the exit 70, before any failing gate", "[compare]")
{
  const ojson c = compare_results({result(1, {}), result(2, {})}, {{"v", {result(1, {{"wrong_person", 5}}), nullptr}}},
                                  CompareOptions{});
  CHECK(c["missing_results"] == 1);
  CHECK(c["variants"][0]["pairs"] == 1);
  CHECK(compare_exit_code(c) == 70);
  // A run listed with exit 70 also counts; runs failing their own checks (1, 2, 3) do not.
  ojson ok = compare_results({result(1, {})}, {{"v", {result(1, {})}}}, CompareOptions{});
  ok["runs"] = ojson::array({{{"exit_code", 1}}, {{"exit_code", 2}}});
  CHECK(compare_exit_code(ok) == 0);
  ok["runs"].push_back({{"exit_code", 70}});
  CHECK(compare_exit_code(ok) == 70);
}

TEST_CASE("compare: the misses-go-live table, present only when results have revisions", "[compare]")
{
  auto with_rev = [](ojson r, bool misses_a, const ojson& tax_date) {
    r["revisions"]["r2020"] = {
        {"kind", "annual"},
        {"go_live", "2020-06-15T00:00:00+09:00"},
        {"agencies",
         {{"city-a",
           {{"ready_at", nullptr},
            {"misses_go_live", misses_a},
            {"why", misses_a ? ojson::array({"not_ready"}) : ojson::array()},
            {"first_correct", {{"procedure:tax", tax_date}, {"item:2", "2020-06-16T09:00:00+09:00"}}}}},
          {"city-b",
           {{"ready_at", "2020-05-01T00:00:00+09:00"}, {"misses_go_live", false}, {"why", ojson::array()}, {"first_correct", ojson::object()}}}}}};
    return r;
  };
  const std::vector<ojson> base = {with_rev(result(1, {}), false, "2020-06-15T10:00:00+09:00"),
                                   with_rev(result(2, {}), false, "2020-06-15T11:00:00+09:00")};
  const std::vector<ojson> var  = {with_rev(result(1, {}), true, nullptr), with_rev(result(2, {}), false, nullptr)};
  const ojson c = compare_results(base, {{"v", var}}, CompareOptions{});
  const ojson& v = c["variants"][0];
  REQUIRE(v.contains("revisions"));
  CHECK(v["newly_missing_go_live"] == ojson::array({"city-a"}));
  const ojson& a = v["revisions"]["r2020"]["agencies"]["city-a"];
  CHECK(v["revisions"]["r2020"]["go_live"] == "2020-06-15T00:00:00+09:00");
  CHECK(a["base"]["misses_go_live"] == false);
  CHECK(a["variant"]["misses_go_live"] == true);
  CHECK(a["variant"]["seeds_missing"] == 1);
  CHECK(a["variant"]["why"] == ojson::array({"not_ready"}));
  const ojson& tax = a["first_correct"]["procedure:tax"];
  CHECK(tax["base"] == "2020-06-15T10:00:00+09:00"); // the first pair's value
  CHECK(tax["variant"].is_null());
  CHECK(tax["base_never"] == 0);
  CHECK(tax["variant_never"] == 2);
  CHECK(v["revisions"]["r2020"]["newly_missing_go_live"] == ojson::array({"city-a"}));
  CHECK(compare_html(c).find("Misses go-live") != std::string::npos);
  // Without revisions: no table, no list.
  const ojson plain = compare_results({result(1, {})}, {{"v", {result(1, {})}}}, CompareOptions{});
  CHECK_FALSE(plain["variants"][0].contains("revisions"));
  CHECK_FALSE(plain["variants"][0].contains("newly_missing_go_live"));
}

TEST_CASE("compare: the inter-agency test queue table - who misses go-live on each side and who no longer does",
          "[compare][verification]")
{
  // a: served in both; b: no slot in the base, served in the variant; c: reported late in seed 2 of the variant only.
  auto with_queue = [](ojson r, unsigned slots, bool b_served, bool c_late) {
    auto agency = [](const ojson& slot, bool before, const ojson& why) {
      return ojson{{"slot_at", slot}, {"wait_days", slot.is_null() ? ojson(nullptr) : ojson(7.0)},
                   {"reported_at", slot.is_null() ? ojson(nullptr) : ojson("2020-06-01T00:00:00+09:00")},
                   {"before_go_live", before}, {"why", why}};
    };
    r["verification"] = {{"revision", "R2.6"}, {"go_live", "2020-06-15T00:00:00+09:00"}, {"slots", slots},
                         {"opens", "2020-05-11T00:00:00+09:00"}, {"closes", "2020-06-12T00:00:00+09:00"},
                         {"slot_utilisation", 0.5},
                         {"agencies",
                          {{"a", agency("2020-05-16T00:00:00+09:00", true, nullptr)},
                           {"b", b_served ? agency("2020-05-16T00:00:00+09:00", true, nullptr) : agency(nullptr, false, "no_slot")},
                           {"c", c_late ? agency("2020-06-06T00:00:00+09:00", false, "reported_after_go_live")
                                        : agency("2020-05-23T00:00:00+09:00", true, nullptr)}}}};
    return r;
  };
  const std::vector<ojson> base = {with_queue(result(1, {}), 2, false, false), with_queue(result(2, {}), 2, false, false)};
  const std::vector<ojson> var  = {with_queue(result(1, {}), 4, true, false), with_queue(result(2, {}), 4, true, true)};
  const ojson c  = compare_results(base, {{"v", var}}, CompareOptions{});
  const ojson& q = c["variants"][0]["verification"];
  CHECK(q["base"]["slots"] == 2);
  CHECK(q["variant"]["slots"] == 4);
  CHECK(q["missing_go_live_base"] == ojson::array({"b"}));
  CHECK(q["missing_go_live_variant"] == ojson::array({"c"}));
  CHECK(q["no_longer_missing_go_live"] == ojson::array({"b"}));
  CHECK(q["newly_missing_go_live"] == ojson::array({"c"}));
  CHECK(q["agencies"]["c"]["variant"]["seeds_missing"] == 1);
  CHECK(q["agencies"]["c"]["variant"]["seeds"] == 2);
  CHECK(q["agencies"]["b"]["base"]["slot_at"].is_null());
  CHECK(q["agencies"]["b"]["variant"]["slot_at"] == "2020-05-16T00:00:00+09:00"); // the first pair's
  CHECK(compare_verdicts(c)[0]["verification"] == q); // what diff reproduces
  CHECK(compare_html(c).find("Inter-agency test queue") != std::string::npos);
  // Without a verification section: no table.
  const ojson plain = compare_results({result(1, {})}, {{"v", {result(1, {})}}}, CompareOptions{});
  CHECK_FALSE(plain["variants"][0].contains("verification"));
}

TEST_CASE("compare: compare.html escapes every string from the results", "[compare]")
{
  const ojson b = result(1, {}, {{"<b>&x", {{"correct", 1}}}}, {{"\"check\" <i>", "pass"}});
  const ojson v = result(1, {{"wrong_person", 1}}, {{"<b>&x", {{"wrong_person", 1}}}}, {{"\"check\" <i>", "fail"}});
  const std::string html = compare_html(compare_results({b}, {{"<v>", {v}}}, CompareOptions{}));
  CHECK(html.find("&lt;b&gt;&amp;x") != std::string::npos);
  CHECK(html.find("<b>&x") == std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
  CHECK(html.find("&lt;v&gt;") != std::string::npos);
  // No network: nothing loaded from elsewhere (Chart.js is inlined; its licence comment names its site).
  for (const char* load : {"src=", "href=", "<link", "@import", "fetch(", "XMLHttpRequest"})
    CHECK(html.find(load) == std::string::npos);
}
