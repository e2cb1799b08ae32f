// The same message pattern as linksim, in plain SimGrid S4U, with none of linksim's logic.
//
// Same hosts, links and routes (agents/Platform), same arrival processes (rates, business hours,
// Poisson or regular, batch sizes), same choice of provider host (the population arithmetic that
// decides whom a query goes to), same message sizes, hops and processing times, same nightly
// registration uploads, same worker counts and the same CM02 settings. What it leaves out is
// everything linksim adds per exchange: codes and their conversion, the permission table, replica
// lookup, records, the oracle, statistics and exchanges.csv.
//
// Not supported (the benchmark scenario must not use them): manual-answer staff, code
// acquisition (J-LIS), explicit arrival times.
//
//   raw_simgrid SCENARIO [--seed N]   → one JSON line: messages, exchanges, wall_s, peak_rss_mib
#include "agents/core/Platform.hpp"
#include "harness/Errors.hpp"
#include "harness/scenario/Loader.hpp"
#include "sim/model/Timing.hpp"
#include "sim/model/Population.hpp"
#include "sim/model/Registration.hpp"
#include "sim/model/Rng.hpp"

#include <simgrid/s4u.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

using namespace linksim;

namespace {

enum class Kind : uint8_t { QUERY, REQUEST, NOTICE, ANSWER, RESULT, DELIVER, REGISTER };

struct File {
  uint32_t expected = 0, arrived = 0;
};

struct Msg {
  Kind kind                = Kind::QUERY;
  uint32_t requester       = 0, provider = 0;
  uint32_t count           = 0;
  std::vector<uint32_t> providers; ///< per person (batch queries split at the hub)
  double record_bytes      = 0;
  File* file               = nullptr; ///< batch queries: answers assembled into one file at the requester's server
  uint32_t workload        = 0;
  bool batch               = false;
};

struct Shared {
  std::vector<Msg*> free_msgs; ///< messages are reused, as linksim's pools do
  Msg* new_msg(Kind kind, uint32_t requester, uint32_t provider, uint32_t count, double record_bytes, File* file,
               uint32_t workload, bool batch)
  {
    Msg* m;
    if (free_msgs.empty())
      m = new Msg();
    else {
      m = free_msgs.back();
      free_msgs.pop_back();
    }
    m->kind         = kind;
    m->requester    = requester;
    m->provider     = provider;
    m->count        = count;
    m->providers.clear();
    m->record_bytes = record_bytes;
    m->file         = file;
    m->workload     = workload;
    m->batch        = batch;
    return m;
  }
  void free_msg(Msg* m) { free_msgs.push_back(m); }
  uint64_t outstanding = 0; ///< persons issued and not yet fetched (for the drain)
  sg4::ConditionVariablePtr drained = sg4::ConditionVariable::create();
  const Scenario& sc;
  Platform& pf;
  Calendar cal;
  Population pop;
  RegistrationSchedule reg;
  std::vector<uint32_t> provided; ///< layouts each agency may provide (registration sizes)
  std::vector<std::vector<std::pair<uint32_t, double>>> rates; ///< per agency: (line, arrival rate), as linksim's
  uint64_t seed;
  uint64_t messages  = 0;
  uint64_t exchanges = 0;
  Shared(const Scenario& s, Platform& p, uint64_t sd)
      : sc(s)
      , pf(p)
      , cal(s.calendar())
      , pop(s, sd)
      , reg(s, cal, sd)
      , provided(layouts_provided(s))
      , rates(arrival_rates(s, cal))
      , seed(sd)
  {
  }

