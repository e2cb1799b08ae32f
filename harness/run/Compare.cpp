#include "harness/run/Compare.hpp"

#include "harness/results/ResultShape.hpp"
#include "harness/results/Stats.hpp"
#include "sim/trace/Oracle.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace linksim {

namespace {

/// The key of compare.json's total of the correctness-failure classes (a derived count, not a class).
const char* const FAILURES = "correctness_failures";
/// Statuses of an entity or a check, in the order of the summaries.
const char* const STATUSES[] = {"newly_failing", "fixed", "still_failing", "unchanged"};

const char* status_of(bool base_failing, bool variant_failing)
{
  if (variant_failing)
    return base_failing ? STATUSES[2] : STATUSES[0];
  return base_failing ? STATUSES[1] : STATUSES[3];
}

ojson status_summary() { return {{STATUSES[0], 0}, {STATUSES[1], 0}, {STATUSES[2], 0}, {STATUSES[3], 0}}; }

/// A number in an object (0 if absent or not a number).
double number(const ojson& obj, const std::string& key)
{
  if (!obj.is_object())
    return 0;
  auto it = obj.find(key);
  return it != obj.end() && it->is_number() ? it->get<double>() : 0;
}

/// The child `key` of `j`, or a null json.
const ojson& child(const ojson& j, const std::string& key)
{
  static const ojson none;
  if (!j.is_object())
    return none;
  auto it = j.find(key);
  return it == j.end() ? none : *it;
}

const std::string& outcomes_key()
{
  static const std::string k = split_pointer(metric_patterns().front().form)[0]; // "outcomes"
  return k;
}
const std::string& total_key()
{
  static const std::string k = split_pointer(metric_patterns().front().form)[1]; // "total"
  return k;
}
const std::string& latency_key()
{
  static const std::string k = split_pointer("/latency")[0];
  return k;
}

/// Correctness failures in one outcome object (a total or one entity's counts).
double failures(const ojson& counts)
{
  double f = 0;
  for (const std::string& c : correctness_failure_classes())
    f += number(counts, c);
  return f;
}

/// The count names a delta is computed for: every class, the extras, and the failures' total.
const std::vector<std::string>& delta_names()
{
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v = OUTCOMES.names();
    v.insert(v.end(), COUNT_EXTRAS.begin(), COUNT_EXTRAS.end());
    v.emplace_back(FAILURES);
    return v;
  }();
  return names;
}

double count_of(const ojson& counts, size_t k)
{
  return k + 1 == delta_names().size() ? failures(counts) : number(counts, delta_names()[k]);
}

/// {base_mean, variant_mean, delta_mean, ci95_low, ci95_high, n}: interval null with fewer than 2 pairs.
ojson delta_json(const std::vector<double>& b, const std::vector<double>& v)
{
  std::vector<double> d(b.size());
  for (size_t i = 0; i < b.size(); ++i)
    d[i] = v[i] - b[i];
  const MeanCi mb = mean_ci(b), mv = mean_ci(v), md = mean_ci(d);
  ojson o;
  o["base_mean"]    = mb.mean;
  o["variant_mean"] = mv.mean;
  o["delta_mean"]   = md.mean;
  o["ci95_low"]     = md.n > 1 ? ojson(md.mean - md.half) : ojson(nullptr);
  o["ci95_high"]    = md.n > 1 ? ojson(md.mean + md.half) : ojson(nullptr);
  o["n"]            = md.n;
  return o;
}

/// Indexes of the seeds where both runs left a result.
std::vector<size_t> paired(const std::vector<ojson>& base, const std::vector<ojson>& variant)
{
  std::vector<size_t> p;
  for (size_t i = 0; i < base.size() && i < variant.size(); ++i)
    if (!base[i].is_null() && !variant[i].is_null())
      p.push_back(i);
  return p;
}

/// Per entity of one breakdown, over one side's seeds: in how many it fails, and its mean failures.
struct SideFailures {
  unsigned failing_seeds = 0;
  double failures_sum    = 0;
};
using FailureMap = std::map<std::string, SideFailures>;

