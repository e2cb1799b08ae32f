// Signals: SIGINT (Ctrl-C) and SIGTERM stop linksim with exit codes 130 and 143 and a message on
// stderr, never with a half-written result that looks complete.
#pragma once

#include <string>
#include <vector>

namespace linksim {

/// For `linksim run`: on SIGINT/SIGTERM, print "linksim: interrupted ..." on stderr, remove
/// `unfinished` (outputs being written; async-signal-safe unlink), and exit at once with
/// 130/143. The simulation stops where it is: nothing more is written.
void stop_run_on_signals(const std::vector<std::string>& unfinished, const std::string& what);

/// After the result is complete: SIGINT and SIGTERM act as by default again (nothing to clean up,
/// and no false "no complete result" message).
void default_signals();

/// The exit code for a signal: 130 (SIGINT), 143 (SIGTERM).
int exit_code_for_signal(int sig);

} // namespace linksim
