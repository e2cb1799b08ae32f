// The first failing exchanges (any class but `correct`), kept with their 14 timestamps for the
// report's list and junit.xml's failure messages. Bounded memory: at most `limit` exchanges per
// outcome class, so the first `limit` failing exchanges overall (in issue order, by id) are always
// among them, and each outcome-class check can name the first `limit` exchanges of its class.
#pragma once

#include "harness/collect/Collector.hpp"

#include <array>
#include <string>
#include <vector>

namespace linksim {

/// One failing exchange as the report and junit.xml show it.
struct FailingExchange {
  uint64_t id = 0, serial = 0, person = 0;
  uint32_t requester = 0, provider = 0, procedure = 0, item = 0, workload = 0;
  bool batch      = false;
  bool fetched    = false;
  Outcome outcome = Outcome::CORRECT;
  double t[TS_COUNT];
  std::string issued_at; ///< JST date-time of `issued`
};

class FailingCollector : public Subscriber<ExchangeDone> {
public:
  /// Default of `linksim run --failing N`: exchanges kept per outcome class and listed in the report.
  static constexpr size_t DEFAULT_LIMIT = 20;

  explicit FailingCollector(World& w, size_t limit = DEFAULT_LIMIT);
  void on(const ExchangeDone& e) override;
  size_t limit() const { return limit_; }
  /// The kept exchanges of one class, in the order they ended.
  const std::vector<FailingExchange>& of(Outcome o) const { return by_class_[static_cast<size_t>(o)]; }
  /// The first `n` failing exchanges of every class together, by exchange id (issue order).
  std::vector<FailingExchange> first(size_t n) const;

private:
  const Calendar& cal_;
  size_t limit_;
  std::array<std::vector<FailingExchange>, OUTCOME_COUNT> by_class_;
};

} // namespace linksim
