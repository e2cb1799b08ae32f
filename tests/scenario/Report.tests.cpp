// The reports people read (issue 8, point 6): report.html (Chart.js inlined, Japanese and English
// terms, per-agency tables, the first failing exchanges, the timeline), junit.xml (value and
// threshold per check, failing exchanges, inconclusive as a failure) and the terminal summary,
// each read back from the files a real run wrote.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

using namespace linksim::test;
using json = nlohmann::json;

namespace {
std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

std::string run(const std::string& name, const std::string& tag, std::vector<std::string> extra = {}, int expect = 0)
{
  const std::string dir         = fresh_dir(tag);
  std::vector<std::string> args = {"run", scenario(name), "--out", dir, "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  const ProcessResult r = run_linksim(args);
  INFO("stderr: " << r.err);
  REQUIRE(r.signal == 0);
  REQUIRE(r.exit_code == expect);
  return dir;
}

/// The rows of exchanges.csv (no quoting in it: ids carry no commas).
std::vector<std::vector<std::string>> csv_rows(const std::string& path)
{
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(path));
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string c; std::getline(s, c, ',');)
      cells.push_back(c);
    rows.push_back(cells);
  }
  return rows;
}
size_t column(const std::vector<std::string>& head, const std::string& name)
{
  return static_cast<size_t>(std::find(head.begin(), head.end(), name) - head.begin());
}

/// Ids of the failing exchanges (outcome other than correct) in exchanges.csv, by id.
std::vector<uint64_t> failing_ids(const std::string& dir, const std::string& only_class = "")
{
  const auto rows = csv_rows(dir + "/exchanges.csv");
  const size_t id = column(rows[0], "exchange"), outcome = column(rows[0], "outcome");
  std::vector<uint64_t> out;
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i][outcome] != "correct" && (only_class.empty() || rows[i][outcome] == only_class))
      out.push_back(std::stoull(rows[i][id]));
  std::sort(out.begin(), out.end());
  return out;
}

/// The text between `from` and the next `to` after it.
std::string between(const std::string& s, const std::string& from, const std::string& to)
{
  const size_t a = s.find(from);
  REQUIRE(a != std::string::npos);
  const size_t b = s.find(to, a + from.size());
  REQUIRE(b != std::string::npos);
  return s.substr(a + from.size(), b - a - from.size());
}
} // namespace

TEST_CASE("report.html: Japanese page, Chart.js inlined, charts with dated and unit axes, per-agency tables",
          "[report]")
{
  const std::string dir = run("quickstart", "report-quickstart");
  const std::string html = read_text(dir + "/report.html");
  const json r           = read_json(dir + "/result.json");
  CHECK(html.rfind("<!doctype html><html lang='ja'>", 0) == 0);
  CHECK(html.find("Chart.js v3") != std::string::npos); // the library itself, inlined: no network needed
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("charts-missing") == std::string::npos);
  // Domain terms in both languages.
  for (const char* t : {"正常</span> correct", "即時照会</span> immediate", "NWS（許可確認・符号変換）</span> hub_request",
                        "市区町村</span> municipality"})
    CHECK(html.find(t) != std::string::npos);
  // The charts' data: volume per day (dates with the year), both latency distributions, the hops.
  const json meta = json::parse(between(html, "<script type='application/json' id='chart-data'>", "</script>"));
  std::vector<std::string> kinds;
  for (const auto& c : meta["charts"]) {
    kinds.push_back(c["kind"].get<std::string>());
    CHECK(html.find("<canvas id='" + c["canvas"].get<std::string>() + "'") != std::string::npos);
  }
  std::vector<std::string> want = {"volume", "cdf", "cdf", "hops"};
  if (!r["timeline"].empty())
    want.insert(want.begin() + 1, "timeline");
  CHECK(kinds == want);
  CHECK(meta["charts"][0]["days"] == r["volume"]["days"]);
  CHECK(std::regex_match(meta["charts"][0]["days"][0].get<std::string>(), std::regex(R"(\d{4}-\d{2}-\d{2})")));
  const json& cdf = meta["charts"][1]["points"];
  REQUIRE(cdf.size() == 200);
  CHECK(cdf.back()["y"] == 100.0);
  CHECK(cdf.back()["x"].get<double>() == Approx(r["latency"]["end_to_end_immediate"]["max_ms"].get<double>()).epsilon(0.01));
  // Per-agency tables: every requester and provider with exchanges has a row, as does every workload line.
  for (const char* by : {"by_requester", "by_provider", "by_workload"}) {
    const std::string section = between(html, std::string("id='by-") + (by + 3) + "'", "</table>");
    for (auto it = r["outcomes"][by].begin(); it != r["outcomes"][by].end(); ++it)
      if (it.value()["all"].get<int>() > 0) {
        INFO(by << " " << it.key());
        CHECK(section.find("<tr><td class='l'>" + it.key()) != std::string::npos);
      }
    CHECK(section.find(" ms</td>") != std::string::npos); // p50/p95 with their unit
  }
}

