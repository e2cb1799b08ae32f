// Studies of many runs without running any: the plan's manifest (a sweep's and a compare's), the
// Slurm job-array script, collect's checks and its dispatch to compare's merge (harness/run/Plan.hpp,
// SlurmScript.hpp, Merge.hpp, ComparePlan.hpp).
#include "harness/Errors.hpp"
#include "harness/run/ComparePlan.hpp"
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

TEST_CASE("study::shell_quote: single quotes, a quote inside is closed, escaped and reopened", "[study][slurm]")
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
  CHECK(collect({dir, false, true, {}}) == EXIT_INCONCLUSIVE);
  CHECK(!std::filesystem::exists(dir + "/summary.json"));
  // --partial merges what finished; the run that did not counts as inconclusive (3), and a latency
  // failure (2) of a finished run is worse.
  CHECK(collect({dir, true, true, {}}) == EXIT_LATENCY);
  REQUIRE(std::filesystem::exists(dir + "/summary.json"));
  std::ifstream in(dir + "/summary.json");
  const auto s = nlohmann::json::parse(in);
  CHECK(s["runs"][1]["exit_code"].is_null());
  CHECK(s["runs"][2]["exit_code"] == 2);
  CHECK(s["runs"][0]["result"].is_null()); // finished without a result.json, as a local run that failed
  // Once all have finished, the worst code.
  write_exit_code(dir + "/seed-8", 1);
  CHECK(collect({dir, false, true, {}}) == EXIT_CORRECTNESS);
  std::filesystem::remove_all(dir);
}

TEST_CASE("study::collect: a kind is merged by the merge passed for it, a kind without one is refused", "[study][collect]")
{
  const std::string dir = fresh_dir("collect-kind");
  RunPlan p             = sweep_plan(dir, 2);
  p.kind                = "sweeps";
  write_manifest(p);
  write_exit_code(dir + "/seed-7", 0);
  int calls = 0;
  CollectOptions o{dir, false, true, {{"compare", [&](const RunPlan&) { return ++calls, 0; }}}};
  // Not every run finished: the same check as for a sweep comes first, whatever the kind.
  CHECK(collect(o) == EXIT_INCONCLUSIVE);
  write_exit_code(dir + "/seed-8", 0);
  try {
    collect(o);
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(contains(e.what(), dir + "/manifest.json"));
    CHECK(contains(e.what(), "no merge for kind \"sweeps\" here; known: sweep, compare"));
  }
  CHECK(calls == 0);
  p.kind = "compare";
  write_manifest(p);
  o.merges["compare"] = [&](const RunPlan& plan) {
    ++calls;
    CHECK(plan.dir == dir);
    CHECK(plan.runs.size() == 2);
    return 1;
  };
  CHECK(collect(o) == 1);
  CHECK(calls == 1);
  std::filesystem::remove_all(dir);
}

namespace {

/// A compare of "/s/base.json" with two variants on seeds 3 and 4.
CompareSpec compare_spec_example()
{
  CompareSpec s;
  s.base             = "/s/base.json";
  s.variants         = {"/s/late tax.json", "/s/v2.json"};
  s.names            = {"base", "late-tax", "v2"};
  s.first_seed       = 3;
  s.seeds            = 2;
  s.max_new_failures = 0.5;
  s.exchanges_csv    = false;
  return s;
}

/// A minimal result.json: its seed, total correctness failures (wrong_person) and one check.
ojson tiny_result(uint64_t seed, double wrong_person, const std::string& verdict)
{
  ojson r;
  r["run"]                     = {{"scenario", "s"}, {"file", "s.json"}, {"file_sha256", "00"}, {"seed", seed}};
  r["outcomes"]["total"]       = {{"all", 10.0}, {"correct", 10.0 - wrong_person}, {"wrong_person", wrong_person}};
  r["outcomes"]["by_provider"] = ojson::object();
  r["latency"]["end_to_end"]   = {{"count", 10}, {"mean_ms", 50.0}, {"p50_ms", 40.0}, {"p95_ms", 90.0}};
  r["checks"] = ojson::array({{{"name", "c1"}, {"kind", "correctness"}, {"value", 0.0}, {"verdict", verdict}}});
  return r;
}

} // namespace

