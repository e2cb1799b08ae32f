#include "harness/Errors.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/results/Results.hpp"

namespace linksim {

std::vector<CheckResult> evaluate_checks(const Scenario& sc, const ojson& result)
{
  std::vector<CheckResult> out;
  auto lookup = [&result](const std::string& ptr, double& v, std::string& note) {
    try {
      const ojson& j = result.at(ojson::json_pointer(ptr));
      if (!j.is_number()) {
        note = ptr + " is not a number";
        return false;
      }
      v = j.get<double>();
      // A latency statistic over no samples is not a measurement.
      if (ptr.rfind("/latency/", 0) == 0 && ptr.size() > 6) {
        const std::string parent = ptr.substr(0, ptr.rfind('/'));
        const std::string& count = LATENCY_STATS[shape::COUNT];
        if (ptr.substr(ptr.rfind('/') + 1) != count && result.at(ojson::json_pointer(parent + "/" + count)).get<uint64_t>() == 0) {
          note = "no samples for " + parent;
          return false;
        }
      }
      return true;
    } catch (const std::exception&) {
      note = ptr + " is not in the result";
      return false;
    }
  };
  for (const Check& c : sc.checks) {
    CheckResult r;
    r.name    = c.name;
    r.metric  = c.metric;
    r.per     = c.per;
    r.kind    = c.kind;
    r.has_min = c.has_min;
    r.has_max = c.has_max;
    r.min     = c.min;
    r.max     = c.max;
    double v = 0, d = 1;
    if (!lookup(c.metric, v, r.note) || (!c.per.empty() && !lookup(c.per, d, r.note))) {
      r.verdict = CheckVerdict::INCONCLUSIVE;
    } else if (!c.per.empty() && d == 0) {
      r.verdict = CheckVerdict::INCONCLUSIVE;
      r.note    = c.per + " is 0";
    } else {
      r.has_value = true;
      r.value     = c.per.empty() ? v : v / d;
      const bool ok = (!c.has_min || r.value >= c.min) && (!c.has_max || r.value <= c.max);
      r.verdict     = ok ? CheckVerdict::PASS : CheckVerdict::FAIL;
    }
    out.push_back(r);
  }
  // A built-in check: `metric` must be 0; above it the check gets `verdict_over` (and `note`).
  auto builtin = [&](const char* name, const std::string& metric, CheckVerdict verdict_over, const char* note) {
    CheckResult r;
    r.name      = name;
    r.metric    = metric;
    r.kind      = CheckKind::CORRECTNESS;
    r.builtin   = true;
    r.has_max   = true;
    r.max       = 0;
    r.has_value = true;
    r.value     = result.at(ojson::json_pointer(metric)).get<double>();
    r.verdict   = r.value <= 0 ? CheckVerdict::PASS : verdict_over;
    if (r.value > 0)
      r.note = note;
    out.push_back(r);
  };
  // The outcome classes that always fail the run (their rows name the check): nobody receives data
  // it is not entitled to, only the requester does, no exchange mixes a test person and a real one.
  for (const OutcomeRow& o : OUTCOMES.entries())
    if (*o.builtin_check)
      builtin(o.builtin_check, outcome_total_pointer(o.value), CheckVerdict::FAIL, "");
  // Test cases, when the scenario has any: a case with an exchange that came back other
  // than expected (failed, or partially verified) fails like a correctness check (exit 1); a case
  // with no such exchange but one that never finished (not run, or partly run) makes the run
  // inconclusive (exit 3), never a pass and never a failure.
  if (!sc.test_cases.empty()) {
    builtin("builtin: no test case has an exchange other than expected", "/test_cases/summary/with_failures",
            CheckVerdict::FAIL, "");
    builtin("builtin: every test case's exchanges finished", "/test_cases/summary/unfinished", CheckVerdict::INCONCLUSIVE,
            "test cases with an exchange that never finished (and none other than expected)");
  }
  return out;
}

int exit_code_for(const std::vector<CheckResult>& checks, size_t user_checks)
{
  bool corr = false, lat = false, inc = false;
  for (const CheckResult& c : checks) {
    if (c.verdict == CheckVerdict::FAIL)
      (c.kind == CheckKind::LATENCY ? lat : corr) = true;
    if (c.verdict == CheckVerdict::INCONCLUSIVE)
      inc = true;
  }
  if (corr)
    return EXIT_CORRECTNESS;
  if (lat)
    return EXIT_LATENCY;
  if (inc)
    return EXIT_INCONCLUSIVE;
  if (user_checks == 0)
    return EXIT_NOTHING;
  return EXIT_PASS;
}

} // namespace linksim
