#include "agents/scheduler/Distributor.hpp"

namespace linksim {

sg4::Mailbox* master_inbox(const World& w, uint32_t site)
{
  return sg4::Mailbox::by_name("masters-" + w.scenario().sites[site].id);
}

void MasterSender::operator()()
{
  World& w            = ctx_.world;
  const Revision& rev = w.scenario().revisions[revision_];
  if (rev.distribution_s > sg4::Engine::get_clock())
    sg4::this_actor::sleep_until(rev.distribution_s);
  sg4::Mailbox* to = master_inbox(w, site_);
  for (;;) {
    const double now = sg4::Engine::get_clock();
    if (!w.timeline().distribution_fault_at(site_, now)) {
      w.count_message();
      try {
        to->put(const_cast<Revision*>(&rev), static_cast<uint64_t>(rev.master_bytes));
        w.recorder().emit(MasterSent{site_, revision_, now, true});
        return;
      } catch (const simgrid::NetworkFailureException&) {
        // A link or host fault (timeline) lost the masters on the way: sent again after retry_s,
        // like a distribution fault's attempt.
      }
    }
    w.recorder().emit(MasterSent{site_, revision_, now, false});
    sg4::this_actor::sleep_for(rev.retry_s);
  }
}

void MasterReceiver::operator()()
{
  World& w            = ctx_.world;
  sg4::Mailbox* inbox = master_inbox(w, site_);
  const Revision* first = w.scenario().revisions.data();
  for (;;) {
    const Revision* rev = nullptr;
    try {
      rev = inbox->get<Revision>();
    } catch (const simgrid::NetworkFailureException&) {
      continue; // a fault lost them on the way: the sender tries again
    }
    const double now   = sg4::Engine::get_clock();
    const auto index   = static_cast<uint32_t>(rev - first);
    w.masters_received(site_, index, now);
    w.recorder().emit(MasterReceived{site_, index, now});
  }
}

} // namespace linksim
