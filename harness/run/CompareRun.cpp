#include "harness/run/CompareRun.hpp"

#include "harness/Errors.hpp"
#include "harness/run/OutputDir.hpp"
#include "harness/run/Processes.hpp"
#include "harness/run/Signals.hpp"
#include "harness/scenario/Loader.hpp"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

namespace linksim {

namespace fs = std::filesystem;

namespace {

/// The files a compare writes into its folder (removed before a compare runs).
const char* const OUTPUTS[] = {"compare.json", "compare.html", "junit.xml"};
const char* const MANIFEST  = "manifest.json";
const std::string SEED_DIR  = "seed-";

/// A result.json, or null if the file is absent; throws UsageError if it is not JSON.
ojson read_result(const std::string& path)
{
  std::ifstream in(path);
  if (!in)
    return nullptr;
  try {
    return ojson::parse(in);
  } catch (const std::exception& e) {
    throw UsageError(path + ": not a result.json (" + e.what() + ")");
  }
}

/// Prints the one-screen summary of a compare.
void print_summary(const ojson& c, const std::string& dir)
{
  std::printf("linksim compare · base %s · seeds", c["base"]["name"].is_string() ? c["base"]["name"].get<std::string>().c_str() : "?");
  for (const ojson& s : c["seeds"])
    std::printf(" %s", s.dump().c_str());
  std::printf("\n");
  for (const ojson& v : c["variants"]) {
    const ojson& g = v["gate"];
    const ojson& d = g["correctness_failures"];
    std::printf("  %-32s %s  checks regressed %zu · new correctness failures %+.3f per seed (threshold %g)",
                v["name"].is_string() ? v["name"].get<std::string>().c_str() : "?", g["passed"].get<bool>() ? "pass" : "FAIL",
                g["checks_regressed"].size(), d["delta_mean"].get<double>(), g["max_new_failures"].get<double>());
    const ojson& e = v["entities"];
    std::printf(" · agencies newly failing %u/%u (requester/provider)", e["by_requester"]["summary"]["newly_failing"].get<unsigned>(),
                e["by_provider"]["summary"]["newly_failing"].get<unsigned>());
    if (v.contains("newly_missing_go_live"))
      std::printf(" · newly missing go-live %zu", v["newly_missing_go_live"].size());
    std::printf("\n");
  }
  if (c["missing_results"].get<unsigned>() > 0)
    std::printf("  %u run(s) left no result.json (crashed)\n", c["missing_results"].get<unsigned>());
  std::printf("compare: %s/compare.json   report: %s/compare.html   exit %d\n", dir.c_str(), dir.c_str(), c["exit_code"].get<int>());
}

} // namespace

ComparePlan make_compare_plan(const std::vector<std::string>& paths, const std::vector<std::string>& names, uint64_t first_seed,
                              unsigned seeds)
{
  if (paths.size() < 2 || names.size() != paths.size())
    throw UsageError("compare needs a BASE and at least one VARIANT scenario");
  ComparePlan p;
  p.base       = paths[0];
  p.variants   = std::vector<std::string>(paths.begin() + 1, paths.end());
  p.names      = names;
  p.first_seed = first_seed;
  p.seeds      = seeds;
  std::set<std::string> seen;
  for (size_t k = 0; k < paths.size(); ++k) {
    if (!seen.insert(names[k]).second)
      throw UsageError("two scenarios are named \"" + names[k] + "\" (" + paths[k] +
                       "): their runs would share a folder; give the variant its own `name`");
    if (names[k].empty() || names[k].find('/') != std::string::npos || names[k] == "." || names[k] == "..")
      throw UsageError("scenario name \"" + names[k] + "\" (" + paths[k] + ") cannot name a folder");
    for (unsigned i = 0; i < seeds; ++i)
      p.runs.push_back({paths[k], names[k], first_seed + i, names[k] + "/" + SEED_DIR + std::to_string(first_seed + i)});
  }
  return p;
}

ojson plan_manifest(const ComparePlan& p)
{
  ojson m;
  m["kind"]     = "compare";
  m["base"]     = p.base;
  m["variants"] = p.variants;
  m["seeds"]    = {{"first", p.first_seed}, {"count", p.seeds}};
  ojson runs    = ojson::array();
  for (const PlannedRun& r : p.runs)
    runs.push_back({{"scenario", r.scenario}, {"name", r.name}, {"seed", r.seed}, {"out", r.out}});
  m["runs"] = runs;
  return m;
}

ComparePlan plan_from_manifest(const ojson& m)
{
  try {
    if (m.at("kind").get<std::string>() != "compare")
      throw UsageError("manifest.json: /kind is not \"compare\"");
    ComparePlan p;
    p.base       = m.at("base").get<std::string>();
    p.variants   = m.at("variants").get<std::vector<std::string>>();
    p.first_seed = m.at("seeds").at("first").get<uint64_t>();
    p.seeds      = m.at("seeds").at("count").get<unsigned>();
    for (const ojson& r : m.at("runs")) {
      PlannedRun run{r.at("scenario").get<std::string>(), r.at("name").get<std::string>(), r.at("seed").get<uint64_t>(),
                     r.at("out").get<std::string>()};
      if (p.names.empty() || p.names.back() != run.name)
        p.names.push_back(run.name);
      p.runs.push_back(run);
    }
    if (p.names.size() != p.variants.size() + 1 || p.runs.size() != p.names.size() * p.seeds)
      throw UsageError("manifest.json: /runs does not list every scenario's seeds in order");
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw UsageError(std::string("manifest.json: ") + e.what());
  }
}

void write_compare_outputs(const std::string& dir, const ojson& c)
{
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw UsageError("cannot create the output directory " + dir);
  write_file_atomic(dir, OUTPUTS[0], c.dump(2) + "\n");
  write_file_atomic(dir, OUTPUTS[1], compare_html(c));
  write_file_atomic(dir, OUTPUTS[2], compare_junit(c));
}

int collect_compare(const std::string& dir, const CompareOptions& o, const std::vector<int>& exit_codes)
{
  std::ifstream in(dir + "/" + MANIFEST);
  if (!in)
    throw UsageError(dir + "/" + MANIFEST + " not found: not the folder of a compare");
  ojson manifest;
  try {
    manifest = ojson::parse(in);
  } catch (const std::exception& e) {
    throw UsageError(dir + "/" + MANIFEST + ": " + e.what());
  }
  const ComparePlan p = plan_from_manifest(manifest);
  std::vector<ojson> base;
  std::vector<std::pair<std::string, std::vector<ojson>>> variants;
  ojson runs = ojson::array();
  for (size_t i = 0; i < p.runs.size(); ++i) {
    const PlannedRun& r = p.runs[i];
    ojson result        = read_result(dir + "/" + r.out + "/result.json");
    ojson entry = {{"scenario", r.name}, {"seed", r.seed}, {"out", r.out}, {"result", !result.is_null()}};
    if (i < exit_codes.size())
      entry["exit_code"] = exit_codes[i];
    runs.push_back(entry);
    const size_t k = i / p.seeds; // scenario index: the plan lists each scenario's seeds in turn
    if (k == 0)
      base.push_back(std::move(result));
    else {
      if (variants.size() < k)
        variants.emplace_back(p.names[k], std::vector<ojson>());
      variants.back().second.push_back(std::move(result));
    }
  }
  ojson c        = compare_results(base, variants, o);
  c["runs"]      = runs;
  c["exit_code"] = compare_exit_code(c);
  write_compare_outputs(dir, c);
  return c["exit_code"].get<int>();
}

std::map<std::optional<uint64_t>, ojson> read_result_folder(const std::string& dir)
{
  std::map<std::optional<uint64_t>, ojson> out;
  if (!fs::is_directory(dir))
    throw UsageError(dir + ": not a folder");
  if (fs::exists(dir + "/result.json")) {
    out[std::nullopt] = read_result(dir + "/result.json");
    return out;
  }
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (!e.is_directory() || name.rfind(SEED_DIR, 0) != 0)
      continue;
    const std::string digits = name.substr(SEED_DIR.size());
    if (digits.empty() || digits.size() > 19 || digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    out[std::stoull(digits)] = read_result(e.path().string() + "/result.json");
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
    print_summary(c, out_dir);
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
  // Validate every scenario before any process starts, and report every problem.
  std::vector<std::string> paths = {o.base}, names, problems;
  paths.insert(paths.end(), o.variants.begin(), o.variants.end());
  uint64_t base_seed = 1;
  for (const std::string& path : paths) {
    try {
      Scenario sc = load_scenario(path);
      if (names.empty())
        base_seed = sc.seed;
      names.push_back(sc.name);
    } catch (const ScenarioError& e) {
      problems.insert(problems.end(), e.messages.begin(), e.messages.end());
      names.push_back("");
    }
  }
  if (!problems.empty())
    throw ScenarioError(problems);
  const uint64_t first = o.first_seed.value_or(base_seed);
  const ComparePlan plan = make_compare_plan(paths, names, first, o.seeds);
  const std::string dir  = o.out_dir.empty() ? "results/compare-" + names[0] + "-" + std::to_string(first) + "-" +
                                                  std::to_string(o.seeds)
                                             : o.out_dir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw UsageError("cannot create the output directory " + dir);
  // No file of an earlier compare in this folder may pass for one of this compare's.
  for (const char* f : OUTPUTS)
    fs::remove(dir + "/" + f, ec);
  write_file_atomic(dir, MANIFEST, plan_manifest(plan).dump(2) + "\n");
  std::vector<std::vector<std::string>> commands;
  for (const PlannedRun& r : plan.runs) {
    fs::remove_all(dir + "/" + r.out, ec);
    commands.push_back({o.self, "run", r.scenario, "--seed", std::to_string(r.seed), "--out", dir + "/" + r.out, "--quiet"});
    if (!o.exchanges_csv)
      commands.back().push_back("--no-exchanges-csv");
  }
  std::vector<int> codes;
  size_t done     = 0;
  const int sig   = run_processes(commands, o.jobs,
                                  [&](size_t i, int code) {
                                  ++done;
                                  if (!o.quiet)
                                    std::fprintf(stderr, "[linksim compare] %s seed %llu done (exit %d), %zu/%zu\n",
                                                 plan.runs[i].name.c_str(), static_cast<unsigned long long>(plan.runs[i].seed),
                                                 code, done, plan.runs.size());
                                },
                                  codes);
  if (sig) {
    std::fprintf(stderr, "\nlinksim compare: %s: stopped the runs under way; no compare.json was written (exit %d)\n",
                 sig == SIGTERM ? "terminated (SIGTERM)" : "interrupted (SIGINT)", exit_code_for_signal(sig));
    return exit_code_for_signal(sig);
  }
  const int code = collect_compare(dir, o.compare, codes);
  if (!o.quiet) {
    std::ifstream in(dir + "/" + OUTPUTS[0]);
    print_summary(ojson::parse(in), dir);
  }
  return code;
}

} // namespace linksim
