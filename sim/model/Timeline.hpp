// The model's dated tables, compiled from the scenario: the law's permission table (rows with
// `from` / `until`), the hub's distributed master (the law plus or minus mis-distributed rows),
// each agency's manual-answer mode and registration faults, and the scheduler's agenda (every
// change inside the run, with a readable note).
//
// Agents read the tables "now" (moved by the scheduler actor through advance_to); the oracle and
// the registration schedule read them "as of t". Both come from the same change lists.
//
//   ModelTimeline tl(scenario);
//   tl.law.at(t).allows(procedure, item, requester, provider);   // the oracle, any time
//   tl.master.now().allows(...);                                  // the hub, now
#pragma once

#include "sim/model/Permission.hpp"
#include "sim/model/Timed.hpp"
#include "sim/scenario/Scenario.hpp"
#include "sim/trace/Events.hpp"

#include <cstdint>
#include <tuple>
#include <vector>

namespace linksim {

/// An agency's manual-answer mode (自動応答不可設定) over a stretch of time.
struct ManualState {
  bool on = false;
  std::vector<uint32_t> items; ///< layouts held (empty: all)
};

/// A registration fault over [from_s, until_s).
struct FaultWindow {
  double from_s  = 0;
  double until_s = NEVER;
  RegistrationFault fault;
};

/// One change inside the run, for the scheduler and the timeline list.
struct AgendaEntry {
  enum class Type { TABLE, OPERATOR, FAULT_BEGAN, FAULT_ENDED };
  Type type = Type::TABLE;
  uint32_t agency = NONE;
  TimelineNote note;
  uint32_t event = NONE; ///< network and host faults: the index of the timeline event (Scenario::timeline)
};

/// "line of a-city-01", "the hub", ...: what a network or host fault acts on, for notes and results.
std::string describe_target(const Scenario& sc, const TimelineEvent& e);

class ModelTimeline {
public:
  ModelTimeline() = default;
  explicit ModelTimeline(const Scenario& sc);

  Timed<PermissionTable> law;    ///< the law's table (別表第二 / 主務省令), by date
  Timed<PermissionTable> master; ///< the hub's distributed master, by date

  /// The provider holds requests for this item for a manual answer, as it is now.
  bool manual_now(uint32_t agency, uint32_t item) const
  {
    const ManualState& m = manual_[agency].now();
    if (!m.on)
      return false;
    for (uint32_t i : m.items)
      if (i == item)
        return true;
    return m.items.empty();
  }
  const Timed<ManualState>& manual(uint32_t agency) const { return manual_[agency]; }
  /// The registration fault of an agency in force at time t (nullptr: none).
  const RegistrationFault* fault_at(uint32_t agency, double t) const
  {
    for (const FaultWindow& w : faults_[agency])
      if (w.from_s <= t && t < w.until_s)
        return &w.fault;
    return nullptr;
  }
  bool has_faults(uint32_t agency) const { return !faults_[agency].empty(); }
  /// A distribution fault on the site's line at time t.
  bool distribution_fault_at(uint32_t site, double t) const
  {
    for (const auto& [s, from, until] : distribution_faults_)
      if (s == site && from <= t && t < until)
        return true;
    return false;
  }
  /// Every change inside the run [0, ∞), in time order (ties in the order of the scenario).
  const std::vector<AgendaEntry>& agenda() const { return agenda_; }
  /// Moves every table's "now" past the changes at or before t.
  void advance_to(double t);

  // --- issue 9: connection restriction (接続規制) ---------------------------------------------
  /// The scenario restricts some agency's connection at some time (false: the hub never asks).
  bool has_restrictions() const { return has_restrictions_; }
  /// The operator restricts the agency's connection at time t ([at, until) of a
  /// connection_restriction event): its requests are refused (as requester), and unless the event
  /// says `"as_provider": false` the requests addressed to it too. Read "as of t" (a binary search
  /// over that agency's few changes) by the hub, exact at a window's edges whatever the order of
  /// the actors at that instant.
  bool restricted_requester_at(uint32_t agency, double t) const
  {
    return !restricted_[agency].constant() && (restricted_[agency].at(t) & RESTRICT_REQUESTER) != 0;
  }
  bool restricted_provider_at(uint32_t agency, double t) const
  {
    return !restricted_[agency].constant() && (restricted_[agency].at(t) & RESTRICT_PROVIDER) != 0;
  }

private:
  std::vector<Timed<ManualState>> manual_;
  std::vector<std::vector<FaultWindow>> faults_;
  std::vector<std::tuple<uint32_t, double, double>> distribution_faults_; ///< (site, from, until)
  std::vector<AgendaEntry> agenda_;
  // issue 9: connection restriction, per agency: RESTRICT_* bits
  static constexpr uint8_t RESTRICT_REQUESTER = 1, RESTRICT_PROVIDER = 2;
  std::vector<Timed<uint8_t>> restricted_;
  bool has_restrictions_ = false;
};

} // namespace linksim
