// Runs one scenario in this process: load → World → platform → agents → SimGrid → results.
// One process runs one simulation (SimGrid's engine is a singleton).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace linksim {

struct RunOptions {
  std::string scenario;          ///< path of the scenario file
  std::optional<uint64_t> seed;  ///< overrides the scenario's seed
  std::string out_dir;           ///< empty: results/<scenario>/<run-id>
  bool quiet        = false;     ///< no progress line, no summary
  bool exchanges_csv = true;     ///< write exchanges.csv
  bool report       = true;      ///< write report.html
  std::optional<size_t> failing; ///< failing exchanges kept per outcome class (default: FailingCollector::DEFAULT_LIMIT)
};

/// Runs and returns the exit code (design.md §5). Throws ScenarioError / UsageError.
int run_scenario(const RunOptions& opts);

/// "<seed>-<first 8 hex digits of the scenario's SHA-256>": the same scenario and seed always
/// give the same run id (and, by determinism, the same result).
std::string make_run_id(uint64_t seed, const std::string& sha256);

/// linksim's version string.
const char* linksim_version();

} // namespace linksim
