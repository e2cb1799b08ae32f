#include "harness/collect/Denials.hpp"

namespace linksim {

DenialsCollector::DenialsCollector(World& w) : sc_(w.scenario()), by_workload_(w.scenario().workload.size())
{
  w.recorder().subscribe<ExchangeDone>(this);
}

void DenialsCollector::on(const ExchangeDone& e)
{
  if (!is_refusal(e.outcome))
    return;
  const auto k = static_cast<size_t>(e.ex.deny);
  ++total_[k];
  ++by_workload_[e.ex.workload][k];
}

void DenialsCollector::write(ojson& r, const RunEnd&) const
{
  auto counts = [](const Counts& c) {
    ojson o = ojson::object();
    for (size_t k = 0; k < c.size(); ++k)
      o[DENY_REASONS.entries()[k].name] = c[k];
    return o;
  };
  ojson& d = r["denials"];
  d["total"] = counts(total_);
  ojson& w   = d["by_workload"];
  w          = ojson::object();
  for (size_t i = 0; i < sc_.workload.size(); ++i)
    w[sc_.workload[i].id] = counts(by_workload_[i]);
}

} // namespace linksim
