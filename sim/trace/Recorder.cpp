#include "sim/trace/Recorder.hpp"

#include "sim/model/World.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

const char* const TS_NAMES[TS_COUNT] = {"issued",      "rq_req_in",   "rq_req_out",   "hub_req_in",  "hub_req_out",
                                        "pv_req_in",   "pv_req_out",  "pv_resp_in",   "pv_resp_out", "hub_resp_in",
                                        "hub_resp_out", "rq_resp_in", "rq_resp_out",  "fetched"};

const HopDef HOPS[HOP_COUNT] = {
    {"es_to_req_ims", ISSUED, RQ_REQ_IN},          {"req_ims_request", RQ_REQ_IN, RQ_REQ_OUT},
    {"req_ims_to_hub", RQ_REQ_OUT, HUB_REQ_IN},    {"hub_request", HUB_REQ_IN, HUB_REQ_OUT},
    {"hub_to_prov_ims", HUB_REQ_OUT, PV_REQ_IN},   {"prov_ims", PV_REQ_IN, PV_RESP_OUT},
    {"prov_ims_to_hub", PV_RESP_OUT, HUB_RESP_IN}, {"hub_response", HUB_RESP_IN, HUB_RESP_OUT},
    {"hub_to_req_ims", HUB_RESP_OUT, RQ_RESP_IN},  {"req_ims_response", RQ_RESP_IN, RQ_RESP_OUT},
    {"req_ims_to_es", RQ_RESP_OUT, FETCHED}};

Recorder::Recorder(World& w) : w_(w)
{
  const Scenario& sc = w.scenario();
  by_procedure_.assign(sc.procedures.size(), OutcomeCounts{});
  by_requester_.assign(sc.agencies.size(), OutcomeCounts{});
  by_provider_.assign(sc.agencies.size(), OutcomeCounts{});
  by_item_.assign(sc.layouts.size(), OutcomeCounts{});
  by_workload_.assign(sc.workload.size(), OutcomeCounts{});
  servers_.resize(sc.sites.size());
  skipped_.assign(sc.workload.size(), 0);
  day0_ = w.calendar().day_of(0.0);
}

bool Recorder::open_csv(const std::string& path)
{
  if (!csv_.open(path))
    return false;
  csv_.raw(std::string("run_id,exchange,serial,workload,procedure,item,requester,provider,mode,person,outcome,"
                       "nondisclosure,records"));
  for (const char* name : TS_NAMES) {
    csv_.comma();
    csv_.raw(name, std::char_traits<char>::length(name));
    csv_.raw("_s", 2);
  }
  csv_.raw(std::string(",end_to_end_ms"));
  csv_.end_row();
  return true;
}

uint64_t Recorder::issue(Exchange& ex)
{
  ex.id = next_id_++;
  ++issued_;
  ++open_;
  const int64_t d = w_.calendar().day_of(ex.t[ISSUED]) - day0_;
  if (d >= 0) {
    if (static_cast<size_t>(d) >= issued_per_day_.size()) {
      issued_per_day_.resize(static_cast<size_t>(d) + 1, 0);
      provided_per_day_.resize(static_cast<size_t>(d) + 1, 0);
    }
    ++issued_per_day_[static_cast<size_t>(d)];
  }
  return ex.id;
}

void Recorder::hold(Exchange& ex)
{
  if (ex.held)
    return;
  ex.held = true;
  if (!ex.file)
    ++held_;
  else if (ex.file->held++ == 0)
    held_ += ex.file->expected; // the whole result file now waits for a human
  if (open_unheld() == 0 && on_drained)
    on_drained();
}

void Recorder::release(Exchange& ex)
{
  if (!ex.held)
    return;
  ex.held = false;
  if (!ex.file)
    --held_;
  else if (--ex.file->held == 0)
    held_ -= ex.file->expected;
}

Outcome Recorder::judge(const Exchange& ex, uint32_t fetcher, bool fetched, double now, bool at_end) const
{
  const Scenario& sc = w_.scenario();
  const Workload& wl = sc.workload[ex.workload];
  const Layout& l    = sc.layouts[ex.item];
  OracleFacts f;
  f.data_answered    = ex.answer == Answer::DATA;
  f.no_record        = ex.answer == Answer::NO_RECORD;
  f.denied           = ex.answer == Answer::DENIED;
  f.fetched          = fetched;
  f.fetched_by_other = fetched && fetcher != ex.requester;
  const double end   = fetched ? ex.t[FETCHED] : now;
  f.late             = wl.timeout_s > 0 && end - ex.t[ISSUED] > wl.timeout_s;
  f.held_at_end      = at_end && (ex.held || (ex.file && ex.file->held > 0));
  f.entitled         = w_.law().allows(ex.procedure, ex.item, ex.requester, ex.provider);
  f.right_query = ex.truth.queried == ex.truth.person;
  if (f.data_answered) {
    const double answered = ex.t[PV_RESP_IN];
    f.right_person        = ex.truth.delivered == ex.truth.person;
    f.version_ok          = version_accepted(l, ex.version, answered);
    f.nulls_ok            = !violates_null_rules(l.versions[ex.version], ex.record);
    f.data_epoch          = ex.epoch;
    f.due_epoch = truth_epoch(l, w_.seed(), ex.truth.person, ex.item, w_.registration().due_extraction(ex.provider, answered));
  }
  return classify(f);
}

