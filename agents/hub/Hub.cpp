#include "agents/hub/Hub.hpp"

#include <vector>

namespace linksim {

HubWorker::HubWorker(Context ctx, HubState& state, unsigned index)
    : ctx_(ctx)
    , state_(state)
    , rng_(stream_key(ctx.world.seed(), Stream::HUB, index))
    , slot_(ctx.world.scenario().agencies.size(), NONE)
    , index_(index)
{
}

double HubWorker::busy(const Duration& d, uint32_t persons)
{
  double t = Context::sample(d, rng_);
  if (persons > 1)
    t += ctx_.world.scenario().hub.batch_per_person_s * persons;
  if (t > 0)
    sg4::this_actor::sleep_for(t);
  return t;
}

void HubWorker::request(Message* m)
{
  World& w            = ctx_.world;
  const Platform& pf  = ctx_.platform;
  const Scenario& sc  = w.scenario();
  const double now    = sg4::Engine::get_clock();
  const uint32_t rsite = sc.agencies[m->requester].site;
  const ModelTimeline& tl = w.timeline();
  const bool restricting  = tl.has_restrictions(); // issue 9: false unless the scenario restricts someone
  // Split the request per provider; refused exchanges (and the connectivity-check tool's answers)
  // go straight back.
  Message* refused = nullptr;
  auto& notices    = notices_; // (provider, notice): reused buffer, no allocation per request
  notices.clear();
  for (Exchange* ex = m->head; ex;) {
    Exchange* next = ex->next;
    ex->serial     = state_.next_serial++;
    ex->records |= REC_HUB;
    ex->t[HUB_REQ_OUT] = now;
    // A delegate (受任者) asks in its delegator's name: the delegation master must register it
    // for the procedure, and the permission is the delegator's [SEED: 委任受任].
    const uint32_t delegator = sc.workload[ex->workload].on_behalf_of;
    const uint32_t in_name   = delegator != NONE ? delegator : ex->requester;
    bool allowed             = true;
    // Connection restriction (接続規制, issue 9): the operator cut the agency off; the hub refuses
    // what it asks and what is asked of it, before looking at any master.
    if (restricting &&
        (tl.restricted_requester_at(ex->requester, now) || tl.restricted_provider_at(ex->provider, now))) {
      allowed  = false;
      ex->deny = DenyReason::RESTRICTED;
    } else if (w.code_deleted(ex->requester, ex->req_code, now)) {
      // Seed p.19 case ④: a code derived from a physically deleted resident code has no linkage
      // code left at the hub.
      allowed  = false;
      ex->deny = DenyReason::CODE_DELETED;
    } else if (delegator != NONE && !w.cycle().delegated(ex->procedure, delegator, ex->requester, now)) {
      allowed   = false;
      ex->deny  = DenyReason::NO_DELEGATION;
    } else if (!w.hub_master().allows(ex->procedure, ex->item, in_name, ex->provider)) {
      allowed   = false;
      ex->deny  = DenyReason::NOT_PERMITTED;
    }
    if (allowed && w.is_connectivity_tool(ex->provider)) {
      // The connectivity-check tool (業務疎通確認ツール) sits in the hub: it answers at once with
      // fixed test data; its provision record is written with the hub's.
      const ReplicaHit hit = w.tool_answer(ex->item, now);
      ex->prov_code        = w.convert_code(ex->requester, ex->req_code, ex->provider);
      ex->answer           = Answer::DATA;
      ex->version          = hit.version;
      ex->extraction_s     = hit.extraction_s;
      ex->epoch            = hit.epoch;
      ex->record           = hit.record;
      ex->truth.delivered  = hit.subject;
      ex->truth.version_due = hit.version_due;
      ex->records |= REC_PROVIDER;
      for (Ts ts : {PV_REQ_IN, PV_REQ_OUT, PV_RESP_IN, PV_RESP_OUT, HUB_RESP_IN, HUB_RESP_OUT})
        ex->t[ts] = now;
      if (!refused)
        refused = ctx_.new_message(MsgKind::RESULT, m->requester, NONE);
      refused->append(ex);
    } else if (!allowed) {
      ex->answer          = Answer::DENIED;
      ex->t[HUB_RESP_IN]  = now;
      ex->t[HUB_RESP_OUT] = now;
      if (!refused)
        refused = ctx_.new_message(MsgKind::RESULT, m->requester, NONE);
      refused->append(ex);
    } else {
      ex->prov_code = w.convert_code(ex->requester, ex->req_code, ex->provider);
      // The provider's notice: a scan of the few notices so far (an immediate request has one),
      // past SCAN_LIMIT notices the slot table (filled from then on; NONE between requests).
      uint32_t slot = NONE;
      if (notices.size() <= SCAN_LIMIT) {
        for (uint32_t i = 0; i < notices.size(); ++i)
          if (notices[i].first == ex->provider) {
            slot = i;
            break;
          }
      } else {
        slot = slot_[ex->provider];
      }
      if (slot == NONE) {
        slot = static_cast<uint32_t>(notices.size());
        notices.emplace_back(ex->provider, ctx_.new_message(MsgKind::NOTICE, m->requester, ex->provider));
        if (notices.size() == SCAN_LIMIT + 1)
          for (uint32_t i = 0; i < notices.size(); ++i)
            slot_[notices[i].first] = i;
        else if (notices.size() > SCAN_LIMIT + 1)
          slot_[ex->provider] = slot;
      }
      notices[slot].second->append(ex);
    }
    ex = next;
  }
  ctx_.free_message(m);
  const bool slotted = notices.size() > SCAN_LIMIT;
  for (auto& [provider, notice] : notices) {
    if (slotted)
      slot_[provider] = NONE;
    const uint32_t psite = sc.agencies[provider].site;
    ctx_.send(pf.site_inbox(psite), notice, ctx_.request_bytes(notice->count), pf.site_route(psite), now);
  }
  if (refused)
    ctx_.send(pf.site_inbox(rsite), refused, ctx_.answer_bytes(refused), pf.site_route(rsite), now);
}

void HubWorker::operator()()
{
  World& w            = ctx_.world;
  const Scenario& sc  = w.scenario();
  const Platform& pf  = ctx_.platform;
  sg4::Mailbox* inbox = pf.hub_inbox();
  watch_worker(ctx_, hand_, inbox, index_ == 0);
  for (;;) {
    Taken in         = Context::take(inbox);
    Message* m       = in.msg;
    ctx_.hold(m);
    const double now = in.now;
    double spent     = 0;
    switch (m->kind) {
      case MsgKind::REQUEST:
        Context::stamp(m, HUB_REQ_IN, in.arrival_s);
        for (Exchange* ex = m->head; ex; ex = ex->next)
          ex->hub_wait_s = now - in.arrival_s;
        spent = busy(sc.hub.request, m->count);
        request(m);
        break;
      case MsgKind::ANSWER: {
        Context::stamp(m, HUB_RESP_IN, in.arrival_s);
        spent = busy(sc.hub.response, m->count);
        const double t = sg4::Engine::get_clock();
        for (Exchange* ex = m->head; ex; ex = ex->next) {
          ex->t[HUB_RESP_OUT] = t;
          if (ex->nondisclosure)
            ex->record_nd |= REC_HUB;
        }
        m->kind              = MsgKind::RESULT;
        const uint32_t rsite = sc.agencies[m->requester].site;
        ctx_.send(pf.site_inbox(rsite), m, ctx_.answer_bytes(m), pf.site_route(rsite), t);
        break;
      }
      case MsgKind::ACQUIRE: {
        spent = busy(sc.hub.acquisition, m->count);
        const double t = sg4::Engine::get_clock();
        for (Exchange* ex = m->head; ex; ex = ex->next)
          if (ex->needs_code) {
            ex->req_code   = w.codes().agency_code(ex->requester, ex->link_code);
            ex->needs_code = false;
          }
        m->kind              = MsgKind::ACQUIRED;
        const uint32_t rsite = sc.agencies[m->requester].site;
        ctx_.send(pf.site_inbox(rsite), m, ctx_.request_bytes(m->count), pf.site_route(rsite), t);
        break;
      }
      default:
        broken_invariant("hub: unexpected message kind " + std::to_string(static_cast<int>(m->kind)));
    }
    account_server(w, sc.hub.site, in.arrival_s, now, spent);
  }
}

JlisWorker::JlisWorker(Context ctx, unsigned index)
    : ctx_(ctx), rng_(stream_key(ctx.world.seed(), Stream::JLIS, index)), index_(index)
{
}

void JlisWorker::operator()()
{
  World& w            = ctx_.world;
  const Scenario& sc  = w.scenario();
  sg4::Mailbox* inbox = ctx_.platform.jlis_inbox();
  watch_worker(ctx_, hand_, inbox, index_ == 0);
  for (;;) {
    Taken in         = Context::take(inbox);
    Message* m       = in.msg;
    ctx_.hold(m);
    const double now = in.now;
    uint32_t n       = 0;
    for (Exchange* ex = m->head; ex; ex = ex->next)
      if (ex->needs_code) {
        ex->link_code = w.requester_linkage(ex->requester, ex->req_ref, now);
        ++n;
      }
    double spent = 0;
    for (uint32_t i = 0; i < n; ++i)
      spent += Context::sample(sc.jlis.processing, rng_);
    if (spent > 0)
      sg4::this_actor::sleep_for(spent);
    ctx_.send(ctx_.platform.hub_inbox(), m, ctx_.request_bytes(m->count), ctx_.platform.jlis_route(),
              spent > 0 ? sg4::Engine::get_clock() : now);
    account_server(w, sc.jlis.site, in.arrival_s, now, spent);
  }
}

} // namespace linksim
