// Every collector of a run, subscribed to the World's recorder when made; `write` adds their
// sections to result.json in its order (outcomes, latency, records, servers, volume, timeline).
#pragma once

#include "harness/collect/ExchangesCsv.hpp"
#include "harness/collect/Latency.hpp"
#include "harness/collect/Outcomes.hpp"
#include "harness/collect/Records.hpp"
#include "harness/collect/Servers.hpp"
#include "harness/collect/Timeline.hpp"
#include "harness/collect/Volume.hpp"

namespace linksim {

struct Collectors {
  explicit Collectors(World& w) : outcomes(w), latency(w), records(w), servers(w), volume(w), timeline(w), csv(w) {}

  void write(ojson& result, const RunEnd& end) const
  {
    for (const Collector* c : std::initializer_list<const Collector*>{&outcomes, &latency, &records, &servers, &volume,
                                                                      &timeline})
      c->write(result, end);
  }

  OutcomesCollector outcomes;
  LatencyCollector latency;
  RecordsCollector records;
  ServersCollector servers;
  VolumeCollector volume;
  TimelineCollector timeline;
  ExchangesCsv csv; ///< subscribes only when opened (--no-exchanges-csv: never)
};

} // namespace linksim
