// The revision cycle's model (sim/model/Cycle.hpp), on the shipped r2-6-late scenario: from when a
// provider registers in a revision's layout version (its readiness, its server's masters), the
// version its replicas are in, what the oracle expects instead, and who can import what.
#include "harness/scenario/Loader.hpp"
#include "sim/model/Cycle.hpp"
#include "sim/model/Layout.hpp"

#include <catch2/catch.hpp>

using namespace linksim;

namespace {
const Scenario& late()
{
  static const Scenario sc = load_scenario(LINKSIM_SOURCE_DIR "/scenarios/r2-6-late.json");
  return sc;
}
uint32_t agency(const Scenario& sc, const std::string& id)
{
  for (uint32_t a = 0; a < sc.agencies.size(); ++a)
    if (sc.agencies[a].id == id)
      return a;
  FAIL("no agency " << id);
  return NONE;
}
uint32_t layout(const Scenario& sc, uint32_t number)
{
  for (uint32_t l = 0; l < sc.layouts.size(); ++l)
    if (sc.layouts[l].number == number)
      return l;
  FAIL("no layout " << number);
  return NONE;
}
constexpr double DAY = 86400;
} // namespace

TEST_CASE("sim::Cycle: a provider registers in the revision's version only once it is ready and its server has the "
          "masters, the oracle's expectation does not wait",
          "[cycle]")
{
  const Scenario& sc = late();
  Cycle c(sc);
  const uint32_t item3 = layout(sc, 3), slow = agency(sc, "a-city-04"), ontime = agency(sc, "a-city-02");
  const Revision& rev  = sc.revisions.at(0);
  const uint32_t site  = sc.agencies[slow].site;
  REQUIRE(c.layout_revised(item3));
  std::vector<double> starts;
  // Before the masters arrive, nobody can register in 5.0 (their server does not know it).
  c.registration_starts(item3, ontime, site, false, starts);
  CHECK(starts[1] == NEVER);
  c.received(site, 0, rev.distribution_s);
  c.registration_starts(item3, ontime, site, false, starts);
  CHECK(starts[1] == sc.layouts[item3].versions[1].registration_from_s); // ready 14 days before go-live (default)
  c.registration_starts(item3, slow, site, false, starts);
  const double ready = rev.agencies[rev.agency_slot[slow]].ready_s;
  CHECK(starts[1] == ready);
  CHECK(ready > rev.go_live_s);
  // A record registered the day after go-live, read two days after: the slow provider's is still
  // in 4.0 (no reload yet) and no longer accepted after the pattern-2 cutover; on time, 5.0.
  const Layout& l = sc.layouts[item3];
  const double t  = rev.go_live_s + DAY;
  CHECK(replica_version_at(l, starts, t, t + DAY, true) == 0);
  CHECK_FALSE(version_accepted(l, 0, t + DAY));
  std::vector<double> ideal;
  c.registration_starts(item3, slow, site, true, ideal);
  CHECK(replica_version_at(l, ideal, t, t + DAY, true) == 1);
  // Once ready, the pattern-2 reload moves its past records to 5.0.
  CHECK(replica_version_at(l, starts, t, ready + DAY, true) == 1);
}

TEST_CASE("sim::Cycle: a requester not ready for a revision cannot import its version, readiness and the chain's dates "
          "come from the revision",
          "[cycle]")
{
  const Scenario& sc = late();
  Cycle c(sc);
  const uint32_t item3 = layout(sc, 3), slow = agency(sc, "a-city-04"), ontime = agency(sc, "a-city-02");
  const Revision& rev  = sc.revisions.at(0);
  CHECK(c.importable(ontime, item3, 1, rev.go_live_s));
  CHECK_FALSE(c.importable(slow, item3, 1, rev.go_live_s + DAY));
  CHECK(c.importable(slow, item3, 0, rev.go_live_s + DAY)); // the old version needs nothing new
  const RevisionAgency& ra = rev.agencies[rev.agency_slot[slow]];
  CHECK(ra.misses == std::vector<GoLiveMiss>{GoLiveMiss::NOT_READY});
  CHECK(ra.application_s == rev.distribution_s - 60 * DAY); // default lead times [K]
  CHECK(ra.tested_s == ra.application_s + (14 + 14 + 14) * DAY);
}

TEST_CASE("sim::Cycle: the delegation master follows the dates a revision gives, a removed procedure ends its "
          "delegations",
          "[cycle]")
{
  const Scenario sc = load_scenario(LINKSIM_SOURCE_DIR "/scenarios/delegation-lost.json");
  Cycle c(sc);
  const uint32_t from = agency(sc, "a-city-07"), to = agency(sc, "a-city-08");
  uint32_t old_p = NONE, new_p = NONE;
  for (uint32_t p = 0; p < sc.procedures.size(); ++p)
    (sc.procedures[p].code == "nhi-old" ? old_p : sc.procedures[p].code == "nhi-new" ? new_p : p) = p;
  const double go_live = sc.revisions.at(0).go_live_s, fix = sc.revisions.at(1).go_live_s;
  CHECK(c.delegated(old_p, from, to, go_live - 1));
  CHECK_FALSE(c.delegated(old_p, from, to, go_live));
  CHECK_FALSE(c.delegated(new_p, from, to, go_live));
  CHECK_FALSE(c.delegated(new_p, from, to, fix - 1));
  CHECK(c.delegated(new_p, from, to, fix));
  CHECK_FALSE(c.delegated(new_p, to, from, fix)); // not the other way round
  CHECK(c.procedure_revision(new_p) == 0);
}
