// A latency histogram of fixed, small size for per-key statistics (e.g. per agency), where the
// exact Histogram (8 bytes per sample up to 200,000 samples) would cost too much per key.
//
//   linksim::CoarseHistogram h;  h.add(0.0123);   // seconds
//   double p95 = h.percentile(95);              // seconds, within ±2.2 %
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace linksim {

/// A latency histogram of fixed size: 16 logarithmic buckets per power of two of microseconds from
/// 1 µs to 2^42 µs (51 days); a percentile is its bucket's geometric midpoint, within ±2.2 % of the
/// true value, clamped to the exact min and max.
class CoarseHistogram {
public:
  static constexpr int PER_OCTAVE = 16;
  static constexpr int OCTAVES    = 42;
  static constexpr size_t BUCKETS = static_cast<size_t>(PER_OCTAVE) * OCTAVES;

  void add(double seconds);
  uint64_t count() const { return count_; }
  double min() const { return count_ ? min_ : 0; }
  double max() const { return count_ ? max_ : 0; }
  /// Nearest-rank percentile p in (0, 100], in seconds (0 when empty).
  double percentile(double p) const;

private:
  std::vector<uint32_t> buckets_; ///< empty until the first sample
  uint64_t count_ = 0;
  double min_ = 0, max_ = 0;
};

} // namespace linksim
