// Exit codes (design.md §5) and the typed errors main() maps to them.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace linksim {

enum ExitCode : int {
  EXIT_PASS          = 0, ///< all checks passed
  EXIT_CORRECTNESS   = 1, ///< a correctness check failed (or data reached an unentitled requester)
  EXIT_LATENCY       = 2, ///< a latency / SLO check failed
  EXIT_INCONCLUSIVE  = 3, ///< a check could not be evaluated (e.g. no samples)
  EXIT_USAGE         = 4, ///< scenario or usage error
  EXIT_NOTHING       = 5, ///< nothing was checked
  EXIT_INTERNAL      = 70 ///< a bug in linksim (deadlock, broken invariant); never expected
};

/// The table printed by --help.
inline const char* exit_code_help()
{
  return "Exit codes:\n"
         "  0  all checks passed\n"
         "  1  a correctness check failed, or a requester received data it is not entitled to\n"
         "  2  a latency/SLO check failed (and no correctness check did)\n"
         "  3  inconclusive: a check could not be evaluated (no samples)\n"
         "  4  scenario or usage error (nothing was run)\n"
         "  5  nothing was checked (the scenario has no `expect` checks)\n"
         " 70  internal error (a bug in linksim: deadlock, broken invariant)\n";
}

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