TEST_CASE("report.html: the first failing exchanges are exactly the first of exchanges.csv, with hop timestamps",
          "[report]")
{
  const std::string dir = run("unentitled-master", "report-failing", {}, 1);
  const std::string html = read_text(dir + "/report.html");
  const auto ids          = failing_ids(dir);
  REQUIRE(ids.size() > 3);
  const std::string list = between(html, "id='failing'", "</table>");
  const size_t n         = std::min<size_t>(20, ids.size());
  CHECK(list.find("The first " + std::to_string(n) + " failing exchanges") != std::string::npos);
  size_t rows = 0;
  for (size_t p = 0; (p = list.find("<tr><td>", p)) != std::string::npos; ++p)
    ++rows;
  CHECK(rows == n);
  for (size_t i = 0; i < n; ++i)
    CHECK(list.find("<tr><td>" + std::to_string(ids[i]) + "<") != std::string::npos);
  CHECK(list.find("既存システム取得</span> fetched") != std::string::npos);
  CHECK(list.find("権限外の受領</span> unentitled") != std::string::npos);
  // --failing 3: three rows.
  const std::string three = between(read_text(run("unentitled-master", "report-failing-3", {"--failing", "3"}, 1) +
                                              "/report.html"),
                                    "id='failing'", "</table>");
  rows = 0;
  for (size_t p = 0; (p = three.find("<tr><td>", p)) != std::string::npos; ++p)
    ++rows;
  CHECK(rows == 3);
  // --failing 0: no rows, and the page says how many failed rather than that none did.
  const std::string none = between(read_text(run("unentitled-master", "report-failing-0", {"--failing", "0"}, 1) +
                                             "/report.html"),
                                   "id='failing'", "<h2");
  CHECK(none.find("<tr><td>") == std::string::npos);
  CHECK(none.find("none listed") != std::string::npos);
  CHECK(none.find("No exchange ended") == std::string::npos);
}

TEST_CASE("report.html: timeline events and fault windows of a run with dated changes", "[report]")
{
  const std::string dir  = run("timeline-demo", "report-timeline");
  const std::string html = read_text(dir + "/report.html");
  const json r           = read_json(dir + "/result.json");
  REQUIRE(!r["timeline"].empty());
  const json meta = json::parse(between(html, "<script type='application/json' id='chart-data'>", "</script>"));
  bool timeline = false;
  for (const auto& c : meta["charts"])
    if (c["kind"] == "timeline") {
      timeline = true;
      CHECK(c["points"].size() == r["timeline"].size());
    } else if (c["kind"] == "volume") {
      CHECK(!c["windows"].empty()); // faults and manual-answer periods are shaded
    }
  CHECK(timeline);
  CHECK(meta["origin"] == r["timeline"][0]["at"]);
  // The windows are shaded on the timeline chart too (in simulated seconds), and each day where a
  // window begins or ends has its per-hour chart: the hours add up to that day's issued count, and
  // each clipped window lies inside the day (hour indexes -0.5 .. 23.5).
  const json& hourly = r["volume"]["hourly"];
  REQUIRE(!hourly.empty());
  size_t hourly_charts = 0;
  for (const auto& c : meta["charts"]) {
    if (c["kind"] == "timeline") {
      REQUIRE(!c["windows"].empty());
      for (const auto& w : c["windows"]) {
        CHECK(w["to_s"].get<double>() >= w["from_s"].get<double>());
        bool begins_at_event = false;
        for (const auto& e : r["timeline"])
          begins_at_event = begins_at_event || e["t_s"] == w["from_s"];
        CHECK(begins_at_event);
      }
    }
    if (c["kind"] != "hourly")
      continue;
    ++hourly_charts;
    for (const auto& w : c["windows"]) {
      CHECK(w["from"].get<double>() >= -0.5);
      CHECK(w["to"].get<double>() <= 23.5);
    }
  }
  CHECK(hourly_charts == std::min<size_t>(hourly.size(), 8));
  for (const auto& h : hourly) {
    uint64_t sum = 0;
    for (const auto& n : h["issued"])
      sum += n.get<uint64_t>();
    for (size_t d = 0; d < r["volume"]["days"].size(); ++d)
      if (r["volume"]["days"][d] == h["day"])
        CHECK(sum == r["volume"]["issued"][d].get<uint64_t>());
    for (size_t k = 0; k < 24; ++k)
      CHECK(h["provided"][k].get<uint64_t>() <= h["issued"][k].get<uint64_t>());
  }
  for (const auto& e : r["timeline"])
    CHECK(html.find("</span> " + e["kind"].get<std::string>() + "</td>") != std::string::npos);
}

