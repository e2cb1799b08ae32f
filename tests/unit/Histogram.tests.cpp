#include "sim/trace/Histogram.hpp"
#include "sim/model/Rng.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace linksim;

TEST_CASE("sim::Histogram: exact nearest-rank percentiles on small samples", "[histogram]")
{
  Histogram h;
  for (int i = 1; i <= 100; ++i)
    h.add(i * 0.001); // 1..100 ms
  CHECK(h.count() == 100);
  CHECK(h.exact());
  CHECK(h.percentile(50) == Approx(0.050));
  CHECK(h.percentile(95) == Approx(0.095));
  CHECK(h.percentile(99) == Approx(0.099));
  CHECK(h.percentile(100) == Approx(0.100));
  CHECK(h.min() == Approx(0.001));
  CHECK(h.mean() == Approx(0.0505));
  Histogram one;
  one.add(0.123456);
  CHECK(one.percentile(50) == 0.123456);
  CHECK(one.max() == 0.123456);
  Histogram none;
  CHECK(none.percentile(95) == 0);
}

TEST_CASE("sim::Histogram: past the exact limit, percentiles stay within 0.1 %", "[histogram]")
{
  Histogram h;
  std::vector<double> all;
  Rng rng(3);
  for (size_t i = 0; i < Histogram::EXACT_LIMIT + 50'000; ++i) {
    const double x = rng.exponential(2.5); // seconds
    h.add(x);
    all.push_back(x);
  }
  REQUIRE_FALSE(h.exact());
  std::sort(all.begin(), all.end());
  for (double p : {50.0, 90.0, 95.0, 99.0}) {
    const auto rank  = static_cast<size_t>(std::ceil(p / 100 * static_cast<double>(all.size())));
    const double ref = all[rank - 1];
    CHECK(std::abs(h.percentile(p) - ref) <= ref * 0.001 + 1e-6);
  }
  CHECK(h.max() == all.back());
}