TEST_CASE("study::compare plan: runs in order (base seeds, then each variant's), manifest round trip", "[study][manifest][compare]")
{
  const std::string dir = fresh_dir("compare-manifest");
  RunPlan p             = plan_compare(compare_spec_example(), dir, "/opt/linksim", "0.0.test");
  CHECK(p.kind == "compare");
  REQUIRE(p.runs.size() == 6);
  CHECK(p.runs[0].out == "base/seed-3");
  CHECK(p.runs[1].out == "base/seed-4");
  CHECK(p.runs[2].out == "late-tax/seed-3");
  CHECK(p.runs[5].out == "v2/seed-4");
  CHECK(p.runs[3].scenario == "/s/late tax.json");
  CHECK(p.runs[3].argv == std::vector<std::string>{"/opt/linksim", "run", "/s/late tax.json", "--seed", "4", "--out",
                                                   dir + "/late-tax/seed-4", "--quiet", "--no-exchanges-csv"});
  p.slurm = SlurmJob{"77", "array.sh", true};
  write_manifest(p);
  // One manifest format: the generic fields, then the compare's header.
  std::ifstream in(dir + "/manifest.json");
  const auto m = nlohmann::ordered_json::parse(in);
  CHECK(m["kind"] == "compare");
  CHECK(m["linksim"]["path"] == "/opt/linksim");
  CHECK(m["base"] == "/s/base.json");
  CHECK(m["variants"] == nlohmann::ordered_json::array({"/s/late tax.json", "/s/v2.json"}));
  CHECK(m["seeds"] == nlohmann::ordered_json({{"first", 3}, {"count", 2}}));
  CHECK(m["max_new_failures"] == 0.5);
  CHECK(m["runs"][4]["argv"].size() == 9);
  CHECK(m["slurm"]["job_id"] == "77");
  const RunPlan q = read_manifest(dir);
  CHECK(manifest_json(q) == manifest_json(p));
  const CompareSpec s = compare_spec(q);
  CHECK(s.base == "/s/base.json");
  CHECK(s.variants == compare_spec_example().variants);
  CHECK(s.names == compare_spec_example().names);
  CHECK(s.first_seed == 3);
  CHECK(s.seeds == 2);
  CHECK(s.max_new_failures == 0.5);
  CHECK_FALSE(s.exchanges_csv);
  // Two scenarios of one name would share folders.
  CompareSpec same = compare_spec_example();
  same.names[2]    = "late-tax";
  CHECK_THROWS_AS(plan_compare(same, dir, "/opt/linksim", "0"), UsageError);
  std::filesystem::remove_all(dir);
}

TEST_CASE("study::compare plan: a manifest whose runs are out of order or whose header is incomplete is refused",
          "[study][manifest][compare]")
{
  const std::string dir = fresh_dir("compare-bad-manifest");
  auto message          = [&](const RunPlan& p) {
    try {
      compare_spec(p);
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const RunPlan good = plan_compare(compare_spec_example(), dir, "/opt/linksim", "0");
  RunPlan swapped    = good;
  std::swap(swapped.runs[0], swapped.runs[1]);
  CHECK(contains(message(swapped), dir + "/manifest.json: /runs/0: expected scenario \"base\", seed 3"));
  RunPlan fewer = good;
  fewer.runs.pop_back();
  CHECK(contains(message(fewer), "/runs: expected 6 runs (3 scenarios x 2 seeds), got 5"));
  RunPlan no_threshold = good;
  no_threshold.header.erase("max_new_failures");
  CHECK(contains(message(no_threshold), "/max_new_failures: missing"));
  RunPlan sweep = good;
  sweep.kind    = "sweep";
  CHECK(contains(message(sweep), "/kind: expected \"compare\""));
  std::filesystem::remove_all(dir);
}

TEST_CASE("study::compare merge: exit codes from the runs' files, the manifest's threshold unless overridden",
          "[study][collect][compare]")
{
  const std::string dir = fresh_dir("compare-merge");
  CompareSpec spec      = compare_spec_example();
  spec.variants.pop_back();
  spec.names.pop_back();
  const RunPlan p = plan_compare(spec, dir, "/opt/linksim", "0");
  write_manifest(p);
  // Base: no failures; variant: 1 wrong_person per seed and check c1 still passing.
  for (const PlannedRun& r : p.runs) {
    const bool variant = r.name == "late-tax";
    std::filesystem::create_directories(run_dir(p, r));
    write_file_atomic(run_dir(p, r), "result.json", tiny_result(r.seed, variant ? 1 : 0, "pass").dump());
    write_exit_code(run_dir(p, r), variant ? 1 : 0);
  }
  CollectOptions o{dir, false, true, {{"compare", [](const RunPlan& plan) { return merge_compare(plan, std::nullopt, true); }}}};
  CHECK(collect(o) == 1); // mean new failures 1 > the manifest's 0.5
  std::ifstream in(dir + "/compare.json");
  const auto c = nlohmann::ordered_json::parse(in);
  CHECK(c["max_new_failures"] == 0.5);
  CHECK(c["variants"][0]["gate"]["failures_grew"] == true);
  CHECK(c["runs"][2] == nlohmann::ordered_json({{"scenario", "late-tax"}, {"seed", 3}, {"out", "late-tax/seed-3"},
                                                {"result", true}, {"exit_code", 1}}));
  CHECK(std::filesystem::exists(dir + "/compare.html"));
  CHECK(std::filesystem::exists(dir + "/junit.xml"));
  CHECK(merge_compare(read_manifest(dir), 2.0, true) == 0); // collect --max-new-failures 2
  // A run that did not finish is not read, even if a result.json is there.
  std::filesystem::remove(dir + "/base/seed-4/exit_code");
  CHECK(collect(o) == EXIT_INCONCLUSIVE);
  o.partial = true;
  CHECK(collect(o) == 70); // a compare with a missing result
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