  void send(sg4::Mailbox* to, Msg* m, double bytes, const Route& r)
  {
    (void)r;
    ++messages;
    to->put_init(m, static_cast<uint64_t>(bytes))->detach();
  }
  double req_bytes(uint32_t n) const { return sc.messages.header_bytes + sc.messages.request_bytes_per_person * n; }
  double ans_bytes(const Msg* m) const { return sc.messages.header_bytes + m->record_bytes * m->count; }
};

void busy(double t)
{
  if (t > 0)
    sg4::this_actor::sleep_for(t);
}

void hub_worker(Shared* s, unsigned i)
{
  Rng rng(stream_key(s->seed, Stream::HUB, i));
  for (;;) {
    Msg* m = s->pf.hub_inbox()->get<Msg>();
    if (m->kind == Kind::REQUEST) {
      busy(sample(s->sc.hub.request, rng) + (m->count > 1 ? s->sc.hub.batch_per_person_s * m->count : 0));
      // one notice per provider named in the request
      static std::vector<std::pair<uint32_t, uint32_t>> per; // provider, persons (reused)
      per.clear();
      for (uint32_t p : m->providers) {
        bool found = false;
        for (auto& [q, n] : per)
          if (q == p) {
            ++n;
            found = true;
            break;
          }
        if (!found)
          per.emplace_back(p, 1);
      }
      for (auto& [p, n] : per) {
        Msg* notice = s->new_msg(Kind::NOTICE, m->requester, p, n, m->record_bytes, m->file, m->workload, m->batch);
        const uint32_t site = s->sc.agencies[p].site;
        s->send(s->pf.site_inbox(site), notice, s->req_bytes(n), s->pf.site_route(site));
      }
      s->free_msg(m);
    } else { // ANSWER
      busy(sample(s->sc.hub.response, rng) + (m->count > 1 ? s->sc.hub.batch_per_person_s * m->count : 0));
      m->kind             = Kind::RESULT;
      const uint32_t site = s->sc.agencies[m->requester].site;
      s->send(s->pf.site_inbox(site), m, s->ans_bytes(m), s->pf.site_route(site));
    }
  }
}

void server_worker(Shared* s, uint32_t site, unsigned i)
{
  Rng rng(stream_key(s->seed, Stream::SERVER, site, i));
  const Site& st = s->sc.sites[site];
  for (;;) {
    Msg* m = s->pf.site_inbox(site)->get<Msg>();
    const double extra = m->count > 1 ? st.batch_per_person_s * m->count : 0;
    switch (m->kind) {
      case Kind::QUERY:
        if (m->batch)
          m->file = new File{m->count, 0};
        busy(sample(st.query, rng) + extra);
        m->kind = Kind::REQUEST;
        s->send(s->pf.hub_inbox(), m, s->req_bytes(m->count), s->pf.site_route(site));
        break;
      case Kind::NOTICE:
        busy(sample(st.lookup, rng) + extra);
        m->kind = Kind::ANSWER;
        s->send(s->pf.hub_inbox(), m, s->ans_bytes(m), s->pf.site_route(site));
        break;
      case Kind::RESULT:
        if (File* f = m->file) {
          f->arrived += m->count;
          if (f->arrived < f->expected) {
            s->free_msg(m);
            break;
          }
          m->count = f->expected;
          m->file  = nullptr;
          delete f;
          busy(sample(st.result, rng) + st.batch_per_person_s * m->count);
        } else {
          busy(sample(st.result, rng) + extra);
        }
        m->kind = Kind::DELIVER;
        s->send(s->sc.workload[m->workload].fetch_at_s.empty() ? s->pf.fetch_inbox(m->requester)
                                                                 : s->pf.collect_inbox(m->requester),
                m, s->ans_bytes(m), s->pf.agency_route(m->requester));
        break;
      case Kind::REGISTER:
        busy(m->count * st.registration_per_record_s);
        s->free_msg(m);
        break;
      default:
        s->free_msg(m);
    }
  }
}

void fetched(Shared* s, Msg* m)
{
  s->exchanges += m->count;
  s->outstanding -= m->count;
  if (s->outstanding == 0)
    s->drained->notify_all();
  s->free_msg(m);
}

void fetcher(Shared* s, uint32_t a)
{
  for (;;)
    fetched(s, s->pf.fetch_inbox(a)->get<Msg>());
}

/// Scheduled collection of batch result files (fetch_at), as linksim's Collector.
void collector(Shared* s, uint32_t a)
{
  for (;;) {
    Msg* m               = s->pf.collect_inbox(a)->get<Msg>();
    sg4::this_actor::sleep_until(
        next_collection(s->cal, s->sc.workload[m->workload].fetch_at_s, sg4::Engine::get_clock()));
    fetched(s, m);
  }
}

/// Arrivals of one agency: the same rates and time bases as linksim's existing systems.
void existing_system(Shared* s, uint32_t a)
{
  const Scenario& sc = s->sc;
  Rng rng(stream_key(s->seed, Stream::GENERATOR, a));
  struct St {
    uint32_t w;
    double rate, clock;
    bool business, regular;
    double next_t = 0; ///< calendar time of the next arrival (from_business of clock, cached)
    void update(const Calendar& cal) { next_t = business ? cal.from_business(clock) : clock; }
  };
  std::vector<St> streams;
  for (const auto& [w, rate] : s->rates[a]) { // the lines with a positive rate, in order
    const Workload& wl = sc.workload[w];
    St st{w, rate, 0, wl.business_hours, wl.regular};
    st.clock = (wl.business_hours ? s->cal.to_business(0) : 0) + (wl.regular ? rng.uniform() / rate : rng.exponential(1 / rate));
    st.update(s->cal);
    streams.push_back(st);
  }
  // Registration uploads: same schedule and size as linksim's (the layouts it may provide).
  const uint32_t provided = s->provided[a];
  const bool provides     = provided > 0;
  int64_t night = s->cal.day_of(0);
  while (provides && s->reg.extraction_time(a, night) <= 0)
    ++night;
  while (provides && !s->reg.scheduled(a, night))
    ++night;
  double last_x = s->reg.last_scheduled_extraction(a, 0.0);
  const double inf = std::numeric_limits<double>::infinity();
  const uint32_t site = sc.agencies[a].site;
  for (;;) {
    size_t best = streams.size();
    double t_arr = inf;
    for (size_t i = 0; i < streams.size(); ++i) {
      const double t = streams[i].next_t;
      if (t < t_arr) {
        t_arr = t;
        best  = i;
      }
    }
    if (!(t_arr < sc.duration_s)) // arrivals stop with the window; registration goes on in the drain
      t_arr = inf;
    const double t_reg = provides ? s->reg.extraction_time(a, night) : inf;
    const double t     = std::min(t_arr, t_reg);
    if (t == inf)
      return;
    sg4::this_actor::sleep_until(t);
    if (t_reg <= t_arr) {
      if (s->reg.runs(a, night)) {
        const uint64_t records = registration_records(sc, a, provided, last_x, t);
        last_x                 = t;
        Msg* m = s->new_msg(Kind::REGISTER, a, a, static_cast<uint32_t>(records), 0, nullptr, 0, false);
        s->send(s->pf.site_inbox(site), m, registration_bytes(sc, records), s->pf.agency_route(a));
      }
      ++night;
      while (!s->reg.scheduled(a, night))
        ++night;
      continue;
    }
    St& st             = streams[best];
    const Workload& wl = sc.workload[st.w];
    Msg* m = s->new_msg(Kind::QUERY, a, NONE, 0, sc.layouts[wl.item].record_bytes, nullptr, st.w, wl.batch);
    for (unsigned k = 0; k < wl.batch_size; ++k) {
      uint32_t prov = NONE;
      for (int attempt = 0; attempt < 64 && (prov == NONE || prov == a); ++attempt) {
        uint64_t p = wl.subjects == Subjects::ANY    ? s->pop.pick_any(rng)
                     : wl.subjects == Subjects::LISTED ? wl.persons[rng.below(wl.persons.size())]
                                                       : s->pop.pick_member(a, rng);
        switch (wl.provider) {
          case ProviderSelect::RESIDENCE: prov = s->pop.residence(p); break;
          case ProviderSelect::PREVIOUS_RESIDENCE: prov = s->pop.previous_residence(p); break;
          case ProviderSelect::PREFECTURE_OF_RESIDENCE: prov = s->pop.prefecture(p); break;
          case ProviderSelect::INSURER: prov = s->pop.insurer(p); break;
          case ProviderSelect::AGENCY: prov = wl.provider_agency; break;
        }
      }
      if (prov != NONE && prov != a)
        m->providers.push_back(prov);
    }
    m->count = static_cast<uint32_t>(m->providers.size());
    s->outstanding += m->count;
    if (m->count)
      s->send(s->pf.site_inbox(site), m, s->req_bytes(m->count), s->pf.agency_route(a));
    else
      s->free_msg(m);
    st.clock += st.regular ? 1 / st.rate : rng.exponential(1 / st.rate);
    st.update(s->cal);
  }
}

} // namespace

