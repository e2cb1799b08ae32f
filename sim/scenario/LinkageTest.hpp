// Scenario section `linkage_test`: the production linkage test (情報連携試験) [SEED p.25–26].
//
// Test My Numbers (試験用個人番号): every agency has `test_persons_per_agency` reserved persons.
// Persons are indices and My Numbers a keyed bijection of the index over the 11-digit body
// (sim/model/Codes.hpp); real persons are [0, population), the reserved ones sit at the top of
// the index space (sim/model/Population.hpp: test_person), so a test number has a valid check
// digit and provably never coincides with a real person's number.
//
// Who holds records for a test person: the agency it is reserved for (its own test data) and the
// agencies listed as that agency's test `partners` (they register test data for its test persons);
// the connectivity-check tool (an agency of kind `connectivity_tool`) answers for anyone.
//
//   "linkage_test": {"test_persons_per_agency": 10,
//                    "partners": [{"agency": "city-renewed", "providers": ["jpo"]}]}
#pragma once

#include <cstdint>
#include <vector>

namespace linksim {

struct LinkageTestSpec {
  uint64_t test_persons_per_agency = 0;   ///< reserved test persons per agency (default in Params.hpp)
  double max_exchanges_per_hour    = 0;   ///< linkage-test cases: at most this many exchanges per requester per hour
  /// Per agency (the owner of the test persons): the agencies that register test data for them.
  std::vector<std::vector<uint32_t>> partners;
};

} // namespace linksim
