// report.html: one self-contained page that opens offline: the verdict, the checks, the outcome
// matrix, per-agency tables, the first failing exchanges with their hop timestamps, the timeline of
// applied changes, the volume over time (fault windows shaded) and the latency distributions.
//
// Charts are drawn by Chart.js, inlined (harness/results/Charts.hpp says from where, what happens
// without it, and what the page tells the browser test).
#include "harness/results/Charts.hpp"
#include "harness/results/Format.hpp"
#include "harness/results/Glossary.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/results/Results.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace linksim {

namespace {

std::string esc(const std::string& s) { return xml_escape(s); }
std::string num(double x, const char* f = "%g") { return fmt(f, x); }

/// "<span lang=ja>日本語</span> english" for a term of a table, HTML-escaped.
std::string term(std::string_view table, std::string_view name)
{
  const char* j = ja(table, name);
  const std::string en = esc(std::string(name));
  return *j ? "<span class='ja'>" + esc(j) + "</span> " + en : en;
}

/// Shaded windows on the time charts: every timeline change that has an end (a fault, an outage,
/// an incident, a restriction: kind K ended by K_end with the same event id; a manual-answer period:
/// manual_answer_on to the same agency's manual_answer_off; a master difference), from its start to
/// its end (or the end of the run). Each window has its simulated seconds (`from_s`, `to_s`: the
/// timeline and per-hour charts) and its indexes into /volume/days (`from`, `to`: the per-day chart).
ojson fault_windows(const ojson& r)
{
  const ojson& days = r["volume"]["days"];
  auto day_index    = [&days](const std::string& at) {
    const std::string d = at.substr(0, 10);
    for (size_t i = 0; i < days.size(); ++i)
      if (days[i].get<std::string>() >= d)
        return days[i].get<std::string>() == d ? static_cast<int>(i) : std::max(0, static_cast<int>(i) - 1);
    return static_cast<int>(days.size()) - 1;
  };
  auto has_end = [](const std::string& k) {
    for (const auto& e : TIMELINE_CHANGES.entries())
      if (k + "_end" == e.name)
        return true;
    return false;
  };
  // The agency whose id starts the `what` line (manual-answer switches are separate events).
  auto agency = [](const ojson& e) {
    const std::string w = e["what"].get<std::string>();
    return w.substr(0, w.find(' '));
  };
  const double run_end = r["run"]["duration_days"].get<double>() * 86400;
  ojson out            = ojson::array();
  const ojson& tl      = r["timeline"];
  for (size_t i = 0; i < tl.size(); ++i) {
    const std::string begin = tl[i]["kind"].get<std::string>();
    const bool manual       = begin == "manual_answer_on";
    // Injects whose end has another name: a resident-code error ends when it is fixed or, after a
    // deletion, when the codes are re-acquired; a replica misregistration when the response's fix is
    // re-registered (/incidents/<id>/reregistered_at).
    std::vector<std::string> ends;
    if (manual)
      ends = {"manual_answer_off"};
    else if (begin == "resident_code_error")
      ends = {"resident_code_fixed", "codes_reacquired"};
    else if (begin == "resident_code_deleted")
      ends = {"codes_reacquired"};
    else if (has_end(begin))
      ends = {begin + "_end"};
    else if (begin != "replica_misregistration")
      continue;
    int to      = days.empty() ? 0 : static_cast<int>(days.size()) - 1;
    double to_s = std::max(run_end, tl[i]["t_s"].get<double>());
    auto is_end = [&ends](const std::string& k) { return std::find(ends.begin(), ends.end(), k) != ends.end(); };
    for (size_t k = i + 1; k < tl.size(); ++k)
      if (is_end(tl[k]["kind"].get<std::string>()) && (manual ? agency(tl[k]) == agency(tl[i]) : tl[k]["id"] == tl[i]["id"])) {
        to   = day_index(tl[k]["at"].get<std::string>());
        to_s = tl[k]["t_s"].get<double>();
        break;
      }
    if (begin == "replica_misregistration" && r.contains("incidents") && r["incidents"].contains(tl[i]["id"].get<std::string>())) {
      const ojson& inc = r["incidents"][tl[i]["id"].get<std::string>()];
      if (inc.contains("time_to_fix_h") && inc["time_to_fix_h"].is_number() && inc["reregistered_at"].is_string()) {
        to_s = tl[i]["t_s"].get<double>() + inc["time_to_fix_h"].get<double>() * 3600;
        to   = day_index(inc["reregistered_at"].get<std::string>());
      }
    }
    out.push_back({{"from", day_index(tl[i]["at"].get<std::string>())},
                   {"to", to},
                   {"from_s", tl[i]["t_s"]},
                   {"to_s", to_s},
                   {"label", std::string(ja("timeline_change", begin)) + " " + tl[i]["id"].get<std::string>()}});
  }
  return out;
}

/// The 200 points (latency ms, share %) of a histogram's cumulative distribution.
ojson cdf_points(const Histogram& h)
{
  ojson pts = ojson::array();
  for (int i = 1; i <= 200; ++i) {
    const double p = i * 0.5;
    pts.push_back({{"x", std::max(h.percentile(p) * 1e3, 1e-3)}, {"y", p}});
  }
  return pts;
}

/// Counts of one breakdown row's outcome classes (only `cols`), its total, and p50/p95.
struct Row {
  std::string label;
  const ojson* counts;
  const CoarseHistogram* lat;
};

std::string outcome_table(const std::string& head, const std::vector<Row>& rows, const std::vector<size_t>& cols,
                          bool with_latency, size_t limit, const std::string& more)
{
  std::ostringstream o;
  o << "<div class='scroll'><table><tr><th class='l'>" << head << "</th>";
  for (size_t k : cols)
    o << "<th>" << term("outcome", OUTCOMES.entries()[k].name) << "</th>";
  o << "<th>all 計</th>";
  if (with_latency)
    o << "<th>p50 (≈)</th><th>p95 (≈)</th>";
  o << "</tr>";
  size_t shown = 0;
  for (const Row& row : rows) {
    if (shown++ == limit)
      break;
    const ojson& counts = *row.counts;
    const double all    = std::max(1.0, counts[COUNT_EXTRAS[shape::ALL]].get<double>());
    o << "<tr><td class='l'>" << row.label << "</td>";
    for (size_t k : cols) {
      const double x = counts[OUTCOMES.entries()[k].name].get<double>();
      o << "<td style='background:rgba(" << (k == 0 ? "49,130,189," : "214,39,40,") << (x > 0 ? 0.1 + 0.6 * x / all : 0)
        << ")'>" << num(x, "%.0f") << "</td>";
    }
    o << "<td>" << counts[COUNT_EXTRAS[shape::ALL]].get<uint64_t>() << "</td>";
    if (with_latency) {
      if (row.lat && row.lat->count())
        o << "<td>" << human_ms(row.lat->percentile(50) * 1e3) << "</td><td>" << human_ms(row.lat->percentile(95) * 1e3)
          << "</td>";
      else
        o << "<td>—</td><td>—</td>";
    }
    o << "</tr>";
  }
  o << "</table></div>";
  if (rows.size() > limit)
    o << "<p class='legend'>" << rows.size() - limit << " more rows (fewest failing exchanges) in " << more << ".</p>";
  return o.str();
}

/// Rows of a breakdown with at least one exchange, most failing exchanges first, then most exchanges.
std::vector<Row> breakdown_rows(const ojson& by, const std::vector<std::pair<std::string, std::string>>& keys_labels,
                                const std::vector<const CoarseHistogram*>& lat)
{
  std::vector<Row> rows;
  for (size_t i = 0; i < keys_labels.size(); ++i) {
    if (!by.contains(keys_labels[i].first))
      continue;
    const ojson& c = by[keys_labels[i].first];
    if (c[COUNT_EXTRAS[shape::ALL]].get<uint64_t>() == 0)
      continue;
    rows.push_back({keys_labels[i].second, &c, lat.empty() ? nullptr : lat[i]});
  }
  auto failing = [](const Row& r) {
    const ojson& c = *r.counts;
    return c[COUNT_EXTRAS[shape::ALL]].get<uint64_t>() - c[OUTCOMES.name(Outcome::CORRECT)].get<uint64_t>();
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const uint64_t fa = failing(a), fb = failing(b);
    if (fa != fb)
      return fa > fb;
    return (*a.counts)[COUNT_EXTRAS[shape::ALL]].get<uint64_t>() > (*b.counts)[COUNT_EXTRAS[shape::ALL]].get<uint64_t>();
  });
  return rows;
}

