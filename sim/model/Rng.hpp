// Seeded random streams, one per agent: the only randomness in a run.
//
// A stream is derived from (scenario seed, stream kind, agent index, sub-index), so adding an
// agent never shifts another agent's draws, and the same seed gives the same run.
//
//   linksim::Rng rng(linksim::stream_key(seed, linksim::Stream::GENERATOR, agency));
//   double gap_s = rng.exponential(mean_s);
#pragma once

#include "sim/model/Hash.hpp"

#include <cmath>
#include <cstdint>

namespace linksim {

/// Kinds of random streams (part of the stream key, so streams never collide).
enum class Stream : uint64_t { GENERATOR = 1, SERVER = 2, HUB = 3, STAFF = 4, JLIS = 5, REGISTRATION = 6, TRUTH = 7,
                          DRILL = 8 };

constexpr uint64_t stream_key(uint64_t seed, Stream kind, uint64_t index, uint64_t sub = 0)
{
  return mix(seed, static_cast<uint64_t>(kind), index, sub);
}

/// xoshiro256** seeded with SplitMix64 (Blackman & Vigna).
class Rng {
public:
  explicit Rng(uint64_t key = 0)
  {
    uint64_t x = key;
    for (auto& w : s_) {
      x += 0x9e3779b97f4a7c15ULL;
      w = splitmix(x);
    }
  }

  uint64_t next()
  {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t      = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, 1).
  double uniform() { return unit(next()); }
  /// Uniform in (0, 1]: safe for log().
  double uniform_pos() { return 1.0 - uniform(); }
  /// Uniform integer in [0, n) (n > 0), Lemire's multiply-shift.
  uint64_t below(uint64_t n) { return scale(next(), n); }
  /// Exponential with the given mean.
  double exponential(double mean) { return -mean * std::log(uniform_pos()); }
  /// Standard normal (Box-Muller, one value per call).
  double normal() { return std::sqrt(-2.0 * std::log(uniform_pos())) * std::cos(6.283185307179586 * uniform()); }

private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

} // namespace linksim
