#include "harness/run/Sweep.hpp"

#include "harness/Errors.hpp"
#include "harness/scenario/Loader.hpp"
#include "harness/run/Merge.hpp"
#include "harness/run/Runner.hpp"
#include "harness/run/Study.hpp"

#include <filesystem>
#include <vector>

namespace linksim {

namespace fs = std::filesystem;

RunPlan plan_sweep(const SweepOptions& o)
{
  if (o.seeds == 0)
    throw UsageError("--seeds must be at least 1");
  if (o.jobs == 0)
    throw UsageError("--jobs must be at least 1");
  Scenario sc           = load_scenario(o.scenario); // validate once, before any process starts
  const uint64_t first  = o.first_seed.value_or(sc.seed);
  const std::string dir = o.out_dir.empty() ? "results/" + sc.name + "/sweep-" + std::to_string(first) + "-" +
                                                  std::to_string(o.seeds) + "-" + sc.file_sha256.substr(0, 8)
                                            : o.out_dir;
  RunPlan p;
  p.kind    = "sweep";
  p.dir     = absolute_study_dir(dir);
  p.linksim = o.self;
  p.version = linksim_version();
  const std::string scenario = fs::absolute(o.scenario).lexically_normal().string();
  p.header["scenario"] = {{"path", scenario}, {"name", sc.name}, {"file_sha256", sc.file_sha256}};
  p.header["seeds"]    = {{"first", first}, {"count", o.seeds}};
  p.header["options"]  = {{"exchanges_csv", o.exchanges_csv}};
  for (unsigned i = 0; i < o.seeds; ++i)
    add_run(p, scenario, sc.name, first + i, "seed-" + std::to_string(first + i), o.exchanges_csv);
  return p;
}

int run_sweep(const SweepOptions& o)
{
  RunPlan p = plan_sweep(o);
  const std::vector<std::string> outputs = {SUMMARY_FILE};
  if (o.slurm)
    return write_job_array(p, {o.slurm_options, o.submit, o.quiet,
                               "linksim sweep · " + p.runs.front().name + " · " + std::to_string(o.seeds) + " seeds", outputs});

  prepare_study_dir(p, outputs);
  write_manifest(p);
  if (const int stopped = run_plan_here(p, o.jobs, o.quiet, "sweep", "no summary was written"))
    return stopped;
  const std::string title = "linksim sweep · " + p.runs.front().name + " · " + std::to_string(o.seeds) + " seeds from " +
                            std::to_string(p.runs.front().seed) + " · " + std::to_string(o.jobs) + " at a time";
  return merge_sweep(p, o.quiet, title);
}

} // namespace linksim
