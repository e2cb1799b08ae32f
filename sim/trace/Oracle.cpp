#include "sim/trace/Oracle.hpp"

namespace linksim {

bool is_correctness_failure(Outcome o)
{
  switch (o) {
    case Outcome::WRONG_PERSON:
    case Outcome::WRONG_VERSION:
    case Outcome::NOT_IMPORTABLE:
    case Outcome::NULL_RULE_VIOLATION:
    case Outcome::UNENTITLED:
    case Outcome::MISDELIVERED:
    case Outcome::TEST_MIXED:
    case Outcome::WRONG_DATA:
      return true;
    default:
      return false;
  }
}

bool provides_data(Outcome o)
{
  // data reached the requester: the right data (fresh or stale) or a correctness failure
  return o == Outcome::CORRECT || o == Outcome::STALE || is_correctness_failure(o);
}

Outcome classify(const OracleFacts& f)
{
  if (f.fetched && f.fetched_by_other && f.data_answered)
    return Outcome::MISDELIVERED;
  if (f.fetched && f.data_answered && !f.entitled)
    return Outcome::UNENTITLED;
  if (f.test_mixed)
    return Outcome::TEST_MIXED;
  if (!f.fetched) {
    if (f.unreachable)
      return Outcome::UNREACHABLE;
    if (f.gave_up)
      return Outcome::TIMED_OUT;
    if (f.held_at_end)
      return f.late ? Outcome::TIMED_OUT : Outcome::PENDING_MANUAL;
    return f.late ? Outcome::TIMED_OUT : Outcome::UNFINISHED;
  }
  if (f.denied && f.restricted)
    return Outcome::RESTRICTED;
  if (f.denied)
    return f.code_deleted ? Outcome::CODE_DELETED : Outcome::DENIED;
  if (!f.right_query || (f.data_answered && !f.right_person))
    return Outcome::WRONG_PERSON;
  if (f.no_record || !f.data_answered)
    return Outcome::NO_REPLICA;
  if (!f.version_ok)
    return Outcome::WRONG_VERSION;
  if (!f.importable)
    return Outcome::NOT_IMPORTABLE;
  if (!f.nulls_ok)
    return Outcome::NULL_RULE_VIOLATION;
  if (!f.values_ok)
    return Outcome::WRONG_DATA;
  if (f.late)
    return Outcome::TIMED_OUT;
  if (f.data_epoch < f.due_epoch)
    return Outcome::STALE;
  return Outcome::CORRECT;
}

} // namespace linksim
