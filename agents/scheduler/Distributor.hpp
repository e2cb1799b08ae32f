// Master distribution (マスター配信, domain.md §4): at a revision's distribution date the hub sends
// its masters (procedure, delegation, permission and layout masters; `master_bytes` [K]) to every
// intermediate server over the simulated network. A `distribution_fault` on a server's line at
// that time loses the transfer; the hub sends it again `retry_hours` later. A server that has not
// received a revision's masters keeps running on the old ones (sim/model/Cycle.hpp). One sender
// per (revision, server) on the hub's host and one receiver per server; all daemons.
#pragma once

#include "agents/core/Context.hpp"

namespace linksim {

class MasterSender {
public:
  MasterSender(Context ctx, uint32_t revision, uint32_t site) : ctx_(ctx), revision_(revision), site_(site) {}
  void operator()();

private:
  Context ctx_;
  uint32_t revision_, site_;
};

class MasterReceiver {
public:
  MasterReceiver(Context ctx, uint32_t site) : ctx_(ctx), site_(site) {}
  void operator()();

private:
  Context ctx_;
  uint32_t site_;
};

/// The mailbox a server's masters arrive in.
sg4::Mailbox* master_inbox(const World& w, uint32_t site);

} // namespace linksim
