// The verification environment and the inter-agency test as they happened (result.json
// /verification; made only when the scenario has a `verification` section):
// - per agency that tests: applied, approved, slot granted (and the wait for it), tested until,
//   completion report, and whether that was by the revision's go-live;
// - who completes before go-live and who does not (names, under checkable paths), slot
//   utilisation over the window, waits;
// - new connections (新規接続) that started production linkage (their first production exchange, or
//   their revision's go-live) before their inter-agency test was complete;
// - the test requests sent through the verification hub, and the Gazelle matrix of the
//   interagency test cases (their verdicts are judged in /test_cases).
#pragma once

#include "harness/collect/Collector.hpp"

#include <array>
#include <vector>

namespace linksim {

class VerificationCollector : public Collector,
                              Subscriber<VerificationStep>,
                              Subscriber<TestProbeDone>,
                              Subscriber<ExchangeDone> {
public:
  explicit VerificationCollector(World& w);
  void on(const VerificationStep& e) override;
  void on(const TestProbeDone& e) override { answered_ += e.fate == ProbeFate::ANSWERED; }
  void on(const ExchangeDone& e) override;
  void write(ojson& result, const RunEnd& end) const override;

  /// Per step kind, when it happened (NEVER: not by the end of the run); per Verification::agencies.
  const std::vector<std::array<double, 6>>& steps() const { return steps_; }

  /// Per "requester → provider" and procedure, the Gazelle grade (V / P / F / not run) of the
  /// interagency test cases in result.json's /test_cases.
  static ojson gazelle_matrix(const ojson& result);

private:
  const World& w_;
  const Scenario& sc_;
  std::vector<std::array<double, 6>> steps_;
  uint64_t answered_ = 0; ///< test requests the verification hub answered
  std::vector<uint8_t> fresh_;        ///< per agency: a new connection
  std::vector<double> first_exchange_; ///< per agency: its first production exchange (new connections only)
};

} // namespace linksim
