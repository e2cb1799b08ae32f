// Runs linksim in a child process (one simulation per process) and captures its output.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace linksim::test {

struct ProcessResult {
  int exit_code = -1; ///< -1: killed by a signal or timed out
  int signal    = 0;
  std::string out, err;
};

/// Runs argv (argv[0] is a path) with a timeout; stdout and stderr captured.
ProcessResult run_process(const std::vector<std::string>& argv, double timeout_s = 600);
/// Runs the linksim binary under test with these arguments.
ProcessResult run_linksim(const std::vector<std::string>& args, double timeout_s = 600);
/// A child process started without waiting for it; its stdout and stderr go to files.
struct Child {
  int pid = -1;
  std::string out_path, err_path;
};
/// Starts the linksim binary under test with these arguments.
Child start_linksim(const std::vector<std::string>& args, const std::string& dir);
/// Waits for a child (killed after `timeout_s`); its output read from its files.
ProcessResult wait_child(const Child& c, double timeout_s = 600);
/// The pids of a process's children (from /proc).
std::vector<int> children_of(int pid);
/// The process exists (and is not a zombie).
bool alive(int pid);
/// Reads a JSON file.
nlohmann::json read_json(const std::string& path);
std::string read_text(const std::string& path);
/// A fresh directory under the build tree for one test's outputs.
std::string fresh_dir(const std::string& name);
/// The repository root.
std::string source_dir();

} // namespace linksim::test
