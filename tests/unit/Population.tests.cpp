#include "Fixtures.hpp"
#include "sim/model/Population.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace linksim;

TEST_CASE("sim::Population: municipalities partition the persons and members belong to their agency", "[population]")
{
  const Scenario sc = test::small_scenario();
  const Population pop(sc, 1);
  REQUIRE(pop.size() == 4000);
  // agencies: 0 pref, 1 m1 (1000), 2 m2 (3000), 3 ins1 (1500), 4 ins2 (500), 5 nb1 (2500)
  CHECK(pop.residence(0) == 1);
  CHECK(pop.residence(999) == 1);
  CHECK(pop.residence(1000) == 2);
  CHECK(pop.residence(3999) == 2);
  CHECK(pop.prefecture(5) == 0);
  std::map<uint32_t, int> insured;
  int body = 0;
  for (uint64_t p = 0; p < pop.size(); ++p) {
    const uint32_t prev = pop.previous_residence(p);
    REQUIRE(prev != pop.residence(p));
    REQUIRE(prev != NONE);
    ++insured[pop.insurer(p)];
    body += pop.covered_by(5, p) ? 1 : 0;
  }
  CHECK(insured[3] == 1500); // exactly the insurers' member counts
  CHECK(insured[4] == 500);
  CHECK(insured[NONE] == 2000);
  CHECK(body == 2500);
  Rng rng(9);
  for (uint32_t a : {0u, 1u, 2u, 3u, 4u, 5u})
    for (int i = 0; i < 200; ++i)
      REQUIRE(pop.covered_by(a, pop.pick_member(a, rng)));
}

TEST_CASE("sim::CumulativeIndex: the same index as std::upper_bound, empty ranges included", "[population]")
{
  Rng rng(42);
  for (int table = 0; table < 20; ++table) {
    std::vector<uint64_t> cum{0};
    const int n = 1 + static_cast<int>(rng.below(3000));
    for (int i = 0; i < n; ++i) // some ranges empty, some huge
      cum.push_back(cum.back() + (rng.below(4) == 0 ? 0 : rng.below(table % 2 ? 100 : 10'000'000)));
    const CumulativeIndex index(cum);
    for (int k = 0; k < 20'000; ++k) {
      const uint64_t v = rng.below(cum.back() + cum.back() / 10 + 2); // past the end too
      REQUIRE(index.upper(cum, v) == static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), v) - cum.begin()));
    }
    for (uint64_t v : cum) {
      REQUIRE(index.upper(cum, v) == static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), v) - cum.begin()));
      if (v > 0)
        REQUIRE(index.upper(cum, v - 1) ==
                static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), v - 1) - cum.begin()));
    }
  }
}
