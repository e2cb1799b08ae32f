// report.html: a self-contained page (inline SVG and CSS, no scripts, no network) with the
// verdict, the checks, the outcome matrix, the volume over time and the latency distribution.
#include "harness/results/Format.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/results/Results.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace linksim {

namespace {

std::string esc(const std::string& s) { return xml_escape(s); }
std::string num(double x, const char* f = "%g") { return fmt(f, x); }

/// Bar chart of issued (and provided) exchanges per day.
std::string volume_svg(const ojson& vol)
{
  const auto& issued   = vol["issued"];
  const auto& provided = vol["provided"];
  const auto& days     = vol["days"];
  const size_t n       = issued.size();
  if (n == 0)
    return "<p>No exchanges.</p>";
  double top = 1;
  for (const auto& v : issued)
    top = std::max(top, v.get<double>());
  const double W = 860, H = 220, L = 60, B = 30, bw = (W - L - 10) / static_cast<double>(n);
  std::ostringstream o;
  o << "<svg viewBox='0 0 " << W << " " << H + B << "' class='chart' role='img' aria-label='exchanges per day'>";
  for (int g = 0; g <= 4; ++g) {
    const double y = H - H * g / 4.0;
    o << "<line x1='" << L << "' x2='" << W << "' y1='" << y << "' y2='" << y << "' class='grid'/>";
    o << "<text x='" << L - 6 << "' y='" << y + 4 << "' class='ax' text-anchor='end'>" << num(top * g / 4, "%.0f") << "</text>";
  }
  for (size_t i = 0; i < n; ++i) {
    const double x  = L + bw * static_cast<double>(i);
    const double hi = H * issued[i].get<double>() / top;
    const double hp = H * provided[i].get<double>() / top;
    o << "<rect x='" << x + 1 << "' y='" << H - hi << "' width='" << std::max(1.0, bw - 2) << "' height='" << hi
      << "' class='issued'><title>" << days[i].get<std::string>() << ": " << issued[i].get<uint64_t>() << " issued, "
      << provided[i].get<uint64_t>() << " provided</title></rect>";
    o << "<rect x='" << x + 1 << "' y='" << H - hp << "' width='" << std::max(1.0, bw - 2) << "' height='" << hp
      << "' class='provided'/>";
    if (n <= 31 || i % (n / 12 + 1) == 0)
      o << "<text x='" << x + bw / 2 << "' y='" << H + 16 << "' class='ax' text-anchor='middle'>"
        << days[i].get<std::string>().substr(5) << "</text>";
  }
  o << "</svg><p class='legend'><span class='sw issued'></span> issued <span class='sw provided'></span> provided data</p>";
  return o.str();
}

/// Cumulative distribution of a latency histogram on a log time axis.
std::string cdf_svg(const Histogram& h, const char* label)
{
  if (h.count() == 0)
    return "";
  std::vector<std::pair<double, double>> pts; // (ms, fraction)
  for (double p = 0.5; p <= 100.0; p += 0.5)
    pts.emplace_back(std::max(h.percentile(p) * 1e3, 1e-3), p / 100);
  const double lo = std::log10(std::max(h.min() * 1e3, 1e-3)), hi = std::log10(std::max(h.max() * 1e3, 1e-3)) + 1e-9;
  const double span = std::max(hi - lo, 0.3);
  const double W = 860, H = 200, L = 60, B = 30;
  auto X = [&](double ms) { return L + (W - L - 10) * (std::log10(ms) - lo) / span; };
  std::ostringstream o;
  o << "<h3>" << label << " (n=" << h.count() << ")</h3><svg viewBox='0 0 " << W << " " << H + B
    << "' class='chart' role='img'>";
  for (int g = 0; g <= 4; ++g) {
    const double y = H - H * g / 4.0;
    o << "<line x1='" << L << "' x2='" << W << "' y1='" << y << "' y2='" << y << "' class='grid'/><text x='" << L - 6
      << "' y='" << y + 4 << "' class='ax' text-anchor='end'>" << g * 25 << "%</text>";
  }
  for (double d = std::floor(lo); d <= lo + span; d += 1) {
    if (d < lo)
      continue;
    const double ms = std::pow(10, d);
    o << "<text x='" << X(ms) << "' y='" << H + 16 << "' class='ax' text-anchor='middle'>"
      << (ms >= 1000 ? num(ms / 1000, "%g s") : num(ms, "%g ms")) << "</text>";
  }
  o << "<polyline class='cdf' points='";
  for (auto& [ms, f] : pts)
    o << X(ms) << "," << H - H * f << " ";
  o << "'/></svg>";
  return o.str();
}

} // namespace

