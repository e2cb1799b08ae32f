// Results of a run (design.md §5): result.json, junit.xml, report.html and the terminal summary,
// all computed from the recorder's statistics and the checks.
#pragma once

#include "sim/model/World.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace linksim {

using ojson = nlohmann::ordered_json;

/// Facts about the run that are not in the World (set by the runner).
struct RunFacts {
  std::string linksim_version;
  std::string simgrid_version;
  std::vector<std::string> engine_config;
  double end_s          = 0; ///< simulated time at which the run ended
  size_t actors         = 0;
  size_t hosts          = 0;
  size_t links          = 0;
  uint64_t messages     = 0; ///< SimGrid communications
  // wall-clock (the only non-deterministic facts)
  double wall_s         = 0;
  double peak_rss_mib   = 0;
  double setup_wall_s   = 0;
};

/// Verdict of one check.
struct CheckResult {
  std::string name, metric, per, kind, verdict; ///< verdict: pass, fail, inconclusive
  bool builtin = false;
  bool has_value = false;
  double value   = 0;
  bool has_min = false, has_max = false;
  double min = 0, max = 0;
  std::string note;
};

/// Builds every section but `checks`, `verdict` and `wall`.
ojson build_result(World& w, const RunFacts& f);
/// Evaluates the scenario's checks (and the built-in ones) against a result.
std::vector<CheckResult> evaluate_checks(const Scenario& sc, const ojson& result);
/// Exit code for the checks (design.md §5).
int exit_code_for(const std::vector<CheckResult>& checks, size_t user_checks);
/// Adds `checks`, `verdict` and `wall` to the result.
void finish_result(ojson& result, const std::vector<CheckResult>& checks, int exit_code, const RunFacts& f,
                   uint64_t exchanges);

/// Escapes &, <, > and " for XML and HTML text and attributes.
std::string xml_escape(const std::string& s);

std::string junit_xml(const Scenario& sc, const std::vector<CheckResult>& checks, double wall_s);
std::string report_html(const Scenario& sc, const ojson& result, World& w);
std::string terminal_summary(const ojson& result, const std::vector<CheckResult>& checks, const std::string& dir,
                             int exit_code);

} // namespace linksim
