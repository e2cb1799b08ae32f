// Every collector of a run, subscribed to the World's recorder when made; `write` adds their
// sections to result.json in its order (outcomes, latency, records, servers, volume, timeline, denials; revisions and masters when
// the scenario has revisions; verification when it has a verification environment).
#pragma once

#include <memory>

#include "harness/collect/AgencyLatency.hpp"
#include "harness/collect/Denials.hpp"
#include "harness/collect/ExchangesCsv.hpp"
#include "harness/collect/Failing.hpp"
#include "harness/collect/Incidents.hpp"
#include "harness/collect/Latency.hpp"
#include "harness/collect/Outcomes.hpp"
#include "harness/collect/Records.hpp"
#include "harness/collect/Revisions.hpp"
#include "harness/collect/Servers.hpp"
#include "harness/collect/TestCases.hpp"
#include "harness/collect/Timeline.hpp"
#include "harness/collect/Verification.hpp"
#include "harness/collect/Volume.hpp"

namespace linksim {

struct Collectors {
  /// `failing`: failing exchanges kept per outcome class (report list, junit.xml messages).
  explicit Collectors(World& w, size_t failing_limit = FailingCollector::DEFAULT_LIMIT)
      : outcomes(w), latency(w), records(w), servers(w), volume(w), timeline(w), denials(w), failing(w, failing_limit),
        incidents(w), csv(w)
  {
    if (!w.scenario().test_cases.empty()) // issue 8: /test_cases, only when the scenario has test cases
      test_cases = std::make_unique<TestCasesCollector>(w);
    if (!w.scenario().revisions.empty()) // only then: a scenario without revisions pays nothing
      revisions = std::make_unique<RevisionsCollector>(w);
    if (w.scenario().verification.configured)
      verification = std::make_unique<VerificationCollector>(w);
  }

  void write(ojson& result, const RunEnd& end) const
  {
    for (const Collector* c : std::initializer_list<const Collector*>{&outcomes, &latency, &records, &servers, &volume,
                                                                      &timeline, &denials})
      c->write(result, end);
    if (revisions)
      revisions->write(result, end);
    if (test_cases)
      test_cases->write(result, end);
    if (verification)
      verification->write(result, end);
    incidents.write(result, end); // issue 9: /incidents, only when the scenario injects one
  }

  OutcomesCollector outcomes;
  LatencyCollector latency;
  RecordsCollector records;
  ServersCollector servers;
  VolumeCollector volume;
  TimelineCollector timeline;
  DenialsCollector denials;
  FailingCollector failing; ///< the first failing exchanges (report.html, junit.xml); not in result.json
  /// Per-agency latency for report.html: made by want_report() before the run, else absent.
  std::unique_ptr<AgencyLatencyCollector> agency_latency;
  void want_report(World& w) { agency_latency = std::make_unique<AgencyLatencyCollector>(w); }
  std::unique_ptr<RevisionsCollector> revisions; ///< /revisions and /masters, when the scenario has revisions
  std::unique_ptr<TestCasesCollector> test_cases; ///< /test_cases, when the scenario has test cases
  std::unique_ptr<VerificationCollector> verification; ///< /verification, when the scenario has one
  IncidentsCollector incidents; ///< /incidents (issue 9), when the scenario injects an incident
  ExchangesCsv csv; ///< subscribes only when opened (--no-exchanges-csv: never)
};

} // namespace linksim