FailureMap side_failures(const std::vector<ojson>& side, const std::string& breakdown, unsigned& seeds)
{
  FailureMap m;
  seeds = 0;
  for (const ojson& r : side) {
    if (r.is_null())
      continue;
    ++seeds;
    const ojson& by = child(child(r, outcomes_key()), breakdown);
    if (!by.is_object())
      continue;
    for (auto it = by.begin(); it != by.end(); ++it) {
      const double f = failures(it.value());
      SideFailures& s = m[it.key()];
      s.failing_seeds += f > 0;
      s.failures_sum += f;
    }
  }
  return m;
}

/// Statuses of the entities of one breakdown: {summary, changed: [...]}, one pass over a merged map.
ojson entity_statuses(const std::vector<ojson>& base, const std::vector<ojson>& variant, const std::string& breakdown)
{
  unsigned nb = 0, nv = 0;
  const FailureMap fb = side_failures(base, breakdown, nb);
  const FailureMap fv = side_failures(variant, breakdown, nv);
  std::map<std::string, std::pair<SideFailures, SideFailures>> both;
  for (const auto& [k, s] : fb)
    both[k].first = s;
  for (const auto& [k, s] : fv)
    both[k].second = s;
  ojson summary = status_summary(), changed = ojson::array();
  for (const auto& [key, s] : both) {
    const char* st = status_of(s.first.failing_seeds > 0, s.second.failing_seeds > 0);
    summary[st]    = summary[st].get<unsigned>() + 1;
    if (st == STATUSES[3])
      continue;
    changed.push_back({{"key", key},
                       {"status", st},
                       {"base", {{"failing_seeds", s.first.failing_seeds}, {"failures_mean", nb ? s.first.failures_sum / nb : 0.0}}},
                       {"variant",
                        {{"failing_seeds", s.second.failing_seeds}, {"failures_mean", nv ? s.second.failures_sum / nv : 0.0}}}});
  }
  return {{"summary", summary}, {"changed", changed}};
}

/// Outcome deltas of the entities of one breakdown (or of the total, as one entity): only the
/// entities and counts where some paired delta is non-zero (all counts when `all`).
ojson outcome_deltas(const std::vector<ojson>& base, const std::vector<ojson>& variant, const std::vector<size_t>& pairs,
                     const std::string& breakdown, bool all)
{
  const size_t C = delta_names().size(), P = pairs.size();
  // Per entity: counts [class * P + pair] of each side (0 where an entity is absent in a run).
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> acc;
  auto add = [&](const ojson& counts, const std::string& key, size_t p, bool is_variant) {
    auto& e = acc[key];
    if (e.first.empty()) {
      e.first.assign(C * P, 0.0);
      e.second.assign(C * P, 0.0);
    }
    std::vector<double>& side = is_variant ? e.second : e.first;
    for (size_t k = 0; k < C; ++k)
      side[k * P + p] = count_of(counts, k);
  };
  for (size_t p = 0; p < P; ++p) {
    for (int s = 0; s < 2; ++s) {
      const ojson& out = child(s ? variant[pairs[p]] : base[pairs[p]], outcomes_key());
      if (breakdown == total_key()) {
        add(child(out, total_key()), total_key(), p, s == 1);
        continue;
      }
      const ojson& by = child(out, breakdown);
      if (by.is_object())
        for (auto it = by.begin(); it != by.end(); ++it)
          add(it.value(), it.key(), p, s == 1);
    }
  }
  ojson result = ojson::object();
  for (const auto& [key, e] : acc) {
    ojson counts = ojson::object();
    for (size_t k = 0; k < C; ++k) {
      const std::vector<double> b(e.first.begin() + static_cast<long>(k * P), e.first.begin() + static_cast<long>((k + 1) * P));
      const std::vector<double> v(e.second.begin() + static_cast<long>(k * P), e.second.begin() + static_cast<long>((k + 1) * P));
      if (all || b != v)
        counts[delta_names()[k]] = delta_json(b, v);
    }
    if (!counts.empty())
      result[key] = counts;
  }
  if (breakdown == total_key())
    return result.contains(total_key()) ? result[total_key()] : ojson::object();
  return result;
}

