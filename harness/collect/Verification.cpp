#include "harness/collect/Verification.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace linksim {

namespace {
size_t ix(VerificationStepKind k) { return static_cast<size_t>(k); }
} // namespace

VerificationCollector::VerificationCollector(World& w) : w_(w), sc_(w.scenario())
{
  const Verification& vf = sc_.verification;
  steps_.assign(vf.agencies.size(), {NEVER, NEVER, NEVER, NEVER, NEVER, NEVER});
  fresh_.assign(sc_.agencies.size(), 0);
  first_exchange_.assign(sc_.agencies.size(), NEVER);
  for (uint32_t a : vf.new_connections)
    fresh_[a] = 1;
  w.recorder().subscribe<VerificationStep>(this);
  w.recorder().subscribe<TestProbeDone>(this);
  if (!vf.new_connections.empty()) // only then: other scenarios pay nothing per exchange
    w.recorder().subscribe<ExchangeDone>(this);
}

void VerificationCollector::on(const VerificationStep& e)
{
  const uint32_t k = sc_.verification.agency_slot[e.agency];
  steps_[k][ix(e.step)] = std::min(steps_[k][ix(e.step)], e.t_s);
}

void VerificationCollector::on(const ExchangeDone& e)
{
  const Exchange& ex = e.ex;
  const double t     = ex.t[ISSUED];
  if (fresh_[ex.requester])
    first_exchange_[ex.requester] = std::min(first_exchange_[ex.requester], t);
  if (fresh_[ex.provider])
    first_exchange_[ex.provider] = std::min(first_exchange_[ex.provider], t);
}

void VerificationCollector::write(ojson& r, const RunEnd&) const
{
  const Verification& vf = sc_.verification;
  const Revision& rev    = sc_.revisions[vf.revision];
  const Calendar& cal    = w_.calendar();
  auto when = [&cal](double t) { return std::isfinite(t) ? ojson(cal.format(t)) : ojson(nullptr); };
  auto days = [](double s) { return std::round(s / 86400.0 * 1000) / 1000; };
  ojson& o  = r["verification"];
  o         = ojson::object();
  o["revision"]  = vf.revision_id;
  o["go_live"]   = cal.format(rev.go_live_s);
  o["masters_as_of"] = cal.format(rev.go_live_s);
  o["opens"]     = cal.format(vf.opens_s);
  o["closes"]    = cal.format(vf.closes_s);
  o["slots"]     = vf.slots;
  o["test_days"] = days(vf.test_s);
  ojson agencies = ojson::object();
  std::vector<std::string> missing, completed;
  double held = 0, wait_sum = 0, wait_max = 0;
  unsigned waited = 0;
  for (size_t k = 0; k < vf.agencies.size(); ++k) {
    const VerificationAgency& va = vf.agencies[k];
    const auto& s                = steps_[k];
    const std::string& id        = sc_.agencies[va.agency].id;
    const double slot = s[ix(VerificationStepKind::SLOT)], released = s[ix(VerificationStepKind::RELEASED)];
    const double reported = s[ix(VerificationStepKind::REPORTED)];
    const double ready_from = std::max(s[ix(VerificationStepKind::APPROVED)], vf.opens_s); // could have started
    ojson a;
    a["queue_position"] = k + 1;
    a["applied_at"]     = when(s[ix(VerificationStepKind::APPLIED)]);
    a["approved_at"]    = when(s[ix(VerificationStepKind::APPROVED)]);
    a["slot_at"]        = when(slot);
    a["wait_days"]      = std::isfinite(slot) ? ojson(days(slot - ready_from)) : ojson(nullptr);
    a["tested_until"]   = when(released);
    a["reported_at"]    = when(reported);
    const bool before   = reported <= rev.go_live_s;
    a["before_go_live"] = before;
    a["misses_go_live"] = before ? 0 : 1;
    a["why"]            = before ? ojson(nullptr)
                          : std::isfinite(s[ix(VerificationStepKind::NO_SLOT)]) ? ojson("no_slot")
                          : !std::isfinite(reported) ? ojson("not_reported_by_end")
                                                     : ojson("reported_after_go_live");
    a["new_connection"] = va.new_connection;
    agencies[id]        = a;
    (before ? completed : missing).push_back(id);
    if (std::isfinite(slot)) {
      held += std::min(released, vf.closes_s) - slot;
      wait_sum += slot - ready_from;
      wait_max = std::max(wait_max, slot - ready_from);
      ++waited;
    }
  }
  std::sort(missing.begin(), missing.end());
  std::sort(completed.begin(), completed.end());
  o["agencies_testing"]         = vf.agencies.size();
  o["completed_before_go_live"] = completed.size();
  o["missing_go_live"]          = missing.size();
  o["agencies_missing"]         = missing;
  o["agencies_completed"]       = completed;
  o["slot_utilisation"]         = std::round(held / (vf.slots * (vf.closes_s - vf.opens_s)) * 10000) / 10000;
  o["mean_wait_days"]           = waited ? days(wait_sum / waited) : 0.0;
  o["max_wait_days"]            = days(wait_max);
  // New connections: production linkage starts at the first production exchange, or at the
  // revision's go-live when the revision concerns the agency.
  ojson fresh = ojson::object();
  std::vector<std::string> untested;
  for (uint32_t a : vf.new_connections) {
    double start = first_exchange_[a];
    if (rev.agency_slot[a] != NONE)
      start = std::min(start, rev.go_live_s);
    const uint32_t k      = vf.agency_slot[a];
    const double reported = k == NONE ? NEVER : steps_[k][ix(VerificationStepKind::REPORTED)];
    const bool flagged    = std::isfinite(start) && !(reported <= start);
    fresh[sc_.agencies[a].id] = {{"production_start", when(start)},
                                 {"first_exchange", when(first_exchange_[a])},
                                 {"test_reported_at", when(reported)},
                                 {"untested_at_start", flagged ? 1 : 0}};
    if (flagged)
      untested.push_back(sc_.agencies[a].id);
  }
  std::sort(untested.begin(), untested.end());
  o["untested_new_connections"] = untested.size();
  o["new_connections_untested"] = untested;
  o["new_connections"]          = fresh;
  o["test_requests"]            = answered_;
  o["agencies"]                 = agencies;
  o["matrix"]                   = gazelle_matrix(r);
}

ojson VerificationCollector::gazelle_matrix(const ojson& r)
{
  // Per (requester → provider, procedure): the grades of the interagency cases that test it, from
  // /test_cases (written before this section). One grade: V if every case is verified, F if every
  // case failed, "not run" if none ran, else P.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> cells;
  if (r.contains("test_cases"))
    for (auto it = r["test_cases"].begin(); it != r["test_cases"].end(); ++it) {
      const ojson& c = it.value();
      if (!c.is_object() || c.value("regime", "") != "interagency")
        continue;
      for (const ojson& p : c["providers"])
        cells[c["requester"].get<std::string>() + " → " + p.get<std::string>()][c["procedure"].get<std::string>()].push_back(
            c["verdict"].get<std::string>());
    }
  ojson m = ojson::object();
  for (const auto& [pair, procs] : cells)
    for (const auto& [proc, verdicts] : procs) {
      auto all = [&verdicts](const char* v) {
        return std::all_of(verdicts.begin(), verdicts.end(), [v](const std::string& x) { return x == v; });
      };
      m[pair][proc] = all("verified") ? "V" : all("failed") ? "F" : all("not_run") ? "not run" : "P";
    }
  return m;
}

} // namespace linksim
