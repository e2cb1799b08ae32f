// Every collector of a run, subscribed to the World's recorder when made; `write` adds their
// sections to result.json in its order (outcomes, latency, records, servers, volume, timeline, denials; revisions and masters when
// the scenario has revisions).
#pragma once

#include <memory>

#include "harness/collect/Denials.hpp"
#include "harness/collect/ExchangesCsv.hpp"
#include "harness/collect/Latency.hpp"
#include "harness/collect/Outcomes.hpp"
#include "harness/collect/Records.hpp"
#include "harness/collect/Revisions.hpp"
#include "harness/collect/Servers.hpp"
#include "harness/collect/TestCases.hpp"
#include "harness/collect/Timeline.hpp"
#include "harness/collect/Volume.hpp"

namespace linksim {

struct Collectors {
  explicit Collectors(World& w)
      : outcomes(w), latency(w), records(w), servers(w), volume(w), timeline(w), denials(w), csv(w)
  {
    if (!w.scenario().test_cases.empty()) // issue 8: /test_cases, only when the scenario has test cases
      test_cases = std::make_unique<TestCasesCollector>(w);
    if (!w.scenario().revisions.empty()) // only then: a scenario without revisions pays nothing
      revisions = std::make_unique<RevisionsCollector>(w);
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
  }

  OutcomesCollector outcomes;
  LatencyCollector latency;
  RecordsCollector records;
  ServersCollector servers;
  VolumeCollector volume;
  TimelineCollector timeline;
  DenialsCollector denials;
  std::unique_ptr<RevisionsCollector> revisions; ///< /revisions and /masters, when the scenario has revisions
  std::unique_ptr<TestCasesCollector> test_cases; ///< /test_cases, when the scenario has test cases
  ExchangesCsv csv; ///< subscribes only when opened (--no-exchanges-csv: never)
};

} // namespace linksim
