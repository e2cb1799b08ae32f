// junit.xml: one <testsuite> per run under <testsuites>, one <testcase> per check (check_testcase).
// Each testcase carries its metric, measured value and threshold as <properties> and in its
// message; a failing check on outcome classes lists the first failing exchanges of those classes
// (id, requester → provider, expected vs got). Inconclusive is a <failure type="inconclusive">,
// never <skipped>: CI shows skipped as green, while linksim exits 3.
#include "harness/results/Format.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/results/Results.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace linksim {

namespace {

/// Failing exchanges named per failing check (the rest are in exchanges.csv).
constexpr size_t EXCHANGES_PER_CHECK = 5;

std::string attr(const std::string& s) { return xml_escape(s); }

std::string threshold(const CheckResult& c)
{
  if (c.has_min && c.has_max)
    return ">= " + fmt("%g", c.min) + " and <= " + fmt("%g", c.max);
  return c.has_min ? ">= " + fmt("%g", c.min) : "<= " + fmt("%g", c.max);
}

/// The exchanges a failing outcome-class check is about: a metric /outcomes/total/<class> or
/// /outcomes/<breakdown>/<key>/<class>. A class other than `correct` over its maximum: the kept
/// exchanges of that class; `correct` under its minimum: those of every other class. Filtered by
/// the breakdown's key. Empty for other checks.
std::vector<FailingExchange> exchanges_of(const Scenario& sc, const CheckResult& c, const FailingCollector& failing)
{
  std::vector<FailingExchange> out;
  const auto seg = split_pointer(c.metric);
  if (seg.size() < 3 || seg[0] != "outcomes")
    return out;
  const auto cls = OUTCOMES.parse(seg.back());
  if (!cls)
    return out;
  const bool breakdown = seg.size() == 4;
  if (!breakdown && seg[1] != "total")
    return out;
  auto matches = [&](const FailingExchange& f) {
    if (!breakdown)
      return true;
    const std::string& key = seg[2];
    const std::string& by  = seg[1];
    if (by == "by_requester")
      return sc.agencies[f.requester].id == key;
    if (by == "by_provider")
      return sc.agencies[f.provider].id == key;
    if (by == "by_procedure")
      return sc.procedures[f.procedure].code == key;
    if (by == "by_item")
      return std::to_string(sc.layouts[f.item].number) == key;
    if (by == "by_workload")
      return sc.workload[f.workload].id == key;
    return false;
  };
  std::vector<Outcome> classes;
  if (*cls != Outcome::CORRECT && c.has_max && c.value > c.max)
    classes.push_back(*cls);
  else if (*cls == Outcome::CORRECT && c.has_min && c.value < c.min)
    for (const auto& e : OUTCOMES.entries())
      if (e.value != Outcome::CORRECT)
        classes.push_back(e.value);
  for (Outcome o : classes)
    for (const FailingExchange& f : failing.of(o))
      if (matches(f))
        out.push_back(f);
  std::sort(out.begin(), out.end(), [](const FailingExchange& a, const FailingExchange& b) { return a.id < b.id; });
  if (out.size() > EXCHANGES_PER_CHECK)
    out.resize(EXCHANGES_PER_CHECK);
  return out;
}

/// One check as a <testcase>.
std::string check_testcase(const Scenario& sc, const CheckResult& c, const FailingCollector* failing)
{
  std::ostringstream o;
  const std::string value = c.has_value ? fmt("%g", c.value) : std::string("n/a");
  o << "    <testcase classname=\"linksim." << attr(sc.name) << "." << CHECK_KINDS.name(c.kind) << "\" name=\""
    << attr(c.name) << "\">\n      <properties>\n";
  auto prop = [&o](const char* name, const std::string& v) {
    o << "        <property name=\"" << name << "\" value=\"" << attr(v) << "\"/>\n";
  };
  prop("metric", c.metric);
  if (!c.per.empty())
    prop("per", c.per);
  prop("kind", CHECK_KINDS.name(c.kind));
  prop("value", value);
  prop("threshold", threshold(c));
  if (c.has_min)
    prop("min", fmt("%g", c.min));
  if (c.has_max)
    prop("max", fmt("%g", c.max));
  prop("verdict", to_string(c.verdict));
  if (!c.note.empty())
    prop("note", c.note);
  o << "      </properties>\n";
  const std::string measured = c.metric + (c.per.empty() ? "" : " / " + c.per) + " = " + value + " (threshold " +
                               threshold(c) + ")" + (c.note.empty() ? "" : "; " + c.note);
  if (c.verdict == CheckVerdict::FAIL) {
    std::string message = "failed: " + measured, body;
    const auto list     = failing ? exchanges_of(sc, c, *failing) : std::vector<FailingExchange>{};
    if (!list.empty()) {
      message += "; first failing exchanges:";
      for (const FailingExchange& f : list) {
        const std::string got = OUTCOMES.name(f.outcome);
        message += " #" + std::to_string(f.id) + " " + sc.agencies[f.requester].id + "->" + sc.agencies[f.provider].id +
                   " expected correct, got " + got + ";";
        body += "exchange " + std::to_string(f.id) + " (workload " + sc.workload[f.workload].id + ", procedure " +
                sc.procedures[f.procedure].code + ", item " + std::to_string(sc.layouts[f.item].number) + ", " +
                MODES.name(f.batch) + ", issued " + f.issued_at + "): requester " + sc.agencies[f.requester].id +
                ", provider " + sc.agencies[f.provider].id + ": expected correct, got " + got + "\n";
      }
      message.pop_back();
      body += "(every exchange is in exchanges.csv)\n";
    }
    o << "      <failure type=\"" << CHECK_KINDS.name(c.kind) << "\" message=\"" << attr(message) << "\">" << attr(body)
      << "</failure>\n";
  } else if (c.verdict == CheckVerdict::INCONCLUSIVE) {
    o << "      <failure type=\"" << to_string(c.verdict) << "\" message=\"" << attr("inconclusive (exit 3): " + measured)
      << "\">the check could not be evaluated: " << attr(c.note.empty() ? measured : c.note) << "</failure>\n";
  } else {
    o << "      <system-out>" << attr("passed: " + measured) << "</system-out>\n";
  }
  o << "    </testcase>\n";
  return o.str();
}

} // namespace

std::string junit_xml(const Scenario& sc, const std::vector<CheckResult>& checks, double wall_s, const ojson& result,
                      const FailingCollector* failing)
{
  // Suites after the checks': the test cases, then the inter-agency test queue and its matrix.
  JUnitSuite more = junit_test_cases(sc, result);
  const JUnitSuite queue = verification_junit(sc.name, result);
  more.xml += queue.xml;
  more.tests += queue.tests;
  more.failures += queue.failures;
  size_t failures = 0;
  for (const CheckResult& c : checks)
    failures += c.verdict != CheckVerdict::PASS; // fail and inconclusive: both a <failure>
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"linksim\" tests=\"" << checks.size() + more.tests
    << "\" failures=\"" << failures + more.failures << "\" errors=\"0\" skipped=\"0\">\n";
  o << "  <testsuite name=\"" << attr(sc.name) << "\" tests=\"" << checks.size() << "\" failures=\"" << failures
    << "\" errors=\"0\" skipped=\"0\" time=\"" << fmt("%.3f", wall_s) << "\">\n";
  for (const CheckResult& c : checks)
    o << check_testcase(sc, c, failing);
  o << "  </testsuite>\n" << more.xml << "</testsuites>\n";
  return o.str();
}

} // namespace linksim
