#include "agents/existing/ExistingSystem.hpp"

#include "sim/model/Timing.hpp"

#include <algorithm>
#include <limits>

namespace linksim {

ExistingSystem::ExistingSystem(Context ctx, uint32_t agency)
    : ctx_(ctx), agency_(agency), rng_(stream_key(ctx.world.seed(), Stream::GENERATOR, agency))
{
  const Scenario& sc = ctx.world.scenario();
  const Calendar& cal = ctx.world.calendar();
  const auto& rates   = ctx.world.arrival_rates(agency); // (line, rate) in line order
  size_t next_rate    = 0;
  for (uint32_t w = 0; w < sc.workload.size(); ++w) {
    const Workload& wl = sc.workload[w];
    if (!wl.at_s.empty()) { // explicit arrival times: every requester issues at each
      if (std::find(wl.requesters.begin(), wl.requesters.end(), agency) != wl.requesters.end())
        streams_.push_back(Arrivals{w, 0, wl.at_s.front(), false, 0});
      continue;
    }
    if (next_rate == rates.size() || rates[next_rate].first != w)
      continue; // not a requester of this line (rate 0)
    const double rate = rates[next_rate++].second;
    Arrivals s{w, rate, 0, wl.business_hours};
    s.regular = wl.regular;
    // Poisson: exponential gaps. Regular: one arrival every 1/rate, the first at a random phase,
    // so the count over the window is the expectation to within one per requester.
    s.clock = (wl.business_hours ? cal.to_business(0.0) : 0.0) +
              (wl.regular ? rng_.uniform() / rate : rng_.exponential(1.0 / rate));
    streams_.push_back(s);
  }
  registers_       = ctx.world.registers(agency);
  last_extraction_ = ctx.world.replica_extraction(agency);
}

double ExistingSystem::next_arrival(const Arrivals& s) const
{
  return s.business ? ctx_.world.calendar().from_business(s.clock) : s.clock;
}

void ExistingSystem::operator()()
{
  World& w            = ctx_.world;
  const double end    = w.scenario().duration_s;
  const Calendar& cal = w.calendar();
  const RegistrationSchedule& reg = w.registration();
  int64_t night       = cal.day_of(0.0);
  auto next_night     = [&](int64_t d) {
    while (!reg.scheduled(agency_, d))
      ++d;
    return d;
  };
  while (registers_ && reg.extraction_time(agency_, night) <= 0.0)
    ++night;
  if (registers_)
    night = next_night(night);
  const double inf = std::numeric_limits<double>::infinity();
  for (Arrivals& s : streams_)
    s.next_t = next_arrival(s);
  double t_reg = registers_ ? reg.extraction_time(agency_, night) : inf; // the next night's batch
  for (;;) {
    size_t best  = streams_.size();
    double t_arr = inf;
    for (size_t i = 0; i < streams_.size(); ++i)
      if (streams_[i].next_t < t_arr) {
        t_arr = streams_[i].next_t;
        best  = i;
      }
    // Arrivals stop at the end of the window; the nightly registration goes on while the run
    // drains (the existing systems keep running: answers given in the drain come from replicas
    // as fresh as the batches that are due then).
    if (!(t_arr < end))
      t_arr = inf;
    const double t = std::min(t_arr, t_reg);
    if (t == inf)
      return;
    sg4::this_actor::sleep_until(t);
    if (t_reg <= t_arr) {
      register_batch(night);
      night = next_night(night + 1);
      t_reg = reg.extraction_time(agency_, night);
    } else {
      Arrivals& s = streams_[best];
      issue(s);
      const Workload& wl = w.scenario().workload[s.workload];
      if (!wl.at_s.empty())
        s.clock = ++s.next_at < wl.at_s.size() ? wl.at_s[s.next_at] : inf;
      else
        s.clock += s.regular ? 1.0 / s.rate_per_s : rng_.exponential(1.0 / s.rate_per_s);
      s.next_t = next_arrival(s);
    }
  }
}

bool ExistingSystem::choose(const Workload& wl, uint64_t& person, uint32_t& provider)
{
  const Population& pop = ctx_.world.population();
  const uint32_t whose  = wl.on_behalf_of != NONE ? wl.on_behalf_of : agency_; // a delegate asks about its delegator's
  for (int attempt = 0; attempt < 64; ++attempt) {
    switch (wl.subjects) {
      case Subjects::ANY:
        person = pop.pick_any(rng_);
        break;
      case Subjects::LISTED:
        person = wl.persons[rng_.below(wl.persons.size())];
        break;
      default:
        person = pop.pick_member(whose, rng_);
    }
    provider = provider_of(wl, pop, person);
    if (provider != NONE && provider != agency_ && provider != whose)
      return true;
  }
  return false;
}

void ExistingSystem::issue(Arrivals& s)
{
  World& w           = ctx_.world;
  const Workload& wl = w.scenario().workload[s.workload];
  const double now   = sg4::Engine::get_clock();
  Message* m         = ctx_.new_message(MsgKind::QUERY, agency_, NONE);
  // A paired line (listed persons with one time each, test cases) asks its persons in order: the
  // loader has checked each one can be asked (WorkloadSection, TestCasesSection).
  const size_t first = wl.paired ? (s.next_at * wl.batch_size) : 0;
  for (unsigned i = 0; i < wl.batch_size; ++i) {
    uint64_t person   = 0;
    uint32_t provider = NONE;
    if (wl.paired) {
      person   = wl.persons[first + i];
      provider = wl.providers.empty() ? provider_of(wl, w.population(), person) : wl.providers[first + i];
      // Checked at load with the scenario's seed; under another --seed a select rule may name no
      // provider or the requester itself: that arrival is skipped (counted), never re-drawn.
      const uint32_t whose = wl.on_behalf_of != NONE ? wl.on_behalf_of : agency_;
      if (provider == NONE || provider == agency_ || provider == whose) {
        w.ledger().skip(s.workload);
        continue;
      }
    } else if (!choose(wl, person, provider)) {
      w.ledger().skip(s.workload);
      continue;
    }
    Exchange* ex    = w.exchanges().get();
    ex->reset();
    ex->t[ISSUED]   = now;
    ex->attempt_s   = now;
    ex->requester   = agency_;
    ex->provider    = provider;
    ex->procedure   = wl.procedure;
    ex->item        = wl.item;
    ex->workload    = s.workload;
    ex->batch       = wl.batch;
    ex->req_ref     = person; // the caseworker's pick, by the agency's own number
    ex->truth.person = person;
    ex->truth.queried = w.queried_person(agency_, person, now); // hidden: for the oracle only
    ex->needs_code  = wl.acquire_rate > 0 && rng_.uniform() < wl.acquire_rate;
    if (!ex->needs_code)
      ex->req_code = w.requester_code(agency_, ex->req_ref, now);
    w.ledger().issue(*ex);
    m->append(ex);
  }
  if (m->count == 0) {
    ctx_.free_message(m);
    return;
  }
  const uint32_t site = w.scenario().agencies[agency_].site;
  ctx_.send(ctx_.platform.site_inbox(site), m, ctx_.request_bytes(m->count), ctx_.platform.agency_route(agency_), now);
}

void ExistingSystem::register_batch(int64_t night)
{
  World& w = ctx_.world;
  if (!w.registration().runs(agency_, night))
    return; // skipped or failed: the replica keeps the previous extraction
  const double now        = sg4::Engine::get_clock();
  Message* m              = ctx_.new_message(MsgKind::REGISTER, NONE, agency_);
  const uint64_t records  = w.registration_records(agency_, last_extraction_, now);
  m->count                = static_cast<uint32_t>(std::min<uint64_t>(records, 0xffffffffu));
  m->extraction_s         = now;
  last_extraction_        = now;
  const Scenario& sc      = w.scenario();
  ctx_.send(ctx_.platform.site_inbox(sc.agencies[agency_].site), m, registration_bytes(sc, records),
            ctx_.platform.agency_route(agency_), now);
}

void Collector::operator()()
{
  World& w            = ctx_.world;
  sg4::Mailbox* inbox = ctx_.platform.collect_inbox(agency_);
  for (;;) {
    Taken in       = Context::take(inbox);
    const double t =
        next_collection(w.calendar(), w.scenario().workload[in.msg->head->workload].fetch_at_s, in.arrival_s);
    if (t > in.now)
      sg4::this_actor::sleep_until(t);
    for (Exchange* ex = in.msg->head; ex;) {
      Exchange* next = ex->next;
      w.ledger().complete(ex, agency_, t);
      ex = next;
    }
    ctx_.free_message(in.msg);
  }
}

void Fetcher::operator()()
{
  World& w = ctx_.world;
  sg4::Mailbox* inbox = ctx_.platform.fetch_inbox(agency_);
  for (;;) {
    Taken in = Context::take(inbox);
    for (Exchange* ex = in.msg->head; ex;) {
      Exchange* next = ex->next;
      w.ledger().complete(ex, agency_, in.arrival_s);
      ex = next;
    }
    ctx_.free_message(in.msg);
  }
}

} // namespace linksim
