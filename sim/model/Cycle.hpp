// The revision and distribution cycle during a run (domain.md §4): which master each
// intermediate server runs on (the masters arrive as messages: a server that did not receive a
// distribution keeps its old masters), which agencies are ready for a revision, the delegation
// master, and the layout version a provider can register in at a time.
//
//   Cycle c(scenario);
//   c.received(site, rev, t);                         // the distribution actor: masters arrived
//   c.site_has(site, rev, t);                         // the server runs on them at t
//   c.registrable_starts(layout, provider, site, out);  // per version: from when it can register in it
#pragma once

#include "sim/scenario/Scenario.hpp"

#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

namespace linksim {

/// When a server's masters of one revision arrived and took effect.
struct MasterReceipt {
  uint32_t revision = 0;
  double received_s = 0;
  double effective_s = 0; ///< max(received, go-live)
};

class Cycle {
public:
  Cycle() = default;
  explicit Cycle(const Scenario& sc);

  bool any() const { return !sc_->revisions.empty(); }

  // --- masters at the intermediate servers ---------------------------------------------------
  /// The masters of `rev` reached `site` at t (they take effect at go-live, or now if later).
  void received(uint32_t site, uint32_t rev, double t);
  /// The site runs on the masters of `rev` at time t.
  bool site_has(uint32_t site, uint32_t rev, double t) const;
  const std::vector<MasterReceipt>& receipts(uint32_t site) const { return receipts_[site]; }
  /// The revision that adds the procedure (NONE: the procedure is in every master).
  uint32_t procedure_revision(uint32_t procedure) const { return procedure_rev_[procedure]; }

  // --- agencies ----------------------------------------------------------------------------------
  /// The agency's system modification for `rev` is done at t (agencies a revision does not
  /// concern are always ready).
  bool ready(uint32_t rev, uint32_t agency, double t) const
  {
    const Revision& r = sc_->revisions[rev];
    const uint32_t s  = r.agency_slot.empty() ? NONE : r.agency_slot[agency];
    return s == NONE || r.agencies[s].ready_s <= t;
  }
  /// The requester can import records of layout version `v` at t (it is ready for the revision
  /// that introduced v).
  bool importable(uint32_t requester, uint32_t item, uint32_t v, double t) const
  {
    const uint32_t rev = sc_->layouts[item].versions[v].revision;
    return rev == NONE || ready(rev, requester, t);
  }

  // --- delegation master (hub) ---------------------------------------------------------------
  /// `delegate` may act for `delegator` under `procedure` at t.
  bool delegated(uint32_t procedure, uint32_t delegator, uint32_t delegate, double t) const;

  // --- registration ----------------------------------------------------------------------------
  /// The layout has versions a revision introduces with registration pattern 2 or 3.
  bool layout_revised(uint32_t item) const { return revised_[item] != 0; }
  /// Per version of the layout, from when `provider` (on `site`) registers records in it: the
  /// version's registration_from, or later when the provider is not ready or its server has not
  /// received the revision's masters by then (+∞ while neither is known to happen). `ideal`
  /// gives the dates of a provider that is ready and served on time (the oracle's expectation).
  void registration_starts(uint32_t item, uint32_t provider, uint32_t site, bool ideal, std::vector<double>& out) const;

private:
  const Scenario* sc_ = nullptr;
  std::vector<std::vector<MasterReceipt>> receipts_; ///< per site
  std::vector<uint32_t> procedure_rev_;             ///< per procedure
  std::vector<uint8_t> revised_;                    ///< per layout
  std::map<std::tuple<uint32_t, uint32_t, uint32_t>, std::vector<std::pair<double, double>>> delegations_;
};

/// Index of the version a record registered at `t` is in, given each version's registration
/// start (the latest start <= t; 0 if none).
uint32_t version_at_starts(const std::vector<double>& starts, double t);
/// replica_version (Layout.hpp) with per-version registration starts instead of valid_from.
uint32_t replica_version_at(const Layout& l, const std::vector<double>& starts, double extraction, double now,
                            bool pattern2_reload);

} // namespace linksim
