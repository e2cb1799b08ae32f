// Small statistics shared by the commands that merge runs (`sweep`, `compare`, `diff`): the
// Student-t quantile and a mean with its 95 % confidence interval.
//
//   MeanCi m = mean_ci({1.0, 2.0, 4.0});   // m.mean 2.333, m.half = t95(2) * sd / sqrt(3)
#pragma once

#include <cmath>
#include <vector>

namespace linksim {

/// Two-sided 95 % Student-t quantile for `df` degrees of freedom (table to 30, then linear
/// between 30, 60, 120 and infinity; NaN for 0).
inline double t95(unsigned df)
{
  static const double table[] = {0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                 2.201, 2.179,  2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080,
                                 2.074, 2.069,  2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
  if (df == 0)
    return std::nan("");
  if (df <= 30)
    return table[df];
  if (df <= 60)
    return 2.000 + (2.042 - 2.000) * (60.0 - df) / 30.0;
  if (df <= 120)
    return 1.980 + (2.000 - 1.980) * (120.0 - df) / 60.0;
  return 1.960;
}

/// Mean, sample standard deviation and the half-width of the 95 % interval (Student t).
struct MeanCi {
  size_t n    = 0;
  double mean = 0;
  double sd   = 0;   ///< 0 with fewer than 2 values
  double half = 0;   ///< t95(n-1) * sd / sqrt(n); 0 with fewer than 2 values
};

inline MeanCi mean_ci(const std::vector<double>& v)
{
  MeanCi m;
  m.n = v.size();
  if (v.empty())
    return m;
  for (double x : v)
    m.mean += x;
  m.mean /= static_cast<double>(m.n);
  if (m.n < 2)
    return m;
  double var = 0;
  for (double x : v)
    var += (x - m.mean) * (x - m.mean);
  var /= static_cast<double>(m.n - 1);
  m.sd   = std::sqrt(var);
  m.half = t95(static_cast<unsigned>(m.n - 1)) * m.sd / std::sqrt(static_cast<double>(m.n));
  return m;
}

} // namespace linksim
