// Runs one scenario in this process: load → World → platform → agents → SimGrid → results.
// One process runs one simulation (SimGrid's engine is a singleton).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace linksim {

struct Scenario;
class World;
struct Context;

/// What a command that runs a scenario its own way adds to a run (`linksim exercise`): it is
/// called at fixed points of run_scenario and may add actors, result sections and files.
struct RunHooks {
  virtual ~RunHooks() = default;
  /// After the scenario is loaded, before the World is made.
  virtual void loaded(Scenario&) {}
  /// After the agents are launched, before the engine runs (add actors, subscribe to events).
  virtual void launched(World&, Context&) {}
  /// After the collectors wrote result.json's sections and the checks were evaluated: adds its
  /// section(s) and returns the run's exit code (`code`: the checks' exit code).
  virtual int finished(nlohmann::ordered_json& result, int code) { return code; }
  /// Writes its own files into the run's folder (before result.json, which is written last).
  virtual void write_files(const std::string& /*dir*/, const nlohmann::ordered_json& /*result*/) {}
  /// Prints its own summary after the run's (unless --quiet).
  virtual void summary(const std::string& /*dir*/) {}
};

struct RunOptions {
  std::string scenario;          ///< path of the scenario file
  std::optional<uint64_t> seed;  ///< overrides the scenario's seed
  std::string out_dir;           ///< empty: results/<scenario>/<run-id>
  bool quiet        = false;     ///< no progress line, no summary
  bool exchanges_csv = true;     ///< write exchanges.csv
  bool report       = true;      ///< write report.html
  std::optional<size_t> failing; ///< failing exchanges kept per outcome class (default: FailingCollector::DEFAULT_LIMIT)
  RunHooks* hooks = nullptr;     ///< a command's additions to the run (linksim exercise); none: a plain run
};

/// Runs and returns the exit code (design.md §5). Throws ScenarioError / UsageError.
int run_scenario(const RunOptions& opts);

/// "<seed>-<first 8 hex digits of the scenario's SHA-256>": the same scenario and seed always
/// give the same run id (and, by determinism, the same result).
std::string make_run_id(uint64_t seed, const std::string& sha256);

/// linksim's version string.
const char* linksim_version();

} // namespace linksim