/// Latency deltas: per series (and per hop) of /latency, p50_ms, p95_ms and mean_ms, over the
/// pairs where both runs have samples of that series.
ojson latency_deltas(const std::vector<ojson>& base, const std::vector<ojson>& variant, const std::vector<size_t>& pairs)
{
  using namespace shape;
  const std::string& count = LATENCY_STATS[COUNT];
  const std::vector<std::string> stats = {LATENCY_STATS[P50_MS], LATENCY_STATS[P95_MS], LATENCY_STATS[MEAN_MS]};
  auto series_delta = [&](const std::vector<std::string>& path) {
    ojson o = ojson::object();
    for (const std::string& st : stats) {
      std::vector<double> b, v;
      for (size_t i : pairs) {
        const ojson* sb = &child(base[i], latency_key());
        const ojson* sv = &child(variant[i], latency_key());
        for (const std::string& seg : path) {
          sb = &child(*sb, seg);
          sv = &child(*sv, seg);
        }
        if (number(*sb, count) > 0 && number(*sv, count) > 0) {
          b.push_back(number(*sb, st));
          v.push_back(number(*sv, st));
        }
      }
      if (!b.empty())
        o[st] = delta_json(b, v);
    }
    return o;
  };
  ojson out = ojson::object();
  for (const std::string& s : LATENCY_SERIES)
    if (ojson d = series_delta({s}); !d.empty())
      out[s] = d;
  // Hops: the names found in the results (union, in the first result's order).
  std::vector<std::string> hops;
  std::set<std::string> seen;
  for (size_t i : pairs)
    for (const ojson* r : {&base[i], &variant[i]}) {
      const ojson& h = child(child(*r, latency_key()), "hops");
      if (h.is_object())
        for (auto it = h.begin(); it != h.end(); ++it)
          if (seen.insert(it.key()).second)
            hops.push_back(it.key());
    }
  ojson hop_out = ojson::object();
  for (const std::string& h : hops)
    if (ojson d = series_delta({"hops", h}); !d.empty())
      hop_out[h] = d;
  if (!hop_out.empty())
    out["hops"] = hop_out;
  return out;
}

/// One check's verdict and value in one run (no verdict: the run has no such check, or one this
/// version does not know).
struct CheckSeen {
  std::optional<CheckVerdict> verdict;
  ojson value;
  bool is(CheckVerdict v) const { return verdict == v; }
  /// As compare.json writes it ("absent" when the run has no such check).
  std::string name() const { return verdict ? to_string(*verdict) : "absent"; }
};

