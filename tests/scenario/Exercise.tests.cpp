// `linksim exercise` (issue 9, point 5): the shipped exercise replayed from its model and late
// answers, and the command's errors. The interactive mode is driven through a pseudo-terminal by
// tests/exercise/play_pty.py (its own ctest entry).
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace linksim::test;

namespace {
const std::string SCENARIO = source_dir() + "/scenarios/exercise-replica-error.json";
const std::string PLAY     = "a-city-03";
std::string answers(const std::string& which) { return source_dir() + "/scenarios/exercise-replica-error." + which + ".txt"; }

nlohmann::json play(const std::string& actions, const std::string& dir, int expect_code)
{
  const auto r = run_linksim({"exercise", SCENARIO, "--play", PLAY, "--actions", actions, "--out", dir});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == expect_code);
  return read_json(dir + "/result.json")["exercise"];
}

std::string write_file(const std::string& dir, const std::string& name, const std::string& text)
{
  const std::string p = dir + "/" + name;
  std::ofstream(p) << text;
  return p;
}
} // namespace

TEST_CASE("exercise: the model answer scores 100 % and the late answer less, with more wrong provisions",
          "[exercise][incident]")
{
  const std::string dir = fresh_dir("exercise-replay");
  const auto model = play(answers("model-answer"), dir + "/model", 0);
  const auto late  = play(answers("late-answer"), dir + "/late", 1);

  CHECK(model["score_pct"].get<double>() == 100.0);
  CHECK(model["verdicts"]["late"] == 0);
  CHECK(model["verdicts"]["missing"] == 0);
  CHECK(model["refused"] == 0);
  CHECK(late["score_pct"].get<double>() < 100.0);
  CHECK(late["score_pct"].get<double>() > 0.0);
  CHECK(late["verdicts"]["late"].get<int>() >= 1);

  // the effect comes from the run: the incident makes wrong provisions until self-restraint is on,
  // and the late answer sets it later
  const auto& mc = model["cost"];
  const auto& lc = late["cost"];
  CHECK(mc["wrong_provisions"].get<uint64_t>() > 0);
  CHECK(lc["wrong_provisions"].get<uint64_t>() > mc["wrong_provisions"].get<uint64_t>());
  CHECK(lc["before_containment"].get<uint64_t>() > mc["before_containment"].get<uint64_t>());
  REQUIRE(mc["contained_at"].is_string());
  REQUIRE(lc["contained_at"].is_string());
  CHECK(lc["contained_at"].get<std::string>() > mc["contained_at"].get<std::string>());
  CHECK(lc["notice_to_containment_min"].get<double>() > mc["notice_to_containment_min"].get<double>());

  // the outputs: exercise.json (the same section) and the after-action report naming every expectation
  const auto ej = read_json(dir + "/late/exercise.json");
  CHECK(ej["exercise"] == late);
  const std::string aar = read_text(dir + "/late/after-action.html");
  CHECK(aar.find("After-action report") != std::string::npos);
  for (const auto& e : late["expectations"])
    CHECK(aar.find(e["id"].get<std::string>()) != std::string::npos);
  CHECK(aar.find("Improve:") != std::string::npos);
}

TEST_CASE("exercise: the same answers and seed give the same /exercise section", "[exercise][determinism]")
{
  const std::string dir = fresh_dir("exercise-determinism");
  const auto a = play(answers("late-answer"), dir + "/a", 1);
  const auto b = play(answers("late-answer"), dir + "/b", 1);
  CHECK(a == b);
}

TEST_CASE("exercise: a bad actions file is an error naming its file and line, exit 4", "[exercise][negative]")
{
  const std::string dir = fresh_dir("exercise-bad-actions");
  const std::string bad = write_file(dir, "bad.txt",
                                     "# a comment\n+PT10M judge_level 4\n+PT20M self_restraint_onn\nsoon phone_operator\n");
  const auto r = run_linksim({"exercise", SCENARIO, "--actions", bad, "--out", dir + "/out"});
  CHECK(r.exit_code == 4);
  CHECK(r.err.find(bad + ":3: unknown action \"self_restraint_onn\"") != std::string::npos);
  CHECK(r.err.find(bad + ":4: invalid time \"soon\"") != std::string::npos);

  const std::string outside = write_file(dir, "outside.txt", "2019-07-30T10:00:00+09:00 self_restraint_on\n");
  const auto o = run_linksim({"exercise", SCENARIO, "--actions", outside, "--out", dir + "/out"});
  CHECK(o.exit_code == 4);
  CHECK(o.err.find(outside + ":1: 2019-07-30T10:00:00+09:00 is outside the run's window") != std::string::npos);
}

TEST_CASE("exercise: usage errors exit 4 with a clear message", "[exercise][negative]")
{
  const std::string dir = fresh_dir("exercise-usage");
  const auto unknown = run_linksim({"exercise", SCENARIO, "--play", "a-city-99", "--actions", answers("model-answer")});
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err.find("--play: unknown agency \"a-city-99\"") != std::string::npos);
  const auto none = run_linksim({"exercise", source_dir() + "/scenarios/quickstart.json", "--actions", answers("model-answer")});
  CHECK(none.exit_code == 4);
  CHECK(none.err.find("has no `exercise` section") != std::string::npos);
  const auto pace = run_linksim({"exercise", SCENARIO, "--pace", "fast"});
  CHECK(pace.exit_code == 4);
  CHECK(pace.err.find("--pace: expected a positive number") != std::string::npos);
  const auto missing = run_linksim({"exercise", SCENARIO, "--actions", dir + "/none.txt"});
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find("cannot read the actions file") != std::string::npos);
}
