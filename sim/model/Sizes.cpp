#include "sim/model/Sizes.hpp"

#include "sim/model/Hash.hpp"

#include <cmath>
#include <utility>

namespace linksim {

double inverse_normal_cdf(double p)
{
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01,  -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double pl = 0.02425;
  if (p < pl) {
    const double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pl) {
    const double q = std::sqrt(-2 * std::log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

std::vector<uint64_t> lognormal_sizes(uint64_t count, uint64_t total, double sigma, uint64_t key)
{
  std::vector<double> w(count);
  double sum = 0;
  for (uint64_t k = 0; k < count; ++k) {
    w[k] = std::exp(sigma * inverse_normal_cdf((static_cast<double>(k) + 0.5) / static_cast<double>(count)));
    sum += w[k];
  }
  // Every unit gets one person, the rest is shared by weight (total >= count is checked).
  std::vector<uint64_t> out(count, 1);
  uint64_t assigned   = count;
  const double spread = static_cast<double>(total - count);
  for (uint64_t k = 0; k < count; ++k) {
    const auto extra = static_cast<uint64_t>(std::floor(w[k] / sum * spread));
    out[k] += extra;
    assigned += extra;
  }
  for (uint64_t k = 0; assigned < total; k = (k + 1) % count, ++assigned)
    ++out[count - 1 - k];
  // Deterministic shuffle (Fisher–Yates driven by a hash).
  for (uint64_t i = count; i > 1; --i) {
    const uint64_t j = mix(key, i) % i;
    std::swap(out[i - 1], out[j]);
  }
  return out;
}

} // namespace linksim
