// The annual notification drill (訓練) as a drill operator uses it: the FY2019 drill on the national
// roster (drill-2019-05-14, a drill-only run), whose counts, times and percentiles are recomputed
// from the scenario's numbers and from the per-agency output; and a hand-computable drill (fixed
// delays, no stale contacts) next to quickstart's queries, whose every acknowledgement time follows
// from the business hours.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <map>

using namespace linksim::test;

namespace {
std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

/// Seconds since the epoch (as if UTC) of a JST date-time "YYYY-MM-DDTHH:MM:SS+09:00": JST wall clock.
double seconds(const nlohmann::json& iso)
{
  std::tm tm{};
  const std::string s = iso.get<std::string>();
  REQUIRE(strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm) != nullptr);
  return static_cast<double>(timegm(&tm));
}

/// The default of a parameter, from `linksim reference --json`.
nlohmann::json default_of(const nlohmann::json& ref, const std::string& pointer)
{
  for (const auto& p : ref["params"])
    if (p["pointer"] == pointer)
      return p["default"];
  FAIL("no parameter " << pointer);
  return nullptr;
}

/// The ceil(q n)-th smallest.
double nearest_rank(std::vector<double> v, double q)
{
  std::sort(v.begin(), v.end());
  size_t k = static_cast<size_t>(std::ceil(q * static_cast<double>(v.size()) - 1e-9));
  return v[std::min(std::max<size_t>(k, 1), v.size()) - 1];
}

/// Checks a time_to_ack_minutes object against the minutes it summarises.
void check_stats(const nlohmann::json& t, const std::vector<double>& minutes)
{
  REQUIRE(t["count"] == minutes.size());
  REQUIRE_FALSE(minutes.empty());
  double sum = 0;
  for (double m : minutes)
    sum += m;
  CHECK(t["mean"].get<double>() == Approx(sum / static_cast<double>(minutes.size())).margin(0.001));
  CHECK(t["p50"].get<double>() == nearest_rank(minutes, 0.50));
  CHECK(t["p90"].get<double>() == nearest_rank(minutes, 0.90));
  CHECK(t["p95"].get<double>() == nearest_rank(minutes, 0.95));
  CHECK(t["max"].get<double>() == *std::max_element(minutes.begin(), minutes.end()));
}
} // namespace

