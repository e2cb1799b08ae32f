// report.html's table of the identity incidents injected on the timeline (issue 9, cases 2 and 3;
// result.json /identity_injects): per inject its kind and sub-case, agency, window, persons,
// exchanges about them and how many the oracle caught (wrong_person, code_deleted), when first
// and last, and for a deletion cascade the holders whose codes died.
#include "harness/results/Format.hpp"
#include "harness/results/Results.hpp"

#include <sstream>

namespace linksim {

std::string identity_injects_html(const ojson& r)
{
  if (!r.contains("identity_injects") || r["identity_injects"].empty())
    return "";
  auto text = [](const ojson& x) {
    if (x.is_null())
      return std::string("—");
    return x.is_string() ? xml_escape(x.get<std::string>()) : xml_escape(x.dump());
  };
  std::ostringstream o;
  o << "<h2><span class='ja'>住基事務処理誤り・ひも付け誤り</span> Identity incidents injected</h2>"
    << "<p>Seed cases 2 (a person given another's resident code, 住民票コード) and 3 (個人番号 ↔ 宛名番号 swap). "
       "Affected: exchanges about the inject's persons that the oracle classed wrong_person or code_deleted; "
       "holders hit: agencies holding a code derived from a physically deleted code (sub-case ④).</p>";
  o << "<table><tr><th class='l'>inject</th><th class='l'>kind · sub-case</th><th class='l'>agency</th>"
       "<th class='l'>at</th><th class='l'>fixed</th><th class='l'>persons (A, B)</th><th>exchanges</th>"
       "<th>wrong_person</th><th>code_deleted</th><th>before at</th><th class='l'>first affected</th>"
       "<th class='l'>last affected</th><th>holders hit</th><th>holders refused</th></tr>";
  for (auto it = r["identity_injects"].begin(); it != r["identity_injects"].end(); ++it) {
    const ojson& v = it.value();
    std::string persons;
    size_t shown = 0;
    for (const ojson& p : v["pairs"]) {
      if (shown++ == 5) {
        persons += " … (" + std::to_string(v["pairs"].size()) + " pairs)";
        break;
      }
      persons += (persons.empty() ? "" : ", ") + p.dump();
    }
    const uint64_t before = v["affected_before_at"].get<uint64_t>();
    o << "<tr><td class='l'>" << xml_escape(it.key()) << "</td><td class='l'>" << text(v["kind"])
      << (v.contains("subcase") ? " · " + text(v["subcase"]) : std::string()) << "</td><td class='l'>"
      << text(v["agency"]) << "</td><td class='l'>" << text(v["at"]) << "</td><td class='l'>" << text(v["fixed"])
      << (v.contains("fix") ? " (" + text(v["fix"]) + ")" : std::string()) << "</td><td class='l'>"
      << xml_escape(persons) << "</td><td>" << text(v["exchanges"]) << "</td><td>" << text(v["by_class"]["wrong_person"])
      << "</td><td>" << text(v["by_class"]["code_deleted"]) << "</td><td class='" << (before ? "fail" : "pass") << "'>"
      << before << "</td><td class='l'>" << text(v["first_affected"]) << "</td><td class='l'>"
      << text(v["last_affected"]) << "</td><td>" << text(v["holders_hit"]) << "</td><td>" << text(v["holders_failed"])
      << "</td></tr>";
  }
  o << "</table>";
  return o.str();
}

} // namespace linksim
