// linksim: command-line entry point. One file per command in this folder; user mistakes are
// typed exceptions, caught here once and mapped to the exit codes of design.md §5
// (harness/Errors.hpp).
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/Runner.hpp"

#include <xbt/base.h>
#include <simgrid/version.h>

#include <iostream>

using namespace linksim;

namespace {

const char* OVERVIEW =
    "linksim: a discrete-event simulator of Japan's My Number information-linkage network\n"
    "(情報提供ネットワークシステム) on SimGrid. It runs JSON scenario files and reports correctness\n"
    "(right data, right person, right layout version, right requester) and latency (per hop and end\n"
    "to end).\n\n"
    "Usage:\n"
    "  linksim run SCENARIO [--seed N] [--out DIR] [--quiet] [--no-exchanges-csv] [--no-report]\n"
    "              [--failing N]\n"
    "  linksim validate SCENARIO...\n"
    "  linksim sweep SCENARIO --seeds N [--jobs J] [--seed FIRST] [--out DIR] [--no-exchanges-csv]\n"
    "  linksim sweep SCENARIO --seeds N --slurm DIR [--submit] [--partition P] [--time T]\n"
    "                [--cpus-per-task C] [--mem M]   the runs as a Slurm job array instead\n"
    "  linksim compare BASE VARIANT... [--seeds N] [--seed FIRST] [--jobs J] [--out DIR]\n"
    "                  [--max-new-failures X] [--quiet] [--no-exchanges-csv]\n"
    "                               run a base and its variants on the same seeds and compare them\n"
    "  linksim compare BASE VARIANT... --seeds N --slurm DIR [--submit] [--partition P] [--time T]\n"
    "                  [--cpus-per-task C] [--mem M]   the runs as a Slurm job array instead\n"
    "  linksim collect DIR [--partial] [--max-new-failures X]\n"
    "                               merge a job array's finished runs (summary.json or compare.json)\n"
    "  linksim diff RESULT_A RESULT_B [--out DIR] [--max-new-failures X]\n"
    "                               the same comparison over finished result folders\n"
    "  linksim reference [--json]   the enums, defaults, sections and metrics, from the code\n"
    "  linksim persons SCENARIO [--agency A] [--person N] [--my-number M] [--limit K] [--date D] [--json]\n"
    "                               who persons are (My Number, residence, insurer, record holders)\n"
    "                               and the test My Numbers of each agency, without running\n"
    "  linksim exercise SCENARIO [--play AGENCY] [--actions FILE] [--out DIR] [--pace X] [--seed N]\n"
    "                               a training exercise: the trainee plays one agency in an incident,\n"
    "                               at the prompt or from an actions file, and is scored\n"
    "  linksim COMMAND --help       help on one command\n"
    "  linksim --version\n\n";

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
      return cli::run_command(rest);
    if (cmd == "validate")
      return cli::validate_command(rest);
    if (cmd == "sweep")
      return cli::sweep_command(rest, argv[0]);
    if (cmd == "compare")
      return cli::compare_command(rest, argv[0]);
    if (cmd == "diff")
      return cli::diff_command(rest);
    if (cmd == "collect")
      return cli::collect_command(rest);
    if (cmd == "reference")
      return cli::reference_command(rest);
    if (cmd == "persons")
      return cli::persons_command(rest);
    if (cmd == "exercise")
      return cli::exercise_command(rest);
    throw UsageError("unknown command \"" + cmd + "\"; commands: run, validate, sweep, compare, diff, collect, reference, persons, exercise (see linksim --help)");
  } catch (const ScenarioError& e) {
    for (const auto& m : e.messages)
      std::cerr << m << "\n";
    return EXIT_USAGE;
  } catch (const cli::po::error& e) {
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
