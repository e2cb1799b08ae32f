#include "agents/core/Launch.hpp"

#include "agents/existing/ExistingSystem.hpp"
#include "agents/response/Responder.hpp"
#include "agents/scheduler/Distributor.hpp"
#include "agents/scheduler/Scheduler.hpp"
#include "agents/server/IntermediateServer.hpp"
#include "agents/verification/Verification.hpp"
#include "agents/drill/Drill.hpp"

namespace linksim {

namespace {
template <typename F> sg4::ActorPtr daemon(const std::string& name, sg4::Host* host, F&& f, LaunchCounts& n)
{
  sg4::ActorPtr a = sg4::Actor::create(name, host, std::forward<F>(f));
  a->daemonize();
  ++n.actors;
  return a;
}

void close_run(World& w)
{
  const double end   = w.scenario().duration_s;
  const double limit = end + w.scenario().drain_limit_s;
  sg4::this_actor::sleep_until(end);
  auto mutex = sg4::Mutex::create();
  auto cv    = sg4::ConditionVariable::create();
  w.ledger().on_drained = [cv]() { cv->notify_all(); };
  std::unique_lock<sg4::Mutex> lock(*mutex);
  while (w.ledger().open_unheld() > 0 && sg4::Engine::get_clock() < limit)
    cv->wait_until(lock, limit);
  w.ledger().on_drained = nullptr;
}
} // namespace

LaunchCounts launch_agents(Context ctx, HubState& hub)
{
  World& w           = ctx.world;
  const Scenario& sc = w.scenario();
  Platform& pf       = ctx.platform;
  LaunchCounts n;

  // First, so that at an instant where a table changes, it usually changes before agents act.
  if (!w.timeline().agenda().empty())
    daemon("scheduler", pf.control_host(), Scheduler(ctx), n); // on a host no fault turns off
  // Master distributions inside the run: a receiver per server, a sender per (revision, server).
  bool distributes = false;
  for (const Revision& r : sc.revisions)
    distributes = distributes || r.distribution_s >= 0;
  if (distributes) {
    auto server = [&sc](uint32_t s) { return sc.sites[s].kind != SiteKind::HUB && sc.sites[s].kind != SiteKind::JLIS; };
    for (uint32_t s = 0; s < sc.sites.size(); ++s)
      if (server(s))
        daemon("masters-in-" + sc.sites[s].id, pf.site_host(s), MasterReceiver(ctx, s), n);
    for (uint32_t r = 0; r < sc.revisions.size(); ++r)
      if (sc.revisions[r].distribution_s >= 0)
        for (uint32_t s = 0; s < sc.sites.size(); ++s)
          if (server(s))
            daemon("masters-" + sc.revisions[r].id + "-" + sc.sites[s].id, pf.hub_host(), MasterSender(ctx, r, s), n);
  }
  for (unsigned i = 0; i < sc.hub.workers; ++i) {
    auto a = daemon("hub-" + std::to_string(i), pf.hub_host(), HubWorker(ctx, hub, i), n);
    if (i == 0)
      pf.hub_inbox()->set_receiver(a);
  }
  // The verification environment: its hub and one inter-agency test per agency that tests.
  if (sc.verification.configured) {
    auto env = std::make_shared<VerificationEnv>(w);
    auto vh  = daemon("verification-hub", pf.verification_host(), VerificationHub(ctx, env), n);
    pf.verification_inbox()->set_receiver(vh);
    daemon("verification-desk", pf.verification_host(), VerificationDesk(ctx, env), n);
    for (uint32_t k = 0; k < sc.verification.agencies.size(); ++k) {
      const uint32_t a = sc.verification.agencies[k].agency;
      auto t = daemon("iat-" + sc.agencies[a].id, pf.site_host(sc.agencies[a].site), InteragencyTest(ctx, env, k), n);
      pf.verification_answers(a)->set_receiver(t);
    }
  }
  for (unsigned i = 0; i < sc.jlis.workers; ++i) {
    auto a = daemon("jlis-" + std::to_string(i), pf.jlis_host(), JlisWorker(ctx, i), n);
    if (i == 0)
      pf.jlis_inbox()->set_receiver(a);
  }
  for (uint32_t s = 0; s < sc.sites.size(); ++s) {
    if (!pf.site_host(s))
      continue;
    for (unsigned i = 0; i < sc.sites[s].workers; ++i) {
      auto a = daemon("ims-" + sc.sites[s].id + "-" + std::to_string(i), pf.site_host(s),
                      IntermediateServerWorker(ctx, s, i), n);
      if (i == 0)
        pf.site_inbox(s)->set_receiver(a);
    }
  }
  std::vector<uint8_t> requests(sc.agencies.size(), 0), collects(sc.agencies.size(), 0);
  for (const Workload& wl : sc.workload)
    for (uint32_t r : wl.requesters) {
      requests[r] = 1;
      collects[r] = collects[r] || !wl.fetch_at_s.empty();
    }
  for (uint32_t a = 0; a < sc.agencies.size(); ++a) {
    const Agency& ag = sc.agencies[a];
    const bool registers = w.registers(a);
    if (requests[a] || registers)
      daemon("es-" + ag.id, pf.agency_host(a), ExistingSystem(ctx, a), n);
    if (requests[a]) {
      auto f = daemon("fetch-" + ag.id, pf.agency_host(a), Fetcher(ctx, a), n);
      pf.fetch_inbox(a)->set_receiver(f);
    }
    if (collects[a]) {
      auto c = daemon("collect-" + ag.id, pf.agency_host(a), Collector(ctx, a), n);
      pf.collect_inbox(a)->set_receiver(c);
    }
    if (ag.manual.configured) // staff exist whether or not the mode is on (the timeline may switch it)
      for (unsigned i = 0; i < ag.manual.staff; ++i) {
        auto s = daemon("staff-" + ag.id + "-" + std::to_string(i), pf.agency_host(a), Staff(ctx, a, i), n);
        if (i == 0)
          pf.staff_inbox(a)->set_receiver(s);
      }
  }
  // Annual notification drills (訓練): per drill, the sharing site (not a daemon: it keeps the run
  // going until the drill's cutoff) and one staff member per targeted agency.
  for (uint32_t d = 0; d < sc.drills.size(); ++d) {
    const Drill& dr = sc.drills[d];
    auto site       = std::make_shared<DrillSite>(w, d);
    sg4::Actor::create("drill-site-" + dr.id, pf.hub_host(), SharingSite(ctx, site));
    ++n.actors;
    for (uint32_t k = 0; k < dr.targets.size(); ++k) {
      const uint32_t a = dr.targets[k];
      sg4::Host* h     = pf.agency_host(a) ? pf.agency_host(a) : pf.hub_host();
      auto staff = daemon("drill-staff-" + dr.id + "-" + sc.agencies[a].id, h, DrillStaff(ctx, site, k), n);
      site->inbox[k]->set_receiver(staff);
    }
  }
  // Issue 9: the automatic responder of each incident, except for the agency an exercise plays.
  if (w.incidents().any()) {
    auto wake = sg4::ConditionVariable::create();
    w.incidents().on_progress = [wake]() { wake->notify_all(); };
    for (uint32_t i = 0; i < w.incidents().size(); ++i) {
      const Incident& inc = w.incidents().incident(i);
      if (inc.provider != sc.exercise_play)
        daemon("responder-" + inc.id, pf.agency_host(inc.provider), Responder(ctx, i, wake), n);
    }
  }
  sg4::Actor::create("closer", pf.control_host(), [&w]() { close_run(w); });
  ++n.actors;
  return n;
}

} // namespace linksim
