// Population maths for generated agencies: sizes that follow a log-normal spread.
//
//   auto sizes = lognormal_sizes(1741, 125'000'000, 1.2, key);  // sums exactly to the total
#pragma once

#include <cstdint>
#include <vector>

namespace linksim {

/// Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9), p in (0, 1).
double inverse_normal_cdf(double p);

/// Sizes of `count` units summing exactly to `total` (total >= count: every unit gets at least
/// one), log-normally spread with `sigma`: quantiles, not draws (the same scenario always gives
/// the same sizes), shuffled by a fixed key so that large units are not all at one end.
std::vector<uint64_t> lognormal_sizes(uint64_t count, uint64_t total, double sigma, uint64_t key);

} // namespace linksim
