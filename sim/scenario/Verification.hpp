// Scenario section `verification`: the verification environment (接続検証環境) and the
// inter-agency test (機関間試験) held in it [SEED p.25-26, domain.md §5].
//
// The environment is a network of its own: its own hub (a host of its own, reached from every
// intermediate server over its own link) running the masters of the next revision (a request is
// permitted as of that revision's go-live, not as of today), its own test data, and a limit on how
// many agencies may use it at once (`slots`) [SEED: 利用できる機関数の上限; the number is K]. Each
// agency listed applies (利用申請) on a date, is approved after a lead time [K], waits for a free
// slot (first come, first served), tests for a duration [K], releases the slot and files its
// completion report (完了報告) after a lead time [K]. A new connection that starts production
// linkage without a completed test is flagged (the test is mandatory for new connections [SEED]).
//
//   "verification": {"revision": "R2.6", "opens": "2020-04-13", "closes": "2020-06-12", "slots": 4,
//                    "agencies": {"revision": "providers"}, "applications": {"jasso": "2020-04-06"},
//                    "new_connections": ["jasso"]}
#pragma once

#include "sim/scenario/Common.hpp"
#include "sim/scenario/EnumTable.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace linksim {

/// Which agencies of the revision must test, when they are generated (`verification.agencies.revision`).
enum class VerificationSelect { ALL, PROVIDERS, REQUESTERS };

inline constexpr auto VERIFICATION_SELECTS = enum_table<VerificationSelect>(
    "verification_select",
    "which of a revision's agencies must take the inter-agency test (`verification.agencies.revision`)",
    {{VerificationSelect::ALL, "all", "every agency the revision concerns (providers of a revised layout, requesters of what it adds)"},
     {VerificationSelect::PROVIDERS, "providers", "the providers of a layout the revision changes (they must re-test their registration)"},
     {VerificationSelect::REQUESTERS, "requesters", "the requesters of what the revision adds or changes (they must import it)"}});

/// One agency that takes the inter-agency test.
struct VerificationAgency {
  uint32_t agency      = 0;
  double application_s = 0;     ///< 利用申請 filed
  bool new_connection  = false; ///< a new connection: the test is mandatory before production linkage
};

/// One test request of an interagency test case (試験ケース, regime `interagency`), sent by its
/// requester through the verification hub inside the requester's test window.
struct TestProbe {
  uint32_t test_case = 0; ///< index into Scenario::test_cases
  uint32_t k         = 0; ///< the case's person index (its exchange k)
  uint32_t requester = 0, provider = 0, procedure = 0, item = 0;
  double at_s        = 0;     ///< when (absolute; sent only if inside the requester's window)
  bool next_business = false; ///< "next_business_slot": the first business moment of the window instead
};

struct Verification {
  bool configured   = false;
  std::string revision_id;
  uint32_t revision = NONE; ///< index into Scenario::revisions: the masters the environment runs
  unsigned slots    = 0;    ///< agencies that may use the environment at once
  double opens_s    = 0;    ///< the environment's test window
  double closes_s   = 0;
  double approval_s = 0;    ///< application → approval
  double test_s     = 0;    ///< a slot is held this long
  double report_s   = 0;    ///< end of test → completion report
  double answer_s   = 0;    ///< the verification hub's time to answer one test request
  LinkSpec link;            ///< the verification hub's line (every server reaches it over its own uplink and this)
  std::vector<VerificationAgency> agencies; ///< in application order (ties: file order)
  std::vector<uint32_t> agency_slot;        ///< per agency: index into `agencies`, or NONE
  std::vector<uint32_t> new_connections;    ///< agencies marked as new connections (tested or not)
  std::vector<std::vector<TestProbe>> probes; ///< per tester (index into `agencies`): its interagency cases' requests, in time order
};

} // namespace linksim
