// report.html's section on the verification environment (result.json /verification): the test
// queue per agency (applied, approved, slot and wait, tested until, completion report, by go-live
// or not), slot utilisation, new connections that went live untested, and the inter-agency test
// matrix (per agency pair and procedure: V / P / F / not run, from the interagency test cases).
#include "harness/results/Format.hpp"
#include "harness/results/Results.hpp"

#include <algorithm>
#include <sstream>

namespace linksim {

std::string verification_html(const ojson& r)
{
  if (!r.contains("verification"))
    return "";
  const ojson& v = r["verification"];
  std::ostringstream o;
  auto text = [](const ojson& x) {
    if (x.is_null())
      return std::string("—");
    return x.is_string() ? xml_escape(x.get<std::string>()) : xml_escape(x.dump());
  };
  o << "<h2>接続検証環境 verification environment · 機関間試験 inter-agency test</h2><p>Masters of revision "
    << text(v["revision"]) << " (in force as of its go-live " << text(v["go_live"]) << "); window " << text(v["opens"])
    << " → " << text(v["closes"]) << "; " << text(v["slots"]) << " slots of " << text(v["test_days"])
    << " days. " << text(v["agencies_testing"]) << " agencies test; <span class='pass'>"
    << text(v["completed_before_go_live"]) << " complete before go-live</span>, <span class='"
    << (v["missing_go_live"].get<size_t>() ? "fail" : "pass") << "'>" << text(v["missing_go_live"])
    << " do not</span>. Slot utilisation " << text(v["slot_utilisation"]) << "; wait for a slot: mean "
    << text(v["mean_wait_days"]) << " days, max " << text(v["max_wait_days"]) << " days.</p>";
  if (!v["agencies_missing"].empty()) {
    std::string names;
    for (const ojson& n : v["agencies_missing"])
      names += (names.empty() ? "" : ", ") + xml_escape(n.get<std::string>());
    o << "<p class='fail'>Miss go-live: " << names << "</p>";
  }
  o << "<table><tr><th>#</th><th class='l'>agency</th><th class='l'>利用申請 applied</th><th class='l'>approved</th>"
       "<th class='l'>slot from</th><th>wait (days)</th><th class='l'>tested until</th><th class='l'>完了報告 reported</th>"
       "<th class='l'>by go-live</th><th class='l'>new connection</th></tr>";
  for (auto it = v["agencies"].begin(); it != v["agencies"].end(); ++it) {
    const ojson& a  = it.value();
    const bool ok   = a["before_go_live"].get<bool>();
    o << "<tr><td>" << text(a["queue_position"]) << "</td><td class='l'>" << xml_escape(it.key()) << "</td><td class='l'>"
      << text(a["applied_at"]) << "</td><td class='l'>" << text(a["approved_at"]) << "</td><td class='l'>"
      << text(a["slot_at"]) << "</td><td>" << text(a["wait_days"]) << "</td><td class='l'>" << text(a["tested_until"])
      << "</td><td class='l'>" << text(a["reported_at"]) << "</td><td class='l " << (ok ? "pass'>yes" : "fail'>no: ")
      << (ok ? "" : text(a["why"])) << "</td><td class='l'>" << (a["new_connection"].get<bool>() ? "yes" : "") << "</td></tr>";
  }
  o << "</table>";
  if (v.contains("matrix") && !v["matrix"].empty()) {
    // The Gazelle matrix: rows agency pairs, columns procedures.
    std::vector<std::string> procs;
    for (auto it = v["matrix"].begin(); it != v["matrix"].end(); ++it)
      for (auto p = it.value().begin(); p != it.value().end(); ++p)
        if (std::find(procs.begin(), procs.end(), p.key()) == procs.end())
          procs.push_back(p.key());
    o << "<h3>機関間試験 test matrix (Gazelle: V verified, P partially verified, F failed)</h3><table><tr>"
         "<th class='l'>requester → provider</th>";
    for (const std::string& p : procs)
      o << "<th>" << xml_escape(p) << "</th>";
    o << "</tr>";
    for (auto it = v["matrix"].begin(); it != v["matrix"].end(); ++it) {
      o << "<tr><td class='l'>" << xml_escape(it.key()) << "</td>";
      for (const std::string& p : procs) {
        const std::string g = it.value().contains(p) ? it.value()[p].get<std::string>() : "";
        o << "<td class='" << (g == "V" ? "pass" : g == "F" || g == "P" ? "fail" : "") << "'>" << xml_escape(g.empty() ? "—" : g)
          << "</td>";
      }
      o << "</tr>";
    }
    o << "</table>";
  }
  if (!v["new_connections"].empty()) {
    o << "<h3>New connections (新規接続): the inter-agency test is mandatory</h3><table><tr><th class='l'>agency</th>"
         "<th class='l'>production linkage from</th><th class='l'>test reported</th><th class='l'>verdict</th></tr>";
    for (auto it = v["new_connections"].begin(); it != v["new_connections"].end(); ++it) {
      const ojson& a = it.value();
      const bool bad = a["untested_at_start"].get<int>() != 0;
      o << "<tr><td class='l'>" << xml_escape(it.key()) << "</td><td class='l'>" << text(a["production_start"])
        << "</td><td class='l'>" << text(a["test_reported_at"]) << "</td><td class='l "
        << (bad ? "fail'>started production linkage untested" : "pass'>tested first") << "</td></tr>";
    }
    o << "</table>";
  }
  return o.str();
}

} // namespace linksim

namespace linksim {

std::string verification_junit(const std::string& scenario, const ojson& r)
{
  if (!r.contains("verification"))
    return "";
  const ojson& v = r["verification"];
  auto text      = [](const ojson& x) { return x.is_null() ? std::string("never") : x.is_string() ? x.get<std::string>() : x.dump(); };
  std::ostringstream o;
  // Informational: the queue's outcome per agency, as properties. Whether missing go-live fails
  // the run is for the scenario's checks (/verification/...) to say, so no <failure> here.
  o << "  <testsuite name=\"" << xml_escape(scenario) << ".verification\" tests=\"" << v["agencies"].size()
    << "\" failures=\"0\" skipped=\"0\">\n";
  for (auto it = v["agencies"].begin(); it != v["agencies"].end(); ++it) {
    const ojson& a = it.value();
    o << "    <testcase classname=\"linksim." << xml_escape(scenario) << ".verification\" name=\"機関間試験 inter-agency test: "
      << xml_escape(it.key()) << "\"><properties>";
    for (const char* k : {"applied_at", "approved_at", "slot_at", "wait_days", "tested_until", "reported_at", "before_go_live"})
      o << "<property name=\"" << k << "\" value=\"" << xml_escape(text(a[k])) << "\"/>";
    o << "</properties><system-out>" << xml_escape(it.key())
      << (a["before_go_live"].get<bool>() ? " completes its inter-agency test before go-live"
                                          : " does not complete its inter-agency test before go-live (" + text(a["why"]) + ")")
      << "</system-out></testcase>\n";
  }
  o << "  </testsuite>\n";
  return o.str();
}

} // namespace linksim
