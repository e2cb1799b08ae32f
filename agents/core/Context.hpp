// What every agent receives: the World (shared state and truth the agents may use), the platform,
// and small helpers for sending and receiving messages and drawing durations.
#pragma once

#include "agents/core/Platform.hpp"
#include "sim/model/Rng.hpp"
#include "sim/model/Timing.hpp"
#include "sim/model/World.hpp"

#include <simgrid/Exception.hpp>
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace linksim {

[[noreturn]] inline void broken_invariant(const std::string& what);
[[noreturn]] inline void broken_invariant_arrival(double arrived, double now);

/// A message taken from an inbox, with the time it arrived there.
struct Taken {
  Message* msg     = nullptr;
  double arrival_s = 0; ///< when it reached the inbox (<= now)
  double now       = 0; ///< when it was taken (the clock when take returned)
};

struct Context {
  World& world;
  Platform& platform;
  /// A worker's hand (agents/core/Faults.hpp): the message it holds while it works on it; sending or
  /// freeing that message empties it. nullptr outside scenarios with host faults.
  Message** hand = nullptr;
  /// Takes a message into the worker's hand (scenarios with host faults only).
  void hold(Message* m) const
  {
    if (hand)
      *hand = m;
  }

  /// Draws a duration in seconds (sim/Timing.hpp).
  static double sample(const Duration& d, Rng& rng) { return linksim::sample(d, rng); }

  /// Sends a message (fire and forget) at `now` (the current clock, which the caller has already
  /// read); records when it left. Its arrival is what SimGrid computes over the route's links
  /// (take() reads it). In a scenario with link or host faults (agents/core/Faults.cpp): a route
  /// that is down now loses the message at once, and a message a fault loses on the way is
  /// accounted for (the Route names the hop for that).
  void send(sg4::Mailbox* to, Message* m, double bytes, const Route& r, double now)
  {
    world.count_message();
    m->sent_s = now;
    if (world.has_network_faults())
      send_watched(to, m, bytes, r, now);
    else
      to->put_init(m, static_cast<uint64_t>(bytes))->detach();
  }
  /// send() in a scenario with faults (agents/core/Faults.cpp).
  void send_watched(sg4::Mailbox* to, Message* m, double bytes, const Route& r, double now);

  /// Takes the next message of an inbox, with the exact time SimGrid delivered it: the finish time
  /// of the communication that carried it. The inboxes have a permanent receiver (Platform.hpp),
  /// so a transfer runs as soon as it is sent and ends in the inbox; SimGrid stamps the kernel
  /// activity with the date its network action finished (under CM02 bandwidth sharing, link
  /// degradation, whatever the model computed), and the comm returned to the receiver is that
  /// activity, so Comm::get_finish_time() is the arrival even when the message then waited. If
  /// the worker had to wait, that is the clock now. One case has no date yet: SimGrid hands over
  /// a comm whose transfer has nothing left (remaining < 1e-12) before its engine has processed
  /// the end, i.e. one that ends at this very instant, or a zero-byte message still in its latency
  /// phase (SimGrid 3.32 CommImpl::irecv on a permanent mailbox): SimGrid delivers it now, so it
  /// arrived now. Costs what get() costs (get() is get_async() + wait()), plus one read.
  /// A message a fault lost on its way here (its line or this host went down) makes the wait
  /// throw: SimGrid hands its payload to the send's clean function (agents/core/Faults.cpp), which
  /// accounts for it, and the worker takes the next one.
  static Taken take(sg4::Mailbox* from)
  {
    for (;;) {
      Message* m           = nullptr;
      const sg4::CommPtr c = from->get_async<Message>(&m);
      try {
        c->wait();
      } catch (const simgrid::NetworkFailureException&) {
        continue;
      }
      const double now      = sg4::Engine::get_clock();
      const double finished = c->get_finish_time();
      const double arrived  = finished < 0 ? now : finished;
      if (arrived > now) // a delivery from the future
        broken_invariant_arrival(arrived, now);
      return Taken{m, arrived, now};
    }
  }

  /// Bytes of a message carrying n persons' requests.
  double request_bytes(uint32_t n) const
  {
    const Messages& m = world.scenario().messages;
    return m.header_bytes + m.request_bytes_per_person * n;
  }
  /// Bytes of a message carrying the answers of a list of exchanges.
  double answer_bytes(const Message* msg) const
  {
    const Scenario& sc = world.scenario();
    double bytes       = sc.messages.header_bytes;
    for (const Exchange* ex = msg->head; ex; ex = ex->next)
      bytes += ex->answer == Answer::DATA ? sc.layouts[ex->item].record_bytes : sc.messages.request_bytes_per_person;
    return bytes;
  }

  Message* new_message(MsgKind kind, uint32_t requester, uint32_t provider)
  {
    Message* m   = world.messages().get();
    *m           = Message();
    m->kind      = kind;
    m->requester = requester;
    m->provider  = provider;
    return m;
  }
  void free_message(Message* m)
  {
    if (hand && *hand == m)
      *hand = nullptr;
    world.messages().put(m);
  }

  /// Sets a timestamp on every exchange of a message.
  static void stamp(Message* m, Ts ts, double t)
  {
    for (Exchange* ex = m->head; ex; ex = ex->next)
      ex->t[ts] = t;
  }
};

/// A broken invariant inside an actor: report it and exit with code 70 (design.md §5 has no
/// room for a half-written result).
[[noreturn]] inline void broken_invariant(const std::string& what)
{
  std::fprintf(stderr, "internal error: %s\n", what.c_str());
  std::fflush(nullptr);
  std::_Exit(70);
}

[[noreturn]] inline void broken_invariant_arrival(double arrived, double now)
{
  broken_invariant("a message taken at " + std::to_string(now) + " s arrived after that (" + std::to_string(arrived) +
                   " s)");
}

/// Tells the recorder that a server's worker handled a message (busy and waiting statistics).
inline void account_server(World& w, uint32_t site, double arrival, double start, double busy)
{
  w.recorder().emit(ServerBusy{site, arrival, start, busy});
}

} // namespace linksim
