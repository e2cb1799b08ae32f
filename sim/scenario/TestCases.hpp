// Scenario section `test_cases`: test cases a test lead writes (one case = named exchanges with
// expected results), judged verified / partially verified / failed / not run (the IHE Gazelle
// grading).
//
//   {"id": "TC-01", "title": "child allowance, one resident", "requester": "a-city-02",
//    "provider": {"agency": "a-city-01"}, "procedure": "child-allowance", "item": 2,
//    "mode": "immediate", "persons": [10, 11], "at": ["2026-04-07T10:00:00+09:00", "..."],
//    "expect": {"outcome": "correct", "version": "1.0"}}
//
// The loader turns each case into an internal workload line (Workload::test_case = its index)
// whose arrival k asks persons[k] of a fixed provider providers[k] at at_s[k]: no random draw.
#pragma once

#include "sim/scenario/Common.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace linksim {

/// Test regime of a case (domain.md §5, seed p.25-26): interagency cases run in the verification
/// environment (sections/VerificationSection.cpp), linkage cases are held to the linkage test's
/// rules (sections/LinkageCases.cpp).
enum class Regime { PRODUCTION, INTERAGENCY, LINKAGE };

inline constexpr auto REGIMES = enum_table<Regime>(
    "regime",
    "test regime of a test case (`test_cases[].regime`): where it runs and which rules it is held to",
    {{Regime::PRODUCTION, "production", "an ordinary production query with real persons (the default)", "本番環境"},
     {Regime::INTERAGENCY, "interagency", "機関間試験: inter-agency test in the verification environment (with a `verification` section it runs there, in its requester's test window)", "機関間試験"},
     {Regime::LINKAGE, "linkage",
      "情報連携試験: information-linkage test in production with test My Numbers; its rules (business hours, "
      "procedures live, no performance test, no application/report/slots) are checked at validation, and a real "
      "person in it is test_mixed", "情報連携試験"}});

/// A case's grade (IHE Gazelle).
enum class CaseVerdict { VERIFIED, PARTIALLY_VERIFIED, FAILED, NOT_RUN };

inline constexpr auto CASE_VERDICTS = enum_table<CaseVerdict>(
    "case_verdict",
    "grade of a test case (result.json /test_cases/<id>/verdict; IHE Gazelle)",
    {{CaseVerdict::VERIFIED, "verified", "every exchange of the case gave what it expects", "検証済み"},
     {CaseVerdict::PARTIALLY_VERIFIED, "partially_verified", "some of its exchanges did, not all", "一部検証"},
     {CaseVerdict::FAILED, "failed", "none of its finished exchanges did", "失敗"},
     {CaseVerdict::NOT_RUN, "not_run", "no exchange of the case finished (never issued, or still in flight at the end)", "未実施"}});

inline const char* to_string(Regime r) { return REGIMES.name(r); }
inline const char* to_string(CaseVerdict v) { return CASE_VERDICTS.name(v); }

/// What one exchange of a case must give.
struct CaseExpect {
  uint32_t outcome = 0;     ///< Outcome (sim/trace/Oracle.hpp), as its index
  uint32_t version = NONE;  ///< index into the item's layout versions; NONE = not checked
  std::vector<std::pair<uint32_t, uint32_t>> null_items; ///< (data item index, reason index) that must be null
  double latency_max_s = 0; ///< end to end (issued → fetched); 0 = not checked
};

/// A test case (試験ケース).
struct TestCase {
  std::string id;
  std::string title;
  Regime regime       = Regime::PRODUCTION;
  uint32_t requester  = 0;
  uint32_t procedure  = 0;
  uint32_t item       = 0;
  bool batch          = false;
  std::string provider_text;       ///< the provider as written ("a-city-01" or "select: insurer")
  std::vector<uint64_t> persons;
  std::vector<uint32_t> providers; ///< per person: the provider resolved at load (scenario seed)
  std::vector<double> at_s;        ///< per person (immediate), or one for the batch
  std::vector<CaseExpect> expect;  ///< per person
  uint32_t workload = 0;           ///< its internal workload line
};

} // namespace linksim
