#include "agents/core/Faults.hpp"

#include <vector>

namespace linksim {

namespace {

/// Every exchange of one lost message, at its requester: it notices the failure, then tries again
/// or gives up. One small actor per lost message, on the requester's host (it sends from there);
/// only faults start them, so a run without faults never does.
class Recovery {
public:
  Recovery(Context ctx, Message* m, double notice_s, bool unreachable)
      : ctx_(ctx), m_(m), notice_s_(notice_s), unreachable_(unreachable)
  {
  }
  void operator()()
  {
    // A daemon: it never keeps a run alive. Made so by itself, first thing: daemonizing it from its
    // creator could come after it has already ended, which SimGrid counts as a live daemon.
    sg4::Actor::self()->daemonize();
    World& w           = ctx_.world;
    const Scenario& sc = w.scenario();
    if (notice_s_ > sg4::Engine::get_clock())
      sg4::this_actor::sleep_until(notice_s_);
    const double now = sg4::Engine::get_clock();
    Message* retry   = m_;
    Exchange* ex     = m_->head;
    retry->head = retry->tail = nullptr;
    retry->count              = 0;
    while (ex) {
      Exchange* next      = ex->next;
      const Workload& wl  = sc.workload[ex->workload];
      if (ex->attempts <= wl.retries) {
        retry->append(ex);
      } else {
        ex->next   = nullptr;
        ex->failed = unreachable_ ? FAILED_UNREACHABLE : FAILED_LOST;
        w.ledger().give_up(ex, now);
      }
      ex = next;
    }
    if (retry->count == 0) {
      ctx_.free_message(retry);
      return;
    }
    const Workload& wl = sc.workload[retry->head->workload];
    if (wl.retry_interval_s > 0)
      sg4::this_actor::sleep_for(wl.retry_interval_s);
    const double t = sg4::Engine::get_clock();
    for (Exchange* x = retry->head; x; x = x->next) {
      // Another attempt of the same exchange: its id, subject and issue time stay; the path starts over.
      for (int k = RQ_REQ_IN; k < TS_COUNT; ++k)
        x->t[k] = std::numeric_limits<double>::quiet_NaN();
      x->serial        = 0;
      x->prov_code     = 0;
      x->hub_wait_s    = 0;
      x->held          = false;
      x->by_hand       = false;
      x->answer        = Answer::NONE;
      x->nondisclosure = false;
      x->records       = 0;
      x->record_nd     = 0;
      x->file          = nullptr;
      x->attempt_s     = t;
      ++x->attempts;
      w.recorder().emit(ExchangeRetried{*x, t});
    }
    const uint32_t requester = retry->requester;
    retry->kind              = MsgKind::QUERY;
    retry->provider          = NONE;
    ctx_.send(ctx_.platform.site_inbox(sc.agencies[requester].site), retry, ctx_.request_bytes(retry->count),
              ctx_.platform.agency_route(requester), t);
  }

private:
  Context ctx_;
  Message* m_;
  double notice_s_;
  bool unreachable_;
};

/// The host that takes what arrives in an inbox is on.
bool receiver_up(const Platform& pf, sg4::Mailbox* to)
{
  const sg4::Host* h = pf.inbox_host(to);
  return !h || h->is_on();
}

} // namespace

void Context::send_watched(sg4::Mailbox* to, Message* m, double bytes, const Route& r, double now)
{
  if (hand && *hand == m)
    *hand = nullptr; // out of the worker's hands: on the line now
  if (world.faults_active() && !(r.up() && receiver_up(platform, to))) {
    lose_message(*this, m, now, true);
    return;
  }
  World* w     = &world;
  Platform* pf = &platform;
  to->put_init(m, static_cast<uint64_t>(bytes))->detach([w, pf](void* payload) {
    // SimGrid failed the transfer (a line or a host went down on the way): the payload is ours.
    lose_message(Context{*w, *pf}, static_cast<Message*>(payload), sg4::Engine::get_clock(), false);
  });
}

void lose_message(Context ctx, Message* m, double now, bool at_send)
{
  World& w = ctx.world;
  ctx.hand = nullptr; // the recovery is nobody's worker
  if (w.ledger().finished())
    return; // the engine is being torn down after the run: everything was judged
  uint32_t n = 0;
  if (m->kind != MsgKind::REGISTER)
    for (const Exchange* ex = m->head; ex; ex = ex->next)
      ++n;
  w.recorder().emit(MessageLost{now, m->kind, n, at_send});
  if (m->kind == MsgKind::REGISTER || n == 0) {
    // A registration batch that never reached the server: the replica stays as it was (the next
    // night's batch extracts everything changed since the last one that arrived).
    ctx.free_message(m);
    return;
  }
  const Scenario& sc = w.scenario();
  double attempt_s   = 0;
  for (Exchange* ex = m->head; ex; ex = ex->next) {
    if (ex->held)
      w.ledger().release(*ex);
    if (BatchFile* f = ex->file) { // the rest of its result file no longer waits for it
      ex->file = nullptr;
      if (--f->expected == 0)
        w.files().put(f);
    }
    attempt_s = std::max(attempt_s, ex->attempt_s);
  }
  // The requester knows at once when its own send failed (its line or its server was down);
  // otherwise it notices when the attempt's timeout passes without an answer.
  const bool first_hop  = at_send && m->kind == MsgKind::QUERY;
  const Workload& wl    = sc.workload[m->head->workload];
  const double notice_s = first_hop ? now : std::max(now, attempt_s + wl.attempt_wait_s());
  const uint32_t requester = m->requester;
  sg4::Actor::create("recovery-" + sc.agencies[requester].id, ctx.platform.agency_host(requester),
                     Recovery(ctx, m, notice_s, first_hop));
}

void watch_worker(Context& ctx, const Hand& hand, sg4::Mailbox* inbox, bool receiver)
{
  if (!ctx.world.has_host_faults())
    return;
  ctx.hand = hand.get();
  sg4::Actor* self = sg4::Actor::self();
  if (self->get_restart_count() == 0) {
    ctx.platform.hands(self->get_host()).push_back(hand);
    self->set_auto_restart(true);
  }
  if (receiver)
    inbox->set_receiver(sg4::Actor::self());
}

void apply_fault(Context ctx, const TimelineEvent& e, bool begin)
{
  World& w           = ctx.world;
  Platform& pf       = ctx.platform;
  const Scenario& sc = w.scenario();
  w.fault_changed(begin ? 1 : -1);
  if (e.target == FaultTarget::AGENCY_LINE && e.kind != TimelineKind::LINK_DEGRADED)
    w.set_agency_line_down(e.agency, begin);
  sg4::Link* link = nullptr;
  sg4::Host* host = nullptr;
  switch (e.target) {
    case FaultTarget::AGENCY_LINE: link = pf.agency_line(e.agency); break;
    case FaultTarget::SITE_UPLINK: link = pf.site_uplink(e.site); break;
    case FaultTarget::JLIS_LINE: link = pf.jlis_line(); break;
    case FaultTarget::SITE_HOST: host = pf.site_host(e.site); break;
    case FaultTarget::HUB_HOST: host = pf.hub_host(); break;
    case FaultTarget::JLIS_HOST: host = pf.jlis_host(); break;
    case FaultTarget::NONE: broken_invariant("fault \"" + e.id + "\" without a target");
  }
  if (link && e.kind == TimelineKind::LINK_DEGRADED) {
    const LinkSpec* spec = nullptr;
    if (e.target == FaultTarget::AGENCY_LINE)
      spec = &sc.agencies[e.agency].access;
    else if (e.target == FaultTarget::SITE_UPLINK)
      spec = &sc.sites[e.site].uplink;
    else
      spec = &sc.sites[sc.jlis.site].uplink;
    link->set_latency(begin ? spec->latency_s * e.latency_factor : spec->latency_s);
    link->set_bandwidth(begin ? spec->bytes_per_s / e.bandwidth_divisor : spec->bytes_per_s);
    return;
  }
  if (link) {
    if (begin)
      link->turn_off();
    else
      link->turn_on();
    return;
  }
  if (!begin) {
    host->turn_on(); // its workers restart (auto-restart) and take what waits in their inboxes
    return;
  }
  host->turn_off();
  // Its workers died: what they held is lost (their restarted copies start empty-handed), and so is
  // what waited in its inbox (a crashed server's queue is in its memory).
  const double now = sg4::Engine::get_clock();
  sg4::Mailbox* inbox = e.target == FaultTarget::HUB_HOST    ? pf.hub_inbox()
                        : e.target == FaultTarget::JLIS_HOST ? pf.jlis_inbox()
                                                             : pf.site_inbox(e.site);
  while (inbox->listen()) {
    try {
      lose_message(ctx, inbox->get<Message>(), now, false);
    } catch (const simgrid::NetworkFailureException&) {
      // on its way when the host went down: its send's clean function accounts for it
    }
  }
  for (Hand& h : pf.hands(host))
    if (*h) {
      Message* m = *h;
      *h         = nullptr;
      lose_message(ctx, m, now, false);
    }
}

} // namespace linksim
