// `linksim sweep SCENARIO --seeds N`: replications, one process each.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/Sweep.hpp"

namespace linksim::cli {

int sweep_command(const std::vector<std::string>& args, const char* argv0)
{
  po::options_description d("linksim sweep SCENARIO --seeds N [options]\n\n"
                            "Runs N replications (seeds FIRST, FIRST+1, ...) as separate processes, J at\n"
                            "a time, into DIR/seed-<s>/, then writes DIR/summary.json with the mean and\n"
                            "95 % confidence interval (Student t) of each headline figure. Exit code: the\n"
                            "worst of the runs'. Ctrl-C (SIGINT) or SIGTERM stops the runs under way,\n"
                            "waits for them, and exits 130 or 143 without a summary.\n\nOptions");
  d.add_options()("help,h", "show this help")("seeds", po::value<std::string>(), "number of replications, 1 to 100000 (required)")(
      "jobs,j", po::value<std::string>()->default_value("1"), "processes at a time, 1 to 1024")(
      "seed", po::value<std::string>(), "first seed (default: the scenario's `seed`)")(
      "out", po::value<std::string>(), "output directory (default: results/<scenario>/sweep-<first>-<n>-<sha8>)")(
      "quiet,q", "no progress and no summary")("no-exchanges-csv", "runs do not write exchanges.csv");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, d, vm, files))
    return EXIT_PASS;
  if (files.size() != 1)
    throw UsageError("sweep takes exactly one SCENARIO file (see linksim sweep --help)");
  if (!vm.count("seeds"))
    throw UsageError("sweep needs --seeds N");
  SweepOptions o;
  o.scenario = files.front();
  o.self     = self_path(argv0);
  o.seeds    = static_cast<unsigned>(unsigned_option(vm, "seeds", 1, 100000));
  o.jobs     = static_cast<unsigned>(unsigned_option(vm, "jobs", 1, 1024));
  if (vm.count("seed"))
    o.first_seed = unsigned_option(vm, "seed", 0, UINT64_MAX - o.seeds);
  if (vm.count("out"))
    o.out_dir = vm["out"].as<std::string>();
  o.quiet         = vm.count("quiet") > 0;
  o.exchanges_csv = vm.count("no-exchanges-csv") == 0;
  return run_sweep(o);
}

} // namespace linksim::cli