int main(int argc, char** argv)
{
  if (argc < 2) {
    std::fprintf(stderr, "usage: raw_simgrid SCENARIO [--seed N]\n");
    return EXIT_USAGE;
  }
  uint64_t seed_opt = 0;
  bool has_seed     = false;
  for (int i = 2; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--seed") == 0) {
      seed_opt = std::strtoull(argv[i + 1], nullptr, 10);
      has_seed = true;
    }
  const auto w0 = std::chrono::steady_clock::now();
  Scenario sc;
  try {
    sc = load_scenario(argv[1]);
  } catch (const ScenarioError& e) {
    for (const auto& m : e.messages)
      std::fprintf(stderr, "%s\n", m.c_str());
    return EXIT_USAGE;
  }
  for (const Agency& a : sc.agencies)
    if (a.manual.configured) {
      std::fprintf(stderr, "raw_simgrid: manual-answer staff are not modelled here; use a scenario without them\n");
      return EXIT_USAGE;
    }
  if (!sc.timeline.empty()) {
    std::fprintf(stderr, "raw_simgrid: timeline events are not modelled here; use a scenario without them\n");
    return EXIT_USAGE;
  }
  for (const Workload& wl : sc.workload)
    if (wl.acquire_rate > 0 || !wl.at_s.empty()) {
      std::fprintf(stderr, "raw_simgrid: code acquisition and explicit arrival times are not modelled here\n");
      return EXIT_USAGE;
    }
  const uint64_t seed = has_seed ? seed_opt : sc.seed;
  std::vector<std::string> args = {"raw_simgrid", "--log=root.thresh:critical"};
  std::vector<char*> av;
  for (auto& a : args)
    av.push_back(a.data());
  int ac = static_cast<int>(av.size());
  sg4::Engine engine(&ac, av.data());
  for (const auto& c : EngineSettings::config())
    sg4::Engine::set_config(c);
  Platform pf(sc);
  auto shared = std::make_unique<Shared>(sc, pf, seed);
  Shared* s   = shared.get();
  for (unsigned i = 0; i < sc.hub.workers; ++i) {
    auto a = sg4::Actor::create("hub", pf.hub_host(), hub_worker, s, i);
    a->daemonize();
    if (i == 0)
      pf.hub_inbox()->set_receiver(a);
  }
  for (uint32_t site = 0; site < sc.sites.size(); ++site) {
    if (!pf.site_host(site))
      continue;
    for (unsigned i = 0; i < sc.sites[site].workers; ++i) {
      auto a = sg4::Actor::create("ims", pf.site_host(site), server_worker, s, site, i);
      a->daemonize();
      if (i == 0)
        pf.site_inbox(site)->set_receiver(a);
    }
  }
  std::vector<uint8_t> requests(sc.agencies.size(), 0), collects(sc.agencies.size(), 0);
  for (const Workload& wl : sc.workload)
    for (uint32_t r : wl.requesters) {
      requests[r] = 1;
      collects[r] = collects[r] || !wl.fetch_at_s.empty();
    }
  for (uint32_t a = 0; a < sc.agencies.size(); ++a) {
    auto es = sg4::Actor::create("es", pf.agency_host(a), existing_system, s, a);
    es->daemonize();
    if (requests[a]) {
      auto f = sg4::Actor::create("fetch", pf.agency_host(a), fetcher, s, a);
      f->daemonize();
      pf.fetch_inbox(a)->set_receiver(f);
    }
    if (collects[a]) {
      auto c = sg4::Actor::create("collect", pf.agency_host(a), collector, s, a);
      c->daemonize();
      pf.collect_inbox(a)->set_receiver(c);
    }
  }
  // The run ends when the window is over and every exchange is fetched (or the drain limit
  // passes), as linksim's closer does.
  sg4::Actor::create("closer", pf.hub_host(), [s]() {
    const double end = s->sc.duration_s, limit = end + s->sc.drain_limit_s;
    sg4::this_actor::sleep_until(end);
    auto mutex = sg4::Mutex::create();
    std::unique_lock<sg4::Mutex> lock(*mutex);
    while (s->outstanding > 0 && sg4::Engine::get_clock() < limit)
      s->drained->wait_until(lock, limit);
  });
  engine.run();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("{\"messages\": %llu, \"exchanges\": %llu, \"wall_s\": %.3f, \"peak_rss_mib\": %.1f}\n",
              static_cast<unsigned long long>(s->messages), static_cast<unsigned long long>(s->exchanges), wall,
              static_cast<double>(ru.ru_maxrss) / 1024.0);
  return 0;
}