TEST_CASE("report.html: fault and incident windows shaded on every time chart (issue 9)", "[report]")
{
  // An incident (case 1) ends with the response's re-registered fix; a host outage with its end.
  const std::string dir  = run("replica-error-level4", "report-incident-window");
  const json r           = read_json(dir + "/result.json");
  const std::string html = read_text(dir + "/report.html");
  const json meta = json::parse(between(html, "<script type='application/json' id='chart-data'>", "</script>"));
  const json& inc = r["incidents"]["tax-misregistered"];
  const double at = r["timeline"][0]["t_s"].get<double>();
  size_t shaded   = 0;
  for (const auto& c : meta["charts"]) {
    if (c["kind"] != "volume" && c["kind"] != "timeline" && c["kind"] != "hourly")
      continue;
    REQUIRE(c["windows"].size() == 1);
    ++shaded;
    if (c["kind"] == "timeline") {
      CHECK(c["windows"][0]["from_s"].get<double>() == at);
      CHECK(c["windows"][0]["to_s"].get<double>() == Approx(at + inc["time_to_fix_h"].get<double>() * 3600));
    }
  }
  CHECK(shaded == 2 + r["volume"]["hourly"].size());

  const std::string dir2 = run("hub-outage-monday", "report-outage-window");
  const json r2          = read_json(dir2 + "/result.json");
  const json meta2 = json::parse(between(read_text(dir2 + "/report.html"), "<script type='application/json' id='chart-data'>",
                                         "</script>"));
  for (const auto& c : meta2["charts"])
    if (c["kind"] == "hourly") {
      bool hub_down = false; // 09:30-10:30 on the hour axis: from 8.999, to 9.999 (bars are centred on the hour)
      for (const auto& w : c["windows"])
        hub_down = hub_down || (std::abs(w["from"].get<double>() - 9.0) < 1e-9 && std::abs(w["to"].get<double>() - 10.0) < 1e-9);
      CHECK(hub_down);
    }
}

TEST_CASE("report.html without Chart.js: written with its tables and a visible notice, the run's verdict unchanged",
          "[report]")
{
  ::setenv("LINKSIM_CHARTJS", "/nonexistent/chart.min.js", 1);
  const std::string dir = fresh_dir("report-no-chartjs");
  const ProcessResult p = run_linksim({"run", scenario("quickstart"), "--out", dir, "--quiet"});
  ::unsetenv("LINKSIM_CHARTJS");
  CHECK(p.exit_code == 0);
  CHECK(p.err.find("/nonexistent/chart.min.js not found") != std::string::npos);
  const std::string html = read_text(dir + "/report.html");
  CHECK(html.find("id='charts-missing'") != std::string::npos);
  CHECK(html.find("Chart.js v3") == std::string::npos);
  CHECK(html.find("id='by-requester'") != std::string::npos);
}

