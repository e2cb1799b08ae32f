#include "agents/verification/Verification.hpp"

#include "sim/model/Layout.hpp"

namespace linksim {

namespace {
std::vector<PermissionRow> rows_in_force(const Scenario& sc, double t)
{
  std::vector<PermissionRow> out;
  for (const PermissionRow& r : sc.permissions)
    if (r.from_s <= t && t < r.until_s)
      out.push_back(r);
  return out;
}
std::vector<AgencyKind> kinds_of(const Scenario& sc)
{
  std::vector<AgencyKind> k;
  for (const Agency& a : sc.agencies)
    k.push_back(a.kind);
  return k;
}
constexpr double REQUEST_BYTES = 4096; ///< a test request or answer (a test person's record is small)
} // namespace

VerificationEnv::VerificationEnv(const World& w)
{
  const Scenario& sc     = w.scenario();
  const Verification& vf = sc.verification;
  as_of_s                = sc.revisions[vf.revision].go_live_s; // the next revision's masters, ahead of production
  masters = PermissionTable(rows_in_force(sc, as_of_s), kinds_of(sc), sc.procedures.size(), sc.layouts.size());
  slots   = sg4::Semaphore::create(vf.slots);
  messages.resize(vf.agencies.size());
  granted.assign(vf.agencies.size(), 0);
}

void VerificationDesk::operator()()
{
  const Verification& vf = ctx_.world.scenario().verification;
  const Platform& pf     = ctx_.platform;
  std::vector<std::pair<double, uint32_t>> queue; // (approval, slot), in application order
  for (uint32_t k = 0; k < vf.agencies.size(); ++k)
    queue.emplace_back(vf.agencies[k].application_s + vf.approval_s, k);
  std::stable_sort(queue.begin(), queue.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const double latest = vf.closes_s - vf.test_s; // the last moment a whole test still fits
  for (const auto& [approved, k] : queue) {
    const double from = std::max(approved, vf.opens_s);
    if (from > sg4::Engine::get_clock())
      sg4::this_actor::sleep_until(from);
    const double now = sg4::Engine::get_clock();
    bool ok          = false;
    if (now <= latest) {
      if (!env_->slots->would_block()) {
        env_->slots->acquire();
        ok = true;
      } else if (now < latest) // acquire_timeout(0) would wait: only ask while time is left
        ok = !env_->slots->acquire_timeout(latest - now);
    }
    env_->granted[k] = ok;
    const uint32_t a = vf.agencies[k].agency;
    pf.verification_grants(a)->put_init(&env_->granted[k], 0)->detach();
  }
}

void VerificationHub::operator()()
{
  const Scenario& sc = ctx_.world.scenario();
  const Platform& pf = ctx_.platform;
  sg4::Mailbox* in   = pf.verification_inbox();
  for (;;) {
    auto* m = in->get<TestMessage>();
    const TestProbe& p = sc.verification.probes[sc.verification.agency_slot[m->tester]][m->probe];
    if (sc.verification.answer_s > 0)
      sg4::this_actor::sleep_for(sc.verification.answer_s);
    m->permitted = env_->masters.allows(p.procedure, p.item, p.requester, p.provider);
    m->version   = m->permitted ? version_at(sc.layouts[p.item], env_->as_of_s) : 0;
    pf.verification_answers(m->tester)->put_init(m, static_cast<uint64_t>(REQUEST_BYTES))->detach();
  }
}

void InteragencyTest::probe_done(uint32_t i, ProbeFate fate, const TestMessage* m)
{
  ctx_.world.recorder().emit(TestProbeDone{slot_, i, fate, m && m->permitted, m ? m->version : 0, m ? m->sent_s : 0,
                                           sg4::Engine::get_clock()});
}

void InteragencyTest::run_probes(double start, double end)
{
  const Scenario& sc  = ctx_.world.scenario();
  const Calendar& cal = ctx_.world.calendar();
  const uint32_t me   = sc.verification.agencies[slot_].agency;
  const Platform& pf  = ctx_.platform;
  const auto& probes  = sc.verification.probes[slot_];
  // Each request at its time if that lies inside the window ("next_business_slot": the window's
  // first business moment), in time order (ties: case order); each answered before the next.
  std::vector<std::pair<double, uint32_t>> order;
  for (uint32_t i = 0; i < probes.size(); ++i) {
    const double t = probes[i].next_business ? cal.next_business_time(start) : probes[i].at_s;
    if (t >= start && t < end)
      order.emplace_back(t, i);
    else
      probe_done(i, ProbeFate::OUTSIDE_WINDOW, nullptr);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [t, i] : order) {
    if (t > sg4::Engine::get_clock())
      sg4::this_actor::sleep_until(t);
    TestMessage* m = &env_->messages[slot_]; // one outstanding request per tester
    *m             = TestMessage();
    m->tester      = me;
    m->probe       = i;
    m->sent_s      = sg4::Engine::get_clock();
    pf.verification_inbox()->put_init(m, static_cast<uint64_t>(REQUEST_BYTES))->detach();
    const auto* a = pf.verification_answers(me)->get<TestMessage>();
    probe_done(i, ProbeFate::ANSWERED, a);
  }
}

void InteragencyTest::operator()()
{
  World& w               = ctx_.world;
  const Verification& vf = w.scenario().verification;
  const VerificationAgency& va = vf.agencies[slot_];
  auto step = [&](VerificationStepKind k) { w.recorder().emit(VerificationStep{va.agency, k, sg4::Engine::get_clock()}); };
  sg4::this_actor::sleep_until(va.application_s);
  step(VerificationStepKind::APPLIED);
  sg4::this_actor::sleep_for(vf.approval_s);
  step(VerificationStepKind::APPROVED);
  const auto* granted = ctx_.platform.verification_grants(va.agency)->get<uint8_t>();
  if (!*granted) {
    step(VerificationStepKind::NO_SLOT);
    for (uint32_t i = 0; i < vf.probes[slot_].size(); ++i)
      probe_done(i, ProbeFate::NO_SLOT, nullptr);
    return;
  }
  const double start = sg4::Engine::get_clock();
  step(VerificationStepKind::SLOT);
  run_probes(start, start + vf.test_s);
  sg4::this_actor::sleep_until(std::max(sg4::Engine::get_clock(), start + vf.test_s));
  env_->slots->release();
  step(VerificationStepKind::RELEASED);
  sg4::this_actor::sleep_for(vf.report_s);
  step(VerificationStepKind::REPORTED);
}

} // namespace linksim
