// Exit codes (design.md §5) and the typed errors main() maps to them.
#pragma once

#include "sim/scenario/EnumTable.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace linksim {

enum ExitCode : int {
  EXIT_PASS         = 0,   ///< all checks passed
  EXIT_CORRECTNESS  = 1,   ///< a correctness check failed (or data reached an unentitled requester, or an exchange mixed a test person and a real one)
  EXIT_LATENCY      = 2,   ///< a latency / SLO check failed
  EXIT_INCONCLUSIVE = 3,   ///< a check could not be evaluated (e.g. no samples)
  EXIT_USAGE        = 4,   ///< scenario or usage error
  EXIT_NOTHING      = 5,   ///< nothing was checked
  EXIT_INTERNAL     = 70,  ///< a bug in linksim (deadlock, broken invariant); never expected
  EXIT_SIGINT       = 130, ///< interrupted (SIGINT, Ctrl-C): no complete result
  EXIT_SIGTERM      = 143  ///< terminated (SIGTERM): no complete result
};

/// The exit codes: a short meaning (result.json's verdict) and a help line (--help, the README).
inline constexpr auto EXIT_CODES = enum_table<ExitCode>(
    "exit_code",
    "exit codes of linksim (design.md §5)",
    {{EXIT_PASS, "all checks passed", "all checks passed"},
     {EXIT_CORRECTNESS, "a correctness check failed",
      "a correctness check failed (or a test case failed or was partially verified), or a requester received data it "
      "is not entitled to, or an exchange mixed a test person and a real one (test_mixed)"},
     {EXIT_LATENCY, "a latency/SLO check failed", "a latency/SLO check failed (and no correctness check did)"},
     {EXIT_INCONCLUSIVE, "inconclusive", "inconclusive: a check could not be evaluated (no samples), or a test case's exchange never finished"},
     {EXIT_USAGE, "scenario or usage error", "scenario or usage error (nothing was run)"},
     {EXIT_NOTHING, "nothing was checked", "nothing was checked (the scenario has no `expect` checks and no test cases)"},
     {EXIT_INTERNAL, "internal error", "internal error (a bug in linksim: deadlock, broken invariant)"},
     {EXIT_SIGINT, "interrupted", "interrupted by SIGINT (Ctrl-C): the run stopped, no complete result was written"},
     {EXIT_SIGTERM, "terminated", "terminated by SIGTERM: the run stopped, no complete result was written"}});

/// One or more problems in a scenario file; each message is complete
/// ("error: FILE: /json/pointer: what was expected").
struct ScenarioError : std::runtime_error {
  explicit ScenarioError(std::vector<std::string> msgs)
      : std::runtime_error(msgs.empty() ? "scenario error" : msgs.front()), messages(std::move(msgs))
  {
  }
  std::vector<std::string> messages;
};

/// Wrong command line, unwritable output directory, ...
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// A broken invariant inside linksim.
struct InternalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

} // namespace linksim
