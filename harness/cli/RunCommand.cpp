// `linksim run SCENARIO`: one scenario in this process.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/Runner.hpp"

namespace linksim::cli {

int run_command(const std::vector<std::string>& args)
{
  po::options_description d("linksim run SCENARIO [options]\n\n"
                            "Runs one scenario and writes results/<scenario>/<run-id>/ (result.json,\n"
                            "exchanges.csv, junit.xml, report.html). The run id is <seed>-<first 8 hex\n"
                            "digits of the file's SHA-256>: the same file and seed give the same id and\n"
                            "the same result.json (but for its `wall` section). Files of an earlier run\n"
                            "in the folder are removed first; while the run goes on the CSV is named\n"
                            "exchanges.partial.csv, and result.json is written last: a folder without it\n"
                            "holds no complete run. Ctrl-C (SIGINT) or SIGTERM stops the run at once\n"
                            "with exit 130 or 143. Test cases (`test_cases`) are judged verified,\n"
                            "partially_verified, failed or not_run (result.json /test_cases, a junit\n"
                            "testcase each); besides the scenario's checks, a case with an exchange other\n"
                            "than expected exits 1, and a case with an exchange that never finished (and\n"
                            "none other than expected) exits 3.\n\nOptions");
  d.add_options()("help,h", "show this help")(
      "seed", po::value<std::string>(), "random seed, 0 to 2^64-1 (default: the scenario's `seed`, else 1)")(
      "out", po::value<std::string>(), "output directory (default: results/<scenario>/<run-id>)")(
      "quiet,q", "no progress line and no summary (the progress line also needs stderr to be a terminal)")(
      "no-exchanges-csv", "do not write exchanges.csv (statistics only; for long sweeps)")(
      "no-report", "do not write report.html")(
      "failing", po::value<std::string>(),
      "failing exchanges (any class but `correct`) listed in report.html, and per outcome class in\n"
      "junit.xml's failure messages, with their hop timestamps (default 20; 0: none)");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "run", d, vm, files))
    return EXIT_PASS;
  if (files.size() != 1)
    throw UsageError("run takes exactly one SCENARIO file (see linksim run --help)");
  RunOptions o;
  o.scenario = files.front();
  if (vm.count("seed"))
    o.seed = unsigned_option(vm, "seed", 0, UINT64_MAX);
  if (vm.count("out"))
    o.out_dir = vm["out"].as<std::string>();
  o.quiet         = vm.count("quiet") > 0;
  o.exchanges_csv = vm.count("no-exchanges-csv") == 0;
  o.report        = vm.count("no-report") == 0;
  if (vm.count("failing"))
    o.failing = static_cast<size_t>(unsigned_option(vm, "failing", 0, 100000));
  return run_scenario(o);
}

} // namespace linksim::cli
