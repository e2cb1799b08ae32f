// The linkage test's rules (情報連携試験, domain.md §5, seed p.25–26) on test cases with
// `"regime": "linkage"`, checked by the test_cases section (TestCasesSection.cpp) before the run:
//   - normal production hours only: every exchange inside business hours on a business day;
//   - only procedures already live in production: the law's permission rows in force at that time
//     grant the item to the requester from the provider (revisions date the rows);
//   - no performance tests: at most `linkage_test.max_exchanges_per_hour` exchanges per requester
//     in any clock hour (JST), over all its linkage cases;
//   - no application or completion report, no limit on agencies: the keys `application`,
//     `completion_report` and `slots` are refused as not needed.
// Persons need not be test persons here: a real person is caught at run time (test_mixed).
#pragma once

#include "harness/scenario/LoadContext.hpp"

namespace linksim {

struct TestCase;
struct Workload;

/// Persons named by My Number in a case (`my_numbers`), appended to `persons` (false if one is
/// not a person's nor a reserved test number; reported).
bool read_case_my_numbers(ObjReader& c, std::vector<uint64_t>& persons, LoadContext& ctx);
/// The linkage rules on a case of regime `linkage` (nothing for other regimes); marks its
/// workload line as a linkage test. False if a rule is broken (reported).
bool check_linkage_case(ObjReader& c, const TestCase& tc, Workload& wl, LoadContext& ctx);

} // namespace linksim
