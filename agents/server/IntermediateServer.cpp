#include "agents/server/IntermediateServer.hpp"

namespace linksim {

IntermediateServerWorker::IntermediateServerWorker(Context ctx, uint32_t site, unsigned index)
    : ctx_(ctx), site_(site), rng_(stream_key(ctx.world.seed(), Stream::SERVER, site, index)), index_(index)
{
}

double IntermediateServerWorker::busy(const Duration& d, uint32_t persons)
{
  const Site& s = ctx_.world.scenario().sites[site_];
  double t      = Context::sample(d, rng_);
  if (persons > 1)
    t += s.batch_per_person_s * persons;
  if (t > 0)
    sg4::this_actor::sleep_for(t);
  return t;
}

void IntermediateServerWorker::forward_request(Message* m)
{
  m->kind = MsgKind::REQUEST;
  const double now = sg4::Engine::get_clock();
  Context::stamp(m, RQ_REQ_OUT, now);
  ctx_.send(ctx_.platform.hub_inbox(), m, ctx_.request_bytes(m->count), ctx_.platform.site_route(site_), now);
}

void IntermediateServerWorker::answer(Message* m, bool manual, double arrival)
{
  World& w         = ctx_.world;
  const double now = sg4::Engine::get_clock();
  for (Exchange* ex = m->head; ex; ex = ex->next) {
    if (manual)
      w.ledger().release(*ex);
    const ReplicaHit hit = w.lookup_replica(ex->provider, ex->prov_code, ex->item, now);
    if (hit.found) {
      ex->answer          = Answer::DATA;
      ex->version         = hit.version;
      ex->truth.version_due = hit.version_due; // hidden: for the oracle only
      ex->extraction_s    = hit.extraction_s;
      ex->epoch           = hit.epoch;
      ex->record          = hit.record;
      ex->nondisclosure   = hit.nondisclosure;
      ex->truth.delivered = hit.subject;
      // Issue 9 case 1: an automatic answer from a misregistered replica (staff answering by hand
      // check the existing system: a manual answer is right).
      if (!manual && w.incidents().any()) {
        const uint32_t inc = w.incidents().misregistered(ex->provider, hit.subject, ex->item, now, hit.extraction_s);
        if (inc != NONE) {
          ex->truth.incident     = inc;
          ex->truth.wrong_values = w.incidents().incident(inc).mode == MisregistrationMode::WRONG_VALUE;
          w.incidents().corrupt(inc, ex->record);
        }
      }
    } else {
      ex->answer = Answer::NO_RECORD;
    }
    ex->by_hand = manual;
    ex->records |= REC_PROVIDER;
    if (ex->nondisclosure)
      ex->record_nd |= REC_PROVIDER;
    if (!manual)
      ex->t[PV_REQ_OUT] = now;
    ex->t[PV_RESP_IN]  = manual ? arrival : now;
    ex->t[PV_RESP_OUT] = now;
  }
  m->kind = MsgKind::ANSWER;
  ctx_.send(ctx_.platform.hub_inbox(), m, ctx_.answer_bytes(m), ctx_.platform.site_route(site_), now);
}

void IntermediateServerWorker::refuse(Message* m, DenyReason why)
{
  const double t = sg4::Engine::get_clock();
  for (Exchange* ex = m->head; ex; ex = ex->next) {
    ex->answer         = Answer::DENIED;
    ex->deny           = why;
    ex->t[RQ_RESP_OUT] = t;
  }
  m->kind              = MsgKind::DELIVER;
  const bool scheduled = !ctx_.world.scenario().workload[m->head->workload].fetch_at_s.empty();
  ctx_.send(scheduled ? ctx_.platform.collect_inbox(m->requester) : ctx_.platform.fetch_inbox(m->requester), m,
            ctx_.answer_bytes(m), ctx_.platform.agency_route(m->requester), t);
}

void IntermediateServerWorker::operator()()
{
  World& w           = ctx_.world;
  const Scenario& sc = w.scenario();
  const Site& site   = sc.sites[site_];
  sg4::Mailbox* inbox = ctx_.platform.site_inbox(site_);
  watch_worker(ctx_, hand_, inbox, index_ == 0);
  for (;;) {
    Taken in         = Context::take(inbox);
    Message* m       = in.msg;
    ctx_.hold(m);
    const double now = in.now;
    double spent     = 0;
    switch (m->kind) {
      case MsgKind::QUERY: {
        Context::stamp(m, RQ_REQ_IN, in.arrival_s);
        const uint32_t needs = w.cycle().procedure_revision(m->head->procedure);
        if (needs != NONE && !w.cycle().site_has(site_, needs, now)) {
          // This server's procedure master does not know the procedure yet (it missed the
          // distribution of the revision that adds it): the query is refused here.
          spent = busy(site.query, m->count);
          refuse(m, DenyReason::SERVER_MASTER);
          break;
        }
        if (m->head->batch) { // the file its answers will be assembled into
          BatchFile* f = w.files().get();
          *f           = BatchFile();
          f->expected  = m->count;
          for (Exchange* ex = m->head; ex; ex = ex->next)
            ex->file = f;
        }
        spent            = busy(site.query, m->count);
        bool needs_codes = false;
        for (Exchange* ex = m->head; ex; ex = ex->next)
          needs_codes = needs_codes || ex->needs_code;
        if (needs_codes) {
          // 符号取得: through J-LIS and the hub before the query can go out [W4][W6].
          m->kind = MsgKind::ACQUIRE;
          ctx_.send(ctx_.platform.jlis_inbox(), m, ctx_.request_bytes(m->count), ctx_.platform.site_jlis_route(site_),
                    sg4::Engine::get_clock());
        } else {
          forward_request(m);
        }
        break;
      }
      case MsgKind::ACQUIRED:
        forward_request(m);
        break;
      case MsgKind::NOTICE: {
        Context::stamp(m, PV_REQ_IN, in.arrival_s);
        spent = busy(site.lookup, m->count);
        if (w.manual_for(m->provider, m->head->item)) {
          const double t = sg4::Engine::get_clock();
          for (Exchange* ex = m->head; ex; ex = ex->next) {
            ex->t[PV_REQ_OUT] = t;
            w.ledger().hold(*ex);
          }
          m->kind = MsgKind::HOLD;
          ctx_.send(ctx_.platform.staff_inbox(m->provider), m, ctx_.request_bytes(m->count),
                    ctx_.platform.agency_route(m->provider), t);
        } else {
          answer(m, false, in.arrival_s);
        }
        break;
      }
      case MsgKind::MANUAL:
        answer(m, true, in.arrival_s);
        break;
      case MsgKind::RESULT: {
        Context::stamp(m, RQ_RESP_IN, in.arrival_s);
        for (Exchange* ex = m->head; ex; ex = ex->next) {
          ex->records |= REC_REQUESTER;
          if (ex->nondisclosure)
            ex->record_nd |= REC_REQUESTER;
        }
        if (BatchFile* f = m->head->file) {
          // Part of a batch: file the answers; deliver the whole file once every answer is in.
          for (Exchange* ex = m->head; ex;) {
            Exchange* next = ex->next;
            ex->next       = nullptr;
            (f->tail ? f->tail->next : f->head) = ex;
            f->tail                             = ex;
            ++f->arrived;
            ex = next;
          }
          const uint32_t requester = m->requester;
          ctx_.free_message(m);
          if (f->arrived < f->expected)
            break;
          spent      = busy(site.result, f->expected);
          Message* d = ctx_.new_message(MsgKind::DELIVER, requester, NONE);
          for (Exchange* ex = f->head; ex;) {
            Exchange* next = ex->next;
            ex->file       = nullptr;
            d->append(ex);
            ex = next;
          }
          w.files().put(f);
          m = d;
        } else {
          spent = busy(site.result, m->count);
        }
        const double t = sg4::Engine::get_clock();
        Context::stamp(m, RQ_RESP_OUT, t);
        m->kind = MsgKind::DELIVER;
        // A batch file whose existing system collects on a schedule waits there for collection.
        const bool scheduled = !sc.workload[m->head->workload].fetch_at_s.empty();
        ctx_.send(scheduled ? ctx_.platform.collect_inbox(m->requester) : ctx_.platform.fetch_inbox(m->requester), m,
                  ctx_.answer_bytes(m), ctx_.platform.agency_route(m->requester), t);
        break;
      }
      case MsgKind::REGISTER: {
        spent = static_cast<double>(m->count) * site.registration_per_record_s;
        if (spent > 0)
          sg4::this_actor::sleep_for(spent);
        w.register_replicas(m->provider, m->extraction_s);
        if (w.incidents().any()) // issue 9: a fix takes effect with the first batch extracted after it
          w.incidents().registered(m->provider, m->extraction_s, sg4::Engine::get_clock());
        ctx_.free_message(m);
        break;
      }
      default:
        broken_invariant("intermediate server " + site.id + ": unexpected message kind " +
                         std::to_string(static_cast<int>(m->kind)));
    }
    account_server(w, site_, in.arrival_s, now, spent);
  }
}

Staff::Staff(Context ctx, uint32_t agency, unsigned index)
    : ctx_(ctx), agency_(agency), rng_(stream_key(ctx.world.seed(), Stream::STAFF, agency, index))
{
}

void Staff::operator()()
{
  World& w            = ctx_.world;
  const Calendar& cal = w.calendar();
  const Agency& ag    = w.scenario().agencies[agency_];
  sg4::Mailbox* inbox = ctx_.platform.staff_inbox(agency_);
  for (;;) {
    Taken in = Context::take(inbox);
    for (Exchange* ex = in.msg->head; ex; ex = ex->next) {
      (void)ex;
      const double start = cal.next_business_time(sg4::Engine::get_clock());
      const double done  = cal.from_business(cal.to_business(start) + Context::sample(ag.manual.handling, rng_));
      sg4::this_actor::sleep_until(done);
    }
    in.msg->kind = MsgKind::MANUAL;
    ctx_.send(ctx_.platform.site_inbox(ag.site), in.msg, ctx_.request_bytes(in.msg->count),
              ctx_.platform.agency_route(agency_), sg4::Engine::get_clock());
  }
}

} // namespace linksim
