// report.html's section on the annual notification drills (訓練, result.json /drills): per drill
// the post and its times (MTTD / MTTA / MTTR apart), the reach, the acknowledgement curve (the
// cumulative share of targeted agencies that acknowledged, against hours since the post), the
// table per agency kind and the stragglers.
#include "harness/results/Format.hpp"
#include "harness/results/Results.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace linksim {

std::string drills_html(const ojson& r, ojson& charts)
{
  if (!r.contains("drills") || r["drills"].empty())
    return "";
  std::ostringstream o;
  auto text = [](const ojson& x) {
    if (x.is_null())
      return std::string("—");
    return x.is_string() ? xml_escape(x.get<std::string>()) : xml_escape(x.dump());
  };
  auto pct = [](const ojson& x) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(1);
    s << x.get<double>() * 100 << " %";
    return s.str();
  };
  o << "<h2 id='drills'><span class='ja'>訓練</span> Annual notification drills</h2>"
       "<p class='legend'>MTTD: the simulated incident's occurrence → the operator's post (the drill's own); MTTA: "
       "mean time from the post to an agency's acknowledgement (measured); MTTR: occurrence → resolution (the drill's "
       "own). Reach: acknowledged / targeted.</p>";
  int n = 0;
  for (auto it = r["drills"].begin(); it != r["drills"].end(); ++it, ++n) {
    const std::string& id = it.key();
    const ojson& d        = it.value();
    const ojson& t        = d["time_to_ack_minutes"];
    o << "<h3>Drill " << xml_escape(id) << " · category " << text(d["category"]) << "</h3><p>Occurred "
      << text(d["occurred"]) << " · posted " << text(d["posted"]) << " · resolved " << text(d["resolved"])
      << " · closes " << text(d["cutoff"]) << ".<br>MTTD " << text(d["mttd_minutes"]) << " min · MTTA "
      << text(d["mtta_minutes"]) << " min · MTTR " << text(d["mttr_minutes"]) << " min.<br><b>Reach " << pct(d["reach"])
      << "</b>: " << text(d["acknowledged"]) << " of " << text(d["targeted"]) << " agencies acknowledged; "
      << text(d["reached"]) << " reached by mail, " << text(d["stale_contacts"]) << " stale contacts, "
      << text(d["not_reached_by_cutoff"]) << " mails after the cutoff, " << text(d["no_ack_by_cutoff"])
      << " reached but no acknowledgement by the cutoff. Time to acknowledge (min): p50 " << text(t["p50"]) << ", p90 "
      << text(t["p90"]) << ", p95 " << text(t["p95"]) << ", max " << text(t["max"]) << ".</p>";
    // The acknowledgement curve: one point per acknowledgement.
    std::vector<double> mins;
    for (auto a = d["agencies"].begin(); a != d["agencies"].end(); ++a)
      if (a.value()["minutes"].is_number())
        mins.push_back(a.value()["minutes"].get<double>());
    std::sort(mins.begin(), mins.end());
    const double targeted = d["targeted"].get<double>();
    ojson points = ojson::array({{{"x", 0}, {"y", 0}}});
    for (size_t k = 0; k < mins.size(); ++k)
      points.push_back({{"x", std::round(mins[k] / 60 * 1000) / 1000},
                        {"y", std::round(static_cast<double>(k + 1) / targeted * 10000) / 100}});
    const std::string canvas = "chart-drill-" + std::to_string(n);
    o << "<div class='chart' style='height:300px'><canvas id='" << canvas
      << "' role='img' aria-label='acknowledgement curve of drill " << xml_escape(id) << "'></canvas></div>";
    charts.push_back({{"kind", "ackcurve"}, {"canvas", canvas}, {"label", "drill " + id + " 訓練"}, {"points", points}});
    o << "<table><tr><th class='l'>agency kind</th><th>targeted</th><th>reached</th><th>acknowledged</th><th>reach</th>"
         "<th>stale contacts</th><th>no ack by cutoff</th><th>p50 (min)</th><th>p90 (min)</th><th>p95 (min)</th>"
         "<th>max (min)</th></tr>";
    for (auto k = d["by_kind"].begin(); k != d["by_kind"].end(); ++k) {
      const ojson& g  = k.value();
      const ojson& gt = g["time_to_ack_minutes"];
      o << "<tr><td class='l'>" << xml_escape(k.key()) << "</td><td>" << text(g["targeted"]) << "</td><td>"
        << text(g["reached"]) << "</td><td>" << text(g["acknowledged"]) << "</td><td>" << pct(g["reach"]) << "</td><td>"
        << text(g["stale_contacts"]) << "</td><td>" << text(g["no_ack_by_cutoff"]) << "</td><td>" << text(gt["p50"])
        << "</td><td>" << text(gt["p90"]) << "</td><td>" << text(gt["p95"]) << "</td><td>" << text(gt["max"])
        << "</td></tr>";
    }
    o << "</table>";
    const ojson& s = d["stragglers"];
    if (!s["last"].empty()) {
      o << "<p>The last to acknowledge:</p><table><tr><th class='l'>agency</th><th class='l'>kind</th>"
           "<th class='l'>acknowledged at</th><th>minutes after the post</th></tr>";
      for (const ojson& a : s["last"])
        o << "<tr><td class='l'>" << text(a["agency"]) << "</td><td class='l'>" << text(a["kind"]) << "</td><td class='l'>"
          << text(a["acknowledged_at"]) << "</td><td>" << text(a["minutes"]) << "</td></tr>";
      o << "</table>";
    }
    if (!s["never"].empty()) {
      o << "<details><summary>" << s["never"].size()
        << " agencies never acknowledged</summary><table><tr><th class='l'>agency</th><th class='l'>kind</th>"
           "<th class='l'>why</th></tr>";
      for (const ojson& a : s["never"])
        o << "<tr><td class='l'>" << text(a["agency"]) << "</td><td class='l'>" << text(a["kind"]) << "</td><td class='l'>"
          << text(a["why"]) << "</td></tr>";
      o << "</table></details>";
    }
  }
  return o.str();
}

} // namespace linksim