/// Rows shown per breakdown table (the rest are in result.json).
constexpr size_t TABLE_ROWS = 100;

std::string failing_html(const Scenario& sc, const FailingCollector& failing, uint64_t failing_total)
{
  std::ostringstream o;
  const auto list = failing.first(failing.limit());
  o << "<h2 id='failing'><span class='ja'>失敗した連携</span> The first " << list.size() << " failing exchanges</h2>";
  if (failing_total == 0) {
    o << "<p>No exchange ended in another class than " << term("outcome", "correct") << ".</p>";
    return o.str();
  }
  if (list.empty()) { // --failing 0: none listed, but say how many there were
    o << "<p>" << thousands(failing_total) << " exchanges ended in another class than " << term("outcome", "correct")
      << "; none listed (<code>--failing 0</code>). Every exchange is in exchanges.csv.</p>";
    return o.str();
  }
  o << "<p class='legend'>" << thousands(failing_total) << " exchanges ended in another class than "
    << term("outcome", "correct") << "; the first " << list.size()
    << " by issue order (<code>linksim run --failing N</code>, default " << FailingCollector::DEFAULT_LIMIT
    << "). Times after <i>issued</i> are offsets from it; — : the exchange never reached that point. Every exchange is in "
       "exchanges.csv.</p>";
  o << "<div class='scroll'><table class='failing'><tr><th>exchange</th><th class='l'>workload</th><th class='l'>"
       "照会者 requester → 提供者 provider</th><th class='l'>procedure · item</th><th class='l'>mode</th><th class='l'>"
       "outcome 結果</th>";
  for (const auto& ts : TIMESTAMPS.entries())
    o << "<th title='" << esc(ts.help) << "'>" << term("timestamp", ts.name) << "</th>";
  o << "</tr>";
  for (const FailingExchange& f : list) {
    o << "<tr><td>" << f.id << (f.serial ? "<br><small>通番 " + std::to_string(f.serial) + "</small>" : "")
      << "</td><td class='l'>" << esc(sc.workload[f.workload].id) << "</td><td class='l'>"
      << esc(sc.agencies[f.requester].id) << " → " << esc(sc.agencies[f.provider].id) << "</td><td class='l'>"
      << esc(sc.procedures[f.procedure].code) << " · " << sc.layouts[f.item].number << "</td><td class='l'>"
      << term("mode", MODES.name(f.batch)) << "</td><td class='l fail'>" << term("outcome", OUTCOMES.name(f.outcome))
      << "</td><td class='l'>" << esc(f.issued_at) << "</td>";
    for (size_t k = 1; k < TS_COUNT; ++k)
      o << "<td>" << (std::isnan(f.t[k]) ? std::string("—") : "+" + human_ms((f.t[k] - f.t[ISSUED]) * 1e3)) << "</td>";
    o << "</tr>";
  }
  o << "</table></div>";
  return o.str();
}

} // namespace

