// Intermediate server (中間サーバー) worker: one of `workers` actors sharing the site's inbox.
//
// It forwards its agencies' queries to the hub (acquiring codes through J-LIS first when
// needed), answers provision requests from its replica database (or hands them to staff when the
// provider has set manual-answer mode, 自動応答不可), writes provision records (情報提供等の記録)
// and 不開示 flags, hands results to the existing system, and loads nightly registrations
// (副本登録) [W1][W7][W13]. Each message costs the configured processing time of its kind.
#pragma once

#include "agents/core/Context.hpp"
#include "agents/core/Faults.hpp"

namespace linksim {

class IntermediateServerWorker {
public:
  IntermediateServerWorker(Context ctx, uint32_t site, unsigned index);
  void operator()();

private:
  double busy(const Duration& d, uint32_t persons);
  void forward_request(Message* m);
  void answer(Message* m, bool manual, double arrival);
  /// Sends a query back to its requester, refused here for `why` (nothing goes to the hub).
  void refuse(Message* m, DenyReason why);

  Context ctx_;
  uint32_t site_;
  Rng rng_;
  unsigned index_ = 0;
  Hand hand_      = std::make_shared<Message*>(nullptr); ///< host faults (agents/core/Faults.hpp)
};

/// A staff member of a provider in manual-answer mode: answers held requests one by one inside
/// business hours, each taking the configured handling time (business time).
class Staff {
public:
  Staff(Context ctx, uint32_t agency, unsigned index);
  void operator()();

private:
  Context ctx_;
  uint32_t agency_;
  Rng rng_;
};

} // namespace linksim
