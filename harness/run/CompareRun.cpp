#include "harness/run/CompareRun.hpp"

#include "harness/Errors.hpp"
#include "harness/run/Runner.hpp"
#include "harness/run/Study.hpp"
#include "harness/scenario/Loader.hpp"

#include <cstdio>
#include <filesystem>

namespace linksim {

namespace fs = std::filesystem;

namespace {

const std::string SEED_DIR = "seed-";

} // namespace

std::map<std::optional<uint64_t>, ojson> read_result_folder(const std::string& dir)
{
  std::map<std::optional<uint64_t>, ojson> out;
  if (!fs::is_directory(dir))
    throw UsageError(dir + ": not a folder");
  if (fs::exists(dir + "/result.json")) {
    out[std::nullopt] = read_run_result(dir);
    return out;
  }
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (!e.is_directory() || name.rfind(SEED_DIR, 0) != 0)
      continue;
    const std::string digits = name.substr(SEED_DIR.size());
    if (digits.empty() || digits.size() > 19 || digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    out[std::stoull(digits)] = read_run_result(e.path().string());
  }
  if (out.empty())
    throw UsageError(dir + ": neither a run folder (result.json) nor a folder of runs (seed-<s>/result.json)");
  return out;
}

int run_diff(const std::string& a, const std::string& b, const std::string& out_dir, const CompareOptions& o, bool quiet)
{
  auto ra = read_result_folder(a), rb = read_result_folder(b);
  std::vector<ojson> base, variant;
  const bool by_seed = !ra.count(std::nullopt) && !rb.count(std::nullopt);
  if (by_seed) {
    std::vector<uint64_t> unpaired;
    for (auto& [seed, r] : ra) {
      auto it = rb.find(seed);
      if (it == rb.end()) {
        unpaired.push_back(*seed);
        continue;
      }
      base.push_back(std::move(r));
      variant.push_back(std::move(it->second));
    }
    for (const auto& [seed, r] : rb)
      if (!ra.count(seed))
        unpaired.push_back(*seed);
    if (base.empty())
      throw UsageError(a + " and " + b + " have no seed in common");
    if (!unpaired.empty() && !quiet)
      std::fprintf(stderr, "linksim diff: %zu seed(s) in only one of the folders are left out\n", unpaired.size());
  } else {
    // One pair: a run folder with the other's run of the same seed (else its lowest seed).
    auto pick = [](std::map<std::optional<uint64_t>, ojson>& m, const ojson& other) {
      if (m.count(std::nullopt))
        return m[std::nullopt];
      const ojson& seed = other.is_object() && other.contains("run") ? other["run"].value("seed", ojson()) : ojson();
      if (seed.is_number_unsigned() && m.count(seed.get<uint64_t>()))
        return m[seed.get<uint64_t>()];
      return m.begin()->second;
    };
    const ojson single = ra.count(std::nullopt) ? ra[std::nullopt] : rb[std::nullopt];
    base.push_back(pick(ra, single));
    variant.push_back(pick(rb, single));
  }
  ojson c   = compare_results(base, {{"", variant}}, o);
  c["diff"] = {{"a", a}, {"b", b}, {"paired_by_seed", by_seed}};
  write_compare_outputs(out_dir, c);
  if (!quiet)
    print_compare_summary(c, out_dir);
  return c["exit_code"].get<int>();
}

int run_compare(const CompareRunOptions& o)
{
  if (o.seeds == 0)
    throw UsageError("--seeds must be at least 1");
  if (o.jobs == 0)
    throw UsageError("--jobs must be at least 1");
  if (o.variants.empty())
    throw UsageError("compare needs a BASE and at least one VARIANT scenario (see linksim compare --help)");
  // Validate every scenario before any process starts or any file is written, and report every problem.
  std::vector<std::string> paths = {o.base}, problems;
  paths.insert(paths.end(), o.variants.begin(), o.variants.end());
  CompareSpec s;
  s.base          = o.base;
  s.variants      = o.variants;
  s.seeds         = o.seeds;
  s.exchanges_csv = o.exchanges_csv;
  s.max_new_failures = o.compare.max_new_failures;
  uint64_t base_seed = 1;
  for (const std::string& path : paths) {
    try {
      Scenario sc = load_scenario(path);
      if (s.names.empty())
        base_seed = sc.seed;
      s.names.push_back(sc.name);
    } catch (const ScenarioError& e) {
      problems.insert(problems.end(), e.messages.begin(), e.messages.end());
      s.names.push_back("");
    }
  }
  if (!problems.empty())
    throw ScenarioError(problems);
  s.first_seed          = o.first_seed.value_or(base_seed);
  const std::string dir = o.out_dir.empty() ? "results/compare-" + s.names[0] + "-" + std::to_string(s.first_seed) + "-" +
                                                  std::to_string(o.seeds)
                                            : o.out_dir;
  RunPlan plan = plan_compare(s, absolute_study_dir(dir), o.self, linksim_version());
  if (o.slurm) {
    const std::string label = "linksim compare · " + s.names[0] + " and " + std::to_string(s.variants.size()) + " variant(s) · " +
                              std::to_string(o.seeds) + " seeds";
    return write_job_array(plan, {o.slurm_options, o.submit, o.quiet, label, COMPARE_OUTPUTS});
  }
  prepare_study_dir(plan, COMPARE_OUTPUTS); // no file of an earlier compare may pass for one of this compare's
  write_manifest(plan);
  if (const int stopped = run_plan_here(plan, o.jobs, o.quiet, "compare", "no compare.json was written"))
    return stopped;
  return merge_compare(plan, std::nullopt, o.quiet);
}

} // namespace linksim
