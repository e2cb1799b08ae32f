// exchanges.csv: one row per exchange as it ends, streamed to disk (bounded memory): run id, ids,
// workload line, procedure, item, requester, provider, mode, person (ground truth), outcome,
// 不開示 flag, records written, the 14 timestamps of its path and the end-to-end time.
#pragma once

#include "harness/collect/Collector.hpp"
#include "sim/trace/CsvWriter.hpp"

#include <string>

namespace linksim {

class ExchangesCsv : public Subscriber<ExchangeDone> {
public:
  explicit ExchangesCsv(World& w) : w_(w) {}
  /// Opens the file, writes the header and subscribes; false if it cannot be written.
  bool open(const std::string& path);
  void on(const ExchangeDone& e) override;
  /// Flushes and closes; false if any write failed (e.g. a full disk).
  bool close() { return csv_.close(); }

private:
  World& w_;
  CsvWriter csv_;
};

} // namespace linksim