TEST_CASE("junit.xml: value and threshold per check, failing exchanges named, inconclusive is a failure", "[junit]")
{
  const std::string dir = run("unentitled-master", "junit-failing", {}, 1);
  const std::string x   = read_text(dir + "/junit.xml");
  const json r          = read_json(dir + "/result.json");
  size_t cases = 0;
  for (size_t p = 0; (p = x.find("<testcase ", p)) != std::string::npos; ++p)
    ++cases;
  CHECK(cases == r["checks"].size());
  CHECK(x.find("<skipped") == std::string::npos);
  for (const auto& c : r["checks"]) {
    const std::string tc = between(x, "name=\"" + c["name"].get<std::string>() + "\">", "</testcase>");
    CHECK(tc.find("<property name=\"metric\" value=\"" + c["metric"].get<std::string>() + "\"/>") != std::string::npos);
    std::string threshold = c["threshold"].get<std::string>();
    for (auto [from, to] : {std::pair<std::string, std::string>{"<", "&lt;"}, {">", "&gt;"}})
      for (size_t p = 0; (p = threshold.find(from, p)) != std::string::npos; p += to.size())
        threshold.replace(p, from.size(), to);
    CHECK(tc.find("<property name=\"threshold\" value=\"" + threshold + "\"/>") != std::string::npos);
    CHECK(tc.find("<property name=\"value\"") != std::string::npos);
    CHECK((tc.find("<failure") != std::string::npos) == (c["verdict"] != "pass"));
  }
  // The built-in check fails: its message names the first unentitled exchanges, requester → provider.
  const std::string leak = between(x, "name=\"builtin: no requester receives an item it is not entitled to\">", "</testcase>");
  const auto ids         = failing_ids(dir, "unentitled");
  REQUIRE(!ids.empty());
  CHECK(leak.find("first failing exchanges: #" + std::to_string(ids[0]) + " kenpo-1-&gt;") != std::string::npos);
  CHECK(leak.find("expected correct, got unentitled") != std::string::npos);
  CHECK(leak.find("threshold &lt;= 0") != std::string::npos);

  SECTION("inconclusive")
  {
    json doc = json::parse(read_text(scenario("hand-latency")));
    doc["expect"] = {{{"name", "no batches here"}, {"metric", "/latency/end_to_end_batch/p95_ms"}, {"max", 1}}};
    const std::string d = fresh_dir("junit-inconclusive");
    std::ofstream(d + "/scenario.json") << doc.dump(2);
    const ProcessResult p = run_linksim({"run", d + "/scenario.json", "--out", d + "/out", "--quiet"});
    REQUIRE(p.exit_code == 3);
    const std::string j = read_text(d + "/out/junit.xml");
    CHECK(j.find("<skipped") == std::string::npos);
    CHECK(j.find("<failure type=\"inconclusive\" message=\"inconclusive (exit 3): /latency/end_to_end_batch/p95_ms") !=
          std::string::npos);
    CHECK(j.find("failures=\"1\"") != std::string::npos);
  }
}

TEST_CASE("terminal summary: lists every check it counts, and the slowest hops for immediate and batch apart", "[summary]")
{
  const std::string dir = fresh_dir("summary");
  const ProcessResult p = run_linksim({"run", scenario("quickstart"), "--out", dir});
  REQUIRE(p.exit_code == 0);
  const json r = read_json(dir + "/result.json");
  std::smatch m;
  REQUIRE(std::regex_search(p.out, m, std::regex(R"(checks: (\d+) passed, (\d+) failed, (\d+) inconclusive)")));
  const size_t counted = std::stoul(m[1]) + std::stoul(m[2]) + std::stoul(m[3]);
  CHECK(counted == r["checks"].size());
  size_t listed = 0;
  for (const auto& c : r["checks"])
    listed += p.out.find("  " + c["name"].get<std::string>() + "  [") != std::string::npos;
  CHECK(listed == counted);
  CHECK(p.out.find("builtin: data reaches the requester and nobody else") != std::string::npos);
  CHECK(p.out.find("slowest hops by p95, immediate:") != std::string::npos);
  CHECK(p.out.find("slowest hops by p95, batch:") != std::string::npos);
}

TEST_CASE("compare.html: Chart.js inlined, one outcome-delta chart per variant with its intervals from compare.json",
          "[report][compare]")
{
  const std::string out = fresh_dir("report-compare") + "/out";
  const ProcessResult p = run_linksim({"compare", scenario("quickstart"), scenario("quickstart-late-tax"), "--seeds", "2",
                                       "--out", out, "--quiet"});
  REQUIRE((p.exit_code == 0 || p.exit_code == 1));
  const std::string html = read_text(out + "/compare.html");
  const json c           = read_json(out + "/compare.json");
  CHECK(html.find("<html lang=\"ja\">") != std::string::npos);
  CHECK(html.find("Chart.js v3") != std::string::npos);
  const json meta = json::parse(between(html, "<script type='application/json' id='chart-data'>", "</script>"));
  REQUIRE(meta["charts"].size() == c["variants"].size());
  const json& chart = meta["charts"][0];
  CHECK(chart["kind"] == "deltas");
  CHECK(html.find("<canvas id=\"" + chart["canvas"].get<std::string>() + "\"") != std::string::npos);
  REQUIRE(!chart["labels"].empty());
  CHECK(chart["labels"][0] == "正常 correct");
  const json& total = c["variants"][0]["outcome_deltas"]["total"];
  CHECK(chart["means"][0] == total["correct"]["delta_mean"]);
  for (size_t i = 0; i < chart["intervals"].size(); ++i) {
    CHECK(chart["intervals"][i][0].get<double>() <= chart["means"][i].get<double>());
    CHECK(chart["means"][i].get<double>() <= chart["intervals"][i][1].get<double>());
  }
}
