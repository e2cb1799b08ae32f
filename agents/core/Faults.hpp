// Network and host faults (issue 9, point 1): what a fault does to the messages and exchanges it
// meets, and what a requester does about an attempt that failed.
//
// The scheduler applies a fault through SimGrid: Link::turn_off()/turn_on() (link_down,
// planned_outage and vpn_fault of a line), Link::set_latency()/set_bandwidth() (link_degraded),
// Host::turn_off()/turn_on() (host_down, planned_outage of a host: its workers die and restart when
// it comes back). Nothing is lost silently: a message is lost
//   - at send, when its route has a link down or its receiver's host is down (Context::send);
//   - on the way, when SimGrid fails its transfer (a line or a host went down): the send's clean
//     function (Comm::detach(clean_function)) gets its payload;
//   - in a worker's hands, when the worker dies with its host (the worker's on_exit function).
// Every exchange of a lost message goes to its requester's recovery: the requester notices at once
// when its own send failed (its line or its server down), or at its timeout otherwise, then tries
// again after `retry_interval_s` while `retries` allow, else gives up (`unreachable` when its last
// attempt could not be sent, `timed_out` when it got no answer). A lost registration batch leaves
// the replica as it was (the next night's batch carries the changes).
//
//   lose_message(ctx, m, now, true);                 // a send that failed at once
//   apply_fault(ctx, sc.timeline[e.event], true);    // the scheduler, at the fault's `at`
#pragma once

#include "agents/core/Context.hpp"

#include <memory>

namespace linksim {

/// Accounts for a message a fault lost at `now` (`at_send`: the send failed at once) and hands its
/// exchanges to their requester's recovery. Safe to call from SimGrid's kernel (a clean function).
void lose_message(Context ctx, Message* m, double now, bool at_send);

/// Applies a network or host fault (begin) or ends it (scheduler actor).
void apply_fault(Context ctx, const TimelineEvent& e, bool begin);

/// What a worker holds while it works on it (a host fault kills the worker; its on_exit function
/// hands the message to lose_message). Shared by the copies SimGrid restarts.
using Hand = std::shared_ptr<Message*>;

/// In a scenario with host faults: the calling worker restarts with its host, and what it holds
/// when it dies is lost (accounted): `ctx.hand` points to `hand` from now on. Call first thing in
/// the worker's body (`receiver`: the worker is its inbox's permanent receiver).
void watch_worker(Context& ctx, const Hand& hand, sg4::Mailbox* inbox, bool receiver);

} // namespace linksim