std::string report_html(const Scenario& sc, const ojson& r, const Collectors& c)
{
  std::ostringstream o;
  const ojson& run = r["run"];
  o << "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>linksim · " << esc(sc.name) << "</title><style>"
    << "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:900px;color:#222}"
    << "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}"
    << "th{background:#f3f3f3}td.l,th.l{text-align:left}.pass{color:#176a1b;font-weight:bold}.fail{color:#b00020;font-weight:bold}"
    << ".inconclusive{color:#8a6d00;font-weight:bold}.chart{width:100%;height:auto}.grid{stroke:#e3e3e3}.ax{font-size:11px;fill:#555}"
    << ".issued{fill:#9ecae1}.provided{fill:#3182bd}.cdf{fill:none;stroke:#3182bd;stroke-width:2}"
    << ".sw{display:inline-block;width:12px;height:12px;vertical-align:middle}.sw.issued{background:#9ecae1}.sw.provided{background:#3182bd}"
    << ".legend{font-size:12px;color:#555}</style></head><body>";
  o << "<h1>linksim · " << esc(sc.name) << "</h1><p>" << esc(sc.description) << "</p>";
  o << "<p>Run <b>" << esc(run["run_id"].get<std::string>()) << "</b> · seed " << run["seed"].get<uint64_t>() << " · "
    << esc(run["start"].get<std::string>()) << " → " << esc(run["simulated_end"].get<std::string>()) << " · "
    << run["persons"].get<uint64_t>() << " persons · " << run["agencies"].get<uint64_t>() << " agencies · linksim "
    << esc(run["linksim_version"].get<std::string>()) << " on SimGrid " << esc(run["simgrid_version"].get<std::string>())
    << " (CM02)</p>";
  const ojson& v = r["verdict"];
  o << "<h2>Verdict: <span class='" << (v["exit_code"].get<int>() == 0 ? "pass" : "fail") << "'>exit "
    << v["exit_code"].get<int>() << " · " << esc(v["meaning"].get<std::string>()) << "</span></h2>";
  o << "<table><tr><th class='l'>check</th><th>value</th><th>threshold</th><th>verdict</th></tr>";
  for (const auto& ch : r["checks"])
    o << "<tr><td class='l'>" << esc(ch["name"].get<std::string>()) << "<br><small>" << esc(ch["metric"].get<std::string>())
      << "</small></td><td>" << (ch["value"].is_null() ? "n/a" : num(ch["value"].get<double>())) << "</td><td>"
      << esc(ch["threshold"].get<std::string>()) << "</td><td class='" << ch["verdict"].get<std::string>() << "'>"
      << ch["verdict"].get<std::string>() << "</td></tr>";
  o << "</table>";

  // Outcome matrix: procedures × classes that occur.
  std::vector<size_t> cols;
  const ojson& tot = r["outcomes"]["total"];
  for (size_t k = 0; k < OUTCOME_COUNT; ++k)
    if (tot[OUTCOMES.entries()[k].name].get<uint64_t>() > 0 || k == 0)
      cols.push_back(k);
  o << "<h2>Outcomes by procedure</h2><table><tr><th class='l'>procedure</th>";
  for (size_t k : cols)
    o << "<th>" << OUTCOMES.entries()[k].name << "</th>";
  o << "<th>all</th></tr>";
  auto row = [&](const std::string& label, const ojson& counts) {
    const double all = std::max(1.0, counts[COUNT_EXTRAS[shape::ALL]].get<double>());
    o << "<tr><td class='l'>" << esc(label) << "</td>";
    for (size_t k : cols) {
      const double x     = counts[OUTCOMES.entries()[k].name].get<double>();
      const double share = x / all;
      const bool good    = k == 0;
      o << "<td style='background:rgba(" << (good ? "49,130,189," : "214,39,40,") << (x > 0 ? 0.1 + 0.6 * share : 0)
        << ")'>" << num(x, "%.0f") << "</td>";
    }
    o << "<td>" << counts[COUNT_EXTRAS[shape::ALL]].get<uint64_t>() << "</td></tr>";
  };
  for (size_t i = 0; i < sc.procedures.size(); ++i)
    row(sc.procedures[i].code + " " + sc.procedures[i].name, r["outcomes"]["by_procedure"][sc.procedures[i].code]);
  row("total", tot);
  o << "</table>";

  o << "<h2>Volume per day</h2>" << volume_svg(r["volume"]);
  if (!r["timeline"].empty()) {
    o << "<h2>Timeline: dated changes applied</h2><table><tr><th class='l'>at (JST)</th><th class='l'>event</th>"
      << "<th class='l'>kind</th><th class='l'>what</th></tr>";
    for (const auto& e : r["timeline"])
      o << "<tr><td class='l'>" << esc(e["at"].get<std::string>()) << "</td><td class='l'>" << esc(e["id"].get<std::string>())
        << "</td><td class='l'>" << esc(e["kind"].get<std::string>()) << "</td><td class='l'>"
        << esc(e["what"].get<std::string>()) << "</td></tr>";
    o << "</table>";
  }
  o << cycle_html(r);
  o << test_cases_html(r); // issue 8
  o << "<h2>Latency</h2>";
  o << cdf_svg(c.latency.end_to_end_immediate(), "End to end, immediate queries (cumulative)");
  o << cdf_svg(c.latency.end_to_end_batch(), "End to end, batch queries (cumulative)");
  o << "<table><tr><th class='l'>hop</th><th>count</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th></tr>";
  for (auto it = r["latency"]["hops"].begin(); it != r["latency"]["hops"].end(); ++it)
    o << "<tr><td class='l'>" << it.key() << "</td><td>" << it.value()[LATENCY_STATS[shape::COUNT]].get<uint64_t>() << "</td><td>"
      << num(it.value()[LATENCY_STATS[shape::P50_MS]].get<double>()) << "</td><td>" << num(it.value()[LATENCY_STATS[shape::P95_MS]].get<double>()) << "</td><td>"
      << num(it.value()[LATENCY_STATS[shape::P99_MS]].get<double>()) << "</td><td>" << num(it.value()[LATENCY_STATS[shape::MAX_MS]].get<double>()) << "</td></tr>";
  o << "</table><h2>Servers</h2><table><tr><th class='l'>site</th><th>kind</th><th>workers</th><th>messages</th>"
    << "<th>utilisation</th><th>mean wait ms</th><th>max wait ms</th></tr>";
  for (auto it = r["servers"].begin(); it != r["servers"].end(); ++it)
    o << "<tr><td class='l'>" << esc(it.key()) << "</td><td>" << it.value()["kind"].get<std::string>() << "</td><td>"
      << it.value()["workers"].get<unsigned>() << "</td><td>" << it.value()[SERVER_FIELDS[shape::MESSAGES]].get<uint64_t>() << "</td><td>"
      << num(it.value()[SERVER_FIELDS[shape::UTILISATION]].get<double>(), "%.3f") << "</td><td>" << num(it.value()[SERVER_FIELDS[shape::MEAN_WAIT_MS]].get<double>())
      << "</td><td>" << num(it.value()[SERVER_FIELDS[shape::MAX_WAIT_MS]].get<double>()) << "</td></tr>";
  o << "</table><p class='legend'>Generated by linksim from result.json; exchanges.csv has one row per exchange.</p>"
    << "</body></html>\n";
  return o.str();
}

} // namespace linksim
