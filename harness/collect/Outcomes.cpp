#include "harness/collect/Outcomes.hpp"

#include "harness/results/ResultShape.hpp"

namespace linksim {

OutcomesCollector::OutcomesCollector(World& w) : sc_(w.scenario())
{
  by_procedure_.resize(sc_.procedures.size());
  by_requester_.resize(sc_.agencies.size());
  by_provider_.resize(sc_.agencies.size());
  by_item_.resize(sc_.layouts.size());
  by_workload_.resize(sc_.workload.size());
  skipped_.assign(sc_.workload.size(), 0);
  w.recorder().subscribe<ExchangeDone>(this);
  w.recorder().subscribe<ArrivalSkipped>(this);
}

void OutcomesCollector::on(const ExchangeDone& e)
{
  total_.add(e);
  by_procedure_[e.ex.procedure].add(e);
  by_requester_[e.ex.requester].add(e);
  by_provider_[e.ex.provider].add(e);
  by_item_[e.ex.item].add(e);
  by_workload_[e.ex.workload].add(e);
}

void OutcomesCollector::on(const ArrivalSkipped& e)
{
  ++skipped_[e.workload];
  ++skipped_total_;
}

ojson counts_json(const OutcomeCounts& c)
{
  ojson o;
  uint64_t all = 0, provided = 0;
  for (const auto& e : OUTCOMES.entries()) {
    const uint64_t n = c.by_class[static_cast<size_t>(e.value)];
    o[e.name]        = n;
    all += n;
    if (provides_data(e.value))
      provided += n;
  }
  // The same names, in the same order, as ResultShape's COUNT_EXTRAS.
  o[COUNT_EXTRAS[0]] = all;
  o[COUNT_EXTRAS[1]] = provided;
  o[COUNT_EXTRAS[2]] = c.lagging;
  o[COUNT_EXTRAS[3]] = c.manual;
  return o;
}

void OutcomesCollector::write(ojson& r, const RunEnd&) const
{
  ojson& out     = r["outcomes"];
  out["total"]   = counts_json(total_);
  out[SKIPPED]   = skipped_total_;
  auto section   = [&out](const std::string& name) -> ojson& {
    ojson& s = out[name];
    s        = ojson::object();
    return s;
  };
  ojson& bp = section("by_procedure");
  for (size_t i = 0; i < sc_.procedures.size(); ++i)
    bp[sc_.procedures[i].code] = counts_json(by_procedure_[i]);
  ojson& bi = section("by_item");
  for (size_t i = 0; i < sc_.layouts.size(); ++i)
    bi[std::to_string(sc_.layouts[i].number)] = counts_json(by_item_[i]);
  ojson& bw = section("by_workload");
  for (size_t i = 0; i < sc_.workload.size(); ++i) {
    bw[sc_.workload[i].id]            = counts_json(by_workload_[i]);
    bw[sc_.workload[i].id][SKIPPED] = skipped_[i];
  }
  // Every agency, requester or not: a zero is a measurement too. (One section at a time: a
  // reference into an ordered_json does not survive the insertion of a sibling key.)
  ojson& br = section("by_requester");
  for (size_t a = 0; a < sc_.agencies.size(); ++a)
    br[sc_.agencies[a].id] = counts_json(by_requester_[a]);
  ojson& bv = section("by_provider");
  for (size_t a = 0; a < sc_.agencies.size(); ++a)
    bv[sc_.agencies[a].id] = counts_json(by_provider_[a]);
}

} // namespace linksim
