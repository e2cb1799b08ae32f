// The hub (情報提供ネットワークシステム: core + interface systems): `workers` actors sharing one
// inbox. For each request it checks the permission master, assigns the transaction serial number
// (処理通番), converts the requester's agency code into the provider's, writes its provision
// record, and forwards a provision notice to the provider's server; it relays answers back. It
// never reads the payload (content-blind core) [W2][W4][SEED].
//
// J-LIS: derives the linkage code for a code acquisition and passes it to the hub, which issues
// the requester's agency code (符号取得) [W4][W6][SEED].
#pragma once

#include "agents/core/Context.hpp"
#include "agents/core/Faults.hpp"

#include <utility>
#include <vector>

namespace linksim {

/// State the hub workers share.
struct HubState {
  uint64_t next_serial = 1;
};

class HubWorker {
public:
  HubWorker(Context ctx, HubState& state, unsigned index);
  void operator()();

private:
  double busy(const Duration& d, uint32_t persons);
  void request(Message* m);

  Context ctx_;
  HubState& state_;
  Rng rng_;
  std::vector<std::pair<uint32_t, Message*>> notices_;
  static constexpr uint32_t SCAN_LIMIT = 8; ///< notices found by a scan up to this many
  std::vector<uint32_t> slot_; ///< per provider agency: its notice in notices_ (past SCAN_LIMIT), else NONE
  unsigned index_ = 0;
  Hand hand_      = std::make_shared<Message*>(nullptr); ///< host faults (agents/core/Faults.hpp)
};

class JlisWorker {
public:
  JlisWorker(Context ctx, unsigned index);
  void operator()();

private:
  Context ctx_;
  Rng rng_;
  unsigned index_ = 0;
  Hand hand_      = std::make_shared<Message*>(nullptr); ///< host faults (agents/core/Faults.hpp)
};

} // namespace linksim
