#include "harness/collect/Failing.hpp"

#include <algorithm>

namespace linksim {

FailingCollector::FailingCollector(World& w, size_t limit) : cal_(w.calendar()), limit_(limit)
{
  if (limit_ > 0)
    w.recorder().subscribe<ExchangeDone>(this);
}

void FailingCollector::on(const ExchangeDone& e)
{
  if (e.outcome == Outcome::CORRECT)
    return;
  auto& kept = by_class_[static_cast<size_t>(e.outcome)];
  if (kept.size() >= limit_)
    return;
  const Exchange& ex = e.ex;
  FailingExchange f;
  f.id        = ex.id;
  f.serial    = ex.serial;
  f.person    = ex.truth.person;
  f.requester = ex.requester;
  f.provider  = ex.provider;
  f.procedure = ex.procedure;
  f.item      = ex.item;
  f.workload  = ex.workload;
  f.batch     = ex.batch;
  f.fetched   = e.fetched;
  f.outcome   = e.outcome;
  std::copy(std::begin(ex.t), std::end(ex.t), std::begin(f.t));
  f.issued_at = cal_.format(ex.t[ISSUED]);
  kept.push_back(std::move(f));
}

std::vector<FailingExchange> FailingCollector::first(size_t n) const
{
  std::vector<FailingExchange> all;
  for (const auto& kept : by_class_)
    all.insert(all.end(), kept.begin(), kept.end());
  std::sort(all.begin(), all.end(), [](const FailingExchange& a, const FailingExchange& b) { return a.id < b.id; });
  if (all.size() > n)
    all.resize(n);
  return all;
}

} // namespace linksim
