// The exercise's actions file, prompt lines and scoring (harness/exercise/Actions.hpp).
#include "harness/Errors.hpp"
#include "harness/exercise/Actions.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace linksim;
using namespace linksim::exercise;

namespace {
const std::vector<std::string> NAMES = {"judge_level",    "self_restraint_on", "phone_operator",    "report_initial",
                                        "report_interim", "report_final",      "post_sharing_site", "fix_replicas",
                                        "annotate",       "self_restraint_off"};
// 2019-06-17T00:00:00+09:00 in seconds since 1970-01-01T00:00 JST
const int64_t START = *parse_jst_datetime("2019-06-17T00:00:00+09:00");

std::vector<PlannedAction> parse(const std::string& text)
{
  std::istringstream in(text);
  return parse_actions_file(in, "answers.txt", NAMES, START);
}
TakenAction taken(uint32_t action, int level, int category, double t, bool accepted)
{
  TakenAction a;
  a.action        = action;
  a.args.level    = level;
  a.args.category = category;
  a.t_s           = t;
  a.accepted      = accepted;
  return a;
}
std::string parse_error(const std::string& text)
{
  try {
    parse(text);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}
} // namespace

TEST_CASE("exercise::parse_iso_duration: days, hours, minutes and seconds", "[exercise]")
{
  CHECK(*parse_iso_duration("PT45M") == 2700);
  CHECK(*parse_iso_duration("PT1H30M") == 5400);
  CHECK(*parse_iso_duration("P1DT2H") == 93600);
  CHECK(*parse_iso_duration("P2D") == 172800);
  CHECK(*parse_iso_duration("PT90S") == 90);
  CHECK_FALSE(parse_iso_duration("PT"));
  CHECK_FALSE(parse_iso_duration("P1M")); // months have no fixed length
  CHECK_FALSE(parse_iso_duration("PT1.5H"));
  CHECK_FALSE(parse_iso_duration("45M"));
  CHECK_FALSE(parse_iso_duration("PT45"));
  CHECK(*parse_short_duration("1h30m") == 5400);
  CHECK(*parse_short_duration("30m") == 1800);
  CHECK(*parse_short_duration("PT2H") == 7200);
  CHECK_FALSE(parse_short_duration("30 minutes"));
  CHECK_FALSE(parse_short_duration("h"));
}

TEST_CASE("exercise::parse_actions_file: absolute and relative times, arguments and comments", "[exercise]")
{
  const auto a = parse("# model answer\n"
                       "\n"
                       "+PT20M judge_level 4   # level 4: more than 10,000 persons\n"
                       "2019-06-17T10:30:00+09:00 self_restraint_on\n"
                       "+PT2H post_sharing_site 06\n"
                       "+PT3H report_initial 1,2,6\n"
                       "+P1D report_final\n");
  REQUIRE(a.size() == 5);
  CHECK(a[0].when.kind == When::AFTER_NOTICE);
  CHECK(a[0].when.s == 1200);
  CHECK(a[0].action == 0);
  CHECK(a[0].args.level == 4);
  CHECK(a[0].line == 3);
  CHECK(a[0].text == "+PT20M judge_level 4");
  CHECK(a[1].when.kind == When::AT);
  CHECK(a[1].when.s == 10.5 * 3600);
  CHECK(a[1].action == 1);
  CHECK(a[2].args.category == 6);
  CHECK(a[3].args.sections == std::vector<int>{1, 2, 6});
  CHECK(a[4].args.sections.empty());
  CHECK(a[4].when.s == 86400);
}

TEST_CASE("exercise::parse_actions_file: every bad line is named with its file and line number", "[exercise][negative]")
{
  CHECK_THAT(parse_error("+PT10M judge_level 4\n+PT10M dance\n"),
             Catch::Contains("answers.txt:2: unknown action \"dance\""));
  CHECK_THAT(parse_error("tomorrow self_restraint_on\n"), Catch::Contains("answers.txt:1: invalid time \"tomorrow\""));
  CHECK_THAT(parse_error("2019-06-17T10:30:00Z self_restraint_on\n"), Catch::Contains("answers.txt:1: invalid time"));
  CHECK_THAT(parse_error("+45M self_restraint_on\n"), Catch::Contains("answers.txt:1: invalid relative time \"+45M\""));
  CHECK_THAT(parse_error("+PT1H judge_level\n"), Catch::Contains("answers.txt:1: judge_level takes one LEVEL"));
  CHECK_THAT(parse_error("+PT1H judge_level 7\n"), Catch::Contains("judge_level takes one LEVEL, an integer 1 to 5"));
  CHECK_THAT(parse_error("+PT1H post_sharing_site 03\n"), Catch::Contains("05 (failure status) or 06"));
  CHECK_THAT(parse_error("+PT1H report_initial 1,9\n"), Catch::Contains("section numbers 1 to 6"));
  CHECK_THAT(parse_error("+PT1H report_initial 1,1\n"), Catch::Contains("section 1 given twice"));
  CHECK_THAT(parse_error("+PT1H self_restraint_on now\n"), Catch::Contains("self_restraint_on takes no argument"));
  CHECK_THAT(parse_error("+PT1H\n"), Catch::Contains("answers.txt:1: expected an action after the time"));
  CHECK_THAT(parse_error("# nothing\n\n"), Catch::Contains("answers.txt: no action in the file"));
  // both bad lines are listed, not only the first
  const std::string two = parse_error("x judge_level 4\n+PT1H fly\n");
  CHECK_THAT(two, Catch::Contains("answers.txt:1:"));
  CHECK_THAT(two, Catch::Contains("answers.txt:2:"));
}

TEST_CASE("exercise::parse_prompt: actions now, after a delay or at a time, wait, status and help", "[exercise]")
{
  PromptCommand c;
  CHECK(parse_prompt("self_restraint_on", NAMES, START, c).empty());
  CHECK(c.kind == PromptCommand::ACTION);
  CHECK(c.action.when.kind == When::NOW);
  CHECK(c.action.when.s == 0);
  CHECK(parse_prompt("judge_level 4 after 30m", NAMES, START, c).empty());
  CHECK(c.action.when.s == 1800);
  CHECK(c.action.args.level == 4);
  CHECK(parse_prompt("report_final at 2019-06-18T09:00:00+09:00", NAMES, START, c).empty());
  CHECK(c.action.when.kind == When::AT);
  CHECK(c.action.when.s == 33 * 3600);
  CHECK(parse_prompt("+PT45M fix_replicas", NAMES, START, c).empty());
  CHECK(c.action.when.kind == When::AFTER_NOTICE);
  CHECK(parse_prompt("wait", NAMES, START, c).empty());
  CHECK(c.kind == PromptCommand::WAIT);
  CHECK(c.wait_s < 0);
  CHECK(parse_prompt("wait 2h", NAMES, START, c).empty());
  CHECK(c.wait_s == 7200);
  CHECK(parse_prompt("  ", NAMES, START, c).empty());
  CHECK(c.kind == PromptCommand::EMPTY);
  CHECK(parse_prompt("status", NAMES, START, c).empty());
  CHECK(c.kind == PromptCommand::STATUS);
  CHECK_THAT(parse_prompt("wait forever", NAMES, START, c), Catch::Contains("wait takes an optional DURATION"));
  CHECK_THAT(parse_prompt("judge_level 4 after soon", NAMES, START, c), Catch::Contains("invalid duration \"soon\""));
  CHECK_THAT(parse_prompt("panic", NAMES, START, c), Catch::Contains("unknown action \"panic\""));
}

TEST_CASE("exercise::score: on time earns all points, late a share, missing none", "[exercise]")
{
  // three expectations of one inject at t = 1000: judge level 4 by 2800, contain by 4600, post (06) by 10000
  const std::vector<ExpectationTimes> ex = {
      {0, 4, 0, 1000, 2800, 10}, {1, 0, 0, 1000, 4600, 30}, {6, 0, 6, 1000, 10000, 10}};
  SECTION("all on time: 100 %")
  {
    std::vector<TakenAction> t = {taken(0, 4, 0, 2000, true), taken(1, 0, 0, 4600, true), taken(6, 0, 6, 9000, true)};
    const Score s = score(ex, t, 0.5);
    CHECK(s.pct == 100.0);
    CHECK(s.expectations[1].verdict == Verdict::ON_TIME); // at the deadline itself: on time
    CHECK(s.unexpected.empty());
  }
  SECTION("late containment earns half of its points, a missing post none")
  {
    std::vector<TakenAction> t = {taken(0, 4, 0, 2000, true), taken(1, 0, 0, 8000, true)};
    const Score s = score(ex, t, 0.5);
    CHECK(s.expectations[0].verdict == Verdict::ON_TIME);
    CHECK(s.expectations[1].verdict == Verdict::LATE);
    CHECK(s.expectations[1].earned == 15);
    CHECK(s.expectations[2].verdict == Verdict::MISSING);
    CHECK(s.earned == 25);
    CHECK(s.pct == Approx(50.0));
  }
  SECTION("the wrong level, the wrong category, a refused action or one before the inject do not count")
  {
    std::vector<TakenAction> t = {taken(0, 3, 0, 2000, true), taken(1, 0, 0, 500, true), taken(1, 0, 0, 1500, false),
                                  taken(6, 0, 5, 3000, true), taken(8, 0, 0, 3000, true)};
    const Score s = score(ex, t, 0.5);
    CHECK(s.pct == 0);
    for (const auto& e : s.expectations)
      CHECK(e.verdict == Verdict::MISSING);
    CHECK(s.refused == std::vector<size_t>{2});
    CHECK(s.unexpected == std::vector<size_t>{0, 1, 3, 4});
  }
  SECTION("one action meets one expectation only")
  {
    const std::vector<ExpectationTimes> two = {{1, 0, 0, 0, 100, 1}, {1, 0, 0, 0, 100, 1}};
    std::vector<TakenAction> t = {taken(1, 0, 0, 50, true)};
    const Score s = score(two, t, 0.5);
    CHECK(s.expectations[0].verdict == Verdict::ON_TIME);
    CHECK(s.expectations[1].verdict == Verdict::MISSING);
    CHECK(s.pct == 50);
  }
}

TEST_CASE("exercise::due_after: a business-time deadline skips the night and the weekend, a day is a business day", "[exercise]")
{
  // 2019-06-21 is a Friday; business hours 08:30-17:15
  const Calendar cal(START, 8 * 3600 + 1800, 17 * 3600 + 900, (1u << 0) | (1u << 6), {});
  const double fri_1700 = 4 * 86400 + 17 * 3600;
  const IsoDuration hour = *parse_iso_duration_parts("PT1H");
  CHECK(due_after(cal, fri_1700, hour, false) == fri_1700 + 3600);
  // 15 business minutes on Friday, 45 on Monday from 08:30: Monday 09:15
  CHECK(due_after(cal, fri_1700, hour, true) == Approx(7 * 86400 + 9 * 3600 + 900));
  // a business day is a business day: Friday 17:00 + P1D = Monday 17:00; + P1DT1H = Tuesday 09:15
  CHECK(due_after(cal, fri_1700, *parse_iso_duration_parts("P1D"), true) == Approx(7 * 86400 + 17 * 3600));
  CHECK(due_after(cal, fri_1700, *parse_iso_duration_parts("P1DT1H"), true) == Approx(8 * 86400 + 9 * 3600 + 900));
  CHECK(due_after(cal, fri_1700, *parse_iso_duration_parts("P1D"), false) == fri_1700 + 86400);
}
