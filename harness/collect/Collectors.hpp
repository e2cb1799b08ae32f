// Every collector of a run, subscribed to the World's recorder when made; `write` adds their
// sections to result.json in its order (outcomes, latency, records, servers, volume, timeline, denials; revisions and masters when
// the scenario has revisions; verification when it has a verification environment; faults,
// restrictions, identity injects and drills when the scenario has them).
#pragma once

#include <memory>

#include "harness/collect/AgencyLatency.hpp"
#include "harness/collect/Denials.hpp"
#include "harness/collect/Drills.hpp"
#include "harness/collect/ExchangesCsv.hpp"
#include "harness/collect/Faults.hpp"
#include "harness/collect/Failing.hpp"
#include "harness/collect/IdentityInjects.hpp"
#include "harness/collect/Incidents.hpp"
#include "harness/collect/Latency.hpp"
#include "harness/collect/Outcomes.hpp"
#include "harness/collect/Records.hpp"
#include "harness/collect/Restrictions.hpp"
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
    if (w.has_network_faults()) // issue 9: /faults, only when the timeline has link or host faults
      faults = std::make_unique<FaultsCollector>(w);
    if (w.timeline().has_restrictions()) // issue 9: /restrictions, only when someone is restricted
      restrictions = std::make_unique<RestrictionsCollector>(w);
    if (w.identity_injects().any()) // issue 9: /identity_injects, only when the timeline has them
      identity_injects = std::make_unique<IdentityInjectsCollector>(w);
    if (!w.scenario().drills.empty()) // annual notification drills: only then
      drills = std::make_unique<DrillsCollector>(w);
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
    if (faults)
      faults->write(result, end);
    if (restrictions)
      restrictions->write(result, end);
    if (identity_injects)
      identity_injects->write(result, end);
    if (drills)
      drills->write(result, end);
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
  std::unique_ptr<RestrictionsCollector> restrictions; ///< /restrictions, when the scenario restricts a connection
  /// issue 9: /identity_injects, when the timeline has resident_code_error or number_swap events
  std::unique_ptr<IdentityInjectsCollector> identity_injects;
  std::unique_ptr<DrillsCollector> drills; ///< /drills, when the scenario has annual notification drills
  IncidentsCollector incidents; ///< /incidents (issue 9), when the scenario injects an incident
  ExchangesCsv csv; ///< subscribes only when opened (--no-exchanges-csv: never)
  std::unique_ptr<FaultsCollector> faults; ///< /faults, when the timeline has link or host faults
};

} // namespace linksim
