// linksim-bench: whole-run measurements, each run in its own process.
//
//   linksim-bench [--scenario FILE] [--out FILE]   linksim vs plain SimGrid on the same message pattern
//   linksim-bench --national [--out FILE]          national-fy2018: wall time, peak RSS, exchanges/s
//   linksim-bench --population [--out FILE]        peak RSS with 125 million vs 1.25 million persons
//
// It measures; it asserts nothing. The figures in README.md "Performance" come from it.
#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using ojson = nlohmann::ordered_json;

namespace {

std::string build_dir()
{
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  return std::filesystem::path(std::string(buf, n > 0 ? static_cast<size_t>(n) : 0)).parent_path().string();
}

struct Child {
  int code = -1;
  std::string out;
  double wall_s = 0;
};

/// Runs argv, captures stdout, measures wall time.
Child run(const std::vector<std::string>& argv)
{
  int fd[2];
  if (pipe(fd) != 0)
    throw std::runtime_error("pipe");
  const auto t0   = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fd[1], STDOUT_FILENO);
    close(fd[0]);
    std::vector<char*> args;
    for (const auto& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(fd[1]);
  Child c;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd[0], buf, sizeof buf)) > 0)
    c.out.append(buf, static_cast<size_t>(n));
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  c.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  c.code   = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return c;
}

ojson run_linksim(const std::string& scenario, const std::string& tag, bool csv = false)
{
  const std::string dir = std::filesystem::temp_directory_path().string() + "/linksim-bench-" + tag;
  std::filesystem::remove_all(dir);
  std::fprintf(stderr, "[linksim-bench] linksim run %s%s ...\n", scenario.c_str(), csv ? " (with exchanges.csv)" : "");
  std::vector<std::string> args = {build_dir() + "/linksim", "run", scenario, "--out", dir, "--quiet", "--no-report"};
  if (!csv)
    args.push_back("--no-exchanges-csv");
  const Child c = run(args);
  if (c.code != 0 && c.code != 1 && c.code != 2 && c.code != 3 && c.code != 5)
    throw std::runtime_error("linksim run " + scenario + " failed with exit code " + std::to_string(c.code));
  std::ifstream in(dir + "/result.json");
  const ojson r = ojson::parse(in);
  ojson o;
  o["exit_code"]     = c.code;
  o["exchanges"]     = r["run"]["exchanges"];
  o["messages"]      = r["run"]["messages"];
  o["wall_s"]        = r["wall"]["seconds"];
  o["peak_rss_mib"]  = r["wall"]["peak_rss_mib"];
  o["msgs_per_s"]    = r["run"]["messages"].get<double>() / r["wall"]["seconds"].get<double>();
  o["exchanges_per_s"] = r["run"]["exchanges"].get<double>() / r["wall"]["seconds"].get<double>();
  o["persons"]       = r["run"]["persons"];
  std::filesystem::remove_all(dir);
  return o;
}

ojson run_raw(const std::string& scenario)
{
  std::fprintf(stderr, "[linksim-bench] raw_simgrid %s ...\n", scenario.c_str());
  const Child c = run({build_dir() + "/raw_simgrid", scenario});
  if (c.code != 0)
    throw std::runtime_error("raw_simgrid " + scenario + " failed with exit code " + std::to_string(c.code));
  ojson r        = ojson::parse(c.out);
  r["msgs_per_s"] = r["messages"].get<double>() / r["wall_s"].get<double>();
  return r;
}

std::string cpu_model()
{
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0)
      return line.substr(line.find(':') + 2);
  return "unknown";
}

} // namespace

