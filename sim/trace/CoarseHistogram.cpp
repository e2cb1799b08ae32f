#include "sim/trace/CoarseHistogram.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

void CoarseHistogram::add(double seconds)
{
  if (buckets_.empty())
    buckets_.assign(BUCKETS, 0);
  const double us = std::max(seconds * 1e6, 1.0);
  const auto b    = static_cast<size_t>(std::min<double>(std::floor(PER_OCTAVE * std::log2(us)), BUCKETS - 1));
  ++buckets_[b];
  min_ = count_ ? std::min(min_, seconds) : seconds;
  max_ = count_ ? std::max(max_, seconds) : seconds;
  ++count_;
}

double CoarseHistogram::percentile(double p) const
{
  if (count_ == 0)
    return 0;
  const auto rank = static_cast<uint64_t>(std::max(1.0, std::ceil(p / 100.0 * static_cast<double>(count_))));
  if (rank >= count_)
    return max_; // the largest sample is known exactly
  uint64_t seen = 0;
  for (size_t b = 0; b < buckets_.size(); ++b) {
    seen += buckets_[b];
    if (seen >= rank) {
      const double mid = std::exp2((static_cast<double>(b) + 0.5) / PER_OCTAVE) * 1e-6;
      return std::clamp(mid, min_, max_);
    }
  }
  return max_;
}

} // namespace linksim
