#include "harness/Errors.hpp"
#include "harness/results/Format.hpp"
#include "harness/results/Results.hpp"

#include <cmath>
#include <cstdio>

namespace linksim {

ojson run_section(const World& w, const RunFacts& f)
{
  const Scenario& sc  = w.scenario();
  const Calendar& cal = w.calendar();
  ojson run;
  run["scenario"]        = sc.name;
  run["description"]     = sc.description;
  run["file"]            = sc.file;
  run["file_sha256"]     = sc.file_sha256;
  run["seed"]            = w.seed();
  run["run_id"]          = w.run_id();
  run["linksim_version"] = f.linksim_version;
  run["simgrid_version"] = f.simgrid_version;
  run["network_model"]   = {{"model", "CM02"},           {"latency_factor", 1.0}, {"bandwidth_factor", 1.0},
                          {"tcp_gamma_bytes", 0},        {"crosstraffic", false},
                          {"transfer_time", "sum of link latencies + size / bottleneck bandwidth"},
                          {"engine_config", f.engine_config}};
  run["start"]          = sc.start_text;
  run["end"]            = cal.format(sc.duration_s);
  run["simulated_end"]  = cal.format(f.end_s);
  run["duration_days"]  = sc.duration_s / 86400;
  run["persons"]        = w.population().size();
  run["agencies"]       = sc.agencies.size();
  run["sites"]          = sc.sites.size();
  run["actors"]         = f.actors;
  run["hosts"]          = f.hosts;
  run["links"]          = f.links;
  run["exchanges"]      = f.exchanges;
  run["messages"]       = f.messages;
  if (!sc.warnings.empty()) // the loader's warnings (a workload line nothing grants, ...), as it printed them
    run["warnings"] = sc.warnings;
  return run;
}

void finish_result(ojson& r, const std::vector<CheckResult>& checks, int exit_code, const RunFacts& f)
{
  ojson arr = ojson::array();
  size_t pass = 0, fail = 0, inc = 0;
  for (const CheckResult& c : checks) {
    ojson o;
    o["name"]   = c.name;
    o["kind"]   = CHECK_KINDS.name(c.kind);
    o["metric"] = c.metric;
    if (!c.per.empty())
      o["per"] = c.per;
    o["value"] = c.has_value ? ojson(c.value) : ojson(nullptr);
    if (c.has_min)
      o["min"] = c.min;
    if (c.has_max)
      o["max"] = c.max;
    o["threshold"] = c.has_min && c.has_max ? ">= " + fmt("%g", c.min) + " and <= " + fmt("%g", c.max)
                     : c.has_min            ? ">= " + fmt("%g", c.min)
                                            : "<= " + fmt("%g", c.max);
    o["verdict"] = to_string(c.verdict);
    if (c.builtin)
      o["builtin"] = true;
    if (!c.note.empty())
      o["note"] = c.note;
    arr.push_back(o);
    pass += c.verdict == CheckVerdict::PASS;
    fail += c.verdict == CheckVerdict::FAIL;
    inc += c.verdict == CheckVerdict::INCONCLUSIVE;
  }
  r["checks"] = arr;
  r["verdict"] = {{"exit_code", exit_code},
                  {"meaning", EXIT_CODES.name(static_cast<ExitCode>(exit_code))},
                  {"passed", pass},
                  {"failed", fail},
                  {CHECK_VERDICTS.name(CheckVerdict::INCONCLUSIVE), inc}};
  ojson& wall = r["wall"];
  wall["note"]                 = "wall-clock figures: the only section that differs between identical runs";
  wall["seconds"]              = f.wall_s;
  wall["setup_seconds"]        = f.setup_wall_s;
  wall["peak_rss_mib"]         = f.peak_rss_mib;
  wall["exchanges_per_second"] = f.wall_s > 0 ? static_cast<double>(f.exchanges) / f.wall_s : 0.0;
  wall["messages_per_second"]  = f.wall_s > 0 ? static_cast<double>(f.messages) / f.wall_s : 0.0;
}

} // namespace linksim
