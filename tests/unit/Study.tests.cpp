// Studies of many runs without running any: the plan's manifest, the Slurm job-array script and
// collect's checks (harness/run/Plan.hpp, SlurmScript.hpp, Merge.hpp).
#include "harness/Errors.hpp"
#include "harness/run/Merge.hpp"
#include "harness/run/OutputDir.hpp"
#include "harness/run/SlurmScript.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace linksim;

namespace {

/// A sweep plan of `n` seeds from 7 in `dir`, as plan_sweep makes it.
RunPlan sweep_plan(const std::string& dir, unsigned n)
{
  RunPlan p;
  p.kind    = "sweep";
  p.dir     = dir;
  p.linksim = "/opt/link sim/bin/linksim";
  p.version = "0.0.test";
  p.header["scenario"] = {{"path", "/data/my scenarios/it's.json"}, {"name", "unit"}, {"file_sha256", "ab12"}};
  p.header["seeds"]    = {{"first", 7}, {"count", n}};
  for (unsigned i = 0; i < n; ++i) {
    PlannedRun r;
    r.scenario = "/data/my scenarios/it's.json";
    r.name     = "unit";
    r.seed     = 7 + i;
    r.out      = "seed-" + std::to_string(7 + i);
    r.argv     = {p.linksim, "run", r.scenario, "--seed", std::to_string(r.seed), "--out", dir + "/" + r.out, "--quiet"};
    p.runs.push_back(r);
  }
  return p;
}

std::string fresh_dir(const std::string& name)
{
  const std::string d = std::filesystem::temp_directory_path().string() + "/linksim-unit-" + name + "-" +
                        std::to_string(::getpid());
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

} // namespace

TEST_CASE("study::array_script: one task per run, 0 to N-1, each mapped to its run's command", "[study][slurm]")
{
  RunPlan p = sweep_plan("/scratch/study one", 3);
  p.slurm   = SlurmJob{};
  const std::string s = array_script(p, {"short", "00:10:00", 2, "2G"});
  CHECK(s.rfind("#!/bin/bash\n", 0) == 0);
  CHECK(contains(s, "\n#SBATCH --array=0-2\n"));
  CHECK(contains(s, "\n#SBATCH --output=\"/scratch/study one/slurm-%A_%a.out\"\n"));
  CHECK(contains(s, "\n#SBATCH --partition=short\n#SBATCH --time=00:10:00\n#SBATCH --cpus-per-task=2\n#SBATCH --mem=2G\n"));
  // Every #SBATCH line comes before the first command (sbatch stops reading them there).
  CHECK(s.rfind("#SBATCH") < s.find("\nset -u\n"));
  CHECK(contains(s, "  0)\n    out='/scratch/study one/seed-7'\n"));
  CHECK(contains(s, "  2)\n    out='/scratch/study one/seed-9'\n"));
  CHECK(!contains(s, "  3)\n"));
  // Paths with blanks and quotes are single words in bash.
  CHECK(contains(s, "cmd=('/opt/link sim/bin/linksim' 'run' '/data/my scenarios/it'\\''s.json' '--seed' '8' '--out' "
                    "'/scratch/study one/seed-8' '--quiet') ;;"));
  // The task records linksim's exit code in the run's folder.
  CHECK(contains(s, "\"${cmd[@]}\"\ncode=$?\n"));
  CHECK(contains(s, "mv -f -- \"$out/exit_code.tmp\" \"$out/exit_code\""));
  // Without options, no resource lines.
  const std::string bare = array_script(p, {});
  CHECK(!contains(bare, "--partition"));
  CHECK(!contains(bare, "--mem"));
}

TEST_CASE("study::array_script: refuses a folder or an option an #SBATCH line cannot carry", "[study][slurm]")
{
  CHECK_THROWS_AS(array_script(sweep_plan("/scratch/100%", 2), {}), UsageError);
  CHECK_THROWS_AS(array_script(sweep_plan("/scratch/a\"b", 2), {}), UsageError);
  CHECK_THROWS_AS(array_script(sweep_plan("/scratch/ok", 2), {"two words", "", 0, ""}), UsageError);
  CHECK_THROWS_AS(array_script(sweep_plan("relative/dir", 2), {}), InternalError);
}

TEST_CASE("study::shell_quote: single quotes, a quote as '\\''", "[study][slurm]")
{
  CHECK(shell_quote("plain") == "'plain'");
  CHECK(shell_quote("a b") == "'a b'");
  CHECK(shell_quote("it's") == "'it'\\''s'");
  CHECK(shell_quote("$HOME `x`") == "'$HOME `x`'");
}

TEST_CASE("study::manifest: written and read back unchanged, kind-specific fields kept", "[study][manifest]")
{
  const std::string dir = fresh_dir("manifest");
  RunPlan p             = sweep_plan(dir, 2);
  p.slurm               = SlurmJob{"4242", "array.sh", true};
  p.header["extra"]     = {{"k", "v"}};
  write_manifest(p);
  const RunPlan q = read_manifest(dir);
  CHECK(q.kind == "sweep");
  CHECK(q.dir == dir);
  CHECK(q.linksim == p.linksim);
  CHECK(q.version == p.version);
  REQUIRE(q.runs.size() == 2);
  CHECK(q.runs[1].scenario == p.runs[1].scenario);
  CHECK(q.runs[1].seed == 8);
  CHECK(q.runs[1].out == "seed-8");
  CHECK(q.runs[1].argv == p.runs[1].argv);
  REQUIRE(q.slurm);
  CHECK(q.slurm->job_id == "4242");
  CHECK(q.slurm->submitted);
  CHECK(manifest_json(q) == manifest_json(p));
  std::filesystem::remove_all(dir);
}

TEST_CASE("study::manifest: a missing or malformed manifest names the file and what is wrong", "[study][manifest]")
{
  const std::string dir = fresh_dir("bad-manifest");
  auto message          = [&] {
    try {
      read_manifest(dir);
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(contains(message(), dir + "/manifest.json: no manifest"));
  std::ofstream(dir + "/manifest.json") << "{\"kind\": \"sweep\", \"runs\": [{\"scenario\": \"/x.json\", \"out\": \"seed-1\"}]}";
  CHECK(contains(message(), dir + "/manifest.json: /runs/0/seed: missing"));
  std::ofstream(dir + "/manifest.json") << "{\"runs\": []}";
  CHECK(contains(message(), "/kind: missing"));
  std::ofstream(dir + "/manifest.json") << "{\"kind\": \"sweep\", \"runs\": [{\"scenario\": \"/x.json\", \"seed\": 1, \"out\": \"../up\"}]}";
  CHECK(contains(message(), "/runs/0/out: expected a folder inside the study's folder"));
  std::ofstream(dir + "/manifest.json") << "{\"kind\":";
  CHECK(contains(message(), "not valid JSON"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("study::collect: a run that has not finished is named, exit 3, no summary", "[study][collect]")
{
  const std::string dir = fresh_dir("collect");
  const RunPlan p       = sweep_plan(dir, 3);
  write_manifest(p);
  write_exit_code(dir + "/seed-7", 0);
  write_exit_code(dir + "/seed-9", 2);
  CHECK(unfinished_runs(read_manifest(dir)) == std::vector<std::string>{"seed-8"});
  CHECK(collect({dir, false, true}) == EXIT_INCONCLUSIVE);
  CHECK(!std::filesystem::exists(dir + "/summary.json"));
  // --partial merges what finished; the run that did not counts as inconclusive (3), and a latency
  // failure (2) of a finished run is worse.
  CHECK(collect({dir, true, true}) == EXIT_LATENCY);
  REQUIRE(std::filesystem::exists(dir + "/summary.json"));
  std::ifstream in(dir + "/summary.json");
  const auto s = nlohmann::json::parse(in);
  CHECK(s["runs"][1]["exit_code"].is_null());
  CHECK(s["runs"][2]["exit_code"] == 2);
  CHECK(s["runs"][0]["result"].is_null()); // finished without a result.json, as a local run that failed
  // Once all have finished, the worst code.
  write_exit_code(dir + "/seed-8", 1);
  CHECK(collect({dir, false, true}) == EXIT_CORRECTNESS);
  std::filesystem::remove_all(dir);
}

TEST_CASE("study::collect: compare manifests wait for linksim compare; unknown kinds are refused", "[study][collect]")
{
  const std::string dir = fresh_dir("collect-kind");
  RunPlan p             = sweep_plan(dir, 1);
  write_exit_code(dir + "/seed-7", 0);
  for (const char* kind : {"compare", "sweeps"}) {
    p.kind = kind;
    write_manifest(p);
    try {
      collect({dir, false, true});
      FAIL("no error");
    } catch (const UsageError& e) {
      CHECK(contains(e.what(), dir + "/manifest.json"));
      CHECK(contains(e.what(), std::string(kind) == "compare" ? "once linksim compare lands" : "unknown kind \"sweeps\""));
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("study::exit codes: a malformed exit_code file is an error, not a silent pass", "[study][collect]")
{
  const std::string dir = fresh_dir("exit-code");
  CHECK(!read_exit_code(dir));
  std::ofstream(dir + "/exit_code") << "zero\n";
  CHECK_THROWS_AS(read_exit_code(dir), UsageError);
  write_exit_code(dir, 143);
  CHECK(read_exit_code(dir) == 143);
  CHECK(worse_exit(0, 3) == 3);
  CHECK(worse_exit(2, 1) == 1);
  CHECK(worse_exit(143, 4) == 143);
  std::filesystem::remove_all(dir);
}
