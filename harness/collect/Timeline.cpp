#include "harness/collect/Timeline.hpp"

namespace linksim {

TimelineCollector::TimelineCollector(World& w) : cal_(w.calendar())
{
  w.recorder().subscribe<TableChanged>(this);
  w.recorder().subscribe<OperatorAction>(this);
  w.recorder().subscribe<FaultBegan>(this);
  w.recorder().subscribe<FaultEnded>(this);
}

void TimelineCollector::write(ojson& r, const RunEnd&) const
{
  ojson list = ojson::array();
  for (const TimelineNote& n : applied_)
    list.push_back({{"at", cal_.format(n.t_s)}, {"t_s", n.t_s}, {"id", n.id}, {"kind", n.kind}, {"what", n.what}});
  r["timeline"] = list;
}

} // namespace linksim
