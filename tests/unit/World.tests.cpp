#include "Fixtures.hpp"
#include "sim/model/World.hpp"

#include <catch2/catch.hpp>

using namespace linksim;

TEST_CASE("sim::World: a requester's code, converted by the hub, finds the same person at the provider", "[world][codes]")
{
  const Scenario sc = test::small_scenario();
  World w(sc, 1, "t");
  int found = 0;
  for (uint64_t p = 0; p < 4000; p += 37) {
    const uint32_t prov = w.population().previous_residence(p);
    const uint64_t code = w.requester_code(1, p, 0);
    const ReplicaHit hit = w.lookup_replica(prov, w.convert_code(1, code, prov), 0, 3600);
    REQUIRE(hit.found); // the previous residence holds records on former residents
    CHECK(hit.subject == p);
    CHECK_FALSE(violates_null_rules(sc.layouts[0].versions[hit.version], hit.record));
    ++found;
  }
  CHECK(found > 100);
}

TEST_CASE("sim::World: a swapped link at the provider returns another person's record", "[world][identity]")
{
  auto j = test::small_scenario_json();
  j["identity_errors"] = {{{"kind", "swapped_link"}, {"agency", "m2"}, {"persons", {1500, 2500}}}};
  const Scenario sc    = parse_scenario(j.dump(), "unit.json");
  World w(sc, 1, "t");
  // Provider m2 (agency 2) answers for person 1500 with 2500's record.
  const uint64_t code = w.convert_code(1, w.requester_code(1, 1500, 0), 2);
  const ReplicaHit hit = w.lookup_replica(2, code, 0, 3600);
  REQUIRE(hit.found);
  CHECK(hit.subject == 2500);
  // Other persons are unaffected.
  CHECK(w.lookup_replica(2, w.convert_code(1, w.requester_code(1, 1501, 0), 2), 0, 3600).subject == 1501);
}

TEST_CASE("sim::World: replicas answer from the last registered extraction, not from the truth", "[world][replica]")
{
  auto j = test::small_scenario_json();
  j["layouts"][0]["change_interval_days"] = 1; // the truth changes daily
  const Scenario sc = parse_scenario(j.dump(), "unit.json");
  World w(sc, 1, "t");
  const double before = w.replica_extraction(2);
  CHECK(before < 0); // the last batch before the start (the night before)
  const uint64_t code = w.convert_code(1, w.requester_code(1, 1234, 0), 2);
  const int64_t e1    = w.lookup_replica(2, code, 0, 3 * 86400).epoch;
  w.register_replicas(2, 2 * 86400.0);
  const int64_t e2 = w.lookup_replica(2, code, 0, 3 * 86400).epoch;
  CHECK(e2 >= e1 + 2); // two days of daily changes caught up by the new batch
  w.register_replicas(2, 86400.0); // an older batch never rolls the replica back
  CHECK(w.replica_extraction(2) == 2 * 86400.0);
}

TEST_CASE("sim::RegistrationSchedule: the due batch is the last scheduled one whose window has closed", "[world][registration]")
{
  auto j = test::small_scenario_json();
  j["registration"] = {{"window", {{"start", "01:00"}, {"end", "05:00"}}}, {"skip_dates", {"2019-06-18"}}};
  SECTION("every night")
  {
    j["registration"]["nights"] = "every";
    const Scenario sc           = parse_scenario(j.dump(), "unit.json");
    World w(sc, 1, "t");
    const RegistrationSchedule& r = w.registration();
    const int64_t d0              = w.calendar().day_of(0); // Monday 2019-06-17
    CHECK(r.due_night(1, 4 * 3600) == d0 - 1); // Monday 04:00: Monday's window still open
    CHECK(r.due_night(1, 5 * 3600) == d0);     // Monday 05:00: Monday's batch is due
    const double x = r.extraction_time(1, d0);
    CHECK(x >= 3600);
    CHECK(x < 3 * 3600); // first half of the window
    CHECK(r.runs(1, d0));
    CHECK_FALSE(r.runs(1, d0 + 1)); // 2019-06-18 is skipped
  }
  SECTION("business nights (the default): the night after each business day")
  {
    const Scenario sc = parse_scenario(j.dump(), "unit.json");
    World w(sc, 1, "t");
    const RegistrationSchedule& r = w.registration();
    const int64_t d0              = w.calendar().day_of(0); // Monday
    CHECK_FALSE(r.scheduled(1, d0));     // Sunday was not a business day
    CHECK(r.scheduled(1, d0 - 2));       // early Saturday: Friday's batch
    CHECK(r.due_night(1, 5 * 3600) == d0 - 2);
    CHECK(r.due_night(1, 86400 + 6 * 3600) == d0 + 1); // Tuesday 06:00: Monday's batch (skipped, still due)
    CHECK_FALSE(r.runs(1, d0 + 1));      // skipped date
    CHECK(r.runs(1, d0 + 2));            // Wednesday early: Tuesday's batch
  }
}

TEST_CASE("sim::ModelTimeline: a connection restriction holds from at until until, as requester and as provider",
          "[world][restriction]")
{
  auto j        = test::small_scenario_json();
  j["timeline"] = {{{"id", "r1"}, {"kind", "connection_restriction"}, {"agency", "m1"},
                    {"at", "2019-06-17T09:00:00+09:00"}, {"until", "2019-06-17T12:00:00+09:00"}},
                   {{"id", "r2"}, {"kind", "connection_restriction"}, {"agency", "m2"},
                    {"at", "2019-06-17T12:00:00+09:00"}, {"as_provider", false}}};
  const Scenario sc = parse_scenario(j.dump(), "unit.json");
  const ModelTimeline tl(sc);
  REQUIRE(tl.has_restrictions());
  const double at = 9 * 3600.0, until = 12 * 3600.0;
  // m1 (agency 1): both sides, exactly inside [at, until).
  CHECK_FALSE(tl.restricted_requester_at(1, at - 1e-6));
  CHECK(tl.restricted_requester_at(1, at));
  CHECK(tl.restricted_provider_at(1, at));
  CHECK(tl.restricted_requester_at(1, until - 1e-6));
  CHECK_FALSE(tl.restricted_requester_at(1, until));
  CHECK_FALSE(tl.restricted_provider_at(1, until));
  // m2 (agency 2): as requester only, from 12:00 to the end.
  CHECK_FALSE(tl.restricted_requester_at(2, until - 1e-6));
  CHECK(tl.restricted_requester_at(2, until));
  CHECK(tl.restricted_requester_at(2, 2 * 86400.0 - 1));
  CHECK_FALSE(tl.restricted_provider_at(2, until + 1));
  // Nobody else.
  CHECK_FALSE(tl.restricted_requester_at(3, at + 1));
  CHECK_FALSE(ModelTimeline(test::small_scenario()).has_restrictions());
  // The agenda lists the start and the end (none for an open end).
  int begins = 0, ends = 0;
  for (const AgendaEntry& e : tl.agenda()) {
    begins += e.note.kind == "connection_restriction";
    ends += e.note.kind == "connection_restriction_end";
  }
  CHECK(begins == 2);
  CHECK(ends == 1);
}
