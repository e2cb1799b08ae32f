// Latency distribution with bounded memory.
//
// Keeps every sample exactly up to EXACT_LIMIT samples; past that it folds them into log-linear
// buckets (512 buckets per power of two of microseconds: within 0.1 % of the midpoint). min, max,
// count and the mean are always exact. Percentiles use the nearest-rank definition.
//
//   linksim::Histogram h;  h.add(0.0123);         // seconds
//   double p95 = h.percentile(95);               // seconds
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace linksim {

class Histogram {
public:
  static constexpr size_t EXACT_LIMIT = 200'000;

  void add(double seconds);
  uint64_t count() const { return count_; }
  double min() const { return count_ ? min_ : 0; }
  double max() const { return count_ ? max_ : 0; }
  double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0; }
  /// Nearest-rank percentile p in (0, 100], in seconds (0 when empty).
  double percentile(double p) const;
  bool exact() const { return buckets_.empty(); }

private:
  static size_t bucket_of(uint64_t us);
  static double bucket_value_s(size_t b);
  void fold();

  uint64_t count_ = 0;
  double sum_     = 0;
  double min_     = std::numeric_limits<double>::infinity();
  double max_     = -std::numeric_limits<double>::infinity();
  mutable std::vector<double> samples_;
  mutable bool sorted_ = true;
  std::vector<uint64_t> buckets_;
};

} // namespace linksim