/// Check statuses and regressions; fills `regressed` with {name, seeds}.
ojson check_statuses(const std::vector<ojson>& base, const std::vector<ojson>& variant, const std::vector<ojson>& seeds,
                     ojson& regressed)
{
  const size_t n = std::max(base.size(), variant.size());
  std::vector<std::string> order; // base's checks, then the variant's others
  std::map<std::string, std::pair<std::vector<CheckSeen>, std::vector<CheckSeen>>> by_name;
  std::map<std::string, std::string> kinds;
  for (int s = 0; s < 2; ++s) {
    const std::vector<ojson>& side = s ? variant : base;
    for (size_t i = 0; i < side.size(); ++i) {
      const ojson& checks = child(side[i], "checks");
      if (!checks.is_array())
        continue;
      for (const ojson& c : checks) {
        const std::string name = c.value("name", "");
        auto [it, added] = by_name.try_emplace(name);
        if (added) {
          order.push_back(name);
          it->second.first.resize(n);
          it->second.second.resize(n);
          kinds[name] = c.value("kind", "");
        }
        CheckSeen& seen = (s ? it->second.second : it->second.first)[i];
        seen.verdict    = CHECK_VERDICTS.parse(c.value("verdict", ""));
        seen.value      = c.contains("value") ? c["value"] : ojson(nullptr);
      }
    }
  }
  ojson summary = status_summary(), changed = ojson::array(), unchanged = ojson::array();
  regressed     = ojson::array();
  for (const std::string& name : order) {
    const auto& [b, v] = by_name[name];
    bool bf = false, vf = false;
    ojson reg_seeds = ojson::array();
    for (size_t i = 0; i < n; ++i) {
      bf |= b[i].is(CheckVerdict::FAIL);
      vf |= v[i].is(CheckVerdict::FAIL);
      if (b[i].is(CheckVerdict::PASS) && v[i].is(CheckVerdict::FAIL))
        reg_seeds.push_back(seeds[i]);
    }
    const char* st = status_of(bf, vf);
    summary[st]    = summary[st].get<unsigned>() + 1;
    if (!reg_seeds.empty())
      regressed.push_back({{"name", name}, {"seeds", reg_seeds}});
    if (st == STATUSES[3] && reg_seeds.empty()) {
      unchanged.push_back(name);
      continue;
    }
    auto side_json = [n](const std::vector<CheckSeen>& s) {
      ojson verdicts = ojson::array(), values = ojson::array();
      for (size_t i = 0; i < n; ++i) {
        verdicts.push_back(s[i].name());
        values.push_back(s[i].value);
      }
      return ojson{{"verdicts", verdicts}, {"values", values}};
    };
    changed.push_back({{"name", name},
                       {"kind", kinds[name]},
                       {"status", st},
                       {"regressed_seeds", reg_seeds},
                       {"base", side_json(b)},
                       {"variant", side_json(v)}});
  }
  return {{"summary", summary}, {"changed", changed}, {"unchanged", unchanged}};
}

/// The scenario's identity from its first result's `run` section.
ojson scenario_identity(const std::string& name, const std::vector<ojson>& results)
{
  ojson id = {{"name", name}, {"file", nullptr}, {"file_sha256", nullptr}, {"results", 0}};
  unsigned present = 0;
  for (const ojson& r : results) {
    if (r.is_null())
      continue;
    if (!present++) {
      const ojson& run = child(r, "run");
      if (name.empty() && child(run, "scenario").is_string())
        id["name"] = child(run, "scenario");
      id["file"]        = child(run, "file");
      id["file_sha256"] = child(run, "file_sha256");
    }
  }
  id["results"] = present;
  return id;
}

unsigned missing(const std::vector<ojson>& results)
{
  return static_cast<unsigned>(std::count_if(results.begin(), results.end(), [](const ojson& r) { return r.is_null(); }));
}

} // namespace

const std::vector<std::string>& correctness_failure_classes()
{
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& e : OUTCOMES.entries())
      if (is_correctness_failure(e.value))
        v.emplace_back(e.name);
    return v;
  }();
  return names;
}

