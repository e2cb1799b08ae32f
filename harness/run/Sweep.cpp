#include "harness/run/Sweep.hpp"

#include "harness/Errors.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/results/Stats.hpp"
#include "harness/scenario/Loader.hpp"
#include "harness/run/Runner.hpp"
#include "harness/run/OutputDir.hpp"
#include "harness/run/Processes.hpp"
#include "harness/run/Signals.hpp"
#include "sim/trace/Oracle.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cerrno>
#include <csignal>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

namespace linksim {

namespace {

using ojson = nlohmann::ordered_json;

int worse(int a, int b)
{
  // Priority of exit codes when merging runs: 70 > 4 > 1 > 2 > 3 > 5 > 0.
  auto rank = [](int c) {
    switch (c) {
      case 0: return 0;
      case 5: return 1;
      case 3: return 2;
      case 2: return 3;
      case 1: return 4;
      case 4: return 5;
      default: return 6;
    }
  };
  return rank(a) >= rank(b) ? a : b;
}

} // namespace

int run_sweep(const SweepOptions& o)
{
  if (o.seeds == 0)
    throw UsageError("--seeds must be at least 1");
  if (o.jobs == 0)
    throw UsageError("--jobs must be at least 1");
  Scenario sc            = load_scenario(o.scenario); // validate once, before any process starts
  const uint64_t first   = o.first_seed.value_or(sc.seed);
  const std::string dir  = o.out_dir.empty() ? "results/" + sc.name + "/sweep-" + std::to_string(first) + "-" +
                                                  std::to_string(o.seeds) + "-" + sc.file_sha256.substr(0, 8)
                                             : o.out_dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw UsageError("cannot create the output directory " + dir);

  // No file of an earlier sweep in this folder may pass for one of this sweep's.
  std::filesystem::remove(dir + "/summary.json", ec);
  std::vector<std::vector<std::string>> commands;
  for (unsigned i = 0; i < o.seeds; ++i) {
    const std::string seed = std::to_string(first + i);
    std::filesystem::remove_all(dir + "/seed-" + seed, ec);
    commands.push_back({o.self, "run", o.scenario, "--seed", seed, "--out", dir + "/seed-" + seed, "--quiet"});
    if (!o.exchanges_csv)
      commands.back().push_back("--no-exchanges-csv");
  }
  std::vector<int> codes;
  unsigned done = 0;
  const int sig = run_processes(commands, o.jobs,
                                [&](size_t i, int code) {
                                  ++done;
                                  if (!o.quiet)
                                    std::fprintf(stderr, "[linksim sweep] seed %llu done (exit %d), %u/%u\n",
                                                 static_cast<unsigned long long>(first + i), code, done, o.seeds);
                                },
                                codes);
  if (sig) {
    std::fprintf(stderr, "\nlinksim sweep: %s: stopped the runs under way; no summary was written (exit %d)\n",
                 sig == SIGTERM ? "terminated (SIGTERM)" : "interrupted (SIGINT)", exit_code_for_signal(sig));
    return exit_code_for_signal(sig);
  }

  // Summary: mean and 95 % CI over the runs that produced a result.
  std::map<std::string, std::vector<double>> values;
  ojson runs = ojson::array();
  int code   = 0;
  for (unsigned i = 0; i < o.seeds; ++i) {
    const uint64_t seed    = first + i;
    const std::string path = dir + "/seed-" + std::to_string(seed) + "/result.json";
    code                   = worse(code, codes[i]);
    std::ifstream in(path);
    ojson entry = {{"seed", seed}, {"exit_code", codes[i]}, {"result", "seed-" + std::to_string(seed) + "/result.json"}};
    if (in) {
      ojson r = ojson::parse(in);
      for (const auto& [k, v] : headline_values(r))
        values[k].push_back(v);
    } else {
      entry["result"] = nullptr;
    }
    runs.push_back(entry);
  }
  ojson summary;
  summary["scenario"]    = sc.name;
  summary["file_sha256"] = sc.file_sha256;
  summary["seeds"]       = {{"first", first}, {"count", o.seeds}};
  summary["runs"]        = runs;
  ojson figures          = ojson::object();
  for (const auto& [k, v] : values) {
    const MeanCi m = mean_ci(v);
    figures[k] = {{"n", m.n}, {"mean", m.mean}, {"sd", m.sd}, {"ci95_low", m.mean - m.half}, {"ci95_high", m.mean + m.half}};
  }
  summary["figures"]   = figures;
  summary["exit_code"] = code;
  write_file_atomic(dir, "summary.json", summary.dump(2) + "\n");
  if (!o.quiet) {
    std::printf("linksim sweep · %s · %u seeds from %llu · %u at a time\n", sc.name.c_str(), o.seeds,
                static_cast<unsigned long long>(first), o.jobs);
    using namespace shape;
    const std::string immediate = LATENCY_SERIES[END_TO_END_IMMEDIATE];
    for (const std::string& k :
         {pointer({"outcomes", "total", COUNT_EXTRAS[ALL]}), pointer({"outcomes", "total", OUTCOMES.name(Outcome::CORRECT)}),
          pointer({"outcomes", "total", COUNT_EXTRAS[PROVIDED]}), pointer({"latency", immediate, LATENCY_STATS[P50_MS]}),
          pointer({"latency", immediate, LATENCY_STATS[P95_MS]}),
          pointer({"latency", LATENCY_SERIES[HUB_QUEUE_WAIT], LATENCY_STATS[MEAN_MS]})}) {
      if (!figures.contains(k))
        continue;
      const ojson& f = figures[k];
      std::printf("  %-40s mean %12.3f   95%% CI [%.3f, %.3f]\n", k.c_str(), f["mean"].get<double>(), f["ci95_low"].get<double>(),
                  f["ci95_high"].get<double>());
    }
    std::printf("summary: %s/summary.json   exit %d\n", dir.c_str(), code);
  }
  return code;
}

} // namespace linksim
