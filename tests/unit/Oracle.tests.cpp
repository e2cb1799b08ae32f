#include "sim/trace/Oracle.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace linksim;

namespace {
OracleFacts answered()
{
  OracleFacts f;
  f.data_answered = true;
  f.fetched       = true;
  return f;
}
} // namespace

TEST_CASE("sim::classify: each class from its facts", "[oracle]")
{
  CHECK(classify(answered()) == Outcome::CORRECT);
  auto f = answered();
  f.right_person = false;
  CHECK(classify(f) == Outcome::WRONG_PERSON);
  f = answered();
  f.version_ok = false;
  CHECK(classify(f) == Outcome::WRONG_VERSION);
  f = answered();
  f.nulls_ok = false;
  CHECK(classify(f) == Outcome::NULL_RULE_VIOLATION);
  f = answered();
  f.data_epoch = 3;
  f.due_epoch  = 4;
  CHECK(classify(f) == Outcome::STALE);
  f.data_epoch = 4; // as fresh as the due batch: correct even if the truth moved on since
  CHECK(classify(f) == Outcome::CORRECT);
  f = answered();
  f.entitled = false;
  CHECK(classify(f) == Outcome::UNENTITLED);
  f = answered();
  f.fetched_by_other = true;
  CHECK(classify(f) == Outcome::MISDELIVERED);
  OracleFacts d;
  d.denied  = true;
  d.fetched = true;
  CHECK(classify(d) == Outcome::DENIED);
  OracleFacts n;
  n.no_record = true;
  n.fetched   = true;
  CHECK(classify(n) == Outcome::NO_REPLICA);
  OracleFacts h;
  h.held_at_end = true;
  CHECK(classify(h) == Outcome::PENDING_MANUAL);
  h.late = true;
  CHECK(classify(h) == Outcome::TIMED_OUT);
  OracleFacts u;
  CHECK(classify(u) == Outcome::UNFINISHED);
  f      = answered();
  f.late = true;
  CHECK(classify(f) == Outcome::TIMED_OUT);
  f.right_person = false; // late, but another person's data: the worse finding wins
  CHECK(classify(f) == Outcome::WRONG_PERSON);
  OracleFacts q; // the query named another person; the provider had nothing on them
  q.fetched     = true;
  q.no_record   = true;
  q.right_query = false;
  CHECK(classify(q) == Outcome::WRONG_PERSON);
}

TEST_CASE("sim::classify: precedence puts entitlement before everything else", "[oracle]")
{
  auto f         = answered();
  f.entitled     = false;
  f.right_person = false;
  f.late         = true;
  CHECK(classify(f) == Outcome::UNENTITLED);
  f.fetched_by_other = true;
  CHECK(classify(f) == Outcome::MISDELIVERED);
  // A refusal carries no data: entitlement is moot.
  OracleFacts d;
  d.denied   = true;
  d.fetched  = true;
  d.entitled = false;
  CHECK(classify(d) == Outcome::DENIED);
}

TEST_CASE("sim::Outcome: which classes provide data and which are correctness failures", "[oracle]")
{
  CHECK(provides_data(Outcome::CORRECT));
  CHECK(provides_data(Outcome::STALE));
  CHECK_FALSE(provides_data(Outcome::DENIED));
  CHECK_FALSE(provides_data(Outcome::NO_REPLICA));
  CHECK(is_correctness_failure(Outcome::UNENTITLED));
  CHECK(is_correctness_failure(Outcome::WRONG_PERSON));
  CHECK_FALSE(is_correctness_failure(Outcome::STALE)); // judged by the scenario's own threshold
  CHECK_FALSE(is_correctness_failure(Outcome::PENDING_MANUAL));
}

TEST_CASE("sim::classify: a requester that gave up after its retries is unreachable or timed_out", "[oracle][faults]")
{
  OracleFacts f; // never fetched
  f.unreachable = true;
  CHECK(classify(f) == Outcome::UNREACHABLE);
  f             = OracleFacts();
  f.gave_up     = true;
  CHECK(classify(f) == Outcome::TIMED_OUT);
  // A lost exchange is not left as unfinished or pending: the requester's give-up decides.
  f.held_at_end = true;
  CHECK(classify(f) == Outcome::TIMED_OUT);
  // Correctness classes still come first (a real person in a linkage test, whatever became of it).
  f             = OracleFacts();
  f.unreachable = true;
  f.test_mixed  = true;
  CHECK(classify(f) == Outcome::TEST_MIXED);
  CHECK_FALSE(provides_data(Outcome::UNREACHABLE));
  CHECK_FALSE(is_correctness_failure(Outcome::UNREACHABLE));
}

TEST_CASE("sim::classify: a refusal for a connection restriction is its own class, not denied", "[oracle][restriction]")
{
  OracleFacts r;
  r.denied     = true;
  r.fetched    = true;
  r.deny       = DenyReason::RESTRICTED;
  CHECK(classify(r) == Outcome::RESTRICTED);
  r.deny = DenyReason::NOT_PERMITTED;
  CHECK(classify(r) == Outcome::DENIED);
  r.deny    = DenyReason::RESTRICTED;
  r.fetched    = false; // the refusal never reached the requester before the end
  CHECK(classify(r) == Outcome::UNFINISHED);
  CHECK_FALSE(provides_data(Outcome::RESTRICTED));
  CHECK_FALSE(is_correctness_failure(Outcome::RESTRICTED));
  CHECK(std::string(to_string(Outcome::RESTRICTED)) == "restricted");
}

TEST_CASE("sim::Oracle: every refusal reason's class, and every class's row", "[oracle]")
{
  OracleFacts f;
  f.fetched = true;
  f.denied  = true;
  for (const auto& r : DENY_REASONS.entries()) {
    INFO(r.name);
    f.deny = r.value;
    const Outcome o = classify(f);
    CHECK(o == (r.value == DenyReason::RESTRICTED     ? Outcome::RESTRICTED
                : r.value == DenyReason::CODE_DELETED ? Outcome::CODE_DELETED
                                                      : Outcome::DENIED));
    CHECK_FALSE(provides_data(o));
  }
  // The classes that always fail the run are correctness failures that provide data to someone.
  for (const OutcomeRow& r : OUTCOMES.entries()) {
    INFO(r.name);
    if (*r.builtin_check)
      CHECK((r.correctness_failure && r.provides_data));
    if (r.correctness_failure)
      CHECK(r.provides_data);
  }
  // The rules name every class, and the last one is `correct`.
  const auto rules = oracle_rules();
  REQUIRE_FALSE(rules.empty());
  CHECK(rules.back().first == Outcome::CORRECT);
  for (const OutcomeRow& r : OUTCOMES.entries())
    CHECK(std::count_if(rules.begin(), rules.end(), [&](const auto& x) { return x.first == r.value; }) >= 1);
}
