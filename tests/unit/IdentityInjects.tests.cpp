// Issue 9, incidents: the identity injects of the timeline (cases 2 and 3) in the World's code
// chain, and the oracle's class for a deleted code.
#include "Fixtures.hpp"
#include "harness/Errors.hpp"
#include "sim/model/World.hpp"
#include "sim/trace/Oracle.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace linksim;

namespace {

constexpr double H = 3600;

/// The small scenario with one timeline event (2019-06-17 is t = 0).
Scenario with_event(const nlohmann::json& ev)
{
  auto j        = test::small_scenario_json();
  j["timeline"] = nlohmann::json::array({ev});
  return parse_scenario(j.dump(), "unit.json");
}

/// Provider m2 (agency 2) answers a query of m1 (agency 1) about `person` issued at `now`.
uint64_t answered_subject(const World& w, uint64_t person, double now)
{
  const uint64_t code = w.convert_code(1, w.requester_code(1, person, now), 2);
  const ReplicaHit hit = w.lookup_replica(2, code, 0, now);
  REQUIRE(hit.found);
  return hit.subject;
}

} // namespace

TEST_CASE("sim::IdentityInjects: B carries the resident code of A from at, and the replica of B answers for A after the next batch",
          "[identity][case2]")
{
  const Scenario sc = with_event({{"id", "rc"}, {"kind", "resident_code_error"}, {"subcase", "other_persons_code_on_move_in"},
                                  {"agency", "m2"}, {"at", "2019-06-17T12:00:00+09:00"}, {"until", "2019-06-18T12:00:00+09:00"},
                                  {"pairs", {{1500, 2500}}}});
  World w(sc, 1, "t");
  const IdentityInjects& inj = w.identity_injects();
  CHECK(inj.resident_person(2500, 11 * H) == 2500);
  CHECK(inj.resident_person(2500, 12 * H) == 1500);
  CHECK(inj.resident_person(2500, 36 * H) == 2500); // fixed at `until`
  CHECK(inj.resident_person(1500, 20 * H) == 1500); // A keeps its own
  // The chain: J-LIS and every agency's code for B are A's while the error holds.
  CHECK(w.requester_code(1, 2500, 20 * H) == w.requester_code(1, 1500, 20 * H));
  CHECK(w.requester_code(1, 2500, 11 * H) != w.requester_code(1, 1500, 11 * H));
  CHECK(w.requester_linkage(3, 2500, 20 * H) == w.codes().linkage(w.codes().resident_code(1500)));
  // The provider's replica under A's code is A's until a batch extracted after `at` registers B's.
  CHECK(answered_subject(w, 1500, 13 * H) == 1500);
  w.register_replicas(2, 25 * H); // the night's batch
  CHECK(answered_subject(w, 1500, 26 * H) == 2500);
  CHECK(answered_subject(w, 2500, 26 * H) == 2500); // B's own queries carry A's code and find B's replica
  CHECK(answered_subject(w, 1501, 26 * H) == 1501); // nobody else is touched
  // The fix reaches the replica with the first batch extracted after it.
  CHECK(answered_subject(w, 1500, 37 * H) == 2500);
  w.register_replicas(2, 40 * H);
  CHECK(answered_subject(w, 1500, 41 * H) == 1500);
  CHECK_FALSE(w.code_deleted(1, w.requester_code(1, 1500, 20 * H), 20 * H));
}

TEST_CASE("sim::IdentityInjects: deleting the shared code kills every derived code until the holders re-acquire",
          "[identity][case2][cascade]")
{
  const Scenario sc = with_event({{"id", "rc"}, {"kind", "resident_code_error"}, {"subcase", "one_code_two_persons"},
                                  {"agency", "m2"}, {"at", "2019-06-17T06:00:00+09:00"},
                                  {"delete_shared_code", "2019-06-17T12:00:00+09:00"}, {"reacquire_after_hours", 6},
                                  {"pairs", {{1500, 2500}}}});
  World w(sc, 1, "t");
  CHECK(sc.timeline[0].reacquire_s == 6 * H);
  for (uint32_t requester : {1u, 2u, 5u}) { // every holder, also those that hold A's code rightly
    CHECK_FALSE(w.code_deleted(requester, w.requester_code(requester, 1500, 11 * H), 11 * H));
    CHECK(w.code_deleted(requester, w.requester_code(requester, 1500, 12 * H), 12 * H));
    CHECK(w.code_deleted(requester, w.requester_code(requester, 2500, 17 * H), 17 * H)); // B's holders hold A's code
    CHECK_FALSE(w.code_deleted(requester, w.requester_code(requester, 1500, 18 * H), 18 * H));
    CHECK_FALSE(w.code_deleted(requester, w.requester_code(requester, 2500, 18 * H), 18 * H));
    CHECK_FALSE(w.code_deleted(requester, w.requester_code(requester, 1501, 13 * H), 13 * H));
  }
  // After re-acquisition A and B carry distinct codes again and the replicas answer rightly.
  w.register_replicas(2, 8 * H);
  CHECK(answered_subject(w, 1500, 9 * H) == 2500);
  CHECK(answered_subject(w, 1500, 18 * H) == 1500);
  CHECK(answered_subject(w, 2500, 18 * H) == 2500);
}

