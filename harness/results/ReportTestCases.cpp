// report.html's section on test cases (result.json /test_cases, issue 8): one row per case with
// its grade, and the reasons of its exchanges that did not give what the case expects.
#include "harness/results/Format.hpp"
#include "harness/results/Glossary.hpp"
#include "harness/results/Results.hpp"

#include <sstream>

namespace linksim {

namespace {
/// "<span class='ja'>日本語</span> english", as elsewhere in the report.
std::string term(std::string_view table, const std::string& name)
{
  const char* j = ja(table, name);
  return *j ? "<span class='ja'>" + xml_escape(j) + "</span> " + xml_escape(name) : xml_escape(name);
}
} // namespace

std::string test_cases_html(const ojson& r)
{
  if (!r.contains("test_cases"))
    return "";
  std::ostringstream o;
  const ojson& all = r["test_cases"];
  const ojson& s   = all["summary"];
  o << "<h2>Test cases / 試験ケース</h2><p>" << s["cases"].get<uint64_t>() << " cases: " << s["verified"].get<uint64_t>()
    << " verified, " << s["partially_verified"].get<uint64_t>() << " partially verified, " << s["failed"].get<uint64_t>()
    << " failed, " << s["not_run"].get<uint64_t>() << " not run.</p>"
    << "<table><tr><th class='l'>case</th><th class='l'>title</th><th class='l'>regime</th><th class='l'>requester</th>"
    << "<th class='l'>provider</th><th>exchanges</th><th>passed</th><th class='l'>verdict</th>"
    << "<th class='l'>failing exchanges</th></tr>";
  for (auto c = all.begin(); c != all.end(); ++c) {
    if (c.key() == "summary")
      continue;
    const ojson& v            = c.value();
    const std::string verdict = v["verdict"].get<std::string>();
    std::string failing;
    for (const ojson& x : v["exchanges"])
      if (!x["pass"].get<bool>())
        failing += (failing.empty() ? "" : "<br>") + xml_escape("person " + std::to_string(x["person"].get<uint64_t>()) +
                                                                 ": " + x["reason"].get<std::string>());
    o << "<tr><td class='l'>" << xml_escape(c.key()) << "</td><td class='l'>" << xml_escape(v["title"].get<std::string>())
      << "</td><td class='l'>" << term("regime", v["regime"].get<std::string>()) << "</td><td class='l'>"
      << xml_escape(v["requester"].get<std::string>()) << "</td><td class='l'>"
      << xml_escape(v["provider"].get<std::string>()) << "</td><td>" << v["counts"]["exchanges"].get<uint64_t>()
      << "</td><td>" << v["counts"]["passed"].get<uint64_t>() << "</td><td class='l "
      << (verdict == "verified" ? "pass" : "fail") << "'>" << term("case_verdict", verdict) << "</td><td class='l'>" << failing
      << "</td></tr>";
  }
  o << "</table>";
  return o.str();
}

} // namespace linksim
