#include "harness/run/ComparePlan.hpp"

#include "harness/Errors.hpp"
#include "harness/run/OutputDir.hpp"

#include <cstdio>
#include <filesystem>
#include <set>

namespace linksim {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void malformed(const RunPlan& plan, const std::string& pointer, const std::string& what)
{
  throw UsageError(plan.dir + "/" + MANIFEST_FILE + ": " + pointer + ": " + what + " (a compare manifest needs it)");
}

const ojson& header(const RunPlan& plan, const char* key)
{
  if (!plan.header.contains(key))
    malformed(plan, std::string("/") + key, "missing");
  return plan.header.at(key);
}

std::string path_string(const RunPlan& plan, const ojson& v, const std::string& pointer)
{
  if (!v.is_string() || v.get<std::string>().empty())
    malformed(plan, pointer, "expected a non-empty string");
  return v.get<std::string>();
}

std::string absolute(const std::string& path) { return fs::absolute(path).lexically_normal().string(); }

} // namespace

RunPlan plan_compare(const CompareSpec& s, const std::string& dir, const std::string& linksim, const std::string& version)
{
  std::vector<std::string> paths = {s.base};
  paths.insert(paths.end(), s.variants.begin(), s.variants.end());
  if (s.variants.empty() || s.names.size() != paths.size())
    throw UsageError("compare needs a BASE and at least one VARIANT scenario");
  if (s.seeds == 0)
    throw UsageError("--seeds must be at least 1");
  std::set<std::string> seen;
  for (size_t k = 0; k < paths.size(); ++k) {
    if (!seen.insert(s.names[k]).second)
      throw UsageError("two scenarios are named \"" + s.names[k] + "\" (" + paths[k] +
                       "): their runs would share a folder; give the variant its own `name`");
    if (s.names[k].empty() || s.names[k].find('/') != std::string::npos || s.names[k] == "." || s.names[k] == "..")
      throw UsageError("scenario name \"" + s.names[k] + "\" (" + paths[k] + ") cannot name a folder");
  }
  RunPlan p;
  p.kind    = "compare";
  p.dir     = dir;
  p.linksim = linksim;
  p.version = version;
  ojson variants = ojson::array();
  for (const std::string& v : s.variants)
    variants.push_back(absolute(v));
  p.header["base"]             = absolute(s.base);
  p.header["variants"]         = variants;
  p.header["seeds"]            = {{"first", s.first_seed}, {"count", s.seeds}};
  p.header["max_new_failures"] = s.max_new_failures;
  p.header["options"]          = {{"exchanges_csv", s.exchanges_csv}};
  for (size_t k = 0; k < paths.size(); ++k)
    for (unsigned i = 0; i < s.seeds; ++i) {
      const uint64_t seed = s.first_seed + i;
      add_run(p, absolute(paths[k]), s.names[k], seed, s.names[k] + "/seed-" + std::to_string(seed), s.exchanges_csv);
    }
  return p;
}

CompareSpec compare_spec(const RunPlan& plan)
{
  if (plan.kind != "compare")
    malformed(plan, "/kind", "expected \"compare\", got \"" + plan.kind + "\"");
  CompareSpec s;
  s.base              = path_string(plan, header(plan, "base"), "/base");
  const ojson& vs     = header(plan, "variants");
  if (!vs.is_array() || vs.empty())
    malformed(plan, "/variants", "expected a non-empty array of scenario paths");
  for (size_t k = 0; k < vs.size(); ++k)
    s.variants.push_back(path_string(plan, vs[k], "/variants/" + std::to_string(k)));
  const ojson& seeds = header(plan, "seeds");
  const ojson first  = seeds.is_object() ? seeds.value("first", ojson()) : ojson();
  const ojson count  = seeds.is_object() ? seeds.value("count", ojson()) : ojson();
  if (!first.is_number_unsigned())
    malformed(plan, "/seeds/first", "expected an integer from 0 to 2^64-1");
  if (!count.is_number_unsigned() || count.get<uint64_t>() == 0 || count.get<uint64_t>() > 100000)
    malformed(plan, "/seeds/count", "expected an integer from 1 to 100000");
  s.first_seed        = first.get<uint64_t>();
  s.seeds             = count.get<unsigned>();
  const ojson& thresh = header(plan, "max_new_failures");
  if (!thresh.is_number() || thresh.get<double>() < 0)
    malformed(plan, "/max_new_failures", "expected a number >= 0");
  s.max_new_failures = thresh.get<double>();
  if (plan.header.contains("options") && plan.header["options"].is_object())
    s.exchanges_csv = plan.header["options"].value("exchanges_csv", true);
  // runs[k * count + i]: scenario k (0: the base), seed first + i, in its own folder.
  const size_t scenarios = 1 + s.variants.size();
  if (plan.runs.size() != scenarios * s.seeds)
    malformed(plan, "/runs", "expected " + std::to_string(scenarios * s.seeds) + " runs (" + std::to_string(scenarios) +
                                 " scenarios x " + std::to_string(s.seeds) + " seeds), got " + std::to_string(plan.runs.size()));
  for (size_t i = 0; i < plan.runs.size(); ++i) {
    const PlannedRun& r = plan.runs[i];
    const size_t k      = i / s.seeds;
    if (i % s.seeds == 0)
      s.names.push_back(r.name);
    const std::string out = s.names[k] + "/seed-" + std::to_string(s.first_seed + i % s.seeds);
    if (r.name.empty() || r.name != s.names[k] || r.seed != s.first_seed + i % s.seeds || r.out != out)
      malformed(plan, "/runs/" + std::to_string(i), "expected scenario \"" + s.names[k] + "\", seed " +
                                                       std::to_string(s.first_seed + i % s.seeds) + ", out \"" + out +
                                                       "\" (every scenario's seeds in order, the base first)");
  }
  return s;
}

