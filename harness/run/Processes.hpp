// Child processes of a command that runs many simulations (one process per run, design.md §1):
// at most J at a time, each reaped as it ends; on SIGINT or SIGTERM, the runs under way are sent
// the same signal and waited for, and no new one starts. A child never outlives its parent (it is
// sent SIGTERM if the parent dies, even of SIGKILL).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace linksim {

/// Runs every command (argv[0] a path), `parallel` at a time; `on_done(i, exit_code)` after each
/// (a child killed by a signal counts as exit 70). Returns 0, or the signal (SIGINT, SIGTERM) that
/// stopped it: then `codes` holds -1 for runs that did not finish. Throws UsageError if a process
/// cannot be started.
int run_processes(const std::vector<std::vector<std::string>>& commands, unsigned parallel,
                  const std::function<void(size_t, int)>& on_done, std::vector<int>& codes);

/// The absolute path of `program` found on PATH, or "" (a name with a '/' is returned as is if
/// executable).
std::string find_program(const std::string& program);
/// Runs one command (argv[0] a path) to its end without a shell, its stdout into `out` (stderr
/// goes to ours). Returns its exit code (a child killed by a signal: 128 + the signal). Throws
/// UsageError if it cannot be started.
int run_capture(const std::vector<std::string>& argv, std::string& out);

} // namespace linksim
