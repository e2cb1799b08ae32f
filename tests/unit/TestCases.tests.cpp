// The test_cases section and listed workload persons, as the loader types them (issue 8).
#include "harness/Errors.hpp"
#include "harness/scenario/Loader.hpp"
#include "sim/model/Population.hpp"
#include "sim/trace/Oracle.hpp"

#include <catch2/catch.hpp>

using namespace linksim;

TEST_CASE("harness::TestCasesSection: each case becomes a paired internal workload line with fixed providers",
          "[loader][cases]")
{
  const Scenario sc = load_scenario(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/test-cases.json");
  REQUIRE(sc.test_cases.size() == 6);
  const TestCase& batch = sc.test_cases[1];
  CHECK(batch.id == "TC-02");
  CHECK(batch.batch);
  CHECK(batch.persons == std::vector<uint64_t>{20, 21, 22});
  REQUIRE(batch.at_s.size() == 1);
  CHECK(batch.at_s[0] == Approx(86400 + 13 * 3600));
  const Workload& wl = sc.workload[batch.workload];
  CHECK(wl.id == "case:TC-02");
  CHECK(wl.test_case == 1);
  CHECK(wl.paired);
  CHECK(wl.batch_size == 3);
  CHECK(wl.persons == batch.persons);
  // The providers are the persons' residences, resolved with the scenario's seed.
  const Population pop(sc, sc.seed);
  for (size_t k = 0; k < batch.persons.size(); ++k)
    CHECK(wl.providers[k] == pop.residence(batch.persons[k]));
  // next_business_slot: the run starts on a Monday at 00:00; business hours open at 08:30.
  const TestCase& slot = sc.test_cases[4];
  CHECK(slot.at_s == std::vector<double>{8.5 * 3600, 8.5 * 3600});
  // One expectation for all exchanges is copied per person; a version is its index.
  CHECK(sc.test_cases[0].expect.size() == 2);
  CHECK(sc.test_cases[0].expect[1].null_items.size() == 1);
  CHECK(sc.test_cases[3].expect[0].version == 0); // item 31, "5.1"
  CHECK(sc.test_cases[3].expect[0].outcome == static_cast<uint32_t>(Outcome::CORRECT));
  CHECK(sc.test_cases[3].regime == Regime::PRODUCTION);
}

TEST_CASE("harness::WorkloadSection: listed persons with one time each are paired, with a rate drawn", "[loader][cases]")
{
  const Scenario sc = load_scenario(std::string(LINKSIM_SOURCE_DIR) + "/scenarios/identity-swap.json");
  bool found = false;
  for (const Workload& w : sc.workload)
    if (w.subjects == Subjects::LISTED) {
      found = true;
      CHECK_FALSE(w.paired); // a rate-driven line keeps its random draw
      CHECK(w.test_case == NONE);
    }
  CHECK(found);
}