void Recorder::complete(Exchange* ex, uint32_t fetcher, double now)
{
  ex->t[FETCHED] = now;
  if (ex->held)
    release(*ex);
  const Outcome o = judge(*ex, fetcher, true, now, false);
  account(*ex, o, true);
  free_exchange(ex);
  if (open_unheld() == 0 && on_drained)
    on_drained();
}

void Recorder::account(Exchange& ex, Outcome o, bool fetched)
{
  const auto k = static_cast<size_t>(o);
  ++totals_[k];
  ++by_procedure_[ex.procedure][k];
  ++by_requester_[ex.requester][k];
  ++by_provider_[ex.provider][k];
  ++by_item_[ex.item][k];
  ++by_workload_[ex.workload][k];
  if (o == Outcome::CORRECT) {
    const Layout& l = w_.scenario().layouts[ex.item];
    if (ex.epoch < truth_epoch(l, w_.seed(), ex.truth.person, ex.item, ex.t[PV_RESP_IN]))
      ++lagging_;
  }
  if (fetched) {
    const double e2e = ex.t[FETCHED] - ex.t[ISSUED];
    e2e_.add(e2e);
    (ex.batch ? e2e_batch_ : e2e_immediate_).add(e2e);
    for (size_t h = 0; h < HOP_COUNT; ++h) {
      const double a = ex.t[HOPS[h].from], b = ex.t[HOPS[h].to];
      if (!std::isnan(a) && !std::isnan(b))
        hops_[h].add(b - a);
    }
    if (!std::isnan(ex.t[HUB_REQ_IN]))
      hub_wait_.add(ex.hub_wait_s);
  }
  for (int r = 0; r < 3; ++r)
    if (ex.records & (1u << r))
      ++records_written_[static_cast<size_t>(r)];
  if (provides_data(o)) {
    if (ex.record_nd)
      ++records_nd_;
    const bool all_written = ex.records == 0b111;
    const bool nd_agrees   = ex.record_nd == (ex.nondisclosure ? 0b111 : 0);
    if (!all_written || !nd_agrees)
      ++records_inconsistent_;
    const int64_t d = w_.calendar().day_of(ex.t[ISSUED]) - day0_;
    if (d >= 0 && static_cast<size_t>(d) < provided_per_day_.size())
      ++provided_per_day_[static_cast<size_t>(d)];
  }
  if (csv_.is_open())
    write_row(ex, o);
}

void Recorder::write_row(const Exchange& ex, Outcome o)
{
  const Scenario& sc = w_.scenario();
  csv_.raw(w_.run_id());
  csv_.comma();
  csv_.u64(ex.id);
  csv_.comma();
  if (ex.serial)
    csv_.u64(ex.serial);
  csv_.comma();
  csv_.raw(sc.workload[ex.workload].id);
  csv_.comma();
  csv_.raw(sc.procedures[ex.procedure].code);
  csv_.comma();
  csv_.u64(sc.layouts[ex.item].number);
  csv_.comma();
  csv_.raw(sc.agencies[ex.requester].id);
  csv_.comma();
  csv_.raw(sc.agencies[ex.provider].id);
  csv_.comma();
  csv_.raw(ex.batch ? "batch" : "immediate", ex.batch ? 5 : 9);
  csv_.comma();
  csv_.u64(ex.truth.person);
  csv_.comma();
  const char* name = OUTCOME_NAMES[static_cast<size_t>(o)];
  csv_.raw(name, std::char_traits<char>::length(name));
  csv_.comma();
  csv_.u64(ex.nondisclosure ? 1 : 0);
  csv_.comma();
  csv_.u64(ex.records);
  for (double x : ex.t) {
    csv_.comma();
    csv_.seconds(x);
  }
  csv_.comma();
  csv_.millis(ex.t[FETCHED] - ex.t[ISSUED]);
  csv_.end_row();
}

void Recorder::free_exchange(Exchange* ex)
{
  --open_;
  ex->id   = 0;
  ex->next = nullptr;
  w_.exchanges().put(ex);
}

bool Recorder::finish(double now)
{
  std::vector<Exchange*> left;
  w_.exchanges().for_each_slot([&left](Exchange& ex) {
    if (ex.id != 0)
      left.push_back(&ex);
  });
  std::sort(left.begin(), left.end(), [](const Exchange* a, const Exchange* b) { return a->id < b->id; });
  // Judge every open exchange before freeing any: a batch file's members are judged by whether
  // the file still waits for a manual answer.
  std::vector<Outcome> outcomes;
  outcomes.reserve(left.size());
  for (Exchange* ex : left)
    outcomes.push_back(judge(*ex, ex->requester, false, now, true));
  for (size_t i = 0; i < left.size(); ++i) {
    account(*left[i], outcomes[i], false);
    free_exchange(left[i]);
  }
  held_ = 0;
  return csv_.close();
}

} // namespace linksim
