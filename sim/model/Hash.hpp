// Deterministic hashing and keyed permutations: the arithmetic under the virtual population.
//
// Everything about a person (My Number, resident code, residence, true data) is computed from
// (seed, person, ...) with these functions, so 125 million persons cost no memory.
//
//   uint64_t h = linksim::mix(seed, person, item);      // 64 well-mixed bits
//   double u = linksim::unit(h);                         // uniform in [0, 1)
//   linksim::Permutation p(key, 1'000'000);              // bijection on [0, 1e6)
//   assert(p.inverse(p.forward(42)) == 42);
#pragma once

#include <cstdint>

namespace linksim {

/// SplitMix64 finaliser: a bijective 64-bit mixer with good avalanche.
constexpr uint64_t splitmix(uint64_t x)
{
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// Hash of one or more 64-bit words (order matters).
constexpr uint64_t mix(uint64_t a) { return splitmix(a); }
template <typename... Rest> constexpr uint64_t mix(uint64_t a, uint64_t b, Rest... rest)
{
  return mix(splitmix(a) ^ (b + 0x632be59bd9b4e019ULL + (a << 6) + (a >> 2)), static_cast<uint64_t>(rest)...);
}

__extension__ typedef unsigned __int128 uint128_t;

/// floor(a * n / 2^64): maps 64 random bits onto [0, n) without modulo bias worth noting.
constexpr uint64_t scale(uint64_t a, uint64_t n) { return static_cast<uint64_t>((static_cast<uint128_t>(a) * n) >> 64); }

/// Top 53 bits of h as a double in [0, 1).
constexpr double unit(uint64_t h) { return static_cast<double>(h >> 11) * 0x1.0p-53; }

/// FNV-1a of a byte string; used to turn ids into stream keys (never on the hot path).
inline uint64_t fnv1a(const char* s, uint64_t n)
{
  uint64_t h = 0xcbf29ce484222325ULL;
  for (uint64_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(s[i]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// Keyed bijection on [0, size) (a balanced Feistel network with cycle walking);
/// size 0 means the whole 64-bit range.
/// Used for codes (連携用符号, 機関別符号) and for scattering persons over ranges.
class Permutation {
public:
  Permutation() = default;
  Permutation(uint64_t key, uint64_t size);

  uint64_t forward(uint64_t x) const;
  uint64_t inverse(uint64_t y) const;
  uint64_t size() const { return size_; }

private:
  uint64_t feistel(uint64_t x) const;
  uint64_t feistel_inv(uint64_t x) const;
  uint64_t round(uint64_t half, int r) const { return mix(key_, half, static_cast<uint64_t>(r)) & half_mask_; }

  uint64_t key_       = 0;
  uint64_t size_      = 0;
  unsigned half_bits_ = 1;
  uint64_t half_mask_ = 1;
  static constexpr int ROUNDS = 4;
};

inline Permutation::Permutation(uint64_t key, uint64_t size) : key_(mix(key, 0x5045524dULL)), size_(size)
{
  unsigned bits = 2;
  if (size == 0)
    bits = 64;
  while (bits < 64 && (uint64_t{1} << bits) < size)
    bits += 2;
  half_bits_ = bits / 2;
  half_mask_ = half_bits_ >= 32 ? 0xffffffffULL : ((uint64_t{1} << half_bits_) - 1);
}

inline uint64_t Permutation::feistel(uint64_t x) const
{
  uint64_t l = x >> half_bits_, r = x & half_mask_;
  for (int i = 0; i < ROUNDS; ++i) {
    uint64_t t = l ^ round(r, i);
    l          = r;
    r          = t;
  }
  return (l << half_bits_) | r;
}

inline uint64_t Permutation::feistel_inv(uint64_t x) const
{
  uint64_t l = x >> half_bits_, r = x & half_mask_;
  for (int i = ROUNDS - 1; i >= 0; --i) {
    uint64_t t = r ^ round(l, i);
    r          = l;
    l          = t;
  }
  return (l << half_bits_) | r;
}

inline uint64_t Permutation::forward(uint64_t x) const
{
  do
    x = feistel(x);
  while (size_ != 0 && x >= size_);
  return x;
}

inline uint64_t Permutation::inverse(uint64_t y) const
{
  do
    y = feistel_inv(y);
  while (size_ != 0 && y >= size_);
  return y;
}

} // namespace linksim
