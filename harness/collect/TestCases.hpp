// Test cases (result.json /test_cases): each exchange of a case compared with its expectation
// (outcome class, layout version, null items, end-to-end latency issued → fetched), and each case
// graded like IHE Gazelle: verified (every exchange as expected), partially_verified (some),
// failed (none), not_run (no exchange finished: still in flight, or never issued).
//
//   /test_cases/<id>      {title, regime, requester, providers, procedure, item, verdict,
//                          verified, counts, exchanges: [{id, person, at, expected, got, pass, reason}]}
//   /test_cases/summary   {cases, verified, partially_verified, failed, not_run}
#pragma once

#include "harness/collect/Collector.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace linksim {

/// One exchange of a case, as judged.
struct CaseExchange {
  bool issued   = false;
  bool finished = false; ///< judged with an outcome it can be compared on (fetched, or its class expected)
  bool pass     = false;
  uint64_t id   = 0;     ///< exchange id (exchanges.csv `id`)
  uint32_t provider = 0;
  double issued_s   = 0;
  std::string got;       ///< "wrong_version (4.0)"
  std::string reason;    ///< why it failed ("" if it passed)
  bool verification = false; ///< a request in the verification environment (no exchange id)
};

/// A case's exchanges and grade.
struct CaseJudged {
  std::vector<CaseExchange> exchanges; ///< parallel to TestCase::persons
  CaseVerdict verdict = CaseVerdict::NOT_RUN;
  size_t passed = 0, failed = 0, not_finished = 0;
};

class TestCasesCollector : public Collector,
                           Subscriber<ExchangeIssued>,
                           Subscriber<ExchangeDone>,
                           Subscriber<TestProbeDone> {
public:
  explicit TestCasesCollector(World& w);
  void on(const ExchangeIssued& e) override;
  void on(const ExchangeDone& e) override;
  /// An interagency case's request in the verification environment (sim/scenario/Verification.hpp):
  /// judged on its outcome (correct: permitted by the environment's masters; denied: refused),
  /// its layout version and its latency; a request never sent gets why as its reason.
  void on(const TestProbeDone& e) override;
  void write(ojson& result, const RunEnd& end) const override;
  /// The judged cases, parallel to Scenario::test_cases (final after the run).
  const std::vector<CaseJudged>& cases() const;

private:
  const Scenario& sc_;
  Calendar cal_;
  std::vector<size_t> issued_;                                      ///< per case: exchanges issued so far
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> slot_; ///< exchange id → (case, index)
  mutable std::vector<CaseJudged> cases_;
};

/// What an expectation says, in one line ("correct, version 5.0, 532 null NotApplicable, ≤ 2 s").
std::string describe_expect(const Scenario& sc, const TestCase& tc, const CaseExpect& x);

} // namespace linksim
