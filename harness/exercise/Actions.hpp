// The trainee's actions in an exercise (`linksim exercise`): how they are written (an actions file,
// or a line typed at the prompt), and how they are scored against the scenario's expectations
// (section `exercise`, sim/scenario/Exercise.hpp). Pure logic, no engine: unit-tested on its own.
//
//   # actions file: WHEN ACTION [ARGS]; WHEN is a JST date-time or +DURATION after the first notice
//   2019-06-18T10:30:00+09:00 self_restraint_on
//   +PT45M judge_level 4
//   +PT2H post_sharing_site 06
//
// Actions are named by index into a list of names (the response's RESPONSE_ACTIONS table), so
// this file knows no incident model.
#pragma once

#include "sim/model/Calendar.hpp"
#include "sim/scenario/Incidents.hpp"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace linksim::exercise {

/// ISO-8601 duration with days, hours, minutes and seconds ("PT45M", "P1DT2H", "PT1H30M",
/// "PT90S"; no years, months or weeks: their length is not fixed) → seconds; nullopt if malformed.
std::optional<double> parse_iso_duration(const std::string& s);
/// The same, split into its days part (D) and the rest (hours, minutes, seconds) in seconds: in
/// business time a day is a business day, not 24 hours.
struct IsoDuration {
  long days   = 0;
  double rest_s = 0;
  double seconds() const { return static_cast<double>(days) * 86400.0 + rest_s; }
};
std::optional<IsoDuration> parse_iso_duration_parts(const std::string& s);
/// A duration typed at the prompt: ISO-8601, or "30m", "2h", "1h30m", "45s", "1d" → seconds.
std::optional<double> parse_short_duration(const std::string& s);

/// The arguments an action takes (the response's ActionArg): judge_level LEVEL,
/// post_sharing_site CATEGORY, report_* [SECTIONS].
struct ActionArgs {
  int level    = 0;           ///< judge_level: the incident level judged (1..5); 0: not given
  int category = 0;           ///< post_sharing_site: the site's category (5 or 6); 0: not given
  std::vector<int> sections;  ///< report_*: form 03-13 sections filled (1..6); empty: the rules' default
};
/// What arguments an action name takes (from its row in RESPONSE_ACTIONS).
using ArgKind = ActionArgKind;
ArgKind arg_kind(const std::string& action_name);
/// The argument syntax of an action, for the menu ("LEVEL (1-5)", "CATEGORY (05 or 06)", "[SECTIONS e.g. 1,2,6]").
std::string arg_help(const std::string& action_name);

/// When a planned action happens.
struct When {
  enum Kind { AT, AFTER_NOTICE, NOW } kind = NOW;
  double s = 0; ///< AT: simulated time; AFTER_NOTICE: seconds after the first notice; NOW: delay after now
};

/// One action of the trainee, as written.
struct PlannedAction {
  When when;
  uint32_t action = 0; ///< index into the action names
  ActionArgs args;
  std::string text;    ///< the line as written (trimmed)
  size_t line = 0;     ///< 1-based line in its file (0: typed at the prompt)
};

/// Parses the action words of a line ("self_restraint_on", "judge_level 4", "report_initial 1,2,6")
/// into `out`; returns an error message (empty on success).
std::string parse_action_words(const std::vector<std::string>& words, size_t first,
                               const std::vector<std::string>& names, PlannedAction& out);

/// Parses an actions file. `start_jst_s`: the scenario's start (JST date-times become simulated
/// seconds). Throws UsageError "FILE:LINE: what" for the first bad line (exit 4); every line is
/// checked and all problems are listed in the message.
std::vector<PlannedAction> parse_actions_file(std::istream& in, const std::string& file,
                                              const std::vector<std::string>& names, int64_t start_jst_s);

/// A line typed at the prompt.
struct PromptCommand {
  enum Kind { ACTION, WAIT, STATUS, HELP, QUIT, EMPTY } kind = EMPTY;
  PlannedAction action;   ///< ACTION
  double wait_s = -1;     ///< WAIT: how long (< 0: until the next decision point)
};
/// Parses a prompt line: "ACTION [ARGS] [after DURATION | at DATETIME]", or a line as in an actions
/// file ("+PT45M ACTION", "DATETIME ACTION"), "wait [DURATION]", "status", "help", "quit".
/// Returns an error message (empty on success).
std::string parse_prompt(const std::string& line, const std::vector<std::string>& names, int64_t start_jst_s,
                         PromptCommand& out);

// --- scoring ---------------------------------------------------------------------------------

/// One expectation, resolved to times (sim/scenario/Exercise.hpp has what the scenario says).
struct ExpectationTimes {
  uint32_t action  = 0;
  int level        = 0;  ///< judge_level: the level expected (0: any)
  int category     = 0;  ///< post_sharing_site: the category expected (0: any)
  double start_s   = 0;  ///< actions from this time count (the inject's time)
  double due_s     = 0;  ///< on time if done at or before this time
  double points    = 0;
};

/// An action as it was carried out in the run.
struct TakenAction {
  uint32_t action = 0;
  ActionArgs args;
  double t_s      = 0;
  bool accepted   = false;
  std::string reason; ///< why it was refused
};

enum class Verdict { ON_TIME, LATE, MISSING };
const char* to_string(Verdict v);

struct ExpectationScore {
  Verdict verdict = Verdict::MISSING;
  double earned   = 0;
  long taken      = -1; ///< index into the taken actions that met it (-1: none)
};

struct Score {
  std::vector<ExpectationScore> expectations; ///< in the scenario's order
  std::vector<size_t> unexpected;             ///< accepted actions that met no expectation
  std::vector<size_t> refused;                ///< actions the network refused
  double earned = 0, points = 0;
  double pct    = 0; ///< 100 × earned / points
};

/// Scores the taken actions (in time order): each expectation is met by the earliest accepted
/// action of its kind (and level or category, when it names one) taken at or after its start and
/// not used by an earlier expectation; on time (≤ due): full points; late: points × late_credit;
/// none: missing, 0.
Score score(const std::vector<ExpectationTimes>& expected, const std::vector<TakenAction>& taken, double late_credit);

/// The due time of a `within` deadline `d` after `anchor_s`; when `business`, counted in business
/// time (business hours on business days of the scenario's calendar), a day being one business day.
double due_after(const Calendar& cal, double anchor_s, const IsoDuration& d, bool business);

} // namespace linksim::exercise
