#include "harness/results/Format.hpp"
#include "harness/results/Results.hpp"

#include <cstdio>
#include <sstream>

namespace linksim {

std::string junit_xml(const Scenario& sc, const std::vector<CheckResult>& checks, double wall_s, const ojson& result)
{
  const JUnitSuite cases = junit_test_cases(sc, result); // issue 8: a suite of its own
  size_t failures = 0, skipped = 0;
  for (const CheckResult& c : checks) {
    failures += c.verdict == "fail";
    skipped += c.verdict == "inconclusive";
  }
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"linksim\" tests=\""
    << checks.size() + cases.tests << "\" failures=\"" << failures + cases.failures << "\" skipped=\"" << skipped << "\">\n";
  o << "  <testsuite name=\"" << xml_escape(sc.name) << "\" tests=\"" << checks.size() << "\" failures=\"" << failures
    << "\" skipped=\"" << skipped << "\" time=\"" << fmt("%.3f", wall_s) << "\">\n";
  for (const CheckResult& c : checks) {
    o << "    <testcase classname=\"linksim." << xml_escape(sc.name) << "." << CHECK_KINDS.name(c.kind) << "\" name=\"" << xml_escape(c.name)
      << "\">";
    const std::string detail = c.metric + (c.per.empty() ? "" : " / " + c.per) + " = " +
                               (c.has_value ? fmt("%g", c.value) : std::string("n/a")) +
                               (c.has_min ? "; min " + fmt("%g", c.min) : "") + (c.has_max ? "; max " + fmt("%g", c.max) : "") +
                               (c.note.empty() ? "" : "; " + c.note);
    if (c.verdict == "fail")
      o << "<failure message=\"" << xml_escape(detail) << "\"/>";
    else if (c.verdict == "inconclusive")
      o << "<skipped message=\"" << xml_escape(detail) << "\"/>";
    o << "</testcase>\n";
  }
  o << "  </testsuite>\n" << cases.xml << "</testsuites>\n";
  return o.str();
}

} // namespace linksim
