// `linksim sweep --slurm` and `linksim collect` without a Slurm: the job-array script run by hand
// (bash, SLURM_ARRAY_TASK_ID set), collect's merge against a local sweep, and the usage errors.
// The real Slurm run is the `slurm` test (tests/slurm/slurm_sweep_test.sh).
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace linksim::test;
using json = nlohmann::json;

namespace {
std::string quickstart() { return source_dir() + "/scenarios/quickstart.json"; }
} // namespace

TEST_CASE("study: the job array's tasks run by hand, then collect gives the local sweep's summary.json", "[study][sweep]")
{
  const std::string dir = fresh_dir("study-array") + "/with blank";
  const ProcessResult w = run_linksim({"sweep", quickstart(), "--seeds", "2", "--seed", "5", "--slurm", dir,
                                       "--no-exchanges-csv", "--time", "00:05:00"});
  INFO(w.err);
  REQUIRE(w.exit_code == 0);
  CHECK(w.out.find("sbatch '" + dir + "/array.sh'") != std::string::npos); // the command to run, quoted
  const json m = read_json(dir + "/manifest.json");
  CHECK(m["kind"] == "sweep");
  CHECK(m["slurm"]["submitted"] == false);
  CHECK(m["slurm"]["job_id"].is_null());
  REQUIRE(m["runs"].size() == 2);
  CHECK(m["runs"][1]["out"] == "seed-6");
  // Not run yet: collect names the runs and writes nothing.
  const ProcessResult early = run_linksim({"collect", dir});
  CHECK(early.exit_code == 3);
  CHECK(early.err.find("2 of 2 runs have not finished") != std::string::npos);
  CHECK(early.err.find("seed-5, seed-6") != std::string::npos);
  CHECK(!std::filesystem::exists(dir + "/summary.json"));
  // Each task as Slurm would start it.
  for (const char* task : {"0", "1"}) {
    const ProcessResult t = run_process({"/usr/bin/env", std::string("SLURM_ARRAY_TASK_ID=") + task, "/bin/bash", dir + "/array.sh"});
    INFO(t.err);
    CHECK(t.exit_code == 0);
  }
  CHECK(read_text(dir + "/seed-6/exit_code") == "0\n");
  CHECK(run_process({"/usr/bin/env", "SLURM_ARRAY_TASK_ID=2", "/bin/bash", dir + "/array.sh"}).exit_code == 4);
  const ProcessResult c = run_linksim({"collect", dir + "/", "--quiet"});
  INFO(c.err);
  REQUIRE(c.exit_code == 0);
  const std::string local = fresh_dir("study-local");
  REQUIRE(run_linksim({"sweep", quickstart(), "--seeds", "2", "--seed", "5", "--out", local, "--no-exchanges-csv", "--quiet"})
              .exit_code == 0);
  CHECK(read_text(dir + "/summary.json") == read_text(local + "/summary.json"));
}

TEST_CASE("study: --submit without sbatch, options without --slurm, collect without a manifest: exit 4", "[study][cli]")
{
  const std::string dir = fresh_dir("study-errors");
  const ProcessResult nosb = run_process({"/usr/bin/env", "PATH=/nonexistent", LINKSIM_BIN, "sweep", quickstart(), "--seeds",
                                          "2", "--slurm", dir + "/s", "--submit"});
  CHECK(nosb.exit_code == 4);
  CHECK(nosb.err.find("sbatch not found on PATH") != std::string::npos);
  CHECK(read_json(dir + "/s/manifest.json")["slurm"]["submitted"] == false); // left for a manual submission
  const ProcessResult np = run_linksim({"sweep", quickstart(), "--seeds", "2", "--partition", "x"});
  CHECK(np.exit_code == 4);
  CHECK(np.err.find("--partition needs --slurm DIR") != std::string::npos);
  CHECK(run_linksim({"sweep", quickstart(), "--seeds", "2", "--slurm", dir + "/j", "--jobs", "2"}).exit_code == 4);
  CHECK(run_linksim({"sweep", quickstart(), "--seeds", "2", "--slurm", dir + "/100%"}).exit_code == 4);
  const ProcessResult nm = run_linksim({"collect", dir + "/nothing"});
  CHECK(nm.exit_code == 4);
  CHECK(nm.err.find(dir + "/nothing/manifest.json: no manifest") != std::string::npos);
  const ProcessResult h = run_linksim({"collect", "--help"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("Exit codes:") != std::string::npos);
}
