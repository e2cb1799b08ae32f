#include "harness/results/Results.hpp"

#include "harness/Errors.hpp"
#include "sim/trace/Recorder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace linksim {

namespace {

double ms(double s) { return std::round(s * 1e6) / 1e3; } // milliseconds, to the microsecond

ojson stats(const Histogram& h)
{
  ojson o;
  o["count"]   = h.count();
  o["mean_ms"] = ms(h.mean());
  o["p50_ms"]  = ms(h.percentile(50));
  o["p90_ms"]  = ms(h.percentile(90));
  o["p95_ms"]  = ms(h.percentile(95));
  o["p99_ms"]  = ms(h.percentile(99));
  o["max_ms"]  = ms(h.max());
  o["exact"]   = h.exact();
  return o;
}

ojson counts(const OutcomeCounts& c, bool with_lagging, uint64_t lagging)
{
  ojson o;
  uint64_t all = 0, provided = 0;
  for (size_t k = 0; k < OUTCOME_COUNT; ++k) {
    o[OUTCOME_NAMES[k]] = c[k];
    all += c[k];
    if (provides_data(static_cast<Outcome>(k)))
      provided += c[k];
  }
  o["all"]      = all;
  o["provided"] = provided;
  if (with_lagging)
    o["lagging"] = lagging;
  return o;
}

std::string fmt(const char* f, double x)
{
  char buf[64];
  std::snprintf(buf, sizeof buf, f, x);
  return buf;
}

std::string thousands(uint64_t v)
{
  std::string s = std::to_string(v), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0)
      out += ',';
    out += s[i];
  }
  return out;
}

std::string human_ms(double v)
{
  if (v >= 3600e3)
    return fmt("%.2f h", v / 3600e3);
  if (v >= 60e3)
    return fmt("%.1f min", v / 60e3);
  if (v >= 1e3)
    return fmt("%.2f s", v / 1e3);
  return fmt("%.1f ms", v);
}

} // namespace

