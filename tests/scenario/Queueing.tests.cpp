// Validation against queueing theory: the hub of scenarios/mm*.json is an M/M/c queue; the mean
// waiting time over independent replications (linksim sweep, one process per run) must have the
// Erlang-C value inside its 95 % confidence interval.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

using namespace linksim::test;
using nlohmann::json;

namespace {

/// Erlang C: mean waiting time in queue of an M/M/c queue (seconds).
double erlang_c_wait(unsigned c, double lambda, double mu)
{
  const double a = lambda / mu;
  double sum = 0, term = 1; // term = a^k / k!
  for (unsigned k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double top = term * c / (c - a); // a^c / c! * c / (c - a)
  const double pc  = top / (sum + top);
  return pc / (c * mu - lambda);
}

void check_queue(const std::string& name, unsigned seeds)
{
  const std::string path = source_dir() + "/scenarios/" + name + ".json";
  const json sc          = read_json(path);
  const unsigned c       = sc["hub"]["workers"].get<unsigned>();
  const double mu        = 1000.0 / sc["hub"]["request"]["mean_ms"].get<double>();
  const double lambda    = sc["workload"][0]["rate_per_day"].get<double>() / 86400.0;
  REQUIRE(sc["hub"]["request"]["dist"] == "exponential");
  REQUIRE(sc["workload"][0]["hours"] == "all_day");
  const double expected_ms = 1000.0 * erlang_c_wait(c, lambda, mu);

  const std::string dir = fresh_dir("queue-" + name);
  const ProcessResult r = run_linksim({"sweep", path, "--seeds", std::to_string(seeds), "--jobs", "2", "--out", dir,
                                       "--quiet", "--no-exchanges-csv"},
                                      1200);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json s  = read_json(dir + "/summary.json");
  const json& w = s["figures"]["/latency/hub_queue_wait/mean_ms"];
  REQUIRE(w["n"] == seeds);
  INFO(name << ": Erlang C " << expected_ms << " ms; simulated mean " << w["mean"] << " ms, 95 % CI ["
            << w["ci95_low"] << ", " << w["ci95_high"] << "]");
  CHECK(w["ci95_low"].get<double>() <= expected_ms);
  CHECK(expected_ms <= w["ci95_high"].get<double>());
  // The interval is informative (not so wide that anything fits): within 15 % of the value.
  CHECK(w["ci95_high"].get<double>() - w["ci95_low"].get<double>() < 0.15 * expected_ms);
  const json& u = s["figures"]["/servers/hub-dc/utilisation"];
  CHECK(std::abs(u["mean"].get<double>() - lambda / (c * mu)) < 0.02);
}

} // namespace

TEST_CASE("queueing: the hub as M/M/1 at utilisation 0.5 matches Erlang C", "[queueing]")
{
  check_queue("mm1-rho0.5", 10);
}

TEST_CASE("queueing: the hub as M/M/1 at utilisation 0.9 matches Erlang C", "[queueing]")
{
  check_queue("mm1-rho0.9", 10);
}

TEST_CASE("queueing: the hub as M/M/4 at utilisation 0.8 matches Erlang C", "[queueing]")
{
  check_queue("mm4-rho0.8", 10);
}

TEST_CASE("sweep: 8 replications of quickstart, 2 at a time, with a summary", "[sweep]")
{
  const std::string dir = fresh_dir("sweep-quickstart");
  const ProcessResult r = run_linksim({"sweep", source_dir() + "/scenarios/quickstart.json", "--seeds", "8", "--jobs", "2",
                                       "--out", dir, "--quiet"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json s = read_json(dir + "/summary.json");
  REQUIRE(s["runs"].size() == 8);
  for (const auto& run : s["runs"]) {
    CHECK(run["exit_code"] == 0);
    CHECK(std::filesystem::exists(dir + "/" + run["result"].get<std::string>()));
  }
  const json& all = s["figures"]["/outcomes/total/all"];
  CHECK(all["n"] == 8);
  CHECK(all["ci95_low"].get<double>() <= all["mean"].get<double>());
  CHECK(all["mean"].get<double>() <= all["ci95_high"].get<double>());
  CHECK(all["sd"].get<double>() > 0); // the seeds differ
  // Each run is a plain run: seed s's result equals `linksim run --seed s`.
  const std::string one = fresh_dir("sweep-quickstart-seed3");
  REQUIRE(run_linksim({"run", source_dir() + "/scenarios/quickstart.json", "--seed", "3", "--out", one, "--quiet"}).exit_code == 0);
  json a = read_json(one + "/result.json"), b = read_json(dir + "/seed-3/result.json");
  a.erase("wall");
  b.erase("wall");
  CHECK(a == b);
}
