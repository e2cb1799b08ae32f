// The commands of `linksim`, each declared once: its name, its lines in the overview, its entry
// point and what each of its exit codes means for it (its --help prints them). main.cpp dispatches
// through this list and prints the overview from it.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"

#include <iostream>

namespace linksim::cli {

namespace {

int run_entry(const std::vector<std::string>& a, const char*) { return run_command(a); }
int validate_entry(const std::vector<std::string>& a, const char*) { return validate_command(a); }
int sweep_entry(const std::vector<std::string>& a, const char* argv0) { return sweep_command(a, argv0); }
int compare_entry(const std::vector<std::string>& a, const char* argv0) { return compare_command(a, argv0); }
int diff_entry(const std::vector<std::string>& a, const char*) { return diff_command(a); }
int collect_entry(const std::vector<std::string>& a, const char*) { return collect_command(a); }
int reference_entry(const std::vector<std::string>& a, const char*) { return reference_command(a); }
int persons_entry(const std::vector<std::string>& a, const char*) { return persons_command(a); }
int exercise_entry(const std::vector<std::string>& a, const char*) { return exercise_command(a); }

/// The meaning of a code in the run's table (design.md §5), for commands that mean the same.
const char* run_meaning(ExitCode c) { return EXIT_CODES.help(c); }

const char* const INTERRUPTED = "interrupted by SIGINT (Ctrl-C): the runs under way were stopped, nothing merged";
const char* const TERMINATED  = "terminated by SIGTERM: the runs under way were stopped, nothing merged";
const char* const INTERNAL    = "internal error (a bug in linksim)";

std::vector<CommandExit> run_exits()
{
  std::vector<CommandExit> v;
  for (const auto& e : EXIT_CODES.entries())
    v.push_back({e.value, e.help});
  return v;
}

} // namespace

const std::vector<CommandDecl>& commands()
{
  static const std::vector<CommandDecl> list = {
      {"run",
       "  linksim run SCENARIO [--seed N] [--out DIR] [--quiet] [--no-exchanges-csv] [--no-report]\n"
       "              [--failing N]\n",
       run_entry, run_exits()},
      {"validate", "  linksim validate SCENARIO...          check scenario files without running them\n",
       validate_entry,
       {{EXIT_PASS, "every file is valid (notes, if any, are printed)"},
        {EXIT_USAGE, "a file has problems (each printed: file, JSON pointer, what was expected), or a usage error"},
        {EXIT_INTERNAL, INTERNAL}}},
      {"sweep",
       "  linksim sweep SCENARIO --seeds N [--jobs J] [--seed FIRST] [--out DIR] [--no-exchanges-csv]\n"
       "  linksim sweep SCENARIO --seeds N --slurm DIR [--submit] [--partition P] [--time T]\n"
       "                [--cpus-per-task C] [--mem M]   the runs as a Slurm job array instead\n",
       sweep_entry,
       {{EXIT_PASS, "every run exited 0 (with --slurm: the job array was written, or submitted)"},
        {EXIT_CORRECTNESS, "the worst run's exit code, 70 > 4 > 1 > 2 > 3 > 5 > 0: 1, a correctness check failed"},
        {EXIT_LATENCY, "... 2, a latency check failed"},
        {EXIT_INCONCLUSIVE, "... 3, a check was inconclusive"},
        {EXIT_USAGE, "a scenario or usage error (nothing was run), or a run's; with --submit, sbatch missing or refusing"},
        {EXIT_NOTHING, "... 5, nothing was checked"},
        {EXIT_INTERNAL, "a run crashed (exit 70, or killed by a signal), or linksim itself failed"},
        {EXIT_SIGINT, INTERRUPTED},
        {EXIT_SIGTERM, TERMINATED}}},
      {"compare",
       "  linksim compare BASE VARIANT... [--seeds N] [--seed FIRST] [--jobs J] [--out DIR]\n"
       "                  [--max-new-failures X] [--quiet] [--no-exchanges-csv]\n"
       "                               run a base and its variants on the same seeds and compare them\n"
       "  linksim compare BASE VARIANT... --seeds N --slurm DIR [--submit] [--partition P] [--time T]\n"
       "                  [--cpus-per-task C] [--mem M]   the runs as a Slurm job array instead\n",
       compare_entry,
       {{EXIT_PASS, "every variant's gate passed (with --slurm: the job array was written, or submitted)"},
        {EXIT_CORRECTNESS, "a variant's gate failed (see the rules above); the runs' own exit codes 1/2/3/5 do not count"},
        {EXIT_USAGE, "a scenario or usage error: nothing was run"},
        {EXIT_INTERNAL, "a run crashed (exit 70, killed) or left no result.json"},
        {EXIT_SIGINT, INTERRUPTED},
        {EXIT_SIGTERM, TERMINATED}}},
      {"collect",
       "  linksim collect DIR [--partial] [--max-new-failures X]\n"
       "                               merge a job array's finished runs (summary.json or compare.json)\n",
       collect_entry,
       {{EXIT_PASS, "a sweep: every run exited 0; a compare: every variant's gate passed"},
        {EXIT_CORRECTNESS, "a sweep: the worst run exited 1; a compare: a variant's gate failed"},
        {EXIT_LATENCY, "a sweep: the worst run exited 2"},
        {EXIT_INCONCLUSIVE, "runs have not finished (nothing merged without --partial); a sweep: the worst run exited 3"},
        {EXIT_USAGE, "not a study folder, or a usage error"},
        {EXIT_NOTHING, "a sweep: the worst run exited 5"},
        {EXIT_INTERNAL, "a run crashed or left no result.json (a compare with --partial counts unfinished runs so)"}}},
      {"diff",
       "  linksim diff RESULT_A RESULT_B [--out DIR] [--max-new-failures X]\n"
       "                               the same comparison over finished result folders\n",
       diff_entry,
       {{EXIT_PASS, "B's gate against A passed"},
        {EXIT_CORRECTNESS, "B's gate against A failed (see the rules above)"},
        {EXIT_USAGE, "a folder holds no readable result, the folders of runs share no seed, or a usage error"},
        {EXIT_INTERNAL, INTERNAL}}},
      {"reference", "  linksim reference [--json]   the enums, defaults, sections and metrics, from the code\n",
       reference_entry, {{EXIT_PASS, "printed"}, {EXIT_USAGE, "a usage error"}}},
      {"persons",
       "  linksim persons SCENARIO [--agency A] [--person N] [--my-number M] [--limit K] [--date D] [--json]\n"
       "                               who persons are (My Number, residence, insurer, record holders)\n"
       "                               and the test My Numbers of each agency, without running\n",
       persons_entry,
       {{EXIT_PASS, "printed"},
        {EXIT_USAGE, "a scenario error, a usage error, or a person, My Number or agency the scenario does not have"}}},
      {"exercise",
       "  linksim exercise SCENARIO [--play AGENCY] [--actions FILE] [--out DIR] [--pace X] [--seed N]\n"
       "                               a training exercise: the trainee plays one agency in an incident,\n"
       "                               at the prompt or from an actions file, and is scored\n",
       exercise_entry,
       {{EXIT_PASS, "the exercise scored 100 % (the scenario's checks do not change the exit code)"},
        {EXIT_CORRECTNESS, "the exercise scored below 100 %"},
        {EXIT_USAGE, "a scenario, usage or actions-file error (FILE:LINE): nothing was run"},
        {EXIT_INTERNAL, INTERNAL},
        {EXIT_SIGINT, run_meaning(EXIT_SIGINT)},
        {EXIT_SIGTERM, run_meaning(EXIT_SIGTERM)}}},
  };
  return list;
}

const CommandDecl* find_command(const std::string& name)
{
  for (const CommandDecl& c : commands())
    if (name == c.name)
      return &c;
  return nullptr;
}

std::string exit_codes_help(const CommandDecl& c)
{
  std::string out = "Exit codes of linksim " + std::string(c.name) + ":\n";
  for (const CommandExit& e : c.exits) {
    const std::string n = std::to_string(e.code);
    out += std::string(3 - n.size(), ' ') + n + "  " + e.meaning + "\n";
  }
  return out;
}

std::string overview()
{
  std::string o =
      "linksim: a discrete-event simulator of Japan's My Number information-linkage network\n"
      "(情報提供ネットワークシステム) on SimGrid. It runs JSON scenario files and reports correctness\n"
      "(right data, right person, right layout version, right requester) and latency (per hop and end\n"
      "to end).\n\nUsage:\n";
  for (const CommandDecl& c : commands())
    o += c.usage;
  o += "  linksim COMMAND --help       help on one command, with its own exit codes\n"
       "  linksim --version\n\n";
  return o;
}

} // namespace linksim::cli