std::string xml_escape(const std::string& s)
{
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

ojson build_result(World& w, const RunFacts& f)
{
  const Scenario& sc  = w.scenario();
  const Recorder& rec = w.recorder();
  const Calendar& cal = w.calendar();
  ojson r;
  ojson& run = r["run"];
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
  run["exchanges"]      = rec.issued();
  run["messages"]       = f.messages;

  ojson& out = r["outcomes"];
  out["total"]   = counts(rec.totals(), true, rec.lagging());
  out["skipped"] = rec.skipped_total();
  ojson& bp      = out["by_procedure"];
  bp             = ojson::object();
  for (size_t i = 0; i < sc.procedures.size(); ++i)
    bp[sc.procedures[i].code] = counts(rec.by_procedure()[i], false, 0);
  ojson& bi = out["by_item"];
  bi        = ojson::object();
  for (size_t i = 0; i < sc.layouts.size(); ++i)
    bi[std::to_string(sc.layouts[i].number)] = counts(rec.by_item()[i], false, 0);
  ojson& bw = out["by_workload"];
  bw        = ojson::object();
  for (size_t i = 0; i < sc.workload.size(); ++i) {
    bw[sc.workload[i].id]            = counts(rec.by_workload()[i], false, 0);
    bw[sc.workload[i].id]["skipped"] = rec.skipped()[i];
  }
  ojson& br = out["by_requester"];
  ojson& bv = out["by_provider"];
  br        = ojson::object();
  bv        = ojson::object();
  for (size_t a = 0; a < sc.agencies.size(); ++a) { // every agency: a zero is a measurement too
    br[sc.agencies[a].id] = counts(rec.by_requester()[a], false, 0);
    bv[sc.agencies[a].id] = counts(rec.by_provider()[a], false, 0);
  }

  ojson& lat = r["latency"];
  lat["end_to_end"]           = stats(rec.end_to_end());
  lat["end_to_end_immediate"] = stats(rec.end_to_end_immediate());
  lat["end_to_end_batch"]     = stats(rec.end_to_end_batch());
  lat["hub_queue_wait"]       = stats(rec.hub_wait());
  ojson& hops                 = lat["hops"];
  for (size_t h = 0; h < HOP_COUNT; ++h)
    hops[HOPS[h].name] = stats(rec.hop(h));

  ojson& recs = r["records"];
  recs["requester"]     = rec.records_written()[0];
  recs["provider"]      = rec.records_written()[1];
  recs["hub"]           = rec.records_written()[2];
  recs["nondisclosure"] = rec.records_nondisclosure();
  recs["inconsistent"]  = rec.records_inconsistent();

  ojson& srv       = r["servers"];
  const double span = std::max(f.end_s, 1e-9);
  for (size_t s = 0; s < sc.sites.size(); ++s) {
    const ServerStats& st = rec.servers()[s];
    unsigned workers      = sc.sites[s].kind == SiteKind::HUB    ? sc.hub.workers
                            : sc.sites[s].kind == SiteKind::JLIS ? sc.jlis.workers
                                                                 : sc.sites[s].workers;
    ojson o;
    o["kind"]         = to_string(sc.sites[s].kind);
    o["workers"]      = workers;
    o["messages"]     = st.messages;
    o["utilisation"]  = std::round(st.busy_s / (workers * span) * 1e6) / 1e6;
    o["mean_wait_ms"] = st.messages ? ms(st.wait_s / static_cast<double>(st.messages)) : 0.0;
    o["max_wait_ms"]  = ms(st.max_wait_s);
    srv[sc.sites[s].id] = o;
  }

  ojson& vol = r["volume"];
  ojson days = ojson::array(), issued = ojson::array(), provided = ojson::array();
  const int64_t day0 = cal.day_of(0.0);
  for (size_t d = 0; d < rec.issued_per_day().size(); ++d) {
    days.push_back(format_date(day0 + static_cast<int64_t>(d)));
    issued.push_back(rec.issued_per_day()[d]);
    provided.push_back(rec.provided_per_day()[d]);
  }
  vol["days"]     = days;
  vol["issued"]   = issued;
  vol["provided"] = provided;
  return r;
}

std::vector<CheckResult> evaluate_checks(const Scenario& sc, const ojson& result)
{
  std::vector<CheckResult> out;
  auto lookup = [&result](const std::string& ptr, double& v, std::string& note) {
    try {
      const ojson& j = result.at(ojson::json_pointer(ptr));
      if (!j.is_number()) {
        note = ptr + " is not a number";
        return false;
      }
      v = j.get<double>();
      // A latency statistic over no samples is not a measurement.
      if (ptr.rfind("/latency/", 0) == 0 && ptr.size() > 6) {
        const std::string parent = ptr.substr(0, ptr.rfind('/'));
        if (ptr.substr(ptr.rfind('/') + 1) != "count" && result.at(ojson::json_pointer(parent + "/count")).get<uint64_t>() == 0) {
          note = "no samples for " + parent;
          return false;
        }
      }
      return true;
    } catch (const std::exception&) {
      note = ptr + " is not in the result";
      return false;
    }
  };
  for (const Check& c : sc.checks) {
    CheckResult r;
    r.name    = c.name;
    r.metric  = c.metric;
    r.per     = c.per;
    r.kind    = c.kind == CheckMetricKind::LATENCY ? "latency" : "correctness";
    r.has_min = c.has_min;
    r.has_max = c.has_max;
    r.min     = c.min;
    r.max     = c.max;
    double v = 0, d = 1;
    if (!lookup(c.metric, v, r.note) || (!c.per.empty() && !lookup(c.per, d, r.note))) {
      r.verdict = "inconclusive";
    } else if (!c.per.empty() && d == 0) {
      r.verdict = "inconclusive";
      r.note    = c.per + " is 0";
    } else {
      r.has_value = true;
      r.value     = c.per.empty() ? v : v / d;
      const bool ok = (!c.has_min || r.value >= c.min) && (!c.has_max || r.value <= c.max);
      r.verdict     = ok ? "pass" : "fail";
    }
    out.push_back(r);
  }
  // Built-in checks: nobody receives data they are not entitled to, and only the requester does.
  const char* builtin[][2] = {{"builtin: no requester receives an item it is not entitled to", "/outcomes/total/unentitled"},
                              {"builtin: data reaches the requester and nobody else", "/outcomes/total/misdelivered"}};
  for (auto& b : builtin) {
    CheckResult r;
    r.name      = b[0];
    r.metric    = b[1];
    r.kind      = "correctness";
    r.builtin   = true;
    r.has_max   = true;
    r.max       = 0;
    r.has_value = true;
    r.value     = result.at(ojson::json_pointer(b[1])).get<double>();
    r.verdict   = r.value <= 0 ? "pass" : "fail";
    out.push_back(r);
  }
  return out;
}

int exit_code_for(const std::vector<CheckResult>& checks, size_t user_checks)
{
  bool corr = false, lat = false, inc = false;
  for (const CheckResult& c : checks) {
    if (c.verdict == "fail")
      (c.kind == "latency" ? lat : corr) = true;
    if (c.verdict == "inconclusive")
      inc = true;
  }
  if (corr)
    return EXIT_CORRECTNESS;
  if (lat)
    return EXIT_LATENCY;
  if (inc)
    return EXIT_INCONCLUSIVE;
  if (user_checks == 0)
    return EXIT_NOTHING;
  return EXIT_PASS;
}

void finish_result(ojson& r, const std::vector<CheckResult>& checks, int exit_code, const RunFacts& f, uint64_t exchanges)
{
  ojson arr = ojson::array();
  size_t pass = 0, fail = 0, inc = 0;
  for (const CheckResult& c : checks) {
    ojson o;
    o["name"]   = c.name;
    o["kind"]   = c.kind;
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
    o["verdict"] = c.verdict;
    if (c.builtin)
      o["builtin"] = true;
    if (!c.note.empty())
      o["note"] = c.note;
    arr.push_back(o);
    pass += c.verdict == "pass";
    fail += c.verdict == "fail";
    inc += c.verdict == "inconclusive";
  }
  r["checks"] = arr;
  static const char* meaning[] = {"all checks passed", "a correctness check failed", "a latency/SLO check failed",
                                  "inconclusive", "scenario or usage error", "nothing was checked"};
  r["verdict"] = {{"exit_code", exit_code},
                  {"meaning", exit_code >= 0 && exit_code <= 5 ? meaning[exit_code] : "internal error"},
                  {"passed", pass},
                  {"failed", fail},
                  {"inconclusive", inc}};
  ojson& wall = r["wall"];
  wall["note"]                 = "wall-clock figures: the only section that differs between identical runs";
  wall["seconds"]              = f.wall_s;
  wall["setup_seconds"]        = f.setup_wall_s;
  wall["peak_rss_mib"]         = f.peak_rss_mib;
  wall["exchanges_per_second"] = f.wall_s > 0 ? static_cast<double>(exchanges) / f.wall_s : 0.0;
  wall["messages_per_second"]  = f.wall_s > 0 ? static_cast<double>(f.messages) / f.wall_s : 0.0;
}

std::string junit_xml(const Scenario& sc, const std::vector<CheckResult>& checks, double wall_s)
{
  size_t failures = 0, skipped = 0;
  for (const CheckResult& c : checks) {
    failures += c.verdict == "fail";
    skipped += c.verdict == "inconclusive";
  }
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"linksim\" tests=\"" << checks.size()
    << "\" failures=\"" << failures << "\" skipped=\"" << skipped << "\">\n";
  o << "  <testsuite name=\"" << xml_escape(sc.name) << "\" tests=\"" << checks.size() << "\" failures=\"" << failures
    << "\" skipped=\"" << skipped << "\" time=\"" << fmt("%.3f", wall_s) << "\">\n";
  for (const CheckResult& c : checks) {
    o << "    <testcase classname=\"linksim." << xml_escape(sc.name) << "." << c.kind << "\" name=\"" << xml_escape(c.name)
      << "\">";
    const std::string detail = c.metric + (c.per.empty() ? "" : " / " + c.per) + " = " +
                               (c.has_value ? fmt("%g", c.value) : std::string("n/a")) +
                               (c.has_min ? "; min " + fmt("%g", c.min) : "") + (c.has_max ? "; max " + fmt("%g", c.max) : "") +
                               (c.note.empty() ? "" : "; " + c.note);
    if (c.verdict == "fail")
      o << "<failure message=\"" << xml_escape(detail) << "\"/>";
    else if (c.verdict == "inconclusive")
      o << "<skipped message=\"" << xml_escape(detail) << "\"/>";
    o << "</testcase>\n";
  }
  o << "  </testsuite>\n</testsuites>\n";
  return o.str();
}

std::string terminal_summary(const ojson& r, const std::vector<CheckResult>& checks, const std::string& dir,
                             int exit_code)
{
  std::ostringstream o;
  const ojson& run = r["run"];
  o << "linksim " << run["linksim_version"].get<std::string>() << " · " << run["scenario"].get<std::string>() << " · seed "
    << run["seed"].get<uint64_t>() << " · run " << run["run_id"].get<std::string>() << "\n";
  o << "simulated " << run["start"].get<std::string>() << " → " << run["simulated_end"].get<std::string>() << " ("
    << fmt("%g", run["duration_days"].get<double>()) << " days window), " << thousands(run["persons"].get<uint64_t>())
    << " persons, " << run["agencies"].get<uint64_t>() << " agencies\n";
  const ojson& wall = r["wall"];
  o << "wall " << fmt("%.2f s", wall["seconds"].get<double>()) << " · "
    << thousands(static_cast<uint64_t>(wall["exchanges_per_second"].get<double>())) << " exchanges/s · peak RSS "
    << fmt("%.0f MiB", wall["peak_rss_mib"].get<double>()) << "\n\n";
  const ojson& tot = r["outcomes"]["total"];
  const uint64_t all = tot["all"].get<uint64_t>();
  o << "exchanges " << thousands(all) << " (" << thousands(tot["provided"].get<uint64_t>()) << " provided data";
  if (r["outcomes"]["skipped"].get<uint64_t>())
    o << ", " << thousands(r["outcomes"]["skipped"].get<uint64_t>()) << " arrivals skipped";
  o << ")\n ";
  int col = 0;
  for (size_t k = 0; k < OUTCOME_COUNT; ++k) {
    const uint64_t v = tot[OUTCOME_NAMES[k]].get<uint64_t>();
    const bool always = static_cast<Outcome>(k) == Outcome::CORRECT || is_correctness_failure(static_cast<Outcome>(k));
    if (!v && !always)
      continue;
    std::string cell = std::string(OUTCOME_NAMES[k]) + " " + thousands(v) +
                       (all ? " (" + fmt("%.1f%%", 100.0 * static_cast<double>(v) / static_cast<double>(all)) + ")" : "");
    o << " " << cell;
    if (++col % 4 == 0)
      o << "\n ";
  }
  o << "\n  (correct includes " << thousands(tot["lagging"].get<uint64_t>()) << " answered before the nightly batch caught up)\n\n";
  const ojson& lat = r["latency"];
  for (const char* key : {"end_to_end_immediate", "end_to_end_batch"}) {
    const ojson& s = lat[key];
    if (s["count"].get<uint64_t>() == 0)
      continue;
    o << (std::string(key) == "end_to_end_immediate" ? "immediate" : "batch    ") << " end-to-end  p50 "
      << human_ms(s["p50_ms"].get<double>()) << "  p95 " << human_ms(s["p95_ms"].get<double>()) << "  p99 "
      << human_ms(s["p99_ms"].get<double>()) << "  max " << human_ms(s["max_ms"].get<double>()) << "  (n="
      << thousands(s["count"].get<uint64_t>()) << ")\n";
  }
  std::vector<std::pair<double, std::string>> hops;
  for (auto it = lat["hops"].begin(); it != lat["hops"].end(); ++it)
    hops.emplace_back(it.value()["p95_ms"].get<double>(), it.key());
  std::sort(hops.rbegin(), hops.rend());
  o << "slowest hops by p95:";
  for (size_t i = 0; i < std::min<size_t>(3, hops.size()); ++i)
    o << "  " << hops[i].second << " " << human_ms(hops[i].first);
  o << "\n\n";
  size_t pass = 0, fail = 0, inc = 0;
  for (const CheckResult& c : checks) {
    pass += c.verdict == "pass";
    fail += c.verdict == "fail";
    inc += c.verdict == "inconclusive";
  }
  o << "checks: " << pass << " passed, " << fail << " failed, " << inc << " inconclusive\n";
  size_t shown = 0;
  for (const CheckResult& c : checks) {
    if (c.builtin && c.verdict == "pass")
      continue;
    if (shown++ == 12) {
      o << "  ... (see result.json)\n";
      break;
    }
    std::string v = c.verdict == "pass" ? "PASS" : c.verdict == "fail" ? "FAIL" : "N/A ";
    o << "  " << v << "  " << c.name << "  [" << (c.has_value ? fmt("%g", c.value) : std::string("n/a"))
      << (c.has_min ? " >= " + fmt("%g", c.min) : "") << (c.has_max ? " <= " + fmt("%g", c.max) : "") << "]"
      << (c.note.empty() ? "" : "  " + c.note) << "\n";
  }
  o << "\nresults: " << dir << "/  (result.json, exchanges.csv, junit.xml, report.html)\n";
  o << "exit " << exit_code << ": " << r["verdict"]["meaning"].get<std::string>() << "\n";
  return o.str();
}

} // namespace linksim
