#include "harness/results/Format.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/results/Results.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace linksim {

std::string terminal_summary(const ojson& r, const std::vector<CheckResult>& checks, const std::string& dir,
                             int exit_code, bool with_csv, bool with_report, const LatencyCollector* latency)
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
  const uint64_t all = tot[COUNT_EXTRAS[shape::ALL]].get<uint64_t>();
  o << "exchanges " << thousands(all) << " (" << thousands(tot[COUNT_EXTRAS[shape::PROVIDED]].get<uint64_t>()) << " provided data";
  if (r["outcomes"][SKIPPED].get<uint64_t>())
    o << ", " << thousands(r["outcomes"][SKIPPED].get<uint64_t>()) << " arrivals skipped";
  o << ")\n ";
  int col = 0;
  for (size_t k = 0; k < OUTCOME_COUNT; ++k) {
    const char* name = OUTCOMES.entries()[k].name;
    const uint64_t v = tot[name].get<uint64_t>();
    const bool always = static_cast<Outcome>(k) == Outcome::CORRECT || is_correctness_failure(static_cast<Outcome>(k));
    if (!v && !always)
      continue;
    std::string cell = std::string(name) + " " + thousands(v) +
                       (all ? " (" + fmt("%.1f%%", 100.0 * static_cast<double>(v) / static_cast<double>(all)) + ")" : "");
    o << " " << cell;
    if (++col % 4 == 0)
      o << "\n ";
  }
  o << "\n  (correct includes " << thousands(tot[COUNT_EXTRAS[shape::LAGGING]].get<uint64_t>()) << " answered before the nightly batch caught up)\n\n";
  const ojson& lat = r["latency"];
  for (const auto series : {shape::END_TO_END_IMMEDIATE, shape::END_TO_END_BATCH}) {
    const ojson& s = lat[LATENCY_SERIES[series]];
    if (s[LATENCY_STATS[shape::COUNT]].get<uint64_t>() == 0)
      continue;
    o << (series == shape::END_TO_END_IMMEDIATE ? "immediate" : "batch    ") << " end-to-end  p50 "
      << human_ms(s[LATENCY_STATS[shape::P50_MS]].get<double>()) << "  p95 " << human_ms(s[LATENCY_STATS[shape::P95_MS]].get<double>()) << "  p99 "
      << human_ms(s[LATENCY_STATS[shape::P99_MS]].get<double>()) << "  max " << human_ms(s[LATENCY_STATS[shape::MAX_MS]].get<double>()) << "  (n="
      << thousands(s[LATENCY_STATS[shape::COUNT]].get<uint64_t>()) << ")\n";
  }
  // The slowest hops by p95, for immediate and batch queries apart (a batch's hops are hours where an
  // immediate query's are milliseconds); without the collector, over both (result.json /latency/hops).
  auto slowest = [&o](std::vector<std::pair<double, std::string>> hops, const char* label) {
    if (hops.empty())
      return;
    std::sort(hops.rbegin(), hops.rend());
    o << label;
    for (size_t i = 0; i < std::min<size_t>(3, hops.size()); ++i)
      o << "  " << hops[i].second << " " << human_ms(hops[i].first);
    o << "\n";
  };
  if (latency) {
    for (const bool batch : {false, true}) {
      std::vector<std::pair<double, std::string>> hops;
      for (size_t h = 0; h < HOP_COUNT; ++h)
        if (latency->hop_by_mode(batch, h).count())
          hops.emplace_back(latency->hop_by_mode(batch, h).percentile(95) * 1e3, HOPS[h].name);
      slowest(hops, batch ? "slowest hops by p95, batch:    " : "slowest hops by p95, immediate:");
    }
  } else {
    std::vector<std::pair<double, std::string>> hops;
    for (auto it = lat["hops"].begin(); it != lat["hops"].end(); ++it)
      hops.emplace_back(it.value()[LATENCY_STATS[shape::P95_MS]].get<double>(), it.key());
    slowest(hops, "slowest hops by p95:");
  }
  o << "\n";
  // Test cases (when the scenario has them): the Gazelle grades, then each case not verified with
  // its first failing exchange's reason (at most 10 lines: the rest are in junit.xml and the report).
  if (r.contains("test_cases")) {
    const ojson& tc = r["test_cases"];
    const ojson& sum = tc["summary"];
    o << "test cases: " << sum["cases"].get<uint64_t>() << " (" << sum["verified"].get<uint64_t>() << " verified, "
      << sum["partially_verified"].get<uint64_t>() << " partially verified, " << sum["failed"].get<uint64_t>()
      << " failed, " << sum["not_run"].get<uint64_t>() << " not run)\n";
    size_t shown = 0, hidden = 0;
    for (auto it = tc.begin(); it != tc.end(); ++it) {
      if (it.key() == "summary" || it.value()["verdict"].get<std::string>() == "verified")
        continue;
      if (shown == 10) {
        ++hidden;
        continue;
      }
      ++shown;
      std::string reason;
      for (const auto& ex : it.value()["exchanges"])
        if (!ex["pass"].get<bool>()) {
          // verification-environment requests and exchanges never issued have no production id
          reason = (ex["id"].is_number() ? "#" + std::to_string(ex["id"].get<uint64_t>()) + " " : std::string()) +
                   ex["reason"].get<std::string>();
          break;
        }
      o << "  " << it.value()["verdict"].get<std::string>() << "  " << it.key() << "  " << reason << "\n";
    }
    if (hidden)
      o << "  ... and " << hidden << " more (junit.xml, report.html)\n";
  }
  // annual notification drills (訓練): one line each
  if (r.contains("drills"))
    for (auto it = r["drills"].begin(); it != r["drills"].end(); ++it) {
      const ojson& d = it.value();
      const ojson& t = d["time_to_ack_minutes"];
      auto num       = [](const ojson& x) { return x.is_null() ? std::string("-") : x.dump(); };
      o << "drill " << it.key() << ": reach " << num(d["reach"]) << " (" << num(d["acknowledged"]) << " of "
        << num(d["targeted"]) << " acknowledged, " << num(d["stale_contacts"]) << " stale contacts), time to acknowledge p50 "
        << num(t["p50"]) << " min, p95 " << num(t["p95"]) << " min\n";
    }
  size_t pass = 0, fail = 0, inc = 0;
  for (const CheckResult& c : checks) {
    pass += c.verdict == CheckVerdict::PASS;
    fail += c.verdict == CheckVerdict::FAIL;
    inc += c.verdict == CheckVerdict::INCONCLUSIVE;
  }
  o << "checks: " << pass << " passed, " << fail << " failed, " << inc << " inconclusive\n";
  // Every check counted above is listed (the built-in ones too), failures first.
  std::vector<const CheckResult*> listed;
  for (CheckVerdict verdict : {CheckVerdict::FAIL, CheckVerdict::INCONCLUSIVE, CheckVerdict::PASS})
    for (const CheckResult& c : checks)
      if (c.verdict == verdict)
        listed.push_back(&c);
  for (const CheckResult* cp : listed) {
    const CheckResult& c = *cp;
    const char* v = c.verdict == CheckVerdict::PASS ? "PASS" : c.verdict == CheckVerdict::FAIL ? "FAIL" : "N/A ";
    o << "  " << v << "  " << c.name << "  [" << (c.has_value ? fmt("%g", c.value) : std::string("n/a"))
      << (c.has_min ? " >= " + fmt("%g", c.min) : "") << (c.has_max ? " <= " + fmt("%g", c.max) : "") << "]"
      << (c.note.empty() ? "" : "  " + c.note) << "\n";
  }
  o << "\nresults: " << dir << "/  (result.json" << (with_csv ? ", exchanges.csv" : "") << ", junit.xml"
    << (with_report ? ", report.html" : "") << ")\n";
  o << "exit " << exit_code << ": " << r["verdict"]["meaning"].get<std::string>() << "\n";
  return o.str();
}

} // namespace linksim