void write_compare_outputs(const std::string& dir, const ojson& c)
{
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw UsageError("cannot create the output directory " + dir);
  write_file_atomic(dir, COMPARE_OUTPUTS[0], c.dump(2) + "\n");
  write_file_atomic(dir, COMPARE_OUTPUTS[1], compare_html(c));
  write_file_atomic(dir, COMPARE_OUTPUTS[2], compare_junit(c));
}

int merge_compare(const RunPlan& plan, std::optional<double> max_new_failures, bool quiet)
{
  const CompareSpec s = compare_spec(plan);
  CompareOptions o;
  o.max_new_failures = max_new_failures.value_or(s.max_new_failures);
  std::vector<ojson> base;
  std::vector<std::pair<std::string, std::vector<ojson>>> variants;
  for (size_t k = 1; k < s.names.size(); ++k)
    variants.emplace_back(s.names[k], std::vector<ojson>());
  ojson runs = ojson::array();
  for (size_t i = 0; i < plan.runs.size(); ++i) {
    const PlannedRun& r          = plan.runs[i];
    const std::string folder     = run_dir(plan, r);
    const std::optional<int> exit = read_exit_code(folder);
    ojson result                 = exit ? read_run_result(folder) : ojson(nullptr);
    runs.push_back({{"scenario", r.name},
                    {"seed", r.seed},
                    {"out", r.out},
                    {"result", !result.is_null()},
                    {"exit_code", exit ? ojson(*exit) : ojson(nullptr)}});
    const size_t k = i / s.seeds;
    (k == 0 ? base : variants[k - 1].second).push_back(std::move(result));
  }
  ojson c        = compare_results(base, variants, o);
  c["runs"]      = runs;
  c["exit_code"] = compare_exit_code(c);
  write_compare_outputs(plan.dir, c);
  if (!quiet)
    print_compare_summary(c, plan.dir);
  return c["exit_code"].get<int>();
}

void print_compare_summary(const ojson& c, const std::string& dir)
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
    if (v.contains("verification")) { // the inter-agency test queue: who misses go-live on each side
      const ojson& q = v["verification"];
      auto names     = [](const ojson& a) {
        std::string s;
        for (const ojson& n : a)
          s += (s.empty() ? "" : ", ") + n.get<std::string>();
        return s.empty() ? std::string("none") : s;
      };
      std::printf("    test queue (機関間試験): misses go-live %zu → %zu; no longer: %s; newly: %s\n",
                  q["missing_go_live_base"].size(), q["missing_go_live_variant"].size(),
                  names(q["no_longer_missing_go_live"]).c_str(), names(q["newly_missing_go_live"]).c_str());
    }
  }
  if (c["missing_results"].get<unsigned>() > 0)
    std::printf("  %u run(s) left no result.json (crashed, or not finished)\n", c["missing_results"].get<unsigned>());
  std::printf("compare: %s/compare.json   report: %s/compare.html   exit %d\n", dir.c_str(), dir.c_str(), c["exit_code"].get<int>());
}

} // namespace linksim
