#include "harness/collect/Faults.hpp"

#include "harness/results/ResultShape.hpp"

#include <cmath>

namespace linksim {


FaultsCollector::FaultsCollector(World& w) : sc_(w.scenario()), cal_(w.calendar())
{
  for (uint32_t i = 0; i < sc_.timeline.size(); ++i)
    if (is_network_fault(sc_.timeline[i].kind))
      windows_.push_back(Window{i, sc_.timeline[i].at_s, sc_.timeline[i].until_s});
  w.recorder().subscribe<ExchangeDone>(this);
  w.recorder().subscribe<MessageLost>(this);
}

void FaultsCollector::on(const ExchangeDone& e)
{
  const double issued = e.ex.t[ISSUED];
  for (Window& w : windows_) {
    if (!(issued < w.until_s && e.end_s >= w.from_s))
      continue;
    ++w.n[EXCHANGES];
    w.n[TIMED_OUT] += e.outcome == Outcome::TIMED_OUT;
    w.n[UNREACHABLE] += e.outcome == Outcome::UNREACHABLE;
    w.n[RETRIED] += e.ex.attempts > 1;
    w.n[DELAYED] += e.ex.attempts > 1 && e.fetched;
  }
}

void FaultsCollector::on(const MessageLost& e)
{
  for (Window& w : windows_)
    if (w.from_s <= e.t_s && e.t_s <= w.until_s)
      ++w.n[e.at_send ? FAILED_SENDS : LOST_IN_FLIGHT];
}

void FaultsCollector::write(ojson& r, const RunEnd& end) const
{
  ojson faults = ojson::object();
  for (const Window& w : windows_) {
    const TimelineEvent& e = sc_.timeline[w.event];
    ojson f;
    f["kind"]     = TIMELINE_KINDS.name(e.kind);
    f["target"]   = describe_target(sc_, e);
    f["from"]     = cal_.format(w.from_s);
    f["until"]    = cal_.format(std::isfinite(w.until_s) ? w.until_s : end.end_s);
    f["from_s"]   = w.from_s;
    f["until_s"]  = std::isfinite(w.until_s) ? w.until_s : end.end_s;
    for (size_t k = 0; k < COUNT; ++k)
      f[FAULT_COUNTS[k]] = w.n[k];
    faults[e.id] = f;
  }
  r["faults"] = faults;
}

} // namespace linksim
