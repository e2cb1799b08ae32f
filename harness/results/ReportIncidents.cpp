// report.html's section on incidents and their response (issue 9; result.json /incidents): per
// incident its inject, detection, level, times to detect / contain / report / fix, wrong
// provisions before and after containment, annotations, and every action with its deadline (on
// time, late, refused). Chart shading of the incident windows is left to the report's charts.
#include "harness/results/Format.hpp"
#include "harness/results/Glossary.hpp"
#include "harness/results/Results.hpp"

#include <sstream>

namespace linksim {

std::string incidents_html(const ojson& r)
{
  if (!r.contains("incidents") || r["incidents"].empty())
    return "";
  std::ostringstream o;
  auto text = [](const ojson& x) {
    if (x.is_null())
      return std::string("—");
    if (x.is_number_float())
      return fmt("%.1f", x.get<double>());
    return x.is_string() ? xml_escape(x.get<std::string>()) : xml_escape(x.dump());
  };
  o << "<h2 id='incidents'><span class='ja'>インシデント対応</span> Incidents and their response</h2>"
    << "<table><tr><th class='l'>incident</th><th class='l'>provider</th><th>persons</th><th>level</th>"
    << "<th class='l'>detected by</th><th>detect (h)</th><th>contain (h)</th><th>report (h)</th><th>fix (h)</th>"
    << "<th>wrong before containment</th><th>wrong after</th><th>annotations done</th><th>missing</th></tr>";
  for (auto it = r["incidents"].begin(); it != r["incidents"].end(); ++it) {
    const ojson& i = it.value();
    o << "<tr><td class='l'>" << xml_escape(it.key()) << "</td><td class='l'>" << text(i["provider"]) << "</td><td>"
      << text(i["persons"]) << "</td><td>" << text(i["level"]) << "</td><td class='l'>" << text(i["detected_by"])
      << "</td><td>" << text(i["time_to_detect_h"]) << "</td><td>" << text(i["time_to_contain_h"]) << "</td><td>"
      << text(i["time_to_report_h"]) << "</td><td>" << text(i["time_to_fix_h"]) << "</td><td>"
      << text(i["wrong_before_containment"]) << "</td><td>" << text(i["wrong_after_containment"]) << "</td><td>"
      << text(i["annotations_done"]) << "</td><td class='" << (i["annotations_missing"].get<uint64_t>() ? "fail" : "pass")
      << "'>" << text(i["annotations_missing"]) << "</td></tr>";
  }
  o << "</table><p class='legend'>Hours after the inject took effect. \"wrong after\" counts wrong provisions fetched "
       "after self-restraint went on (answered before it, in flight).</p>";
  for (auto it = r["incidents"].begin(); it != r["incidents"].end(); ++it) {
    o << "<h3>" << xml_escape(it.key()) << ": actions</h3><table><tr><th class='l'>at (JST)</th><th class='l'>action</th>"
      << "<th class='l'>result</th><th class='l'>deadline</th><th class='l'>on time</th></tr>";
    for (const ojson& a : it.value()["actions"]) {
      const bool ok = a["accepted"].get<bool>();
      std::string on_time = "—", cls = "";
      if (!a["on_time"].is_null()) {
        on_time = a["on_time"].get<bool>() ? "on time" : "late";
        cls     = a["on_time"].get<bool>() ? "pass" : "fail";
      }
      o << "<tr><td class='l'>" << text(a["at"]) << "</td><td class='l'>"
        << xml_escape(std::string(ja("response_action", a["action"].get<std::string>()))) << " "
        << text(a["action"]) << "</td><td class='l " << (ok ? "pass" : "fail") << "'>"
        << (ok ? std::string("accepted") : "refused: " + text(a["reason"])) << "</td><td class='l'>" << text(a["deadline"])
        << "</td><td class='l " << cls << "'>" << on_time << "</td></tr>";
    }
    o << "</table>";
  }
  return o.str();
}

} // namespace linksim
