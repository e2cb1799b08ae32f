#include "sim/trace/Histogram.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

namespace {
constexpr unsigned SUB_BITS = 10; // 1024 sub-buckets per octave
constexpr uint64_t SUB      = uint64_t{1} << SUB_BITS;
} // namespace

size_t Histogram::bucket_of(uint64_t us)
{
  // Below SUB microseconds: one bucket per microsecond. Above: index (shift << SUB_BITS) + m with
  // m = us >> shift in [SUB/2, SUB), i.e. SUB/2 buckets per octave of width 2^shift.
  if (us < SUB)
    return static_cast<size_t>(us);
  const unsigned msb   = 63 - static_cast<unsigned>(__builtin_clzll(us));
  const unsigned shift = msb - SUB_BITS + 1;
  return (static_cast<size_t>(shift) << SUB_BITS) + static_cast<size_t>(us >> shift);
}

double Histogram::bucket_value_s(size_t b)
{
  if (b < SUB)
    return static_cast<double>(b) * 1e-6;
  const size_t shift    = b >> SUB_BITS;
  const uint64_t m      = b & (SUB - 1);
  const uint64_t low_us = m << shift;
  const uint64_t width  = uint64_t{1} << shift;
  return (static_cast<double>(low_us) + static_cast<double>(width - 1) / 2.0) * 1e-6;
}

void Histogram::add(double s)
{
  ++count_;
  sum_ += s;
  min_ = std::min(min_, s);
  max_ = std::max(max_, s);
  if (buckets_.empty()) {
    samples_.push_back(s);
    sorted_ = false;
    if (samples_.size() > EXACT_LIMIT)
      fold();
    return;
  }
  const double us = std::max(0.0, std::round(s * 1e6));
  const size_t b  = bucket_of(static_cast<uint64_t>(us));
  if (b >= buckets_.size())
    buckets_.resize(b + 1, 0);
  ++buckets_[b];
}

void Histogram::fold()
{
  buckets_.assign(SUB, 0);
  for (double s : samples_) {
    const double us = std::max(0.0, std::round(s * 1e6));
    const size_t b  = bucket_of(static_cast<uint64_t>(us));
    if (b >= buckets_.size())
      buckets_.resize(b + 1, 0);
    ++buckets_[b];
  }
  samples_.clear();
  samples_.shrink_to_fit();
}

double Histogram::percentile(double p) const
{
  if (count_ == 0)
    return 0;
  auto rank = static_cast<uint64_t>(std::ceil(p / 100.0 * static_cast<double>(count_)));
  rank      = std::clamp<uint64_t>(rank, 1, count_);
  if (rank == count_)
    return max_;
  if (buckets_.empty()) {
    if (!sorted_) {
      std::sort(samples_.begin(), samples_.end());
      sorted_ = true;
    }
    return samples_[rank - 1];
  }
  uint64_t seen = 0;
  for (size_t b = 0; b < buckets_.size(); ++b) {
    seen += buckets_[b];
    if (seen >= rank)
      return std::clamp(bucket_value_s(b), min_, max_);
  }
  return max_;
}

} // namespace linksim