int main(int argc, char** argv)
{
  std::string scenario = std::string(LINKSIM_SOURCE_DIR) + "/scenarios/bench-national-month.json";
  std::string out;
  enum { COMPARE, NATIONAL, POPULATION } mode = COMPARE;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--scenario" && i + 1 < argc)
      scenario = argv[++i];
    else if (a == "--out" && i + 1 < argc)
      out = argv[++i];
    else if (a == "--national")
      mode = NATIONAL;
    else if (a == "--population")
      mode = POPULATION;
    else if (a == "--help" || a == "-h") {
      std::cout << "linksim-bench [--scenario FILE] [--out FILE]   linksim vs raw SimGrid on the same message pattern\n"
                   "                                                (default scenario: scenarios/bench-national-month.json)\n"
                   "linksim-bench --national [--out FILE]          national-fy2018: wall_s, peak_rss_mib, exchanges, "
                   "exchanges_per_s\n"
                   "linksim-bench --population [--out FILE]        peak RSS at 125 million and at 1.25 million persons\n"
                   "Each run is its own process; nothing is asserted about time.\n";
      return 0;
    } else {
      std::cerr << "linksim-bench: unknown argument " << a << " (see --help)\n";
      return 4;
    }
  }
  ojson result;
  result["machine"] = {{"cpu", cpu_model()}, {"cores", sysconf(_SC_NPROCESSORS_ONLN)}};
  try {
    if (mode == COMPARE) {
      const ojson l = run_linksim(scenario, "compare");
      const ojson r = run_raw(scenario);
      const ojson lc = run_linksim(scenario, "compare-csv", true);
      result["scenario"]               = scenario;
      result["linksim_msgs_per_s"]     = l["msgs_per_s"];
      result["raw_simgrid_msgs_per_s"] = r["msgs_per_s"];
      result["ratio"]                  = l["msgs_per_s"].get<double>() / r["msgs_per_s"].get<double>();
      result["linksim_peak_rss_mib"]   = l["peak_rss_mib"];
      result["raw_simgrid_peak_rss_mib"] = r["peak_rss_mib"];
      result["linksim_with_csv_msgs_per_s"] = lc["msgs_per_s"];
      result["ratio_with_csv"]         = lc["msgs_per_s"].get<double>() / r["msgs_per_s"].get<double>();
      result["linksim"]                = l;
      result["linksim_with_csv"]       = lc;
      result["raw_simgrid"]            = r;
      std::printf("scenario %s\n", scenario.c_str());
      std::printf("  linksim      %12.0f msgs/s  (%llu messages, %.2f s, peak RSS %.0f MiB)\n",
                  l["msgs_per_s"].get<double>(), static_cast<unsigned long long>(l["messages"].get<uint64_t>()),
                  l["wall_s"].get<double>(), l["peak_rss_mib"].get<double>());
      std::printf("  raw SimGrid  %12.0f msgs/s  (%llu messages, %.2f s, peak RSS %.0f MiB)\n",
                  r["msgs_per_s"].get<double>(), static_cast<unsigned long long>(r["messages"].get<uint64_t>()),
                  r["wall_s"].get<double>(), r["peak_rss_mib"].get<double>());
      std::printf("  ratio        %.3f   (linksim writing exchanges.csv too: %.0f msgs/s, ratio %.3f)\n",
                  result["ratio"].get<double>(), lc["msgs_per_s"].get<double>(), result["ratio_with_csv"].get<double>());
    } else if (mode == NATIONAL) {
      const std::string nat = std::string(LINKSIM_SOURCE_DIR) + "/scenarios/national-fy2018.json";
      const ojson l         = run_linksim(nat, "national");
      result["scenario"]        = nat;
      result["wall_s"]          = l["wall_s"];
      result["peak_rss_mib"]    = l["peak_rss_mib"];
      result["exchanges"]       = l["exchanges"];
      result["exchanges_per_s"] = l["exchanges_per_s"];
      result["messages"]        = l["messages"];
      result["msgs_per_s"]      = l["msgs_per_s"];
      std::printf("national-fy2018: %.1f s wall, peak RSS %.0f MiB, %llu exchanges, %.0f exchanges/s\n",
                  l["wall_s"].get<double>(), l["peak_rss_mib"].get<double>(),
                  static_cast<unsigned long long>(l["exchanges"].get<uint64_t>()), l["exchanges_per_s"].get<double>());
    } else {
      const std::string big   = std::string(LINKSIM_SOURCE_DIR) + "/scenarios/national-fy2018.json";
      const std::string small = std::string(LINKSIM_SOURCE_DIR) + "/scenarios/national-fy2018-1m25.json";
      const ojson b = run_linksim(big, "pop-big");
      const ojson s = run_linksim(small, "pop-small");
      result["persons_large"]       = b["persons"];
      result["persons_small"]       = s["persons"];
      result["peak_rss_mib_large"]  = b["peak_rss_mib"];
      result["peak_rss_mib_small"]  = s["peak_rss_mib"];
      result["exchanges_large"]     = b["exchanges"];
      result["exchanges_small"]     = s["exchanges"];
      result["rss_difference_pct"]  = 100.0 * (b["peak_rss_mib"].get<double>() - s["peak_rss_mib"].get<double>()) /
                                     s["peak_rss_mib"].get<double>();
      std::printf("peak RSS: %.0f MiB with %llu persons, %.0f MiB with %llu persons: %+.1f %%\n",
                  b["peak_rss_mib"].get<double>(), static_cast<unsigned long long>(b["persons"].get<uint64_t>()),
                  s["peak_rss_mib"].get<double>(), static_cast<unsigned long long>(s["persons"].get<uint64_t>()),
                  result["rss_difference_pct"].get<double>());
    }
  } catch (const std::exception& e) {
    std::cerr << "linksim-bench: " << e.what() << "\n";
    return 70;
  }
  if (!out.empty()) {
    std::ofstream f(out);
    f << result.dump(2) << "\n";
    std::printf("wrote %s\n", out.c_str());
  }
  return 0;
}
