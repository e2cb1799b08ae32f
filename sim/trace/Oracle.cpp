#include "sim/trace/Oracle.hpp"

#include <cstddef>
#include <utility>

namespace linksim {

namespace {

/// A rule of the oracle: the class `outcome` when `holds` and no rule before it did.
struct OracleRule {
  Outcome outcome;
  const char* when; ///< the condition, in words
  bool (*holds)(const OracleFacts&);
};

using F = const OracleFacts&;

// The rules in precedence order (the first that holds wins). A class may have more than one rule
// (timed_out: a requester that gave up, and a late answer of right data).
// clang-format off
constexpr OracleRule RULES[] = {
    {Outcome::MISDELIVERED, "a result with data was fetched by an agency other than the requester",
     [](F f) { return f.fetched && f.fetched_by_other && f.data_answered; }},
    {Outcome::UNENTITLED, "data was fetched that the law's permission table does not grant the requester",
     [](F f) { return f.fetched && f.data_answered && !f.entitled; }},
    {Outcome::TEST_MIXED, "a test person and a real one in the same exchange, whatever became of it",
     [](F f) { return f.test_mixed; }},
    {Outcome::UNREACHABLE, "not fetched: every attempt failed when the requester sent it",
     [](F f) { return !f.fetched && f.unreachable; }},
    {Outcome::TIMED_OUT, "not fetched: the requester gave up (a fault lost its last attempt), or its timeout passed",
     [](F f) { return !f.fetched && (f.gave_up || f.late); }},
    {Outcome::PENDING_MANUAL, "not fetched: held for a manual answer when the run ended",
     [](F f) { return !f.fetched && f.held_at_end; }},
    {Outcome::UNFINISHED, "not fetched for another reason: in flight when the drain limit ended the run",
     [](F f) { return !f.fetched; }},
    {Outcome::RESTRICTED, "refused because of a connection restriction",
     [](F f) { return f.denied && f.deny == DenyReason::RESTRICTED; }},
    {Outcome::CODE_DELETED, "refused because the requester's code's linkage code was deleted",
     [](F f) { return f.denied && f.deny == DenyReason::CODE_DELETED; }},
    {Outcome::DENIED, "refused for another reason (permission or delegation master)",
     [](F f) { return f.denied; }},
    {Outcome::WRONG_PERSON, "the requester's code named another person, or the data delivered is another person's",
     [](F f) { return !f.right_query || (f.data_answered && !f.right_person); }},
    {Outcome::NO_REPLICA, "the provider answered that it holds no record",
     [](F f) { return f.no_record || !f.data_answered; }},
    {Outcome::WRONG_VERSION, "the record's layout version is not accepted (or older than a ready provider's)",
     [](F f) { return !f.version_ok; }},
    {Outcome::NOT_IMPORTABLE, "the requester cannot take the record's layout version yet",
     [](F f) { return !f.importable; }},
    {Outcome::NULL_RULE_VIOLATION, "an item blank without ReasonOfNull, or a conditional null rule broken",
     [](F f) { return !f.nulls_ok; }},
    {Outcome::WRONG_DATA, "the record's values are not the registered truth (a misregistered replica)",
     [](F f) { return !f.values_ok; }},
    {Outcome::TIMED_OUT, "right data, fetched after the requester's timeout",
     [](F f) { return f.late; }},
    {Outcome::STALE, "older than the truth as of the provider's last due registration batch",
     [](F f) { return f.data_epoch < f.due_epoch; }},
    {Outcome::CORRECT, "none of the above", [](F) { return true; }},
};
// clang-format on
constexpr size_t RULE_COUNT = std::size(RULES);

/// The rules unrolled at compile time (each condition a direct, inlined call).
template <size_t... I> Outcome first_rule(const OracleFacts& f, std::index_sequence<I...>)
{
  Outcome o = Outcome::CORRECT;
  (void)((RULES[I].holds(f) ? (o = RULES[I].outcome, true) : false) || ...);
  return o;
}

constexpr bool every_class_has_a_rule()
{
  for (const OutcomeRow& r : OUTCOMES.entries()) {
    bool found = false;
    for (const OracleRule& rule : RULES)
      found = found || rule.outcome == r.value;
    if (!found)
      return false;
  }
  return true;
}
static_assert(every_class_has_a_rule(), "an outcome class the oracle never gives");

} // namespace

Outcome classify(const OracleFacts& f) { return first_rule(f, std::make_index_sequence<RULE_COUNT>{}); }

std::vector<std::pair<Outcome, const char*>> oracle_rules()
{
  std::vector<std::pair<Outcome, const char*>> out;
  for (const OracleRule& r : RULES)
    out.emplace_back(r.outcome, r.when);
  return out;
}

} // namespace linksim
