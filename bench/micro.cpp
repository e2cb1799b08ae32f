// Micro-benchmarks of linksim's per-exchange hot path (Google Benchmark). No SimGrid engine:
// these are the costs linksim adds on top of SimGrid's for every exchange.
//
//   build/linksim-micro [--benchmark_filter=...]
#include "harness/collect/Collectors.hpp"
#include "harness/scenario/Loader.hpp"
#include "sim/trace/CsvWriter.hpp"
#include "sim/trace/Oracle.hpp"
#include "sim/model/World.hpp"

#include <benchmark/benchmark.h>

#include <memory>

using namespace linksim;

namespace {

/// The quickstart scenario and a World over it, built once.
struct Fixture {
  Scenario sc;
  std::unique_ptr<World> world;
  Fixture() : sc(load_scenario(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/quickstart.json"))
  {
    world = std::make_unique<World>(sc, 1, "bench");
  }
};
Fixture& fixture()
{
  static Fixture f;
  return f;
}

void BM_code_conversion(benchmark::State& state)
{
  World& w        = *fixture().world;
  uint64_t person = 0;
  for (auto _ : state) {
    const uint64_t code = w.requester_code(8, person, 0);
    benchmark::DoNotOptimize(w.convert_code(8, code, 9));
    person = (person + 7919) % w.population().size();
  }
}
BENCHMARK(BM_code_conversion);

void BM_permission_lookup(benchmark::State& state)
{
  World& w   = *fixture().world;
  uint32_t a = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(w.hub_master().allows(a % 4, a % 4, 8 + a % 15, a % 22));
    ++a;
  }
}
BENCHMARK(BM_permission_lookup);

void BM_replica_lookup(benchmark::State& state)
{
  World& w        = *fixture().world;
  uint64_t person = 0;
  for (auto _ : state) {
    const uint32_t prov = w.population().previous_residence(person);
    const uint64_t code = w.convert_code(8, w.requester_code(8, person, 0), prov);
    benchmark::DoNotOptimize(w.lookup_replica(prov, code, 1, 3600.0));
    person = (person + 7919) % w.population().size();
  }
}
BENCHMARK(BM_replica_lookup);

void BM_oracle_classification(benchmark::State& state)
{
  OracleFacts f;
  f.data_answered = true;
  f.fetched       = true;
  int64_t e       = 0;
  for (auto _ : state) {
    f.data_epoch = e & 3;
    f.due_epoch  = (e >> 2) & 3;
    benchmark::DoNotOptimize(classify(f));
    ++e;
  }
}
BENCHMARK(BM_oracle_classification);

/// The whole per-exchange recording: the ledger's oracle (with its truth look-ups), then every
/// collector of a run (outcomes, latency, records, volume) and a CSV row, through the recorder.
void BM_recorder_complete(benchmark::State& state)
{
  World& w = *fixture().world;
  // Google Benchmark calls this function several times: the collectors (and the CSV's
  // subscription) are set up once, or each call would add one more CSV writer.
  static Collectors collectors(w);
  static const bool csv_open = collectors.csv.open("/dev/null");
  if (!csv_open)
    state.SkipWithError("cannot open /dev/null");
  uint64_t person = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Exchange* ex = w.exchanges().get();
    ex->reset();
    const uint32_t prov = w.population().previous_residence(person);
    ex->requester = 8;
    ex->provider  = prov;
    ex->procedure = 0;
    ex->item      = 1;
    ex->workload  = 0;
    ex->t[ISSUED] = 36000;
    w.ledger().issue(*ex);
    const ReplicaHit hit = w.lookup_replica(prov, w.convert_code(8, w.requester_code(8, person, 0), prov), 1, 36000.05);
    ex->answer          = Answer::DATA;
    ex->version         = hit.version;
    ex->epoch           = hit.epoch;
    ex->record          = hit.record;
    ex->truth.person    = person;
    ex->truth.delivered = hit.subject;
    ex->records         = REC_ALL;
    for (int k = 1; k < TS_COUNT - 1; ++k)
      ex->t[k] = 36000 + 0.01 * k;
    person = (person + 7919) % w.population().size();
    state.ResumeTiming();
    w.ledger().complete(ex, 8, 36000.2);
  }
}
BENCHMARK(BM_recorder_complete);

void BM_trace_row_write(benchmark::State& state)
{
  CsvWriter csv;
  csv.open("/dev/null");
  double t = 36000.123456;
  for (auto _ : state) {
    csv.raw(std::string("1-abcdef12"));
    csv.comma();
    csv.u64(123456789);
    for (int k = 0; k < 14; ++k) {
      csv.comma();
      csv.seconds(t + k * 0.01);
    }
    csv.comma();
    csv.millis(0.123456);
    csv.end_row();
    t += 1.5;
  }
}
BENCHMARK(BM_trace_row_write);

} // namespace

BENCHMARK_MAIN();
