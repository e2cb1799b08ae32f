#include "harness/run/Runner.hpp"

#include "agents/core/Launch.hpp"
#include "harness/Errors.hpp"
#include "harness/scenario/Loader.hpp"
#include "harness/results/Results.hpp"
#include "harness/run/OutputDir.hpp"
#include "harness/run/Signals.hpp"

#include <simgrid/s4u.hpp>
#include <simgrid/version.h>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#ifndef LINKSIM_VERSION
#define LINKSIM_VERSION "0.0.0"
#endif

namespace linksim {

const char* linksim_version() { return LINKSIM_VERSION; }

std::string make_run_id(uint64_t seed, const std::string& sha256)
{
  return std::to_string(seed) + "-" + sha256.substr(0, 8);
}

namespace {

double peak_rss_mib()
{
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

/// Progress line on stderr: simulated date, % of the window done, exchanges so far.
class Progress {
public:
  Progress(World& w, bool enabled) : w_(w), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void tick(double now)
  {
    if (!enabled_ || (++ticks_ & 0x3ff) != 0)
      return;
    const auto t = std::chrono::steady_clock::now();
    const double wall = std::chrono::duration<double>(t - start_).count();
    if (wall < 2.0 || wall - last_ < 0.5)
      return;
    last_ = wall;
    const double pct = std::min(100.0, 100.0 * now / w_.scenario().duration_s);
    std::fprintf(stderr, "\r[linksim] %s  %5.1f%%  %llu exchanges  %.0f s wall   ", w_.calendar().format(now).c_str(), pct,
                 static_cast<unsigned long long>(w_.ledger().issued()), wall);
    shown_ = true;
  }
  void done()
  {
    if (shown_)
      std::fprintf(stderr, "\r%80s\r", "");
  }

private:
  World& w_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  uint64_t ticks_ = 0;
  double last_    = 0;
  bool shown_     = false;
};

} // namespace

int run_scenario(const RunOptions& opts)
{
  const auto wall0         = std::chrono::steady_clock::now();
  stop_run_on_signals({}, "the run of " + opts.scenario);
  Scenario sc              = load_scenario(opts.scenario);
  for (const std::string& w : sc.warnings) // valid, but part of the run is pointless: say so before it starts
    std::fprintf(stderr, "%s\n", w.c_str());
  if (opts.hooks)
    opts.hooks->loaded(sc);
  const uint64_t seed      = opts.seed.value_or(sc.seed);
  const std::string run_id = make_run_id(seed, sc.file_sha256);
  const std::string dir    = opts.out_dir.empty() ? "results/" + sc.name + "/" + run_id : opts.out_dir;
  prepare_run_dir(dir);
  // From here on, Ctrl-C or SIGTERM stops the run at once with 130/143; the partial CSV keeps its
  // name, and no result.json, junit.xml or report.html is left (nor their .tmp files).
  std::vector<std::string> unfinished;
  for (const char* f : {"result.json.tmp", "junit.xml.tmp", "report.html.tmp"})
    unfinished.push_back(dir + "/" + f);
  stop_run_on_signals(unfinished, "the run of " + sc.name);

  // SimGrid: silent, with the settings of design.md §3.
  std::vector<std::string> args = {"linksim", "--log=root.thresh:critical"};
#ifdef LINKSIM_SANITIZE
  args.emplace_back("--cfg=contexts/factory:raw"); // chosen when the engine is made (Platform.cpp says why)
#endif
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  int argc = static_cast<int>(argv.size());
  sg4::Engine engine(&argc, argv.data());
  const auto config = EngineSettings::config();
  for (const auto& c : config)
    sg4::Engine::set_config(c);
  stop_run_on_signals(unfinished, "the run of " + sc.name); // again: SimGrid's engine installs its own SIGINT handler

  World world(sc, seed, run_id);
  Collectors collectors(world, opts.failing.value_or(FailingCollector::DEFAULT_LIMIT));
  if (opts.report)
    collectors.want_report(world);
  if (opts.exchanges_csv && !collectors.csv.open(dir + "/" + PARTIAL_CSV))
    throw UsageError("cannot write " + dir + "/" + PARTIAL_CSV);
  Platform platform(sc);
  HubState hub;
  Context ctx{world, platform};
  const LaunchCounts launched = launch_agents(ctx, hub);
  if (opts.hooks)
    opts.hooks->launched(world, ctx);

  bool deadlock = false;
  sg4::Engine::on_deadlock_cb([&deadlock]() { deadlock = true; });
  const bool show_progress = !opts.quiet && isatty(STDERR_FILENO);
  Progress progress(world, show_progress);
  if (show_progress)
    sg4::Engine::on_time_advance_cb([&progress](double) { progress.tick(sg4::Engine::get_clock()); });
  const auto wall_setup = std::chrono::steady_clock::now();
  engine.run();
  progress.done();
  if (deadlock)
    throw InternalError("the simulation deadlocked (see the blocked actors SimGrid listed above)");
  const double end = sg4::Engine::get_clock();
  world.ledger().finish(end);
  if (opts.exchanges_csv && !collectors.csv.close())
    throw UsageError("cannot write " + dir + "/" + PARTIAL_CSV + " (disk full?)");

  RunFacts facts;
  facts.linksim_version = linksim_version();
  int maj = 0, min = 0, patch = 0;
  sg_version_get(&maj, &min, &patch);
  facts.simgrid_version = std::to_string(maj) + "." + std::to_string(min) + "." + std::to_string(patch);
  facts.engine_config   = config;
  facts.end_s           = end;
  facts.actors          = launched.actors;
  facts.hosts           = platform.host_count();
  facts.links           = platform.link_count();
  facts.messages        = world.messages_sent();
  facts.exchanges       = world.ledger().issued();
  ojson result;
  result["run"] = run_section(world, facts);
  collectors.write(result, RunEnd{end});
  const auto checks  = evaluate_checks(sc, result);
  int code           = exit_code_for(checks, sc.checks.size() + sc.test_cases.size()); // test cases are checks too
  const int checks_code = code;
  if (opts.hooks)
    code = opts.hooks->finished(result, code);
  const auto wall1   = std::chrono::steady_clock::now();
  facts.wall_s       = std::chrono::duration<double>(wall1 - wall0).count();
  facts.setup_wall_s = std::chrono::duration<double>(wall_setup - wall0).count();
  facts.peak_rss_mib = peak_rss_mib();
  finish_result(result, checks, code, facts);
  if (code != checks_code) { // the exit code is the exercise's score, not the checks' verdict
    result["verdict"]["meaning"] = code == 0 ? "the exercise scored 100 %" : "the exercise scored below 100 %";
    result["verdict"]["checks_exit_code"] = checks_code;
  }

  // Everything but result.json first: a folder with a result.json is a complete run.
  if (opts.exchanges_csv)
    rename_in(dir, PARTIAL_CSV, "exchanges.csv");
  write_file_atomic(dir, "junit.xml", junit_xml(sc, checks, facts.wall_s, result, &collectors.failing));
  if (opts.report)
    write_file_atomic(dir, "report.html", report_html(sc, result, collectors));
  if (opts.hooks)
    opts.hooks->write_files(dir, result);
  write_file_atomic(dir, "result.json", result.dump(2) + "\n");
  default_signals(); // the result is complete: an interrupt now must not say otherwise
  if (!opts.quiet)
    std::fputs(terminal_summary(result, checks, dir, code, opts.exchanges_csv, opts.report, &collectors.latency).c_str(), stdout);
  if (!opts.quiet && opts.hooks)
    opts.hooks->summary(dir);
  return code;
}

} // namespace linksim
