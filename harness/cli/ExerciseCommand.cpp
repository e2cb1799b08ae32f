// `linksim exercise SCENARIO --play AGENCY`: a training exercise a person plays (issue 9, point 5).
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/exercise/ExerciseRun.hpp"
#include "harness/run/Runner.hpp"

#include <cmath>
#include <iostream>

namespace linksim::cli {

int exercise_command(const std::vector<std::string>& args)
{
  po::options_description d(
      "linksim exercise SCENARIO [--play AGENCY] [--actions FILE] [--out DIR] [--pace X] [--seed N]\n\n"
      "A training exercise: the trainee plays one agency in an incident (the scenario's `exercise` section\n"
      "names the agency played by default and the scored expectations per inject). The automatic response\n"
      "plays every other agency; the played agency acts only as the trainee says, through the response\n"
      "model, so its choices change the run (later self-restraint: more wrong provisions).\n\n"
      "Interactive (no --actions): simulated time runs fast and stops at each decision point: a notice to\n"
      "the agency's staff (a requester's complaint, a mail from the information-sharing site, an alarm), a\n"
      "fault on its line, the end of a `wait DURATION`, or planned actions done. It shows what the staff\n"
      "would see then (the notice, the time, the agency's answers and wrong provisions so far, the last\n"
      "query results) and the menu of actions. Type an action, e.g. `judge_level 4`, `self_restraint_on`,\n"
      "`post_sharing_site 06`, `report_initial 1,2,6`, optionally followed by `after 30m` or\n"
      "`at 2019-06-18T10:30:00+09:00`; `wait` (or `wait 2h`) lets time run; `status`, `help`; `quit` or\n"
      "end of input: no more decisions. While the prompt waits, the simulation waits.\n\n"
      "Non-interactive (--actions FILE): one timed action a line, `WHEN ACTION [ARGS]`, WHEN a JST\n"
      "date-time or +DURATION (ISO-8601, e.g. +PT45M) after the first notice to the agency's staff;\n"
      "`#` starts a comment. A bad line is an error naming FILE:LINE (exit 4).\n\n"
      "Scoring: an expectation is met by the first accepted action of its kind (and level or category, if\n"
      "it names one) at or after its inject: on time (at or before its deadline) earns its points, late\n"
      "earns `late_credit` (default 0.5) of them, missing none; actions not expected and actions the\n"
      "network refused are listed. Score = earned / points in %.\n\n"
      "Writes, besides a run's files (result.json with /exercise, exchanges.csv, junit.xml, report.html):\n"
      "exercise.json (the exercise alone) and after-action.html (timeline of injects and actions, score\n"
      "per expectation, what it cost, improvement points). Exit code: 0 when the score is 100 %, 1 when\n"
      "below, 4 for a scenario or usage error (the run's own `expect` checks are in result.json but do\n"
      "not change the exit code).\n\nOptions");
  d.add_options()("help,h", "show this help")(
      "play", po::value<std::string>(), "the agency the trainee plays (default: the scenario's `exercise.play`)")(
      "actions", po::value<std::string>(), "play from this actions file instead of the prompt")(
      "out", po::value<std::string>(), "output directory (default: results/<scenario>/<run-id>)")(
      "pace", po::value<std::string>(),
      "link simulated time to wall time: X simulated seconds per wall-clock second between decision points\n"
      "(e.g. 600: ten simulated minutes a second; default: as fast as possible)")(
      "seed", po::value<std::string>(), "random seed, 0 to 2^64-1 (default: the scenario's `seed`, else 1)")(
      "quiet,q", "no summary");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "exercise", d, vm, files))
    return EXIT_PASS;
  if (files.size() != 1)
    throw UsageError("exercise takes exactly one SCENARIO file (see linksim exercise --help)");
  ExerciseOptions eo;
  if (vm.count("play"))
    eo.play = vm["play"].as<std::string>();
  if (vm.count("actions"))
    eo.actions_file = vm["actions"].as<std::string>();
  if (vm.count("pace")) {
    const std::string p = vm["pace"].as<std::string>();
    size_t used         = 0;
    double x            = 0;
    try {
      x = std::stod(p, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != p.size() || !std::isfinite(x) || x <= 0)
      throw UsageError("--pace: expected a positive number of simulated seconds per wall-clock second, found \"" + p + "\"");
    eo.pace = x;
  }
  ExerciseRun hooks(eo);
  RunOptions o;
  o.scenario = files.front();
  if (vm.count("seed"))
    o.seed = unsigned_option(vm, "seed", 0, UINT64_MAX);
  if (vm.count("out"))
    o.out_dir = vm["out"].as<std::string>();
  o.quiet = vm.count("quiet") > 0;
  o.hooks = &hooks;
  return run_scenario(o);
}

} // namespace linksim::cli