TEST_CASE("sim::IdentityInjects: a number swap from a time: queries at once, replicas from the next batch, fixed at until",
          "[identity][case3]")
{
  const Scenario sc = with_event({{"id", "sw"}, {"kind", "number_swap"}, {"agency", "m2"}, {"at", "2019-06-17T12:00:00+09:00"},
                                  {"until", "2019-06-18T12:00:00+09:00"}, {"pairs", {{1500, 1501}}}});
  World w(sc, 1, "t");
  // The agency as requester: its query about 1500 names 1501 from `at` to `until`.
  CHECK(w.queried_person(2, 1500, 11 * H) == 1500);
  CHECK(w.queried_person(2, 1500, 12 * H) == 1501);
  CHECK(w.queried_person(2, 1501, 12 * H) == 1500);
  CHECK(w.queried_person(2, 1500, 36 * H) == 1500);
  CHECK(w.queried_person(1, 1500, 20 * H) == 1500); // another agency's table is right
  CHECK(w.requester_code(2, 1500, 20 * H) == w.requester_code(2, 1501, 0));
  // The agency as provider: its replicas follow the swap from the first batch after `at`.
  CHECK(answered_subject(w, 1500, 20 * H) == 1500);
  w.register_replicas(2, 25 * H);
  CHECK(answered_subject(w, 1500, 26 * H) == 1501);
  CHECK(answered_subject(w, 1501, 26 * H) == 1500);
  w.register_replicas(2, 37 * H);
  CHECK(answered_subject(w, 1500, 38 * H) == 1500);
}

TEST_CASE("sim::IdentityInjects: pairs drawn with the seed are persons of the agency, distinct, and the same for the same seed",
          "[identity][count]")
{
  const Scenario sc = with_event({{"id", "sw"}, {"kind", "number_swap"}, {"agency", "m1"}, {"at", "2019-06-17T12:00:00+09:00"},
                                  {"count", 5}});
  World w1(sc, 7, "a"), w2(sc, 7, "b"), w3(sc, 8, "c");
  const auto& p = w1.identity_injects().pairs(0);
  REQUIRE(p.size() == 5);
  CHECK(p == w2.identity_injects().pairs(0));
  CHECK(p != w3.identity_injects().pairs(0));
  std::set<uint64_t> seen;
  for (const auto& [a, b] : p) {
    CHECK(w1.population().residence(a) == 1);
    CHECK(w1.population().residence(b) == 1);
    CHECK(seen.insert(a).second);
    CHECK(seen.insert(b).second);
  }
}

TEST_CASE("sim::Oracle: a refusal for a deleted code is code_deleted, not denied, and not a correctness failure",
          "[oracle][identity]")
{
  OracleFacts f;
  f.fetched = true;
  f.denied  = true;
  CHECK(classify(f) == Outcome::DENIED);
  f.deny = DenyReason::CODE_DELETED;
  CHECK(classify(f) == Outcome::CODE_DELETED);
  CHECK_FALSE(provides_data(Outcome::CODE_DELETED));
  CHECK_FALSE(is_correctness_failure(Outcome::CODE_DELETED));
  CHECK(std::string(to_string(Outcome::CODE_DELETED)) == "code_deleted");
}

TEST_CASE("harness::Loader: identity injects: the rule of the seed on physical deletion and the other rules", "[loader][identity]")
{
  auto errors = [](nlohmann::json ev) {
    auto j        = test::small_scenario_json();
    j["timeline"] = nlohmann::json::array({ev});
    try {
      parse_scenario(j.dump(), "unit.json");
    } catch (const ScenarioError& e) {
      return e.messages;
    }
    return std::vector<std::string>{};
  };
  const nlohmann::json base = {{"id", "rc"}, {"kind", "resident_code_error"}, {"agency", "m2"},
                               {"at", "2019-06-17T06:00:00+09:00"}, {"pairs", {{1500, 2500}}}};
  for (const char* sub : {"other_persons_code_on_move_in", "one_code_two_persons", "changed_by_mistake"}) {
    auto ev = base;
    ev["subcase"]     = sub;
    ev["delete_code"] = "2019-06-17T12:00:00+09:00";
    CHECK(test::has(errors(ev), "/timeline/0/delete_code: physical deletion of a resident code on 住基全国センター is allowed only in sub-cases"));
  }
  for (const char* sub : {"duplicate_at_birth", "wrong_new_code_on_move_in"}) {
    auto ev = base;
    ev["subcase"]     = sub;
    ev["delete_code"] = "2019-06-17T12:00:00+09:00";
    CHECK(errors(ev).empty());
  }
  auto ev                  = base;
  ev["subcase"]            = "changed_by_mistake";
  ev["delete_shared_code"] = "2019-06-17T12:00:00+09:00";
  CHECK(test::has(errors(ev), "only sub-case ④ one_code_two_persons"));
  ev = base;
  ev["subcase"] = "duplicate_at_birth";
  ev["count"]   = 2;
  CHECK(test::has(errors(ev), "give either \"pairs\""));
  ev = base;
  ev["subcase"] = "duplicate_at_birth";
  ev["pairs"]   = {{1500, 1500}};
  CHECK(test::has(errors(ev), "a pair names two different persons"));
}
