// Scenario sections `delegations` and `revisions`: the revision and master-distribution cycle of
// domain.md §4 [SEED p.6-12].
//
// A revision (年次改版 annual, 定期改版 every four months, or urgent) is dated: its masters are
// distributed (マスター配信) from the hub to every intermediate server at `distribution`, and
// linkage on them starts at `go_live` (mid-October, mid-February, mid-June [SEED]). It carries what
// changes, by reference to what the scenario declares: layout versions (registered from their own
// `registration_from`, e.g. R1.6 registered from 2019-06-16 and linked from 2019-06-17 [SEED p.7]),
// procedures added or removed (a removed procedure's rows and delegations end at go-live: the
// delegation pitfall [SEED]), permission rows and delegations added or removed. Per agency, the
// chain change application (変更申請) → first review (取りまとめ都道府県) → second review
// (operator) → inter-agency test (機関間試験) has lead times [K], and its system modification is
// ready at a date (listed, or a default lead [K]).
//
//   {"id": "R2.6", "kind": "annual", "distribution": "2020-06-01", "go_live": "2020-06-15",
//    "layouts": [{"number": 16, "version": "5.0", "registration_from": "2020-06-14"}],
//    "permissions": {"add": ["jasso-child-allowance"]}, "ready": {"muni-0007": "2020-07-01"}}
#pragma once

#include "sim/scenario/Common.hpp"
#include "sim/scenario/EnumTable.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace linksim {

enum class RevisionKind { ANNUAL, PERIODIC, URGENT };

inline constexpr auto REVISION_KINDS = enum_table<RevisionKind>(
    "revision_kind",
    "kind of a data-standard-layout revision (`revisions[].kind`) [SEED p.6, p.11-12]",
    {{RevisionKind::ANNUAL, "annual", "年次改版: follows law changes; β mid-March, final early July, linkage the next June"},
     {RevisionKind::PERIODIC, "periodic", "定期改版: every four months, for agencies added, merged or abolished"},
     {RevisionKind::URGENT, "urgent", "an urgent revision outside the cycle"}});

/// Why an agency misses a revision's go-live (result.json /revisions/<id>/agencies/<a>/why).
enum class GoLiveMiss { NOT_READY, APPLICATION_LATE, TEST_LATE };

inline constexpr auto GO_LIVE_MISSES = enum_table<GoLiveMiss>(
    "go_live_miss",
    "why an agency misses a revision's go-live (result.json /revisions/<id>/agencies/<agency>/why)",
    {{GoLiveMiss::NOT_READY, "not_ready", "its system modification is ready only after go-live"},
     {GoLiveMiss::APPLICATION_LATE, "application_late",
      "its change application (変更申請) passed the second review after the master distribution"},
     {GoLiveMiss::TEST_LATE, "test_late", "its inter-agency test (機関間試験) ends after go-live"}});

/// Why the network refused a request (result.json /denials).
enum class DenyReason : uint8_t {
  NOT_PERMITTED, NO_DELEGATION, SERVER_MASTER,
  // issue 9: connection restriction (接続規制)
  RESTRICTED
};

inline constexpr auto DENY_REASONS = enum_table<DenyReason>(
    "deny_reason",
    "why a request was refused (result.json /denials)",
    {{DenyReason::NOT_PERMITTED, "not_permitted", "the hub's permission master has no row for it", "許可なし（別表第二・マスター外）"},
     {DenyReason::NO_DELEGATION, "no_delegation",
      "a delegate (受任者) asked under a procedure for which no delegation (委任) is registered in the hub's master", "委任未登録"},
     {DenyReason::SERVER_MASTER, "server_master",
      "the requester's intermediate server runs on a master that does not know the procedure (it missed a distribution)", "マスター未配信"},
     // issue 9: connection restriction
     {DenyReason::RESTRICTED, "restricted",
      "the operator restricts the requester's or the provider's connection (接続規制, a connection_restriction "
      "event): counted in the outcome class `restricted`, not `denied`", "接続規制"}});
static_assert(DENY_REASONS.dense(), "refusal counts are arrays indexed by DenyReason");

/// A delegation (委任受任), registered per procedure: `delegate` may query under `procedure` on
/// behalf of `delegator`, in [from_s, until_s).
struct Delegation {
  std::string id;
  uint32_t procedure = 0;
  uint32_t delegator = 0; ///< agency (委任者)
  uint32_t delegate  = 0; ///< agency (受任者)
  double from_s      = -NEVER;
  double until_s     = NEVER;
};

/// The lead times of a revision's chain per agency [K].
struct RevisionChain {
  double application_lead_s = 0; ///< change application this long before the distribution
  double first_review_s     = 0; ///< 取りまとめ都道府県's review
  double second_review_s    = 0; ///< the operator's review
  double test_s             = 0; ///< inter-agency test (機関間試験)
};

/// One agency taking part in a revision, with its dates (simulated seconds).
struct RevisionAgency {
  uint32_t agency      = 0;
  double ready_s       = 0; ///< its system modification is ready
  double application_s = 0; ///< its change application is filed
  double reviewed_s    = 0; ///< second review done
  double tested_s      = 0; ///< inter-agency test done
  bool provider        = false; ///< registers a layout the revision changes
  bool requester       = false; ///< asks under a row or procedure the revision adds
  std::vector<GoLiveMiss> misses;
};

struct Revision {
  std::string id;
  RevisionKind kind     = RevisionKind::ANNUAL;
  double distribution_s = 0;
  double go_live_s      = 0;
  double master_bytes   = 0;
  double retry_s        = 0; ///< a distribution that did not arrive is sent again this long after
  RevisionChain chain;
  std::vector<std::pair<uint32_t, uint32_t>> layouts; ///< (layout index, version index) it introduces
  std::vector<uint32_t> procedures_added, procedures_removed;
  std::vector<uint32_t> rows_added, rows_removed;               ///< indices into Scenario::permissions
  std::vector<uint32_t> delegations_added, delegations_removed; ///< indices into Scenario::delegations
  std::vector<RevisionAgency> agencies;                         ///< by agency index
  std::vector<uint32_t> agency_slot;                            ///< per agency: index into `agencies`, or NONE
};

} // namespace linksim
