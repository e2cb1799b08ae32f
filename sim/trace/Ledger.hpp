// The ledger of exchanges in flight, and the only reader of their ground-truth tags.
//
// Agents hand it each exchange when it is issued and when it ends (fetched by an existing
// system); it asks the oracle for the exchange's class and emits ExchangeIssued / ExchangeDone
// to the recorder, then frees the exchange. At the end of the run, exchanges still open are
// judged too (pending manual answer, timed out, unfinished). It also tells the closer when
// nothing is left in flight but what waits for a manual answer (the drain).
#pragma once

#include "sim/trace/Events.hpp"
#include "sim/trace/Exchange.hpp"
#include "sim/trace/Recorder.hpp"

#include <cstdint>
#include <functional>

namespace linksim {

class World;

class Ledger {
public:
  Ledger(World& w, Recorder& rec) : w_(w), rec_(rec) {}

  /// A new exchange: gives it its id (1, 2, ... in issue order).
  uint64_t issue(Exchange& ex);
  /// A workload arrival found no person to ask about.
  void skip(uint32_t workload) { rec_.emit(ArrivalSkipped{workload}); }
  /// An exchange reached an existing system (`fetcher` agency) at `now`. Frees it.
  void complete(Exchange* ex, uint32_t fetcher, double now);
  /// The requester gave the exchange up at `now` (network faults: ex->failed says why). Frees it.
  void give_up(Exchange* ex, double now);
  /// Held for a manual answer / released from the hold (to know what is still in flight).
  void hold(Exchange& ex);
  void release(Exchange& ex);
  /// End of run at `now`: judges every exchange still open and frees it.
  void finish(double now);

  /// Exchanges not yet completed and not held for a manual answer.
  uint64_t open_unheld() const { return open_ - held_; }
  uint64_t open() const { return open_; }
  uint64_t issued() const { return issued_; }
  /// finish() has run: nothing may be judged any more (a fault's clean function at teardown).
  bool finished() const { return finished_; }
  /// Called when open_unheld() drops to zero (the closer's drain waits on it).
  std::function<void()> on_drained;

private:
  void judge_and_emit(const Exchange& ex, uint32_t fetcher, bool fetched, double now, bool at_end);
  void free_exchange(Exchange* ex);

  World& w_;
  Recorder& rec_;
  uint64_t next_id_ = 1;
  uint64_t issued_  = 0;
  uint64_t open_    = 0;
  uint64_t held_    = 0;
  bool finished_    = false;
};

} // namespace linksim
