// linksim: command-line entry point.
//
//   linksim run SCENARIO [--seed N] [--out DIR] [--quiet] [--no-exchanges-csv]
//   linksim validate SCENARIO...
//   linksim sweep SCENARIO --seeds N [--jobs J] [--seed FIRST] [--out DIR]
//
// User mistakes are typed exceptions, caught here once and mapped to the exit codes of
// design.md §5 (harness/Errors.hpp).
#include "harness/Errors.hpp"
#include "harness/scenario/Loader.hpp"
#include "harness/run/Runner.hpp"
#include "harness/run/Sweep.hpp"

#include <xbt/base.h>
#include <simgrid/version.h>

#include <boost/program_options.hpp>

#include <unistd.h>

#include <climits>
#include <cstdio>
#include <iostream>

namespace po = boost::program_options;
using namespace linksim;

namespace {

const char* OVERVIEW =
    "linksim: a discrete-event simulator of Japan's My Number information-linkage network\n"
    "(情報提供ネットワークシステム) on SimGrid. It runs JSON scenario files and reports correctness\n"
    "(right data, right person, right layout version, right requester) and latency (per hop and end\n"
    "to end).\n\n"
    "Usage:\n"
    "  linksim run SCENARIO [--seed N] [--out DIR] [--quiet] [--no-exchanges-csv]\n"
    "  linksim validate SCENARIO...\n"
    "  linksim sweep SCENARIO --seeds N [--jobs J] [--seed FIRST] [--out DIR]\n"
    "  linksim COMMAND --help      help on one command\n"
    "  linksim --version\n\n";

void print_help(const char* title, const po::options_description& d)
{
  std::cout << title << d << "\n" << exit_code_help();
}

std::string self_path(const char* argv0)
{
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0)
    return std::string(buf, static_cast<size_t>(n));
  return argv0;
}

/// Parses a subcommand's options plus its positional SCENARIO files. Returns false after printing
/// the help if --help was given.
bool parse(const std::vector<std::string>& args, const po::options_description& d, po::variables_map& vm,
           std::vector<std::string>& scenarios)
{
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(d).add(hidden);
  po::positional_options_description pos;
  pos.add("scenario", -1);
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    print_help("", d);
    return false;
  }
  if (vm.count("scenario"))
    scenarios = vm["scenario"].as<std::vector<std::string>>();
  return true;
}

int cmd_run(const std::vector<std::string>& args)
{
  po::options_description d("linksim run SCENARIO [options]\n\n"
                            "Runs one scenario and writes results/<scenario>/<run-id>/ (result.json,\n"
                            "exchanges.csv, junit.xml, report.html). The run id is <seed>-<first 8 hex\n"
                            "digits of the file's SHA-256>: the same file and seed give the same id and\n"
                            "the same result.json (but for its `wall` section).\n\nOptions");
  d.add_options()("help,h", "show this help")("seed", po::value<uint64_t>(), "random seed (default: the scenario's `seed`, else 1)")(
      "out", po::value<std::string>(), "output directory (default: results/<scenario>/<run-id>)")(
      "quiet,q", "no progress line and no summary (the progress line also needs stderr to be a terminal)")(
      "no-exchanges-csv", "do not write exchanges.csv (statistics only; for long sweeps)")(
      "no-report", "do not write report.html");
  po::variables_map vm;
  std::vector<std::string> scenarios;
  if (!parse(args, d, vm, scenarios))
    return EXIT_PASS;
  if (scenarios.size() != 1)
    throw UsageError("run takes exactly one SCENARIO file (see linksim run --help)");
  RunOptions o;
  o.scenario = scenarios.front();
  if (vm.count("seed"))
    o.seed = vm["seed"].as<uint64_t>();
  if (vm.count("out"))
    o.out_dir = vm["out"].as<std::string>();
  o.quiet         = vm.count("quiet") > 0;
  o.exchanges_csv = vm.count("no-exchanges-csv") == 0;
  o.report        = vm.count("no-report") == 0;
  return run_scenario(o);
}

