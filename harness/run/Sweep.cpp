#include "harness/run/Sweep.hpp"

#include "harness/Errors.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/scenario/Loader.hpp"
#include "harness/run/Runner.hpp"
#include "harness/run/Signals.hpp"

#include <nlohmann/json.hpp>

#include <sys/prctl.h>
#include <sys/wait.h>
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

double t95(unsigned df)
{
  static const double table[] = {0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                 2.201, 2.179,  2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080,
                                 2.074, 2.069,  2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df == 0)
    return std::nan("");
  if (df <= 30)
    return table[df];
  if (df <= 60)
    return 2.000 + (2.042 - 2.000) * (60.0 - df) / 30.0;
  if (df <= 120)
    return 1.980 + (2.000 - 1.980) * (120.0 - df) / 60.0;
  return 1.960;
}

namespace {

using ojson = nlohmann::ordered_json;

pid_t spawn(const std::vector<std::string>& args)
{
  const pid_t pid = fork();
  if (pid == 0) {
    // A child run never outlives the sweep (even one killed with SIGKILL).
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() == 1)
      _exit(EXIT_SIGTERM);
    std::vector<char*> argv;
    for (const auto& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::perror("linksim sweep: exec");
    _exit(127);
  }
  return pid;
}

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

  std::map<pid_t, unsigned> running;
  std::vector<int> codes(o.seeds, -1);
  unsigned next = 0, done = 0;
  // Ctrl-C or SIGTERM: stop the runs under way, wait for every one of them, then exit 130/143.
  record_signals();
  auto stop_all = [&running, &o](int sig) {
    for (const auto& [pid, i] : running)
      kill(pid, sig);
    for (const auto& [pid, i] : running) {
      int status = 0;
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    }
    std::fprintf(stderr, "\nlinksim sweep: %s: stopped %zu run(s) under way; no summary was written (exit %d)\n",
                 sig == SIGTERM ? "terminated (SIGTERM)" : "interrupted (SIGINT)", running.size(),
                 exit_code_for_signal(sig));
    (void)o;
    return exit_code_for_signal(sig);
  };
  while (done < o.seeds) {
    if (const int sig = pending_signal())
      return stop_all(sig);
    while (next < o.seeds && running.size() < o.jobs) {
      const uint64_t seed = first + next;
      std::filesystem::remove_all(dir + "/seed-" + std::to_string(seed)); // no result from an earlier sweep
      std::vector<std::string> args = {o.self, "run", o.scenario, "--seed", std::to_string(seed), "--out",
                                       dir + "/seed-" + std::to_string(seed), "--quiet"};
      if (!o.exchanges_csv)
        args.push_back("--no-exchanges-csv");
      const pid_t pid = spawn(args);
      if (pid < 0)
        throw UsageError("cannot start a process for seed " + std::to_string(seed));
      running[pid] = next++;
    }
    int status      = 0;
    const pid_t pid = wait(&status);
    if (pid < 0) {
      if (errno == EINTR)
        continue; // a signal: handled at the top of the loop
      break;
    }
    auto it = running.find(pid);
    if (it == running.end())
      continue;
    const unsigned i = it->second;
    running.erase(it);
    codes[i] = WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_INTERNAL;
    ++done;
    if (!o.quiet)
      std::fprintf(stderr, "[linksim sweep] seed %llu done (exit %d), %u/%u\n",
                   static_cast<unsigned long long>(first + i), codes[i], done, o.seeds);
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
    const double n = static_cast<double>(v.size());
    double mean    = 0;
    for (double x : v)
      mean += x;
    mean /= n;
    double var = 0;
    for (double x : v)
      var += (x - mean) * (x - mean);
    var         = v.size() > 1 ? var / (n - 1) : 0;
    const double half = v.size() > 1 ? t95(static_cast<unsigned>(v.size() - 1)) * std::sqrt(var / n) : 0;
    figures[k] = {{"n", v.size()}, {"mean", mean}, {"sd", std::sqrt(var)}, {"ci95_low", mean - half}, {"ci95_high", mean + half}};
  }
  summary["figures"]   = figures;
  summary["exit_code"] = code;
  std::ofstream out(dir + "/summary.json");
  out << summary.dump(2) << "\n";
  if (!o.quiet) {
    std::printf("linksim sweep · %s · %u seeds from %llu · %u at a time\n", sc.name.c_str(), o.seeds,
                static_cast<unsigned long long>(first), o.jobs);
    for (const char* k : {"/outcomes/total/all", "/outcomes/total/correct", "/outcomes/total/provided",
                          "/latency/end_to_end_immediate/p50_ms", "/latency/end_to_end_immediate/p95_ms",
                          "/latency/hub_queue_wait/mean_ms"}) {
      if (!figures.contains(k))
        continue;
      const ojson& f = figures[k];
      std::printf("  %-40s mean %12.3f   95%% CI [%.3f, %.3f]\n", k, f["mean"].get<double>(), f["ci95_low"].get<double>(),
                  f["ci95_high"].get<double>());
    }
    std::printf("summary: %s/summary.json   exit %d\n", dir.c_str(), code);
  }
  return code;
}

} // namespace linksim
