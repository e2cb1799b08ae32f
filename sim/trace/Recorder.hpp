// Trace recorder: the only reader of the ground-truth tags.
//
// Agents hand it each exchange when it ends (fetched by an existing system) and it classifies it
// with the oracle, streams one row to exchanges.csv, and folds it into the statistics the results
// are made of. At the end of the run, exchanges still open are classified too (pending manual
// answer, timed out, unfinished). Memory is bounded: rows go to disk, statistics are counters and
// histograms.
#pragma once

#include "sim/trace/CsvWriter.hpp"
#include "sim/trace/Exchange.hpp"
#include "sim/trace/Histogram.hpp"
#include "sim/trace/Oracle.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace linksim {

class World;

/// A hop: the time between two timestamps of an exchange.
struct HopDef {
  const char* name;
  Ts from, to;
};
constexpr size_t HOP_COUNT = 11;
extern const HopDef HOPS[HOP_COUNT];

using OutcomeCounts = std::array<uint64_t, OUTCOME_COUNT>;

/// Load and waiting statistics of one server (hub, J-LIS or an intermediate server).
struct ServerStats {
  uint64_t messages = 0;
  double busy_s     = 0; ///< worker-seconds spent processing
  double wait_s     = 0; ///< total time messages waited for a worker
  double max_wait_s = 0;
  unsigned workers  = 1;
};

class Recorder {
public:
  explicit Recorder(World& w);

  /// Opens exchanges.csv and writes the header (no file: statistics only).
  bool open_csv(const std::string& path);
  /// A new exchange id (1, 2, ...) and the issue-day volume.
  uint64_t issue(Exchange& ex);
  /// An exchange reached an existing system (`fetcher` agency) at `now`. Frees it.
  void complete(Exchange* ex, uint32_t fetcher, double now);
  /// A workload arrival found no person to ask about (e.g. no provider for the drawn persons).
  void skip(uint32_t workload) { ++skipped_[workload]; ++skipped_total_; }
  const std::vector<uint64_t>& skipped() const { return skipped_; }
  uint64_t skipped_total() const { return skipped_total_; }
  /// Held for manual answer / released from hold (to know what is still in flight).
  void hold(Exchange& ex);
  void release(Exchange& ex);
  /// End of run at `now`: classify every exchange still open, close the CSV. False if writing the
  /// CSV failed at any point (e.g. a full disk).
  bool finish(double now);

  /// Exchanges not yet completed and not held for a manual answer.
  uint64_t open_unheld() const { return open_ - held_; }
  uint64_t open() const { return open_; }
  uint64_t issued() const { return issued_; }
  /// Called when open_unheld() drops to zero (the runner's drain waits on it).
  std::function<void()> on_drained;

  // --- statistics (read by the harness) ---
  const OutcomeCounts& totals() const { return totals_; }
  const std::vector<OutcomeCounts>& by_procedure() const { return by_procedure_; }
  const std::vector<OutcomeCounts>& by_requester() const { return by_requester_; }
  const std::vector<OutcomeCounts>& by_provider() const { return by_provider_; }
  const std::vector<OutcomeCounts>& by_item() const { return by_item_; }
  const std::vector<OutcomeCounts>& by_workload() const { return by_workload_; }
  uint64_t lagging() const { return lagging_; }
  const Histogram& end_to_end() const { return e2e_; }
  const Histogram& end_to_end_immediate() const { return e2e_immediate_; }
  const Histogram& end_to_end_batch() const { return e2e_batch_; }
  const Histogram& hop(size_t i) const { return hops_[i]; }
  const Histogram& hub_wait() const { return hub_wait_; }
  /// Provision records written per writer (requester, provider, hub), and 不開示 consistency.
  const std::array<uint64_t, 3>& records_written() const { return records_written_; }
  uint64_t records_nondisclosure() const { return records_nd_; }
  uint64_t records_inconsistent() const { return records_inconsistent_; }
  /// Exchanges issued and data provided per day of the run (day 0 = the start's day).
  const std::vector<uint64_t>& issued_per_day() const { return issued_per_day_; }
  const std::vector<uint64_t>& provided_per_day() const { return provided_per_day_; }
  std::vector<ServerStats>& servers() { return servers_; }
  const std::vector<ServerStats>& servers() const { return servers_; }

private:
  Outcome judge(const Exchange& ex, uint32_t fetcher, bool fetched, double now, bool at_end) const;
  void account(Exchange& ex, Outcome o, bool fetched);
  void write_row(const Exchange& ex, Outcome o);
  void free_exchange(Exchange* ex);

  World& w_;
  CsvWriter csv_;
  uint64_t next_id_   = 1;
  uint64_t issued_    = 0;
  uint64_t open_      = 0;
  uint64_t held_      = 0;
  OutcomeCounts totals_{};
  std::vector<OutcomeCounts> by_procedure_, by_requester_, by_provider_, by_item_, by_workload_;
  uint64_t lagging_ = 0;
  Histogram e2e_, e2e_immediate_, e2e_batch_, hub_wait_;
  std::array<Histogram, HOP_COUNT> hops_;
  std::array<uint64_t, 3> records_written_{};
  uint64_t records_nd_           = 0;
  uint64_t records_inconsistent_ = 0;
  std::vector<uint64_t> issued_per_day_, provided_per_day_;
  std::vector<ServerStats> servers_;
  std::vector<uint64_t> skipped_;
  uint64_t skipped_total_ = 0;
  int64_t day0_           = 0;
};

} // namespace linksim