TEST_CASE("drill-2019-05-14: every agency of the national roster is targeted - stale contacts within a binomial "
          "bound - every acknowledgement after its mail and inside business hours by the cutoff - reach and "
          "percentiles agree with the per-agency output",
          "[drill]")
{
  const std::string out = fresh_dir("drill-2019-05-14");
  const ProcessResult r = run_linksim({"run", scenario("drill-2019-05-14"), "--no-exchanges-csv", "--out", out, "-q"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto ref_run = run_linksim({"reference", "--json"});
  REQUIRE(ref_run.exit_code == 0);
  const auto ref  = nlohmann::json::parse(ref_run.out);
  const auto res  = read_json(out + "/result.json");
  const auto file = read_json(scenario("drill-2019-05-14"));
  const auto base = read_json(scenario("seed-2017-2019"));
  const auto& fd  = file["drills"][0];
  const auto& d   = res["drills"]["fy2019"];

  // A drill-only run: no exchange, and the run reached the drill's cutoff.
  CHECK(res["outcomes"]["total"]["all"] == 0);
  CHECK(seconds(res["run"]["simulated_end"]) >= seconds(d["cutoff"]));

  // Targeted: the roster's agencies of the default kinds (all four): the listed ones and the generated.
  size_t roster = base["agencies"]["list"].size();
  for (const auto& g : base["agencies"]["generators"])
    roster += g["count"].get<size_t>();
  CHECK(roster == 3493);
  CHECK(d["targeted"] == roster);
  CHECK(d["agencies"].size() == roster);

  // Times: posted as the file says; the drill's own MTTD and MTTR from the defaults; cutoff the
  // close of the 3rd business day after the post (Tuesday → Friday 17:15).
  CHECK(d["posted"] == fd["posted"]);
  const double posted = seconds(d["posted"]);
  const double mttd   = default_of(ref, "/drills/*/occurred_minutes_before").get<double>();
  const double mttr   = mttd + default_of(ref, "/drills/*/resolved_hours_after").get<double>() * 60;
  CHECK(d["mttd_minutes"].get<double>() == mttd);
  CHECK(d["mttr_minutes"].get<double>() == mttr);
  CHECK(posted - seconds(d["occurred"]) == mttd * 60);
  CHECK(d["cutoff"] == "2019-05-17T17:15:00+09:00");
  const double cutoff = seconds(d["cutoff"]);

  // Stale contacts: Binomial(targeted, rate), within 4 standard deviations.
  const double p  = default_of(ref, "/drills/*/stale_contact_rate").get<double>();
  const double n  = static_cast<double>(roster);
  const double sd = std::sqrt(n * p * (1 - p));
  const double stale = d["stale_contacts"].get<double>();
  CHECK(std::abs(stale - n * p) <= 4 * sd);
  CHECK(stale > 0);

  // Per agency: every acknowledgement after its mail, after the post, by the cutoff, inside business
  // hours on a business day (2019-05-13..27 has no holiday: Monday to Friday, 08:30 to 17:15).
  std::vector<double> minutes;
  std::map<std::string, std::vector<double>> by_kind;
  std::map<std::string, std::map<std::string, uint64_t>> kind_counts;
  uint64_t reached = 0, acked = 0, stale_seen = 0, no_ack = 0, not_reached = 0;
  for (auto it = d["agencies"].begin(); it != d["agencies"].end(); ++it) {
    INFO(it.key());
    const auto& a       = it.value();
    const std::string k = a["kind"].get<std::string>();
    ++kind_counts[k]["targeted"];
    if (!a["mail_received_at"].is_null()) {
      ++reached;
      ++kind_counts[k]["reached"];
      CHECK(seconds(a["mail_received_at"]) >= posted);
      CHECK(seconds(a["mail_received_at"]) <= cutoff);
    }
    if (a["acknowledged_at"].is_null()) {
      const std::string why = a["why"].get<std::string>();
      stale_seen += why == "stale_contact";
      no_ack += why == "no_ack_by_cutoff";
      not_reached += why == "not_reached_by_cutoff";
      CHECK((why == "stale_contact") == a["mail_received_at"].is_null());
      continue;
    }
    ++acked;
    ++kind_counts[k]["acknowledged"];
    const double t = seconds(a["acknowledged_at"]);
    CHECK(t >= seconds(a["mail_received_at"]));
    CHECK(t <= cutoff);
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    const int sod = tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    CHECK(tm.tm_wday >= 1);
    CHECK(tm.tm_wday <= 5);
    CHECK(sod >= 8 * 3600 + 1800);
    CHECK(sod < 17 * 3600 + 900);
    CHECK(a["minutes"].get<double>() == Approx((t - posted) / 60).margin(0.02)); // the date-time is to the second
    minutes.push_back(a["minutes"].get<double>());
    by_kind[k].push_back(a["minutes"].get<double>());
  }
  CHECK(d["reached"] == reached);
  CHECK(d["acknowledged"] == acked);
  CHECK(d["stale_contacts"] == stale_seen);
  CHECK(d["no_ack_by_cutoff"] == no_ack);
  CHECK(d["not_reached_by_cutoff"] == not_reached);
  CHECK(d["reached"].get<uint64_t>() + stale_seen + not_reached == roster);
  CHECK(d["never_acknowledged"] == roster - acked);
  CHECK(d["reach"].get<double>() == Approx(static_cast<double>(acked) / n).margin(0.0001));
  check_stats(d["time_to_ack_minutes"], minutes);
  CHECK(d["mtta_minutes"] == d["time_to_ack_minutes"]["mean"]);
  REQUIRE(d["by_kind"].size() == 4);
  for (const std::string k : {"municipality", "prefecture", "national_body", "insurer"}) {
    INFO(k);
    const auto& g = d["by_kind"][k];
    CHECK(g["targeted"] == kind_counts[k]["targeted"]);
    CHECK(g["reached"] == kind_counts[k]["reached"]);
    CHECK(g["acknowledged"] == kind_counts[k]["acknowledged"]);
    check_stats(g["time_to_ack_minutes"], by_kind[k]);
  }
  CHECK(d["by_kind"]["municipality"]["targeted"] == 1741);
  CHECK(d["by_kind"]["prefecture"]["targeted"] == 47);

  // Stragglers: the last ten to acknowledge, latest first, then everyone who never did.
  const auto& last = d["stragglers"]["last"];
  REQUIRE(last.size() == 10);
  std::vector<double> sorted = minutes;
  std::sort(sorted.rbegin(), sorted.rend());
  for (size_t i = 0; i < last.size(); ++i)
    CHECK(last[i]["minutes"].get<double>() == sorted[i]);
  CHECK(d["stragglers"]["never"].size() == roster - acked);

  // The report has the drill's section and its curve; junit.xml the checks.
  const std::string html = read_text(out + "/report.html");
  CHECK(html.find("Annual notification drills") != std::string::npos);
  CHECK(html.find("\"kind\":\"ackcurve\"") != std::string::npos);
  const std::string junit = read_text(out + "/junit.xml");
  CHECK(junit.find("the drill reaches 90 % of the agencies") != std::string::npos);
}

TEST_CASE("a hand-computable drill next to quickstart's queries: fixed delays give each agency kind's "
          "acknowledgement to the second - across the night for the slow kinds",
          "[drill]")
{
  const std::string out = fresh_dir("drill-hand");
  const std::string path = out + "/drill-hand.json";
  {
    std::ofstream f(path);
    f << nlohmann::json{
        {"extends", scenario("quickstart")},
        {"name", "drill-hand"},
        {"drills",
         {{{"id", "hand"},
           {"posted", "2019-06-18T16:00:00+09:00"},
           {"category", "05"},
           {"stale_contact_rate", 0},
           {"cutoff_business_days", 1},
           {"occurred_minutes_before", 45},
           {"resolved_hours_after", 2},
           {"stragglers", 3},
           {"mail_delay", {{"dist", "fixed"}, {"ms", 60000}}},
           {"ack",
            {{"municipality", {{"dist", "fixed"}, {"ms", 3600000}}},
             {"prefecture", {{"dist", "fixed"}, {"ms", 1800000}}},
             {"national_body", {{"dist", "fixed"}, {"ms", 7200000}}},
             {"insurer", {{"dist", "fixed"}, {"ms", 32400000}}}}}}}}}
        .dump(2);
  }
  const ProcessResult r = run_linksim({"run", path, "--no-exchanges-csv", "--out", out + "/run", "-q"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0); // quickstart's own checks still pass
  const auto res = read_json(out + "/run/result.json");
  const auto& d  = res["drills"]["hand"];
  CHECK(res["outcomes"]["total"]["all"].get<uint64_t>() > 0); // the queries ran too
  CHECK(d["category"] == "05");
  CHECK(d["targeted"] == 22); // quickstart: 1 prefecture, 3 national bodies, 3 insurers, 15 municipalities
  CHECK(d["reached"] == 22);
  CHECK(d["acknowledged"] == 22);
  CHECK(d["reach"] == 1.0);
  CHECK(d["mttd_minutes"] == 45.0);
  CHECK(d["mttr_minutes"] == 165.0);
  CHECK(d["cutoff"] == "2019-06-19T17:15:00+09:00");
  // Mail at 16:01 (plus the network's milliseconds). Municipality +1 h: 17:01. Prefecture +30 min:
  // 16:31. National body +2 h: 74 min on Tuesday, 46 min on Wednesday from 08:30: 09:16. Insurer
  // +9 h: 74 min on Tuesday, 466 min on Wednesday: 16:16.
  const std::map<std::string, std::pair<std::string, double>> expected = {
      {"municipality", {"2019-06-18T17:01:00+09:00", 61}},
      {"prefecture", {"2019-06-18T16:31:00+09:00", 31}},
      {"national_body", {"2019-06-19T09:16:00+09:00", 17 * 60 + 16}},
      {"insurer", {"2019-06-19T16:16:00+09:00", 24 * 60 + 16}}};
  for (auto it = d["agencies"].begin(); it != d["agencies"].end(); ++it) {
    INFO(it.key());
    const auto& e = expected.at(it.value()["kind"].get<std::string>());
    CHECK(it.value()["acknowledged_at"] == e.first);
    CHECK(it.value()["minutes"].get<double>() == Approx(e.second).margin(0.01));
  }
  for (const auto& [kind, e] : expected) {
    INFO(kind);
    CHECK(d["by_kind"][kind]["time_to_ack_minutes"]["max"].get<double>() == Approx(e.second).margin(0.01));
    CHECK(d["by_kind"][kind]["reach"] == 1.0);
  }
  CHECK(d["time_to_ack_minutes"]["p50"].get<double>() == Approx(61).margin(0.01)); // 15 of 22 are municipalities
  CHECK(d["time_to_ack_minutes"]["max"].get<double>() == Approx(24 * 60 + 16).margin(0.01));
  CHECK(d["stragglers"]["last"].size() == 3);
  CHECK(d["stragglers"]["last"][0]["kind"] == "insurer");
  CHECK(d["stragglers"]["never"].empty());
}

TEST_CASE("a drill whose contacts are all stale reaches nobody and its percentiles are inconclusive - a drill whose mails are due after its cutoff reaches nobody", "[drill]")
{
  const std::string out  = fresh_dir("drill-all-stale");
  const std::string path = out + "/drill-stale.json";
  {
    std::ofstream f(path);
    f << nlohmann::json{{"extends", scenario("quickstart")},
                        {"name", "drill-stale"},
                        {"workload", {{{"$replace", true}}}},
                        {"drills",
                         {{{"id", "stale"}, {"posted", "2019-06-18T10:00:00+09:00"}, {"stale_contact_rate", 1}},
                          {{"id", "slow-mail"}, // every mail due after the drill closes: never sent
                           {"posted", "2019-06-18T10:00:00+09:00"},
                           {"stale_contact_rate", 0},
                           {"cutoff_business_days", 0},
                           {"mail_delay", {{"dist", "fixed"}, {"ms", 8 * 3600 * 1000}}}}}},
                        {"expect",
                         {{{"$replace", true}},
                          {{"name", "reach"}, {"metric", "/drills/stale/reach"}, {"max", 0}},
                          {{"name", "p95"}, {"metric", "/drills/stale/time_to_ack_minutes/p95"}, {"max", 60}}}}}
             .dump(2);
  }
  const ProcessResult r = run_linksim({"run", path, "--no-exchanges-csv", "--out", out + "/run", "-q"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3); // reach 0 passes; a percentile of no acknowledgement is not a measurement
  const auto res = read_json(out + "/run/result.json");
  const auto& d  = res["drills"]["stale"];
  CHECK(d["stale_contacts"] == d["targeted"]);
  CHECK(d["reached"] == 0);
  CHECK(d["acknowledged"] == 0);
  CHECK(d["time_to_ack_minutes"]["p95"].is_null());
  CHECK(d["mtta_minutes"].is_null());
  CHECK(res["outcomes"]["total"]["all"] == 0);
  const auto& m = res["drills"]["slow-mail"];
  CHECK(m["cutoff"] == "2019-06-18T17:15:00+09:00");
  CHECK(m["not_reached_by_cutoff"] == m["targeted"]);
  CHECK(m["reached"] == 0);
  CHECK(m["stale_contacts"] == 0);
  for (const auto& n : m["stragglers"]["never"])
    CHECK(n["why"] == "not_reached_by_cutoff");
}
