#include "sim/trace/Ledger.hpp"

#include "sim/model/World.hpp"
#include "sim/model/TestPersons.hpp"

#include <algorithm>
#include <vector>

namespace linksim {

uint64_t Ledger::issue(Exchange& ex)
{
  ex.id = next_id_++;
  ++issued_;
  ++open_;
  rec_.emit(ExchangeIssued{ex});
  return ex.id;
}

void Ledger::hold(Exchange& ex)
{
  if (ex.held)
    return;
  ex.held = true;
  if (!ex.file)
    ++held_;
  else if (ex.file->held++ == 0)
    held_ += ex.file->expected; // the whole result file now waits for a human
  if (open_unheld() == 0 && on_drained)
    on_drained();
}

void Ledger::release(Exchange& ex)
{
  if (!ex.held)
    return;
  ex.held = false;
  if (!ex.file)
    --held_;
  else if (--ex.file->held == 0)
    held_ -= ex.file->expected;
}

void Ledger::judge_and_emit(const Exchange& ex, uint32_t fetcher, bool fetched, double now, bool at_end)
{
  const Scenario& sc = w_.scenario();
  const Workload& wl = sc.workload[ex.workload];
  const Layout& l    = sc.layouts[ex.item];
  OracleFacts f;
  f.data_answered    = ex.answer == Answer::DATA;
  f.no_record        = ex.answer == Answer::NO_RECORD;
  f.denied           = ex.answer == Answer::DENIED;
  f.deny             = ex.deny;
  f.fetched          = fetched;
  f.fetched_by_other = fetched && fetcher != ex.requester;
  const double end   = fetched ? ex.t[FETCHED] : now;
  // The timeout is per attempt: a retried exchange answered within its last attempt's timeout is in
  // time (attempt_s is the issue time when there was no retry).
  f.late             = wl.timeout_s > 0 && end - ex.attempt_s > wl.timeout_s;
  f.held_at_end      = at_end && (ex.held || (ex.file && ex.file->held > 0));
  f.right_query      = ex.truth.queried == ex.truth.person;
  f.unreachable      = !fetched && ex.failed == FAILED_UNREACHABLE;
  f.gave_up          = !fetched && ex.failed == FAILED_LOST;
  // Linkage test (情報連携試験): a test person and a real one must never meet in one exchange.
  const TestPersons& tp  = w_.population().test_persons();
  const bool meant_test  = tp.is_test(ex.truth.person);
  const bool test_context = wl.linkage_test || w_.is_connectivity_tool(ex.provider);
  f.test_mixed = (test_context && !meant_test) || tp.is_test(ex.truth.queried) != meant_test;
  double answered    = 0;
  if (f.data_answered) {
    answered       = ex.t[PV_RESP_IN];
    // The law as of the hub's decision: a row in force then grants the item.
    const uint32_t delegator = wl.on_behalf_of; // a delegate is entitled through its delegator
    f.entitled = w_.law_at(ex.t[HUB_REQ_OUT]).allows(ex.procedure, ex.item, delegator != NONE ? delegator : ex.requester,
                                                     ex.provider) &&
                 (delegator == NONE || w_.cycle().delegated(ex.procedure, delegator, ex.requester, ex.t[HUB_REQ_OUT]));
    f.right_person = ex.truth.delivered == ex.truth.person;
    // The tool's fixed test data is test data, current by definition (nobody's true data ages).
    const bool tool_data      = ex.truth.delivered == TOOL_TEST_DATA;
    const bool delivered_test = tool_data || tp.is_test(ex.truth.delivered);
    f.test_mixed              = f.test_mixed || delivered_test != meant_test;
    if (tool_data && meant_test)
      f.right_person = true; // the tool answers every test person with the same test data
    // Accepted now, and not older than what a provider ready on time would have registered.
    f.version_ok   = version_accepted(l, ex.version, answered) && ex.version >= ex.truth.version_due;
    f.importable   = w_.cycle().importable(ex.requester, ex.item, ex.version, fetched ? ex.t[FETCHED] : now);
    f.nulls_ok     = !violates_null_rules(l.versions[ex.version], ex.record);
    f.values_ok    = !ex.truth.wrong_values;
    f.data_epoch   = ex.epoch;
    f.due_epoch    = truth_epoch(l, w_.seed(), ex.truth.person, ex.item,
                                 w_.registration().due_extraction(ex.provider, answered));
  }
  if (f.data_answered && ex.truth.delivered == TOOL_TEST_DATA)
    f.due_epoch = f.data_epoch;
  const Outcome o    = classify(f);
  const bool lagging = o == Outcome::CORRECT && ex.truth.delivered != TOOL_TEST_DATA && ex.epoch < truth_epoch(l, w_.seed(), ex.truth.person, ex.item, answered);
  rec_.emit(ExchangeDone{ex, o, fetched, lagging, end});
}

void Ledger::complete(Exchange* ex, uint32_t fetcher, double now)
{
  ex->t[FETCHED] = now;
  if (ex->held)
    release(*ex);
  judge_and_emit(*ex, fetcher, true, now, false);
  free_exchange(ex);
  if (open_unheld() == 0 && on_drained)
    on_drained();
}

void Ledger::give_up(Exchange* ex, double now)
{
  if (ex->held)
    release(*ex);
  judge_and_emit(*ex, ex->requester, false, now, false);
  free_exchange(ex);
  if (open_unheld() == 0 && on_drained)
    on_drained();
}

void Ledger::free_exchange(Exchange* ex)
{
  --open_;
  ex->id   = 0;
  ex->next = nullptr;
  w_.exchanges().put(ex);
}

void Ledger::finish(double now)
{
  finished_ = true;
  std::vector<Exchange*> left;
  w_.exchanges().for_each_slot([&left](Exchange& ex) {
    if (ex.id != 0)
      left.push_back(&ex);
  });
  std::sort(left.begin(), left.end(), [](const Exchange* a, const Exchange* b) { return a->id < b->id; });
  // Judge every open exchange before freeing any: a batch file's members are judged by whether
  // the file still waits for a manual answer.
  for (Exchange* ex : left)
    judge_and_emit(*ex, ex->requester, false, now, true);
  for (Exchange* ex : left)
    free_exchange(ex);
  held_ = 0;
}

} // namespace linksim
