// report.html's section on the revision cycle (result.json /masters and /revisions): which master
// each intermediate server ran on when (every distribution attempt, receipt and go-live), who
// misses go-live and why, and the layout versions each provider answered in around the cutover.
#include "harness/results/Format.hpp"
#include "harness/results/Results.hpp"

#include <sstream>

namespace linksim {

std::string cycle_html(const ojson& r)
{
  if (!r.contains("revisions") || r["revisions"].empty())
    return "";
  std::ostringstream o;
  auto text = [](const ojson& v) { return v.is_null() ? std::string("never") : xml_escape(v.get<std::string>()); };
  o << "<h2>Revision cycle: masters per server</h2><table><tr><th class='l'>server</th><th class='l'>revision</th>"
    << "<th class='l'>distribution attempts</th><th class='l'>received</th><th class='l'>masters in force from</th>"
    << "<th class='l'>by go-live</th></tr>";
  for (auto s = r["masters"].begin(); s != r["masters"].end(); ++s)
    for (const ojson& m : s.value()["revisions"]) {
      std::string tries;
      for (const ojson& a : m["attempts"])
        tries += (tries.empty() ? "" : "<br>") + xml_escape(a["at"].get<std::string>()) +
                 (a["delivered"].get<bool>() ? " sent" : " <span class='fail'>lost</span>");
      o << "<tr><td class='l'>" << xml_escape(s.key()) << "</td><td class='l'>" << xml_escape(m["revision"].get<std::string>())
        << "</td><td class='l'>" << (tries.empty() ? "before the run" : tries) << "</td><td class='l'>" << text(m["received_at"])
        << "</td><td class='l'>" << text(m["effective_from"]) << "</td><td class='l "
        << (m["late"].get<bool>() ? "fail'>late" : "pass'>yes") << "</td></tr>";
    }
  o << "</table>";
  for (auto it = r["revisions"].begin(); it != r["revisions"].end(); ++it) {
    const ojson& rev = it.value();
    o << "<h3>" << xml_escape(it.key()) << " (" << xml_escape(rev["kind"].get<std::string>()) << "): distribution "
      << xml_escape(rev["distribution"].get<std::string>()) << ", go-live " << xml_escape(rev["go_live"].get<std::string>())
      << "</h3><p>" << rev["agencies"].size() << " agencies take part; " << rev["missing_go_live"].get<size_t>()
      << " miss go-live.</p>";
    if (rev["missing_go_live"].get<size_t>() > 0) {
      o << "<table><tr><th class='l'>agency</th><th class='l'>why</th><th class='l'>ready</th><th class='l'>first correct "
           "exchange after go-live</th></tr>";
      for (const ojson& id : rev["agencies_missing"]) {
        const ojson& a = rev["agencies"][id.get<std::string>()];
        std::string why, first;
        for (const ojson& w : a["why"])
          why += (why.empty() ? "" : ", ") + w.get<std::string>();
        for (auto f = a["first_correct"].begin(); f != a["first_correct"].end(); ++f)
          first += (first.empty() ? "" : "<br>") + xml_escape(f.key()) + ": " + text(f.value());
        o << "<tr><td class='l'>" << xml_escape(id.get<std::string>()) << "</td><td class='l fail'>" << xml_escape(why)
          << "</td><td class='l'>" << xml_escape(a["ready_at"].get<std::string>()) << "</td><td class='l'>" << first
          << "</td></tr>";
      }
      o << "</table>";
    }
    o << "<table><tr><th class='l'>layout</th><th class='l'>new version</th><th class='l'>provider</th>"
      << "<th class='l'>versions answered, week before go-live</th><th class='l'>two weeks after</th></tr>";
    for (auto l = rev["layout_use"].begin(); l != rev["layout_use"].end(); ++l)
      for (auto p = l.value()["providers"].begin(); p != l.value()["providers"].end(); ++p) {
        auto counts = [](const ojson& c) {
          std::string s;
          for (auto v = c.begin(); v != c.end(); ++v)
            s += (s.empty() ? "" : ", ") + xml_escape(v.key()) + " × " + std::to_string(v.value().get<uint64_t>());
          return s.empty() ? std::string("—") : s;
        };
        o << "<tr><td class='l'>" << xml_escape(l.key()) << "</td><td class='l'>"
          << xml_escape(l.value()["version"].get<std::string>()) << "</td><td class='l'>" << xml_escape(p.key())
          << "</td><td class='l'>" << counts(p.value()["before"]) << "</td><td class='l'>" << counts(p.value()["after"])
          << "</td></tr>";
      }
    o << "</table>";
  }
  return o.str();
}

} // namespace linksim
