// Results of a run (design.md §5): result.json, junit.xml, report.html and the terminal summary,
// made from the collectors' sections and the checks.
#pragma once

#include "harness/collect/Collectors.hpp"

#include <string>
#include <vector>

namespace linksim {

/// Facts about the run that are not in the World (set by the runner).
struct RunFacts {
  std::string linksim_version;
  std::string simgrid_version;
  std::vector<std::string> engine_config;
  double end_s      = 0; ///< simulated time at which the run ended
  size_t actors     = 0;
  size_t hosts      = 0;
  size_t links      = 0;
  uint64_t messages = 0; ///< SimGrid communications
  uint64_t exchanges = 0;
  // wall-clock (the only non-deterministic facts)
  double wall_s       = 0;
  double peak_rss_mib = 0;
  double setup_wall_s = 0;
};

/// Verdict of one check.
struct CheckResult {
  std::string name, metric, per;
  CheckVerdict verdict = CheckVerdict::INCONCLUSIVE;
  CheckKind kind = CheckKind::CORRECTNESS;
  bool builtin   = false;
  bool has_value = false;
  double value   = 0;
  bool has_min = false, has_max = false;
  double min = 0, max = 0;
  std::string note;
};

/// The `run` section: what ran, on what, with which model.
ojson run_section(const World& w, const RunFacts& f);
/// Evaluates the scenario's checks (and the built-in ones) against a result.
std::vector<CheckResult> evaluate_checks(const Scenario& sc, const ojson& result);
/// Exit code for the checks (design.md §5).
int exit_code_for(const std::vector<CheckResult>& checks, size_t user_checks);
/// Adds `checks`, `verdict` and `wall` (last: the only section that differs between identical runs).
void finish_result(ojson& result, const std::vector<CheckResult>& checks, int exit_code, const RunFacts& f);

/// junit.xml: one <testcase> per check with its measured value and threshold; a failing check on
/// outcome classes names the first failing exchanges of its classes (from `failing`, when given);
/// then the test cases' <testsuite> (from result.json's /test_cases).
std::string junit_xml(const Scenario& sc, const std::vector<CheckResult>& checks, double wall_s, const ojson& result,
                      const FailingCollector* failing = nullptr);
/// junit.xml's <testsuite> of test cases (issue 8): its XML and counts (empty without test cases).
struct JUnitSuite {
  std::string xml;
  size_t tests = 0, failures = 0;
};
JUnitSuite junit_test_cases(const Scenario& sc, const ojson& result);
std::string report_html(const Scenario& sc, const ojson& result, const Collectors& c);
/// The report's section on the revision cycle (empty when the scenario has no revisions).
std::string cycle_html(const ojson& result);
/// report.html's test-case section (empty without test cases).
std::string test_cases_html(const ojson& result);
/// The terminal summary; `latency` (when given) splits the slowest hops into immediate and batch.
/// The report's section on the verification environment and the inter-agency test (empty when
/// the scenario has no `verification`).
std::string verification_html(const ojson& result);
/// issue 9: the identity incidents injected on the timeline (/identity_injects); "" when none.
std::string identity_injects_html(const ojson& result);
/// report.html's section on incidents and their response (issue 9; empty without incidents).
std::string incidents_html(const ojson& result);
/// junit.xml's <testsuite> on the inter-agency test queue, one testcase per agency with its
/// dates as properties (empty without `verification`); it goes inside <testsuites>.
JUnitSuite verification_junit(const std::string& scenario, const ojson& result);
/// report.html's section on the annual notification drills (empty without drills): per drill its
/// reach, MTTD / MTTA / MTTR, the acknowledgement curve (a chart added to `charts`, its canvas in
/// the returned HTML), the per-kind table and the stragglers.
std::string drills_html(const ojson& result, ojson& charts);
std::string terminal_summary(const ojson& result, const std::vector<CheckResult>& checks, const std::string& dir,
                             int exit_code, bool with_csv, bool with_report, const LatencyCollector* latency = nullptr);

} // namespace linksim