ojson compare_results(const std::vector<ojson>& base, const std::vector<std::pair<std::string, std::vector<ojson>>>& variants,
                      const CompareOptions& o)
{
  size_t n = base.size();
  for (const auto& [name, results] : variants)
    n = std::max(n, results.size());
  // The seed of each index, from whichever run of it left a result.
  ojson seeds = ojson::array();
  for (size_t i = 0; i < n; ++i) {
    ojson s;
    if (i < base.size())
      s = child(child(base[i], "run"), "seed");
    for (const auto& [name, results] : variants)
      if (s.is_null() && i < results.size())
        s = child(child(results[i], "run"), "seed");
    seeds.push_back(s);
  }
  std::vector<ojson> base_n = base;
  base_n.resize(n);

  ojson c;
  c["kind"]                        = "compare";
  c["base"]                        = scenario_identity("", base_n);
  c["seeds"]                       = seeds;
  c["max_new_failures"]            = o.max_new_failures;
  c["correctness_failure_classes"] = correctness_failure_classes();
  unsigned missing_results         = missing(base_n);
  ojson vs                         = ojson::array();
  for (const auto& [name, results] : variants) {
    std::vector<ojson> var = results;
    var.resize(n);
    missing_results += missing(var);
    const std::vector<size_t> pairs = paired(base_n, var);
    ojson v;
    ojson id     = scenario_identity(name, var);
    v["name"]    = id["name"];
    v["file"]    = id["file"];
    v["file_sha256"] = id["file_sha256"];
    v["pairs"]   = pairs.size();
    v["missing"] = {{"base", missing(base_n)}, {"variant", missing(var)}};

    ojson regressed;
    ojson checks              = check_statuses(base_n, var, seeds.get<std::vector<ojson>>(), regressed);
    ojson total               = outcome_deltas(base_n, var, pairs, total_key(), true);
    const ojson failures_delta = total.contains(FAILURES) ? total[FAILURES] : delta_json({}, {});
    const bool grew           = failures_delta["delta_mean"].get<double>() > o.max_new_failures;
    v["gate"]                 = {{"passed", regressed.empty() && !grew},
                                 {"checks_regressed", regressed},
                                 {"correctness_failures", failures_delta},
                                 {"max_new_failures", o.max_new_failures},
                                 {"failures_grew", grew}};
    v["checks"] = checks;
    ojson entities = ojson::object();
    for (const std::string& b : BREAKDOWNS)
      entities[b] = entity_statuses(base_n, var, b);
    v["entities"] = entities;
    ojson deltas  = ojson::object();
    deltas[total_key()] = total;
    for (const std::string& b : BREAKDOWNS)
      deltas[b] = outcome_deltas(base_n, var, pairs, b, false);
    v["outcome_deltas"] = deltas;
    v["latency_deltas"] = latency_deltas(base_n, var, pairs);
    std::vector<std::string> newly_missing;
    ojson rev = revisions_table(base_n, var, newly_missing);
    if (!rev.is_null()) {
      v["revisions"]             = rev;
      v["newly_missing_go_live"] = newly_missing;
    }
    ojson queue = verification_table(base_n, var); // the inter-agency test queue (接続検証環境)
    if (!queue.is_null())
      v["verification"] = queue;
    vs.push_back(v);
  }
  c["variants"]        = vs;
  c["missing_results"] = missing_results;
  c["exit_code"]       = compare_exit_code(c);
  return c;
}

int compare_exit_code(const ojson& c)
{
  if (number(c, "missing_results") > 0)
    return 70;
  const ojson& runs = child(c, "runs");
  if (runs.is_array())
    for (const ojson& r : runs)
      if (number(r, "exit_code") == 70)
        return 70;
  const ojson& vs = child(c, "variants");
  if (vs.is_array())
    for (const ojson& v : vs)
      if (!child(child(v, "gate"), "passed").get<bool>())
        return 1;
  return 0;
}

ojson compare_verdicts(const ojson& c)
{
  ojson out = ojson::array();
  for (const ojson& v : child(c, "variants")) {
    ojson x = {{"name", child(v, "name")}, {"gate", child(v, "gate")}, {"checks", child(v, "checks")}, {"entities", child(v, "entities")}};
    if (v.contains("newly_missing_go_live"))
      x["newly_missing_go_live"] = v["newly_missing_go_live"];
    if (v.contains("verification"))
      x["verification"] = v["verification"];
    out.push_back(x);
  }
  return out;
}

const ojson& json_member(const ojson& j, const std::string& key)
{
  static const ojson none;
  if (!j.is_object())
    return none;
  auto it = j.find(key);
  return it == j.end() ? none : *it;
}

size_t first_pair_index(const std::vector<ojson>& base, const std::vector<ojson>& variant)
{
  for (size_t i = 0; i < base.size() && i < variant.size(); ++i)
    if (!base[i].is_null() && !variant[i].is_null())
      return i;
  return base.size();
}

} // namespace linksim
