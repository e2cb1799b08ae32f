// The annual notification drill (訓練, sim/scenario/Drills.hpp) as actors:
// - SharingSite: the information-sharing site (情報共有サイト), on the hub's host (the operator
//   runs it). At the drill's post it draws, per targeted agency in agency order, whether the
//   registered contact is stale and the mail's delay; a stale contact is told nothing (Notified,
//   not reached); the others' mails leave the site in delivery order and cross the network to the
//   agency's host. A mail that would arrive after the cutoff is not sent. The site stays up until
//   the cutoff (it is not a daemon: a drill-only run, or a drill that closes at the run's end, is
//   not cut short by the end of the workload).
// - DrillStaff: one per targeted agency, on its host. Receives the mail (Notified, reached), reads
//   and acknowledges it after a delay of business time drawn for its agency kind
//   (acknowledge_at, sim/model/Drill.hpp), logs in and views the status (Acknowledged) — if that
//   is by the cutoff.
//
//   auto site = std::make_shared<DrillSite>(w, d);   // one mailbox per targeted agency
//   Actor::create("drill-site-fy2019", pf.hub_host(), SharingSite(ctx, site));
//   Actor::create("drill-staff-fy2019-muni-0001", pf.agency_host(a), DrillStaff(ctx, site, k));
#pragma once

#include "agents/core/Context.hpp"

#include <memory>
#include <vector>

namespace linksim {

/// What one drill's actors share: the drill, its mailboxes and the mails in flight.
struct DrillSite {
  DrillSite(const World& w, uint32_t drill);
  uint32_t drill;
  std::vector<sg4::Mailbox*> inbox; ///< per target (index into Drill::targets): its contact's inbox
  std::vector<uint32_t> mail;       ///< per target: the mail's payload (the target's index)
};

class SharingSite {
public:
  SharingSite(Context ctx, std::shared_ptr<DrillSite> site) : ctx_(ctx), site_(std::move(site)) {}
  void operator()();

private:
  Context ctx_;
  std::shared_ptr<DrillSite> site_;
};

class DrillStaff {
public:
  DrillStaff(Context ctx, std::shared_ptr<DrillSite> site, uint32_t target)
      : ctx_(ctx), site_(std::move(site)), target_(target)
  {
  }
  void operator()();

private:
  Context ctx_;
  std::shared_ptr<DrillSite> site_;
  uint32_t target_; ///< index into Drill::targets
};

} // namespace linksim
