// `linksim sweep --slurm`, `linksim compare --slurm` and `linksim collect` without a Slurm: the
// job-array script run by hand (bash, SLURM_ARRAY_TASK_ID set), collect's merge against a local
// sweep or compare, and the usage errors. The real Slurm run is the `slurm` test
// (tests/slurm/slurm_sweep_test.sh).
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace linksim::test;
using json = nlohmann::json;

namespace {
std::string quickstart() { return source_dir() + "/scenarios/quickstart.json"; }
std::string late_tax() { return source_dir() + "/scenarios/quickstart-late-tax.json"; }

/// Runs task `i` of DIR/array.sh as Slurm would start it.
ProcessResult run_task(const std::string& dir, size_t i)
{
  return run_process({"/usr/bin/env", "SLURM_ARRAY_TASK_ID=" + std::to_string(i), "/bin/bash", dir + "/array.sh"});
}
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
  for (size_t task : {0, 1}) {
    const ProcessResult t = run_task(dir, task);
    INFO(t.err);
    CHECK(t.exit_code == 0);
  }
  CHECK(read_text(dir + "/seed-6/exit_code") == "0\n");
  CHECK(run_task(dir, 2).exit_code == 4);
  const ProcessResult c = run_linksim({"collect", dir + "/", "--quiet"});
  INFO(c.err);
  REQUIRE(c.exit_code == 0);
  const std::string local = fresh_dir("study-local");
  REQUIRE(run_linksim({"sweep", quickstart(), "--seeds", "2", "--seed", "5", "--out", local, "--no-exchanges-csv", "--quiet"})
              .exit_code == 0);
  CHECK(read_text(dir + "/summary.json") == read_text(local + "/summary.json"));
}

TEST_CASE("study: compare --slurm, its tasks run by hand, then collect gives the local compare's verdicts", "[study][compare]")
{
  const std::string dir = fresh_dir("study-compare-array") + "/with blank";
  const ProcessResult w = run_linksim({"compare", quickstart(), late_tax(), "--seeds", "2", "--slurm", dir, "--no-exchanges-csv",
                                       "--max-new-failures", "0.25"});
  INFO(w.err);
  REQUIRE(w.exit_code == 0);
  CHECK(w.out.find("sbatch '" + dir + "/array.sh'") != std::string::npos);
  const json m = read_json(dir + "/manifest.json");
  CHECK(m["kind"] == "compare");
  CHECK(m["base"] == quickstart());
  CHECK(m["variants"] == json::array({late_tax()}));
  CHECK(m["seeds"] == json({{"first", 1}, {"count", 2}}));
  CHECK(m["max_new_failures"] == 0.25);
  CHECK(m["slurm"]["submitted"] == false);
  REQUIRE(m["runs"].size() == 4);
  CHECK(m["runs"][2]["out"] == "quickstart-late-tax/seed-1");
  CHECK(read_text(dir + "/array.sh").find("#SBATCH --array=0-3\n") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/quickstart")); // nothing ran
  const ProcessResult early = run_linksim({"collect", dir});
  CHECK(early.exit_code == 3);
  CHECK(early.err.find("4 of 4 runs have not finished") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/compare.json"));
  for (size_t task = 0; task < 4; ++task) {
    const ProcessResult t = run_task(dir, task);
    INFO(t.err);
    CHECK(read_text(dir + "/" + m["runs"][task]["out"].get<std::string>() + "/exit_code") == std::to_string(t.exit_code) + "\n");
  }
  const ProcessResult c = run_linksim({"collect", dir, "--quiet"});
  INFO(c.err);
  const std::string local = fresh_dir("study-compare-local");
  const ProcessResult l   = run_linksim({"compare", quickstart(), late_tax(), "--seeds", "2", "--jobs", "2", "--out", local,
                                         "--no-exchanges-csv", "--max-new-failures", "0.25", "--quiet"});
  INFO(l.err);
  CHECK(c.exit_code == l.exit_code);
  // A local compare leaves each run's exit_code too, so collect works on its folder.
  CHECK(read_text(local + "/quickstart-late-tax/seed-2/exit_code") == read_text(dir + "/quickstart-late-tax/seed-2/exit_code"));
  const json a = read_json(dir + "/compare.json"), b = read_json(local + "/compare.json");
  for (const char* k : {"base", "seeds", "max_new_failures", "missing_results", "runs", "exit_code"})
    CHECK(a[k] == b[k]);
  REQUIRE(a["variants"].size() == 1);
  REQUIRE(b["variants"].size() == 1);
  for (const char* k : {"name", "pairs", "gate", "checks", "entities", "outcome_deltas", "latency_deltas"})
    CHECK(a["variants"][0][k] == b["variants"][0][k]);
  CHECK(a == b); // nothing in compare.json depends on where the runs ran
  CHECK(read_text(dir + "/junit.xml") == read_text(local + "/junit.xml"));
  const ProcessResult again = run_linksim({"collect", local, "--quiet", "--max-new-failures", "100000"});
  CHECK(again.exit_code == 0);
  CHECK(read_json(local + "/compare.json")["max_new_failures"] == 100000.0);
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
  const ProcessResult cp = run_linksim({"compare", quickstart(), late_tax(), "--mem", "2G"});
  CHECK(cp.exit_code == 4);
  CHECK(cp.err.find("--mem needs --slurm DIR") != std::string::npos);
  const ProcessResult cj = run_linksim({"compare", quickstart(), late_tax(), "--slurm", dir + "/cj", "--jobs", "2"});
  CHECK(cj.exit_code == 4);
  CHECK(cj.err.find("--jobs has no meaning with --slurm") != std::string::npos);
  CHECK(run_linksim({"compare", quickstart(), late_tax(), "--slurm", dir + "/co", "--out", dir + "/o"}).exit_code == 4);
  const ProcessResult csb = run_process({"/usr/bin/env", "PATH=/nonexistent", LINKSIM_BIN, "compare", quickstart(), late_tax(),
                                         "--slurm", dir + "/cs", "--submit"});
  CHECK(csb.exit_code == 4);
  CHECK(csb.err.find("sbatch not found on PATH") != std::string::npos);
  CHECK(read_json(dir + "/cs/manifest.json")["kind"] == "compare");
  const ProcessResult nm = run_linksim({"collect", dir + "/nothing"});
  CHECK(nm.exit_code == 4);
  CHECK(nm.err.find(dir + "/nothing/manifest.json: no manifest") != std::string::npos);
  const ProcessResult h = run_linksim({"collect", "--help"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("Exit codes of linksim collect:") != std::string::npos);
}
