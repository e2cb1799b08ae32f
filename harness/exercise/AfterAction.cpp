// after-action.html: the after-action report of an exercise, in the shape of HSEEP's after-action
// report: overview, timeline of injects, notices and actions, score per expectation (objective),
// what it cost, strengths and areas for improvement. Made from result.json's /exercise and /run
// only; self-contained (Chart.js inlined, harness/results/Charts.hpp), readable offline.
#include "harness/exercise/ExerciseRun.hpp"
#include "harness/results/Charts.hpp"
#include "harness/results/Format.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace linksim {

namespace {
using ojson = nlohmann::ordered_json;
std::string esc(const std::string& s) { return xml_escape(s); }
std::string str(const ojson& j) { return j.is_string() ? j.get<std::string>() : j.is_null() ? "—" : j.dump(); }
std::string minutes(double s)
{
  std::ostringstream o;
  if (s >= 3600)
    o << std::floor(s / 3600) << " h " << std::lround(std::fmod(s, 3600) / 60) << " min";
  else
    o << std::lround(s / 60) << " min";
  return o.str();
}
} // namespace

std::string after_action_html(const ojson& r)
{
  const ojson& ex  = r["exercise"];
  const ojson& run = r["run"];
  const ojson& c   = ex["cost"];
  std::ostringstream o;
  std::string notice;
  o << "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>After-action report: "
    << esc(str(run["scenario"])) << "</title>" << chart_scripts("after-action.html", notice)
    << "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:.5em 0}"
       "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}.l{text-align:left}.on_time{background:#e5f5e0}"
       ".late{background:#fff3cd}.missing{background:#fde0dd}.refused{background:#eee}.chart{height:260px;position:relative}"
       ".score{font-size:2em;font-weight:bold}</style></head><body>"
    << notice;
  // 1. overview
  o << "<h1>After-action report 事後検証報告</h1>"
    << "<p>Exercise on scenario <b>" << esc(str(run["scenario"])) << "</b> (seed " << esc(str(run["seed"])) << ", run "
    << esc(str(run["run_id"])) << "). The trainee played <b>" << esc(str(ex["play"])) << "</b> ("
    << (str(ex["mode"]) == "interactive" ? "at the prompt" : "from an actions file") << ").</p>"
    << "<p class='score'>Score " << ex["score_pct"].get<double>() << " %</p><p>" << ex["earned"].get<double>() << " of "
    << ex["points"].get<double>() << " points: " << ex["verdicts"]["on_time"].get<int>() << " on time, "
    << ex["verdicts"]["late"].get<int>() << " late (" << ex["late_credit"].get<double>() * 100
    << " % of their points), " << ex["verdicts"]["missing"].get<int>() << " missing; " << ex["unexpected"].get<size_t>()
    << " action(s) not expected, " << ex["refused"].get<size_t>() << " refused.</p>";

  // 2. scored expectations
  o << "<h2>Objectives: score per expectation</h2><table><tr><th class='l'>expectation</th><th class='l'>inject</th>"
       "<th class='l'>expected action</th><th class='l'>deadline</th><th class='l'>due</th><th class='l'>done</th>"
       "<th class='l'>verdict</th><th>points</th><th>earned</th></tr>";
  for (const auto& e : ex["expectations"]) {
    std::string action = str(e["action"]);
    if (e.contains("level"))
      action += " " + e["level"].dump();
    if (e.contains("category"))
      action += " " + str(e["category"]);
    o << "<tr class='" << str(e["verdict"]) << "'><td class='l'>" << esc(str(e["id"])) << "</td><td class='l'>"
      << esc(str(e["inject"])) << "</td><td class='l'>" << esc(action) << "</td><td class='l'>" << esc(str(e["deadline"]))
      << "</td><td class='l'>" << esc(str(e["due"])) << "</td><td class='l'>" << esc(str(e["done_at"])) << "</td><td class='l'>"
      << esc(str(e["verdict"])) << (e["late_s"].is_null() ? "" : " (" + minutes(e["late_s"].get<double>()) + " late)")
      << "</td><td>" << e["points"].get<double>() << "</td><td>" << e["earned"].get<double>() << "</td></tr>";
  }
  o << "</table>";

  // 3. timeline of injects, notices and actions (a chart and a table)
  struct Row {
    double t;
    std::string at, what, kind, cls;
  };
  std::vector<Row> rows;
  std::vector<std::string> seen_injects;
  for (const auto& e : ex["expectations"])
    if (std::find(seen_injects.begin(), seen_injects.end(), str(e["inject"])) == seen_injects.end()) {
      seen_injects.push_back(str(e["inject"]));
      rows.push_back({e["inject_t_s"].get<double>(), str(e["inject_at"]), "inject " + str(e["inject"]) + " begins", "inject", ""});
    }
  for (const auto& n : ex["notices"])
    rows.push_back({n["t_s"].get<double>(), str(n["at"]), str(n["kind"]) + ": " + str(n["text"]), "notice", ""});
  for (const auto& a : ex["actions"]) {
    std::string what = str(a["action"]) + (a.contains("args") ? " " + str(a["args"]) : "");
    std::string cls  = "";
    if (!a["accepted"].get<bool>()) {
      what += " — refused: " + str(a["reason"]);
      cls = "refused";
    } else if (a["expectation"].is_null())
      what += " (not expected)";
    else
      for (const auto& e : ex["expectations"])
        if (e["id"] == a["expectation"]) {
          what += " — meets " + str(e["id"]) + " (" + str(e["verdict"]) + ")";
          cls = str(e["verdict"]);
        }
    rows.push_back({a["t_s"].get<double>(), str(a["at"]), what, a["accepted"].get<bool>() ? "action" : "refused action", cls});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
  const std::vector<std::string> kinds = {"inject", "notice", "action", "refused action", "wrong provisions (per hour)"};
  ojson points = ojson::array(), events = ojson::array();
  double lo = 1e300, hi = -1e300;
  for (const Row& x : rows) {
    const auto k = std::find(kinds.begin(), kinds.end(), x.kind) - kinds.begin();
    points.push_back({{"x", x.t}, {"y", k}});
    events.push_back(x.what);
    lo = std::min(lo, x.t), hi = std::max(hi, x.t);
  }
  for (const auto& h : c["wrong_by_hour"]) {
    points.push_back({{"x", h["t_s"].get<double>() + 1800}, {"y", 4}});
    events.push_back(std::to_string(h["wrong"].get<uint64_t>()) + " wrong provision(s) in the hour from " + str(h["hour"]));
    lo = std::min(lo, h["t_s"].get<double>()), hi = std::max(hi, h["t_s"].get<double>() + 3600);
  }
  if (lo > hi)
    lo = 0, hi = 3600;
  const double pad = std::max(600.0, (hi - lo) * 0.03);
  ojson charts     = ojson::array();
  o << "<h2>Timeline of injects, notices and actions</h2><div class='chart' style='height:260px'><canvas id='chart-aar'>"
       "</canvas></div>";
  charts.push_back({{"kind", "timeline"}, {"canvas", "chart-aar"}, {"kinds", kinds}, {"points", points}, {"events", events},
                    {"min", lo - pad}, {"max", hi + pad}});
  o << "<table><tr><th class='l'>at (JST)</th><th class='l'>what</th><th class='l'>kind</th></tr>";
  for (const Row& x : rows)
    o << "<tr class='" << x.cls << "'><td class='l'>" << esc(x.at) << "</td><td class='l'>" << esc(x.what)
      << "</td><td class='l'>" << esc(x.kind) << "</td></tr>";
  o << "</table>";

  // 4. what it cost
  o << "<h2>What it cost</h2><table>"
    << "<tr><th class='l'>answers provided by " << esc(str(ex["play"])) << "</th><td>" << c["answers"].dump() << "</td></tr>"
    << "<tr><th class='l'>wrong provisions (the oracle's correctness failures)</th><td>" << c["wrong_provisions"].dump()
    << "</td></tr><tr><th class='l'>... before containment (self-restraint on)</th><td>" << c["before_containment"].dump()
    << "</td></tr><tr><th class='l'>... after containment</th><td>" << c["after_containment"].dump() << "</td></tr>"
    << "<tr><th class='l'>first notice to its staff</th><td>" << esc(str(c["first_notice_at"])) << "</td></tr>"
    << "<tr><th class='l'>contained at</th><td>" << esc(c["contained_at"].is_null() ? "never" : str(c["contained_at"]))
    << "</td></tr><tr><th class='l'>notice to containment</th><td>"
    << (c["notice_to_containment_min"].is_null() ? "—" : c["notice_to_containment_min"].dump() + " min") << "</td></tr>";
  for (const auto& [k, v] : c["by_outcome"].items())
    o << "<tr><th class='l'>wrong provisions: " << esc(k) << "</th><td>" << v.dump() << "</td></tr>";
  o << "</table>";

  // 5. strengths and areas for improvement
  o << "<h2>Strengths and areas for improvement</h2><ul>";
  size_t points_made = 0;
  for (const auto& e : ex["expectations"]) {
    const std::string v = str(e["verdict"]);
    if (v == "on_time")
      o << "<li>Strength: " << esc(str(e["action"])) << " (" << esc(str(e["id"])) << ") done on time, at "
        << esc(str(e["done_at"])) << ".</li>";
    else if (v == "late")
      o << "<li>Improve: " << esc(str(e["action"])) << " (" << esc(str(e["id"])) << ") came "
        << minutes(e["late_s"].get<double>()) << " after its deadline (" << esc(str(e["due"])) << ").</li>";
    else
      o << "<li>Improve: " << esc(str(e["action"])) << " (" << esc(str(e["id"])) << ") was never done; it was due "
        << esc(str(e["due"])) << ".</li>";
    ++points_made;
  }
  for (const auto& a : ex["actions"])
    if (!a["accepted"].get<bool>())
      o << "<li>Improve: " << esc(str(a["action"])) << " at " << esc(str(a["at"])) << " was refused (" << esc(str(a["reason"]))
        << "): know when the rules allow it.</li>";
  if (c["after_containment"].get<uint64_t>() > 0 || (c["contained_at"].is_null() && c["wrong_provisions"].get<uint64_t>() > 0))
    o << "<li>Improve: " << c[c["contained_at"].is_null() ? "wrong_provisions" : "after_containment"].dump()
      << " wrong provision(s) left " << esc(str(ex["play"])) << " "
      << (c["contained_at"].is_null() ? "and self-restraint was never set" : "after self-restraint was set")
      << ": each needs a record annotation (記録の追記).</li>";
  if (c["before_containment"].get<uint64_t>() > 0 && !c["contained_at"].is_null())
    o << "<li>Cost of the delay: " << c["before_containment"].dump()
      << " wrong provision(s) left before self-restraint; setting it sooner after the first notice ("
      << esc(str(c["first_notice_at"])) << ") would have stopped them earlier.</li>";
  o << "</ul>";
  (void)points_made;
  ojson meta = {{"charts", notice.empty() ? charts : ojson::array()}, {"origin", str(r["run"]["start"])}, {"origin_t", 0}};
  o << chart_render(meta) << "</body></html>\n";
  return o.str();
}

} // namespace linksim