int cmd_validate(const std::vector<std::string>& args)
{
  po::options_description d("linksim validate SCENARIO...\n\n"
                            "Checks scenario files without running them; prints every problem\n"
                            "(file, JSON pointer, what was expected). Exit 0 if all are valid, 4 if not.\n\nOptions");
  d.add_options()("help,h", "show this help")("quiet,q", "print only the problems");
  po::variables_map vm;
  std::vector<std::string> scenarios;
  if (!parse(args, d, vm, scenarios))
    return EXIT_PASS;
  if (scenarios.empty())
    throw UsageError("validate needs at least one SCENARIO file (see linksim validate --help)");
  int code = EXIT_PASS;
  for (const auto& f : scenarios) {
    try {
      Scenario sc = load_scenario(f);
      if (!vm.count("quiet"))
        std::cout << "ok: " << f << " (" << sc.name << ": " << sc.agencies.size() << " agencies, " << sc.workload.size()
                  << " workload lines, " << sc.checks.size() << " checks)\n";
    } catch (const ScenarioError& e) {
      for (const auto& m : e.messages)
        std::cerr << m << "\n";
      code = EXIT_USAGE;
    }
  }
  return code;
}

int cmd_sweep(const std::vector<std::string>& args, const char* argv0)
{
  po::options_description d("linksim sweep SCENARIO --seeds N [options]\n\n"
                            "Runs N replications (seeds FIRST, FIRST+1, ...) as separate processes, J at\n"
                            "a time, into DIR/seed-<s>/, then writes DIR/summary.json with the mean and\n"
                            "95 % confidence interval (Student t) of each headline figure. Exit code: the\n"
                            "worst of the runs'.\n\nOptions");
  d.add_options()("help,h", "show this help")("seeds", po::value<unsigned>(), "number of replications (required)")(
      "jobs,j", po::value<unsigned>()->default_value(1), "processes at a time")(
      "seed", po::value<uint64_t>(), "first seed (default: the scenario's `seed`)")(
      "out", po::value<std::string>(), "output directory (default: results/<scenario>/sweep-<first>-<n>-<sha8>)")(
      "quiet,q", "no progress and no summary")("no-exchanges-csv", "runs do not write exchanges.csv");
  po::variables_map vm;
  std::vector<std::string> scenarios;
  if (!parse(args, d, vm, scenarios))
    return EXIT_PASS;
  if (scenarios.size() != 1)
    throw UsageError("sweep takes exactly one SCENARIO file (see linksim sweep --help)");
  if (!vm.count("seeds"))
    throw UsageError("sweep needs --seeds N");
  SweepOptions o;
  o.scenario = scenarios.front();
  o.self     = self_path(argv0);
  o.seeds    = vm["seeds"].as<unsigned>();
  o.jobs     = vm["jobs"].as<unsigned>();
  if (vm.count("seed"))
    o.first_seed = vm["seed"].as<uint64_t>();
  if (vm.count("out"))
    o.out_dir = vm["out"].as<std::string>();
  o.quiet         = vm.count("quiet") > 0;
  o.exchanges_csv = vm.count("no-exchanges-csv") == 0;
  return run_sweep(o);
}

} // namespace

int main(int argc, char** argv)
{
  std::vector<std::string> rest(argv + 1, argv + argc);
  try {
    if (rest.empty() || rest[0] == "--help" || rest[0] == "-h" || rest[0] == "help") {
      std::cout << OVERVIEW << exit_code_help();
      return rest.empty() ? EXIT_USAGE : EXIT_PASS;
    }
    if (rest[0] == "--version" || rest[0] == "-V") {
      std::cout << "linksim " << linksim_version() << " (SimGrid " << SIMGRID_VERSION_MAJOR << "." << SIMGRID_VERSION_MINOR
                << "." << SIMGRID_VERSION_PATCH << ")\n";
      return EXIT_PASS;
    }
    const std::string cmd = rest[0];
    rest.erase(rest.begin());
    if (cmd == "run")
      return cmd_run(rest);
    if (cmd == "validate")
      return cmd_validate(rest);
    if (cmd == "sweep")
      return cmd_sweep(rest, argv[0]);
    throw UsageError("unknown command \"" + cmd + "\"; commands: run, validate, sweep (see linksim --help)");
  } catch (const ScenarioError& e) {
    for (const auto& m : e.messages)
      std::cerr << m << "\n";
    return EXIT_USAGE;
  } catch (const po::error& e) {
    std::cerr << "error: " << e.what() << " (see linksim --help)\n";
    return EXIT_USAGE;
  } catch (const UsageError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return EXIT_USAGE;
  } catch (const InternalError& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return EXIT_INTERNAL;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return EXIT_INTERNAL;
  }
}
