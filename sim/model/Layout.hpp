// Data standard layouts (データ標準レイアウト): versions, records, null rules, registration patterns.
//
// A record is what a provider's existing system registers as a replica (副本) for one person and
// one specific-personal-information number: one state per data item of the layout version.
// An empty item must carry a ReasonOfNull; some items require a specific reason when another
// item has a given value (tax item 107 needs NotAcceptable when item 106 = 0) [SEED p.14].
//
//   Record r = build_record(version, seed, subject, layout_no, epoch, /*null_error=*/false);
//   bool bad = violates_null_rules(version, r);          // the oracle's check
#pragma once

#include "sim/scenario/Scenario.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace linksim {

constexpr size_t MAX_ITEMS = 64; ///< data items per layout version (the loader enforces it)

/// One record: a state per data item.
struct Record {
  enum : uint8_t { VALUE = 0, ZERO = 1, BLANK = 2, NULL_BASE = 3 }; ///< NULL_BASE + reason index
  uint8_t n = 0;
  std::array<uint8_t, MAX_ITEMS> state{};
};

/// What the provider's existing system writes for (subject, layout, epoch of the true data).
/// Legitimately empty items carry reason 0 (the scenario's first ReasonOfNull); conditional null
/// rules are applied; with `null_error` one item is left blank without a ReasonOfNull (the
/// registration error the seed calls the most frequent incident type).
Record build_record(const LayoutVersion& v, uint64_t seed, uint64_t subject, uint32_t layout, int64_t epoch,
                    bool null_error);

/// The oracle's check: a blank item, or a conditional rule not honoured.
bool violates_null_rules(const LayoutVersion& v, const Record& r);

/// Index of the version current at simulated time t (the latest valid_from <= t; 0 if none yet).
uint32_t version_at(const Layout& l, double t);

/// Version a replica is in when it was extracted at `extraction` and is read at `now`, following
/// the registration pattern of each cutover in between [SEED p.7–9]: pattern 1 (no effect) → a
/// record in the previous version is in the new one; pattern 2 (past data reloaded in the new
/// layout beforehand, when the provider does it) → every record is in the new version, whatever
/// version it was in; pattern 3 (no reload) → the record stays in its version.
uint32_t replica_version(const Layout& l, double extraction, double now, bool pattern2_reload);

/// A replica in version v is acceptable at time t: v is current, or every cutover since v is
/// pattern 1 or 3 (old-layout data stays valid); pattern 2 deletes the old layout at cutover.
bool version_accepted(const Layout& l, uint32_t v, double t);

/// Epoch (how many times it has changed) of a person's true data for a layout at time t: changes
/// come every `change_interval_s` with a per-person phase (an assumption [K], see domain.md §4).
int64_t truth_epoch(const Layout& l, uint64_t seed, uint64_t person, uint32_t layout, double t);
/// Time of the last change of a person's true data at or before t.
double last_change_at(const Layout& l, uint64_t seed, uint64_t person, uint32_t layout, double t);
/// Both at once (one hash of the person's phase): {truth_epoch, last_change_at}.
struct TruthAt {
  int64_t epoch;
  double last_change_s;
};
TruthAt truth_at(const Layout& l, uint64_t seed, uint64_t person, uint32_t layout, double t);

} // namespace linksim