std::string report_html(const Scenario& sc, const ojson& r, const Collectors& c)
{
  std::ostringstream o;
  const ojson& run = r["run"];
  std::string notice;
  const std::string scripts = chart_scripts("report.html", notice);

  o << "<!doctype html><html lang='ja'><head><meta charset='utf-8'><title>linksim · " << esc(sc.name) << "</title><style>"
    << "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}"
    << "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}"
    << "th{background:#f3f3f3;font-weight:600}td.l,th.l{text-align:left}.pass{color:#176a1b;font-weight:bold}"
    << ".fail{color:#b00020;font-weight:bold}.inconclusive{color:#8a6d00;font-weight:bold}.ja{color:#555}"
    << ".chart{position:relative;height:300px;margin:.5em 0 1.5em}.scroll{overflow-x:auto}"
    << "table.failing td,table.failing th{font-size:12px;white-space:nowrap}"
    << ".legend{font-size:12px;color:#555}.notice{background:#fff3cd;border:1px solid #e0c060;padding:.6em 1em}"
    << "#js-errors{background:#fde2e2;border:1px solid #b00020;padding:.6em 1em;white-space:pre-wrap}</style>"
    << scripts << "</head><body>";
  o << "<pre id='js-errors' hidden></pre>";
  o << "<h1>linksim · " << esc(sc.name) << "</h1><p>" << esc(sc.description) << "</p>";
  o << "<p>Run <b>" << esc(run["run_id"].get<std::string>()) << "</b> · seed " << run["seed"].get<uint64_t>() << " · "
    << esc(run["start"].get<std::string>()) << " → " << esc(run["simulated_end"].get<std::string>()) << " (JST) · "
    << run["persons"].get<uint64_t>() << " persons · " << run["agencies"].get<uint64_t>() << " agencies · linksim "
    << esc(run["linksim_version"].get<std::string>()) << " on SimGrid " << esc(run["simgrid_version"].get<std::string>())
    << " (CM02)</p>";
  o << notice;

  // ---- verdict and checks
  const ojson& v = r["verdict"];
  o << "<h2>判定 Verdict: <span class='" << (v["exit_code"].get<int>() == 0 ? "pass" : "fail") << "'>exit "
    << v["exit_code"].get<int>() << " · " << esc(v["meaning"].get<std::string>()) << "</span></h2>";
  o << "<table><tr><th class='l'>check</th><th class='l'>kind</th><th>value</th><th>threshold</th><th>verdict</th></tr>";
  for (const auto& ch : r["checks"]) {
    const std::string verdict = ch["verdict"].get<std::string>();
    o << "<tr><td class='l'>" << esc(ch["name"].get<std::string>()) << "<br><small>" << esc(ch["metric"].get<std::string>())
      << "</small></td><td class='l'>" << term("check_kind", ch["kind"].get<std::string>()) << "</td><td>"
      << (ch["value"].is_null() ? "n/a" : num(ch["value"].get<double>())) << "</td><td>"
      << esc(ch["threshold"].get<std::string>()) << "</td><td class='" << verdict << "'>" << term("verdict", verdict)
      << "</td></tr>";
  }
  o << "</table>";

  // ---- outcomes: by procedure, then per agency and per workload line
  std::vector<size_t> cols;
  const ojson& tot = r["outcomes"]["total"];
  for (size_t k = 0; k < OUTCOME_COUNT; ++k)
    if (tot[OUTCOMES.entries()[k].name].get<uint64_t>() > 0 || k == 0)
      cols.push_back(k);
  o << test_cases_html(r); // the test cases first: what a test lead reads
  const ojson& outcomes = r["outcomes"];
  {
    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto& p : sc.procedures)
      keys.emplace_back(p.code, esc(p.code + " " + p.name));
    auto rows = breakdown_rows(outcomes["by_procedure"], keys, {});
    rows.push_back({"total 合計", &tot, nullptr});
    o << "<h2><span class='ja'>事務手続別</span> Outcomes by procedure</h2>"
      << outcome_table("procedure 事務手続", rows, cols, false, rows.size(), "");
  }
  const AgencyLatencyCollector* al = c.agency_latency.get();
  {
    std::vector<std::pair<std::string, std::string>> keys;
    std::vector<const CoarseHistogram*> req, prov;
    for (size_t a = 0; a < sc.agencies.size(); ++a) {
      keys.emplace_back(sc.agencies[a].id, esc(sc.agencies[a].id) + "<br><small>" +
                                               term("agency_kind", AGENCY_KINDS.name(sc.agencies[a].kind)) + "</small>");
      req.push_back(al ? al->by_requester(a) : nullptr);
      prov.push_back(al ? al->by_provider(a) : nullptr);
    }
    o << "<h2 id='by-requester'><span class='ja'>情報照会者別</span> By requester</h2>"
      << outcome_table("requester 照会者", breakdown_rows(outcomes["by_requester"], keys, req), cols, true, TABLE_ROWS,
                       "result.json /outcomes/by_requester");
    o << "<h2 id='by-provider'><span class='ja'>情報提供者別</span> By provider</h2>"
      << outcome_table("provider 提供者", breakdown_rows(outcomes["by_provider"], keys, prov), cols, true, TABLE_ROWS,
                       "result.json /outcomes/by_provider");
  }
  {
    std::vector<std::pair<std::string, std::string>> keys;
    std::vector<const CoarseHistogram*> lat;
    for (size_t w = 0; w < sc.workload.size(); ++w) {
      keys.emplace_back(sc.workload[w].id, esc(sc.workload[w].id));
      lat.push_back(al ? al->by_workload(w) : nullptr);
    }
    o << "<h2 id='by-workload'><span class='ja'>ワークロード別</span> By workload line</h2>"
      << outcome_table("workload line", breakdown_rows(outcomes["by_workload"], keys, lat), cols, true, TABLE_ROWS,
                       "result.json /outcomes/by_workload");
  }
  o << "<p class='legend'>p50/p95: end-to-end latency of the fetched exchanges of the row, within ±2.2 % "
       "(16 buckets per doubling); the exact overall figures are in result.json /latency.</p>";

  o << failing_html(sc, c.failing, tot[COUNT_EXTRAS[shape::ALL]].get<uint64_t>() - tot[OUTCOMES.name(Outcome::CORRECT)].get<uint64_t>());

  // ---- charts: volume, timeline, latency
  ojson charts = ojson::array();
  auto canvas  = [&o](const std::string& id, const std::string& label, int height = 300) {
    o << "<div class='chart' style='height:" << height << "px'><canvas id='" << id << "' role='img' aria-label='" << esc(label)
      << "'></canvas></div>";
  };
  o << "<h2><span class='ja'>日別件数</span> Volume per day</h2>";
  const ojson& vol = r["volume"];
  const ojson windows = fault_windows(r);
  if (vol["days"].empty())
    o << "<p>No exchanges.</p>";
  else {
    canvas("chart-volume", "exchanges per day");
    charts.push_back({{"kind", "volume"}, {"canvas", "chart-volume"}, {"days", vol["days"]}, {"issued", vol["issued"]},
                      {"provided", vol["provided"]}, {"windows", windows}});
    if (!windows.empty())
      o << "<p class='legend'>Shaded: faults, outages, incidents, manual-answer periods and master differences from the "
           "timeline below.</p>";
  }
  // Per hour on the days a window begins or ends (a window of minutes is invisible per day).
  if (!vol["hourly"].empty()) {
    o << "<h2 id='hourly'><span class='ja'>障害日の時間別件数</span> Volume per hour on the days a window begins or ends</h2>"
         "<p class='legend'>Exchanges by hour of issue (JST): issued, provided data, and not correct (any class but "
         "correct: timed out, unreachable, refused, wrong, ...). Shaded: the windows of the timeline.</p>";
    int n = 0;
    for (const auto& h : vol["hourly"]) {
      if (++n > 8) {
        o << "<p>" << vol["hourly"].size() - 8 << " more days in result.json /volume/hourly.</p>";
        break;
      }
      const double t0 = h["t0_s"].get<double>();
      ojson clipped   = ojson::array();
      for (const auto& w : windows) {
        const double a = std::max(w["from_s"].get<double>(), t0), b = std::min(w["to_s"].get<double>(), t0 + 86400);
        if (a < b || (a == b && w["from_s"].get<double>() >= t0 && w["from_s"].get<double>() < t0 + 86400))
          clipped.push_back({{"from", (a - t0) / 3600 - 0.5}, {"to", (b - t0) / 3600 - 0.5}, {"label", w["label"]}});
      }
      const std::string id = "chart-hourly-" + h["day"].get<std::string>();
      o << "<h3>" << esc(h["day"].get<std::string>()) << "</h3>";
      canvas(id, "exchanges per hour on " + h["day"].get<std::string>(), 260);
      charts.push_back({{"kind", "hourly"}, {"canvas", id}, {"issued", h["issued"]}, {"provided", h["provided"]},
                        {"not_correct", h["not_correct"]}, {"windows", clipped}});
    }
  }
  if (!r["timeline"].empty()) {
    o << "<h2 id='timeline'><span class='ja'>適用された変更</span> Timeline: dated changes applied</h2>";
    ojson kinds = ojson::array(), points = ojson::array(), events = ojson::array();
    std::vector<std::string> seen;
    double lo = 0, hi = run["duration_days"].get<double>() * 86400;
    for (const auto& e : r["timeline"]) {
      const std::string k = e["kind"].get<std::string>();
      auto it             = std::find(seen.begin(), seen.end(), k);
      if (it == seen.end()) {
        seen.push_back(k);
        kinds.push_back(both("timeline_change", k));
        it = seen.end() - 1;
      }
      const double t = e["t_s"].get<double>();
      lo = std::min(lo, t), hi = std::max(hi, t);
      points.push_back({{"x", t}, {"y", it - seen.begin()}});
      events.push_back(e["id"].get<std::string>() + ": " + e["what"].get<std::string>());
    }
    canvas("chart-timeline", "timeline of applied changes", static_cast<int>(90 + 34 * seen.size()));
    charts.push_back({{"kind", "timeline"}, {"canvas", "chart-timeline"}, {"kinds", kinds}, {"points", points},
                      {"events", events}, {"min", lo}, {"max", hi}, {"windows", windows}});
    o << "<table><tr><th class='l'>at (JST)</th><th class='l'>event</th><th class='l'>kind</th><th class='l'>what</th></tr>";
    for (const auto& e : r["timeline"])
      o << "<tr><td class='l'>" << esc(e["at"].get<std::string>()) << "</td><td class='l'>" << esc(e["id"].get<std::string>())
        << "</td><td class='l'>" << term("timeline_change", e["kind"].get<std::string>()) << "</td><td class='l'>"
        << esc(e["what"].get<std::string>()) << "</td></tr>";
    o << "</table>";
  }
  if (r.contains("faults") && !r["faults"].empty()) { // issue 9: network and host faults
    o << "<h2 id='faults'><span class='ja'>障害</span> Network and host faults</h2>"
      << "<p>Per fault: the exchanges whose life overlapped its window, what became of them, and the messages it "
         "lost.</p><table><tr><th class='l'>fault</th><th class='l'>kind</th><th class='l'>target</th>"
         "<th class='l'>from (JST)</th><th class='l'>until (JST)</th><th>exchanges</th><th>timed out</th>"
         "<th>unreachable</th><th>retried</th><th>delayed</th><th>lost in flight</th><th>failed sends</th></tr>";
    for (const auto& [id, f] : r["faults"].items())
      o << "<tr><td class='l'>" << esc(id) << "</td><td class='l'>" << esc(f["kind"].get<std::string>())
        << "</td><td class='l'>" << esc(f["target"].get<std::string>()) << "</td><td class='l'>"
        << esc(f["from"].get<std::string>()) << "</td><td class='l'>" << esc(f["until"].get<std::string>()) << "</td><td>"
        << f["exchanges"].get<uint64_t>() << "</td><td>" << f["timed_out"].get<uint64_t>() << "</td><td>"
        << f["unreachable"].get<uint64_t>() << "</td><td>" << f["retried"].get<uint64_t>() << "</td><td>"
        << f["delayed"].get<uint64_t>() << "</td><td>" << f["lost_in_flight"].get<uint64_t>() << "</td><td>"
        << f["failed_sends"].get<uint64_t>() << "</td></tr>";
    o << "</table>";
  }
  // issue 9: connection restrictions (接続規制), when the scenario has any
  if (r.contains("restrictions")) {
    const ojson& rs = r["restrictions"];
    o << "<h2 id='restrictions'><span class='ja'>接続規制</span> Connection restrictions</h2>"
      << "<p>Exchanges the hub refused because the operator restricted the requester's or the provider's connection "
         "(outcome <code>restricted</code>), per restriction; refused outside every window: "
      << rs["outside"].get<uint64_t>() << ".</p>"
      << "<table><tr><th class='l'>restriction</th><th class='l'>agency</th><th class='l'>from (JST)</th>"
         "<th class='l'>until (JST)</th><th>refused</th><th>first refusal (s)</th><th>last refusal (s)</th></tr>";
    auto secs = [](const ojson& v) { return v.is_null() ? std::string("–") : fmt("%.3f", v.get<double>()); };
    for (auto it = rs["events"].begin(); it != rs["events"].end(); ++it) {
      const ojson& e = it.value();
      o << "<tr><td class='l'>" << esc(it.key()) << "</td><td class='l'>" << esc(e["agency"].get<std::string>())
        << "</td><td class='l'>" << esc(e["from"].get<std::string>()) << "</td><td class='l'>"
        << (e["until"].is_null() ? std::string("end of run") : esc(e["until"].get<std::string>())) << "</td><td>"
        << e["refused"].get<uint64_t>() << "</td><td>" << secs(e["first_s"]) << "</td><td>" << secs(e["last_s"])
        << "</td></tr>";
    }
    o << "</table>";
  }
  o << cycle_html(r);
  o << verification_html(r);
  o << identity_injects_html(r); // issue 9: cases 2 and 3
  o << drills_html(r, charts); // annual notification drills (訓練)
  o << incidents_html(r); // issue 9
  o << "<h2><span class='ja'>応答時間</span> Latency</h2>";
  const std::pair<const Histogram*, const char*> series[] = {
      {&c.latency.end_to_end_immediate(), "immediate"}, {&c.latency.end_to_end_batch(), "batch"}};
  for (const auto& [h, mode] : series) {
    if (h->count() == 0)
      continue;
    const std::string id = std::string("chart-cdf-") + mode;
    o << "<h3>End to end, " << term("mode", mode) << " queries: cumulative distribution (n=" << thousands(h->count())
      << ")</h3>";
    canvas(id, std::string("cumulative latency of ") + mode + " queries");
    charts.push_back({{"kind", "cdf"}, {"canvas", id}, {"label", both("mode", mode)}, {"points", cdf_points(*h)}});
  }
  {
    ojson labels = ojson::array(), p50 = ojson::array(), p95 = ojson::array();
    for (auto it = r["latency"]["hops"].begin(); it != r["latency"]["hops"].end(); ++it) {
      if (it.value()[LATENCY_STATS[shape::COUNT]].get<uint64_t>() == 0)
        continue;
      labels.push_back(both("hop", it.key()));
      p50.push_back(std::max(it.value()[LATENCY_STATS[shape::P50_MS]].get<double>(), 1e-3));
      p95.push_back(std::max(it.value()[LATENCY_STATS[shape::P95_MS]].get<double>(), 1e-3));
    }
    if (!labels.empty()) {
      o << "<h3><span class='ja'>区間別</span> Per hop: p50 and p95</h3>";
      canvas("chart-hops", "latency per hop", 380);
      charts.push_back({{"kind", "hops"}, {"canvas", "chart-hops"}, {"labels", labels}, {"p50", p50}, {"p95", p95}});
    }
  }
  o << "<table><tr><th class='l'>hop 区間</th><th>count</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>";
  for (auto it = r["latency"]["hops"].begin(); it != r["latency"]["hops"].end(); ++it)
    o << "<tr><td class='l'>" << term("hop", it.key()) << "</td><td>"
      << thousands(it.value()[LATENCY_STATS[shape::COUNT]].get<uint64_t>()) << "</td><td>"
      << human_ms(it.value()[LATENCY_STATS[shape::P50_MS]].get<double>()) << "</td><td>"
      << human_ms(it.value()[LATENCY_STATS[shape::P95_MS]].get<double>()) << "</td><td>"
      << human_ms(it.value()[LATENCY_STATS[shape::P99_MS]].get<double>()) << "</td><td>"
      << human_ms(it.value()[LATENCY_STATS[shape::MAX_MS]].get<double>()) << "</td></tr>";
  o << "</table><h2><span class='ja'>サーバー</span> Servers</h2><table><tr><th class='l'>site</th><th class='l'>kind</th>"
    << "<th>workers</th><th>messages</th><th>utilisation</th><th>mean wait</th><th>max wait</th></tr>";
  for (auto it = r["servers"].begin(); it != r["servers"].end(); ++it)
    o << "<tr><td class='l'>" << esc(it.key()) << "</td><td class='l'>" << term("site_kind", it.value()["kind"].get<std::string>())
      << "</td><td>" << it.value()["workers"].get<unsigned>() << "</td><td>"
      << thousands(it.value()[SERVER_FIELDS[shape::MESSAGES]].get<uint64_t>()) << "</td><td>"
      << num(it.value()[SERVER_FIELDS[shape::UTILISATION]].get<double>(), "%.3f") << "</td><td>"
      << human_ms(it.value()[SERVER_FIELDS[shape::MEAN_WAIT_MS]].get<double>()) << "</td><td>"
      << human_ms(it.value()[SERVER_FIELDS[shape::MAX_WAIT_MS]].get<double>()) << "</td></tr>";
  o << "</table><p class='legend'>Generated by linksim from result.json; exchanges.csv has one row per exchange.</p>";
  // A JST date-time and its simulated second: the timeline chart's dates are counted from it.
  ojson meta = {{"charts", notice.empty() ? charts : ojson::array()}};
  if (!r["timeline"].empty()) {
    meta["origin"]   = r["timeline"][0]["at"];
    meta["origin_t"] = r["timeline"][0]["t_s"];
  }
  o << chart_render(meta) << "</body></html>\n";
  return o.str();
}

} // namespace linksim
