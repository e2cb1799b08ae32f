// compare.html and junit.xml of `linksim compare` / `linksim diff`, made from compare.json alone
// (harness/run/Compare.hpp): what a person reads, and what a CI job counts.
#include "harness/results/Charts.hpp"
#include "harness/results/Format.hpp"
#include "harness/results/Glossary.hpp"
#include "harness/run/Compare.hpp"

#include <sstream>

namespace linksim {

namespace {

const ojson& at(const ojson& j, const std::string& key)
{
  static const ojson none;
  if (!j.is_object())
    return none;
  auto it = j.find(key);
  return it == j.end() ? none : *it;
}

/// A value as text: strings as they are, numbers %g (3 decimals for fractions), null as "—".
std::string text(const ojson& v)
{
  if (v.is_null())
    return "—";
  if (v.is_string())
    return v.get<std::string>();
  if (v.is_number_float()) {
    const double x = v.get<double>();
    return x == static_cast<double>(static_cast<long long>(x)) ? fmt("%.0f", x) : fmt("%.3f", x);
  }
  return v.dump();
}

std::string esc(const ojson& v) { return xml_escape(text(v)); }

std::string join_values(const ojson& arr)
{
  std::string s;
  if (arr.is_array())
    for (const ojson& x : arr)
      s += (s.empty() ? "" : ", ") + text(x);
  return s;
}

std::string interval(const ojson& d)
{
  if (at(d, "ci95_low").is_null())
    return "—";
  return "[" + text(at(d, "ci95_low")) + ", " + text(at(d, "ci95_high")) + "]";
}

const char* CSS = "body{font-family:system-ui,sans-serif;margin:2em;max-width:80em;color:#222}"
                  "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.2em .6em;"
                  "text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}"
                  ".pass{color:#176117;font-weight:bold}.fail{color:#a31515;font-weight:bold}"
                  ".newly_failing{background:#fde2e2}.fixed{background:#e1f5e1}.still_failing{background:#fff4d6}"
                  "h2{border-bottom:2px solid #ddd;padding-bottom:.2em}.chart{position:relative;height:320px;max-width:60em;"
                  "margin:.5em 0 1.5em}.notice{background:#fff3cd;border:1px solid #e0c060;padding:.6em 1em}"
                  "#js-errors{background:#fde2e2;border:1px solid #b00020;padding:.6em 1em;white-space:pre-wrap}";

/// The chart of a variant's outcome deltas in total (classes whose mean is not 0 on either side):
/// the mean delta per seed pair and its 95 % interval. Appends its spec to `charts`; no canvas when
/// nothing changed.
void deltas_chart(std::ostringstream& o, const ojson& v, size_t index, ojson& charts)
{
  ojson labels = ojson::array(), intervals = ojson::array(), means = ojson::array();
  for (const auto& [k, d] : at(at(v, "outcome_deltas"), "total").items()) {
    const ojson &b = at(d, "base_mean"), &x = at(d, "variant_mean"), &m = at(d, "delta_mean");
    if (!m.is_number() || ((!b.is_number() || b.get<double>() == 0) && (!x.is_number() || x.get<double>() == 0)))
      continue;
    labels.push_back(both("outcome", k));
    means.push_back(m);
    const ojson &lo = at(d, "ci95_low"), &hi = at(d, "ci95_high");
    intervals.push_back(lo.is_number() && hi.is_number() ? ojson::array({lo, hi}) : ojson::array({m, m}));
  }
  if (labels.empty())
    return;
  const std::string id = "chart-deltas-" + std::to_string(index);
  o << "<h3><span lang=\"ja\">結果クラス別の差</span> Outcome deltas in total, with 95 % intervals</h3>\n"
    << "<div class=\"chart\"><canvas id=\"" << id << "\" role=\"img\" aria-label=\"outcome deltas\"></canvas></div>\n";
  charts.push_back({{"kind", "deltas"}, {"canvas", id}, {"labels", labels}, {"intervals", intervals}, {"means", means},
                    {"unit", "exchanges per seed, variant − base (件/シード)"}});
}

void checks_table(std::ostringstream& o, const ojson& v)
{
  const ojson& changed = at(at(v, "checks"), "changed");
  o << "<h3>Checks that changed</h3>\n";
  if (changed.empty()) {
    o << "<p>None: every check has the same status in both.</p>\n";
    return;
  }
  o << "<table><tr><th>check</th><th>kind</th><th>status</th><th>regressed in seeds</th><th>base verdicts</th>"
       "<th>base values</th><th>variant verdicts</th><th>variant values</th></tr>\n";
  for (const ojson& c : changed)
    o << "<tr class=\"" << esc(at(c, "status")) << "\"><td>" << esc(at(c, "name")) << "</td><td>" << esc(at(c, "kind"))
      << "</td><td>" << esc(at(c, "status")) << "</td><td>" << xml_escape(join_values(at(c, "regressed_seeds"))) << "</td><td>"
      << xml_escape(join_values(at(at(c, "base"), "verdicts"))) << "</td><td>" << xml_escape(join_values(at(at(c, "base"), "values")))
      << "</td><td>" << xml_escape(join_values(at(at(c, "variant"), "verdicts"))) << "</td><td>"
      << xml_escape(join_values(at(at(c, "variant"), "values"))) << "</td></tr>\n";
  o << "</table>\n";
}

void entities_tables(std::ostringstream& o, const ojson& v)
{
  o << "<h3>Entities: newly failing, fixed, still failing</h3>\n<table><tr><th>breakdown</th><th>newly_failing</th>"
       "<th>fixed</th><th>still_failing</th><th>unchanged</th></tr>\n";
  for (const auto& [b, e] : at(v, "entities").items()) {
    const ojson& s = at(e, "summary");
    o << "<tr><td>" << xml_escape(b) << "</td>";
    for (const char* k : {"newly_failing", "fixed", "still_failing", "unchanged"})
      o << "<td class=\"n\">" << esc(at(s, k)) << "</td>";
    o << "</tr>\n";
  }
  o << "</table>\n";
  bool any = false;
  for (const auto& [b, e] : at(v, "entities").items())
    for (const ojson& x : at(e, "changed")) {
      if (!any)
        o << "<table><tr><th>breakdown</th><th>key</th><th>status</th><th>base failing seeds</th><th>base failures "
             "(mean)</th><th>variant failing seeds</th><th>variant failures (mean)</th></tr>\n";
      any = true;
      o << "<tr class=\"" << esc(at(x, "status")) << "\"><td>" << xml_escape(b) << "</td><td>" << esc(at(x, "key"))
        << "</td><td>" << esc(at(x, "status")) << "</td><td class=\"n\">" << esc(at(at(x, "base"), "failing_seeds"))
        << "</td><td class=\"n\">" << esc(at(at(x, "base"), "failures_mean")) << "</td><td class=\"n\">"
        << esc(at(at(x, "variant"), "failing_seeds")) << "</td><td class=\"n\">" << esc(at(at(x, "variant"), "failures_mean"))
        << "</td></tr>\n";
    }
  if (any)
    o << "</table>\n";
}

void delta_row(std::ostringstream& o, const std::string& where, const std::string& what, const ojson& d)
{
  o << "<tr><td>" << xml_escape(where) << "</td><td>" << xml_escape(what) << "</td><td class=\"n\">" << esc(at(d, "base_mean"))
    << "</td><td class=\"n\">" << esc(at(d, "variant_mean")) << "</td><td class=\"n\">" << esc(at(d, "delta_mean"))
    << "</td><td class=\"n\">" << xml_escape(interval(d)) << "</td><td class=\"n\">" << esc(at(d, "n")) << "</td></tr>\n";
}

const char* DELTA_HEAD = "<table><tr><th>where</th><th>what</th><th>base mean</th><th>variant mean</th><th>mean delta</th>"
                         "<th>95 % interval</th><th>pairs</th></tr>\n";

void deltas_tables(std::ostringstream& o, const ojson& v)
{
  o << "<h3>Outcome deltas (variant − base, paired seeds)</h3>\n" << DELTA_HEAD;
  size_t rows = 0;
  for (const auto& [where, block] : at(v, "outcome_deltas").items()) {
    if (where == "total") {
      for (const auto& [k, d] : block.items())
        delta_row(o, where, k, d);
      continue;
    }
    for (const auto& [key, counts] : block.items())
      for (const auto& [k, d] : counts.items()) {
        if (++rows > 500)
          continue;
        delta_row(o, where + " / " + key, k, d);
      }
  }
  o << "</table>\n";
  if (rows > 500)
    o << "<p>" << rows - 500 << " more rows in compare.json.</p>\n";
  o << "<h3>Latency deltas</h3>\n" << DELTA_HEAD;
  for (const auto& [series, stats] : at(v, "latency_deltas").items()) {
    if (series == "hops") {
      for (const auto& [hop, hs] : stats.items())
        for (const auto& [k, d] : hs.items())
          delta_row(o, "hop " + hop, k, d);
      continue;
    }
    for (const auto& [k, d] : stats.items())
      delta_row(o, series, k, d);
  }
  o << "</table>\n";
}

void revisions_table_html(std::ostringstream& o, const ojson& v)
{
  const ojson& revs = at(v, "revisions");
  if (!revs.is_object())
    return;
  o << "<h3>Misses go-live</h3>\n<p>Newly missing go-live: " << xml_escape(join_values(at(v, "newly_missing_go_live")))
    << "</p>\n<table><tr><th>revision</th><th>go-live</th><th>agency</th><th>base misses (seeds)</th><th>variant misses "
       "(seeds)</th><th>why (variant)</th><th>first correct: base → variant (never in base/variant seeds)</th></tr>\n";
  for (const auto& [id, rev] : revs.items())
    for (const auto& [agency, a] : at(rev, "agencies").items()) {
      const ojson &b = at(a, "base"), &x = at(a, "variant");
      std::string fc;
      for (const auto& [k, f] : at(a, "first_correct").items())
        fc += (fc.empty() ? "" : "; ") + k + ": " + text(at(f, "base")) + " → " + text(at(f, "variant")) + " (" +
              text(at(f, "base_never")) + "/" + text(at(f, "variant_never")) + ")";
      const bool newly = at(x, "misses_go_live").get<bool>() && !at(b, "misses_go_live").get<bool>();
      o << "<tr" << (newly ? " class=\"newly_failing\"" : "") << "><td>" << xml_escape(id) << "</td><td>"
        << esc(at(rev, "go_live"))
        << (rev.contains("go_live_variant") && at(rev, "go_live_variant") != at(rev, "go_live")
                ? " → " + esc(at(rev, "go_live_variant"))
                : std::string())
        << "</td><td>" << xml_escape(agency) << "</td><td>" << esc(at(b, "misses_go_live")) << " ("
        << esc(at(b, "seeds_missing")) << ")</td><td>" << esc(at(x, "misses_go_live")) << " (" << esc(at(x, "seeds_missing"))
        << ")</td><td>" << xml_escape(join_values(at(x, "why"))) << "</td><td>" << xml_escape(fc) << "</td></tr>\n";
    }
  o << "</table>\n";
}

void verification_table_html(std::ostringstream& o, const ojson& v)
{
  const ojson& q = at(v, "verification");
  if (!q.is_object())
    return;
  const ojson &hb = at(q, "base"), &hv = at(q, "variant");
  o << "<h3>Inter-agency test queue (機関間試験, 接続検証環境)</h3>\n<p>Slots " << esc(at(hb, "slots")) << " → "
    << esc(at(hv, "slots")) << " · window " << esc(at(hb, "opens")) << " – " << esc(at(hb, "closes")) << " → "
    << esc(at(hv, "opens")) << " – " << esc(at(hv, "closes")) << " · slot utilisation " << esc(at(hb, "slot_utilisation"))
    << " → " << esc(at(hv, "slot_utilisation")) << "</p>\n<p>Miss go-live: base "
    << xml_escape(join_values(at(q, "missing_go_live_base"))) << "; variant "
    << xml_escape(join_values(at(q, "missing_go_live_variant"))) << ". No longer missing: "
    << xml_escape(join_values(at(q, "no_longer_missing_go_live"))) << ". Newly missing: "
    << xml_escape(join_values(at(q, "newly_missing_go_live"))) << ".</p>\n"
    << "<table><tr><th>agency</th><th>base: misses (seeds)</th><th>base: slot from</th><th>base: wait (days)</th>"
       "<th>base: reported</th><th>variant: misses (seeds)</th><th>variant: slot from</th><th>variant: wait (days)</th>"
       "<th>variant: reported</th></tr>\n";
  for (const auto& [agency, a] : at(q, "agencies").items()) {
    const ojson &b = at(a, "base"), &x = at(a, "variant");
    const bool newly = at(x, "misses_go_live").get<bool>() && !at(b, "misses_go_live").get<bool>();
    o << "<tr" << (newly ? " class=\"newly_failing\"" : "") << "><td>" << xml_escape(agency) << "</td>";
    for (const ojson* s : {&b, &x})
      o << "<td>" << esc(at(*s, "misses_go_live")) << " (" << esc(at(*s, "seeds_missing")) << ")</td><td>"
        << esc(at(*s, "slot_at")) << "</td><td class=\"n\">" << esc(at(*s, "wait_days")) << "</td><td>"
        << esc(at(*s, "reported_at")) << "</td>";
    o << "</tr>\n";
  }
  o << "</table>\n";
}

} // namespace

std::string compare_html(const ojson& c)
{
  std::ostringstream o;
  const int code = at(c, "exit_code").is_number() ? at(c, "exit_code").get<int>() : 0;
  std::string notice;
  const std::string scripts = chart_scripts("compare.html", notice);
  o << "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>linksim compare: "
    << esc(at(at(c, "base"), "name")) << "</title><style>" << CSS << "</style>" << scripts
    << "</head><body>\n<pre id=\"js-errors\" hidden></pre>\n" << notice;
  o << "<h1>linksim compare · base " << esc(at(at(c, "base"), "name")) << "</h1>\n<p>Seeds " << xml_escape(join_values(at(c, "seeds")))
    << " · threshold on new correctness failures (mean per seed): " << esc(at(c, "max_new_failures"))
    << " · correctness-failure classes: " << xml_escape(join_values(at(c, "correctness_failure_classes")))
    << " · missing results: " << esc(at(c, "missing_results")) << " · exit <span class=\"" << (code == 0 ? "pass" : "fail")
    << "\">" << code << "</span></p>\n";
  o << "<h2>Summary</h2>\n<table><tr><th>variant</th><th>verdict</th><th>pairs</th><th>checks regressed</th><th>new "
       "correctness failures (mean, 95 % interval)</th><th>checks newly failing / fixed</th><th>agencies newly failing "
       "(requester / provider)</th><th>newly missing go-live</th></tr>\n";
  for (const ojson& v : at(c, "variants")) {
    const ojson& g      = at(v, "gate");
    const bool passed   = at(g, "passed").get<bool>();
    const ojson& cs     = at(at(v, "checks"), "summary");
    const ojson& ent    = at(v, "entities");
    std::string regressed;
    for (const ojson& r : at(g, "checks_regressed"))
      regressed += (regressed.empty() ? "" : "; ") + text(at(r, "name")) + " (seeds " + join_values(at(r, "seeds")) + ")";
    o << "<tr><td>" << esc(at(v, "name")) << "</td><td class=\"" << (passed ? "pass\">pass" : "fail\">fail") << "</td><td class=\"n\">"
      << esc(at(v, "pairs")) << "</td><td>" << xml_escape(regressed.empty() ? "none" : regressed) << "</td><td class=\"n\">"
      << esc(at(at(g, "correctness_failures"), "delta_mean")) << " " << xml_escape(interval(at(g, "correctness_failures")))
      << "</td><td class=\"n\">" << esc(at(cs, "newly_failing")) << " / " << esc(at(cs, "fixed")) << "</td><td class=\"n\">"
      << esc(at(at(at(ent, "by_requester"), "summary"), "newly_failing")) << " / "
      << esc(at(at(at(ent, "by_provider"), "summary"), "newly_failing")) << "</td><td>"
      << (v.contains("newly_missing_go_live") ? xml_escape(join_values(at(v, "newly_missing_go_live"))) : "n/a (no revisions)")
      << "</td></tr>\n";
  }
  o << "</table>\n";
  ojson charts = ojson::array();
  size_t index = 0;
  for (const ojson& v : at(c, "variants")) {
    o << "<h2>Variant " << esc(at(v, "name")) << "</h2>\n";
    revisions_table_html(o, v);
    verification_table_html(o, v);
    checks_table(o, v);
    entities_tables(o, v);
    deltas_chart(o, v, index++, charts);
    deltas_tables(o, v);
  }
  o << chart_render({{"charts", notice.empty() ? charts : ojson::array()}}) << "</body></html>\n";
  return o.str();
}

std::string compare_junit(const ojson& c)
{
  size_t tests = 0, failures = 0;
  std::ostringstream suites;
  const std::string base = text(at(at(c, "base"), "name"));
  for (const ojson& v : at(c, "variants")) {
    const std::string name = text(at(v, "name"));
    const ojson& g         = at(v, "gate");
    // Every check seen on either side: one testcase each; it fails when the check regressed in a seed.
    std::ostringstream cases;
    size_t t = 0, f = 0;
    for (const ojson& ch : at(at(v, "checks"), "changed")) {
      ++t;
      cases << "    <testcase classname=\"linksim.compare." << xml_escape(name) << "\" name=\"" << esc(at(ch, "name")) << "\">";
      if (!at(ch, "regressed_seeds").empty()) {
        ++f;
        const std::string msg = "passed in base, fails in the variant in seeds " + join_values(at(ch, "regressed_seeds")) +
                                "; base verdicts " + join_values(at(at(ch, "base"), "verdicts")) + " values " +
                                join_values(at(at(ch, "base"), "values")) + "; variant verdicts " +
                                join_values(at(at(ch, "variant"), "verdicts")) + " values " +
                                join_values(at(at(ch, "variant"), "values"));
        cases << "<failure message=\"" << xml_escape(msg) << "\"/>";
      } else
        cases << "<system-out>" << esc(at(ch, "status")) << "</system-out>";
      cases << "</testcase>\n";
    }
    for (const ojson& ch : at(at(v, "checks"), "unchanged")) {
      ++t;
      cases << "    <testcase classname=\"linksim.compare." << xml_escape(name) << "\" name=\"" << esc(ch)
            << "\"><system-out>unchanged</system-out></testcase>\n";
    }
    ++t;
    const ojson& d = at(g, "correctness_failures");
    cases << "    <testcase classname=\"linksim.compare." << xml_escape(name)
          << "\" name=\"correctness failures do not grow\">";
    const std::string measured = "mean (variant - base) correctness failures per seed " + text(at(d, "delta_mean")) +
                                 ", 95 % interval " + interval(d) + " over " + text(at(d, "n")) + " pairs; threshold " +
                                 text(at(g, "max_new_failures"));
    if (at(g, "failures_grew").get<bool>()) {
      ++f;
      cases << "<failure message=\"" << xml_escape(measured) << "\"/>";
    } else
      cases << "<system-out>" << xml_escape(measured) << "</system-out>";
    cases << "</testcase>\n";
    suites << "  <testsuite name=\"" << xml_escape(base + " vs " + name) << "\" tests=\"" << t << "\" failures=\"" << f
           << "\">\n" << cases.str() << "  </testsuite>\n";
    tests += t;
    failures += f;
  }
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"linksim compare\" tests=\"" << tests << "\" failures=\""
    << failures << "\">\n" << suites.str() << "</testsuites>\n";
  return o.str();
}

} // namespace linksim
