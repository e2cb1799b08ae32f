#include "harness/run/Merge.hpp"

#include "harness/Errors.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/results/Stats.hpp"
#include "harness/run/OutputDir.hpp"
#include "sim/trace/Oracle.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

namespace linksim {

using ojson = nlohmann::ordered_json;

int worse_exit(int a, int b)
{
  auto rank = [](int c) {
    switch (c) {
      case 0: return 0;
      case 5: return 1;
      case 3: return 2;
      case 2: return 3;
      case 1: return 4;
      case 4: return 5;
      default: return 6;
    }
  };
  return rank(a) >= rank(b) ? a : b;
}

std::vector<std::string> unfinished_runs(const RunPlan& plan)
{
  std::vector<std::string> out;
  for (const PlannedRun& r : plan.runs)
    if (!read_exit_code(run_dir(plan, r)))
      out.push_back(r.out);
  return out;
}

namespace {

/// A kind-specific header field of a manifest; throws UsageError naming the file.
const ojson& header_field(const RunPlan& plan, const std::string& section, const char* key)
{
  const ojson& h = plan.header;
  if (!h.contains(section) || !h[section].is_object() || !h[section].contains(key))
    throw UsageError(plan.dir + "/" + MANIFEST_FILE + ": /" + section + "/" + key + ": missing (a " + plan.kind +
                     " manifest needs it)");
  return h[section][key];
}

void print_figures(const ojson& figures)
{
  using namespace shape;
  const std::string immediate = LATENCY_SERIES[END_TO_END_IMMEDIATE];
  for (const std::string& k :
       {pointer({"outcomes", "total", COUNT_EXTRAS[ALL]}), pointer({"outcomes", "total", OUTCOMES.name(Outcome::CORRECT)}),
        pointer({"outcomes", "total", COUNT_EXTRAS[PROVIDED]}), pointer({"latency", immediate, LATENCY_STATS[P50_MS]}),
        pointer({"latency", immediate, LATENCY_STATS[P95_MS]}),
        pointer({"latency", LATENCY_SERIES[HUB_QUEUE_WAIT], LATENCY_STATS[MEAN_MS]})}) {
    if (!figures.contains(k))
      continue;
    const ojson& f = figures[k];
    std::printf("  %-40s mean %12.3f   95%% CI [%.3f, %.3f]\n", k.c_str(), f["mean"].get<double>(), f["ci95_low"].get<double>(),
                f["ci95_high"].get<double>());
  }
}

} // namespace

int merge_sweep(const RunPlan& plan, bool quiet, const std::string& title)
{
  const ojson& name  = header_field(plan, "scenario", "name");
  const ojson& sha   = header_field(plan, "scenario", "file_sha256");
  const ojson& first = header_field(plan, "seeds", "first");
  const ojson& count = header_field(plan, "seeds", "count");

  // Summary: mean and 95 % CI over the runs that produced a result.
  std::map<std::string, std::vector<double>> values;
  ojson runs = ojson::array();
  int code   = 0;
  for (const PlannedRun& r : plan.runs) {
    const std::string folder       = run_dir(plan, r);
    const std::optional<int> exit  = read_exit_code(folder);
    code                           = worse_exit(code, exit.value_or(EXIT_INCONCLUSIVE));
    ojson entry = {{"seed", r.seed}, {"exit_code", exit ? ojson(*exit) : ojson(nullptr)}, {"result", r.out + "/result.json"}};
    const ojson result = exit ? read_run_result(folder) : ojson(nullptr);
    if (result.is_null())
      entry["result"] = nullptr;
    else
      for (const auto& [k, v] : headline_values(result))
        values[k].push_back(v);
    runs.push_back(entry);
  }
  ojson summary;
  summary["scenario"]    = name;
  summary["file_sha256"] = sha;
  summary["seeds"]       = {{"first", first}, {"count", count}};
  summary["runs"]        = runs;
  ojson figures          = ojson::object();
  for (const auto& [k, v] : values) {
    const MeanCi m = mean_ci(v);
    figures[k] = {{"n", m.n}, {"mean", m.mean}, {"sd", m.sd}, {"ci95_low", m.mean - m.half}, {"ci95_high", m.mean + m.half}};
  }
  summary["figures"]   = figures;
  summary["exit_code"] = code;
  write_file_atomic(plan.dir, SUMMARY_FILE, summary.dump(2) + "\n");
  if (!quiet) {
    std::printf("%s\n", title.c_str());
    print_figures(figures);
    std::printf("summary: %s/summary.json   exit %d\n", plan.dir.c_str(), code);
  }
  return code;
}

int collect(const CollectOptions& o)
{
  const RunPlan plan = read_manifest(o.dir);
  const std::vector<std::string> missing = unfinished_runs(plan);
  if (!missing.empty()) {
    std::string list;
    for (size_t i = 0; i < missing.size() && i < 20; ++i)
      list += (i ? ", " : "") + missing[i];
    if (missing.size() > 20)
      list += ", ... (" + std::to_string(missing.size() - 20) + " more)";
    std::fprintf(stderr, "linksim collect: %zu of %zu runs have not finished (no %s in their folder): %s\n", missing.size(),
                 plan.runs.size(), EXIT_CODE_FILE, list.c_str());
    if (!o.partial) {
      std::fprintf(stderr, "linksim collect: nothing was merged; wait for them (squeue), or merge the finished runs with "
                           "--partial (an unfinished run counts as 3 in a sweep, as a run without result.json in a compare)\n");
      return EXIT_INCONCLUSIVE;
    }
  }
  // One place per kind of study: a sweep here, other kinds by the merge the caller passed.
  if (plan.kind == "sweep") {
    const std::string title = "linksim collect · " + plan.kind + " · " + std::to_string(plan.runs.size()) + " runs" +
                              (plan.slurm && !plan.slurm->job_id.empty() ? " · Slurm job " + plan.slurm->job_id : "");
    return merge_sweep(plan, o.quiet, title);
  }
  const auto merge = o.merges.find(plan.kind);
  if (merge != o.merges.end())
    return merge->second(plan);
  std::string known = "sweep";
  for (const auto& [kind, f] : o.merges)
    known += ", " + kind;
  throw UsageError(o.dir + "/" + MANIFEST_FILE + ": /kind: no merge for kind \"" + plan.kind + "\" here; known: " + known);
}

} // namespace linksim
