// junit.xml's test cases (issue 8): one <testcase> per test case of the scenario, in a
// <testsuite> of their own, with its exchanges (expected vs got) in <properties> and
// <system-out>. Failed and partially verified cases are a <failure> naming the first failing
// exchanges; a case not run is a <failure> too ("not run: ..."), never <skipped>: CI shows
// skipped as green while linksim exits 3.
#include "harness/results/Format.hpp"
#include "harness/results/Results.hpp"

#include <sstream>

namespace linksim {

namespace {
constexpr size_t FIRST_FAILING = 5; ///< failing exchanges named in a <failure> message
}

JUnitSuite junit_test_cases(const Scenario& sc, const ojson& result)
{
  JUnitSuite s;
  if (sc.test_cases.empty() || !result.contains("test_cases"))
    return s;
  const ojson& all = result.at("test_cases");
  std::ostringstream o;
  std::ostringstream body;
  for (const TestCase& tc : sc.test_cases) {
    const ojson& c            = all.at(tc.id);
    const std::string verdict = c.at("verdict").get<std::string>();
    ++s.tests;
    body << "    <testcase classname=\"test_cases." << REGIMES.name(tc.regime) << "\" name=\""
         << xml_escape(tc.id + " " + tc.title) << "\">\n";
    body << "      <properties>\n";
    body << "        <property name=\"verdict\" value=\"" << xml_escape(verdict) << "\"/>\n";
    body << "        <property name=\"requester\" value=\"" << xml_escape(c.at("requester").get<std::string>()) << "\"/>\n";
    body << "        <property name=\"provider\" value=\"" << xml_escape(c.at("provider").get<std::string>()) << "\"/>\n";
    std::string failing;
    size_t named = 0;
    std::string out;
    for (const ojson& x : c.at("exchanges")) {
      const std::string id = x.at("id").is_null() ? "-" : std::to_string(x.at("id").get<uint64_t>());
      const std::string line = "exchange " + id + " person " + std::to_string(x.at("person").get<uint64_t>()) + " at " +
                               x.at("at").get<std::string>() + " " + c.at("requester").get<std::string>() + " -> " +
                               x.at("provider").get<std::string>() + ": expected " + x.at("expected").get<std::string>() +
                               "; got " + x.at("got").get<std::string>();
      body << "        <property name=\"exchange " << xml_escape(id) << "\" value=\""
           << xml_escape("expected " + x.at("expected").get<std::string>() + "; got " + x.at("got").get<std::string>())
           << "\"/>\n";
      out += line + (x.at("pass").get<bool>() ? " [pass]" : " [FAIL: " + x.at("reason").get<std::string>() + "]") + "\n";
      if (!x.at("pass").get<bool>() && named < FIRST_FAILING) {
        failing += (named ? "; " : "") + std::string("exchange ") + id + " (person " +
                   std::to_string(x.at("person").get<uint64_t>()) + ", " + c.at("requester").get<std::string>() + " -> " +
                   x.at("provider").get<std::string>() + "): " + x.at("reason").get<std::string>();
        ++named;
      }
    }
    body << "      </properties>\n";
    if (verdict == "not_run") {
      ++s.failures;
      body << "      <failure type=\"not_run\" message=\""
           << xml_escape("not run: no exchange of the case finished; " + failing) << "\"/>\n";
    } else if (verdict != "verified") {
      ++s.failures;
      body << "      <failure type=\"" << xml_escape(verdict) << "\" message=\"" << xml_escape(verdict + ": " + failing)
           << "\"/>\n";
    }
    body << "      <system-out>" << xml_escape(out) << "</system-out>\n";
    body << "    </testcase>\n";
  }
  o << "  <testsuite name=\"" << xml_escape(sc.name) << ".test_cases\" tests=\"" << s.tests << "\" failures=\""
    << s.failures << "\" skipped=\"0\">\n"
    << body.str() << "  </testsuite>\n";
  s.xml = o.str();
  return s;
}

} // namespace linksim
