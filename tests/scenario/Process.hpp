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
/// Reads a JSON file.
nlohmann::json read_json(const std::string& path);
std::string read_text(const std::string& path);
/// A fresh directory under the build tree for one test's outputs.
std::string fresh_dir(const std::string& name);
/// The repository root.
std::string source_dir();

} // namespace linksim::test
