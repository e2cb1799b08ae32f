// Safe runs and honest exits: signals, incomplete folders, re-runs, option ranges.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace linksim::test;
namespace fs = std::filesystem;

namespace {
std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

/// Waits until `path` exists (the run has started writing), at most `s` seconds.
bool wait_for(const std::string& path, double s)
{
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(s);
  while (std::chrono::steady_clock::now() < until) {
    if (fs::exists(path))
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}
} // namespace

TEST_CASE("signals: SIGINT stops a long run within a second, exit 130, and leaves no complete-looking result",
          "[signals][safety]")
{
  for (const auto& [sig, code, word] : {std::tuple{SIGINT, 130, "interrupted (SIGINT)"}, {SIGTERM, 143, "terminated (SIGTERM)"}}) {
    const std::string dir = fresh_dir("signal-run-" + std::to_string(sig));
    const std::string out = dir + "/out";
    const Child c = start_linksim({"run", scenario("bench-national-month"), "--out", out, "--quiet"}, dir);
    REQUIRE(wait_for(out + "/exchanges.partial.csv", 60));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // inside the simulation
    const auto t0 = std::chrono::steady_clock::now();
    kill(c.pid, sig);
    const ProcessResult r = wait_child(c, 30);
    const double took     = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    INFO(r.err);
    CHECK(r.exit_code == code);
    CHECK(took < 1.0);
    CHECK(r.err.find(word) != std::string::npos);
    CHECK(r.err.find("no complete result was written") != std::string::npos);
    for (const char* f : {"result.json", "junit.xml", "report.html", "exchanges.csv", "result.json.tmp"})
      CHECK_FALSE(fs::exists(out + "/" + f));
    CHECK(fs::exists(out + "/exchanges.partial.csv")); // named as partial
  }
}

TEST_CASE("signals: SIGTERM to a sweep stops and reaps its child runs, exit 143", "[signals][sweep][safety]")
{
  const std::string dir = fresh_dir("signal-sweep");
  const Child c = start_linksim({"sweep", scenario("bench-national-month"), "--seeds", "4", "--jobs", "2", "--out",
                                 dir + "/out", "--no-exchanges-csv"},
                                dir);
  std::vector<int> kids;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (kids.size() < 2 && std::chrono::steady_clock::now() < until) {
    kids = children_of(c.pid);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(kids.size() == 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  kill(c.pid, SIGTERM);
  const ProcessResult r = wait_child(c, 30);
  INFO(r.err);
  CHECK(r.exit_code == 143);
  CHECK(r.err.find("linksim sweep: terminated (SIGTERM)") != std::string::npos);
  for (int k : kids)
    CHECK_FALSE(alive(k));
  CHECK_FALSE(fs::exists(dir + "/out/summary.json"));
}

TEST_CASE("outputs: a re-run into the same folder removes the earlier run's files first", "[outputs][safety]")
{
  const std::string dir = fresh_dir("rerun") + "/out";
  REQUIRE(run_linksim({"run", scenario("hand-latency"), "--out", dir, "--quiet"}).exit_code == 0);
  REQUIRE(fs::exists(dir + "/report.html"));
  REQUIRE(fs::exists(dir + "/exchanges.csv"));
  std::ofstream(dir + "/notes.txt") << "the user's own file";
  REQUIRE(run_linksim({"run", scenario("hand-latency"), "--out", dir, "--quiet", "--no-report", "--no-exchanges-csv"})
              .exit_code == 0);
  CHECK(fs::exists(dir + "/result.json"));
  CHECK_FALSE(fs::exists(dir + "/report.html"));   // not the earlier run's
  CHECK_FALSE(fs::exists(dir + "/exchanges.csv")); // likewise
  CHECK(fs::exists(dir + "/notes.txt"));           // not linksim's: kept
}

TEST_CASE("cli: out-of-range and malformed numeric options are usage errors (exit 4), never wrapped", "[cli][safety]")
{
  const std::string q = scenario("quickstart");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run", q, "--seed", "-1"}, {"run", q, "--seed", "18446744073709551616"},
        {"run", q, "--seed", "1e3"}, {"sweep", q, "--seeds", "-2"}, {"sweep", q, "--seeds", "0"},
        {"sweep", q, "--seeds", "2", "--jobs", "-1"}, {"sweep", q, "--seeds", "2", "--jobs", "0"}}) {
    const ProcessResult r = run_linksim(args);
    INFO(args[2] << " " << args[3]);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("error: --") != std::string::npos);
  }
}
