#include "harness/collect/Servers.hpp"

#include "harness/results/ResultShape.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

ServersCollector::ServersCollector(World& w) : sc_(w.scenario()), sites_(w.scenario().sites.size())
{
  w.recorder().subscribe<ServerBusy>(this);
}

void ServersCollector::on(const ServerBusy& e)
{
  Stats& s = sites_[e.site];
  ++s.messages;
  const double wait = e.start_s - e.arrival_s;
  s.wait_s += wait;
  s.max_wait_s = std::max(s.max_wait_s, wait);
  s.busy_s += e.busy_s;
}

void ServersCollector::write(ojson& r, const RunEnd& end) const
{
  auto ms           = [](double s) { return std::round(s * 1e6) / 1e3; };
  ojson& srv        = r["servers"];
  const double span = std::max(end.end_s, 1e-9);
  for (size_t i = 0; i < sc_.sites.size(); ++i) {
    const Stats& st = sites_[i];
    const Site& s   = sc_.sites[i];
    const unsigned workers = s.kind == SiteKind::HUB ? sc_.hub.workers : s.kind == SiteKind::JLIS ? sc_.jlis.workers : s.workers;
    const double values[]  = {static_cast<double>(st.messages), std::round(st.busy_s / (workers * span) * 1e6) / 1e6,
                              st.messages ? ms(st.wait_s / static_cast<double>(st.messages)) : 0.0, ms(st.max_wait_s)};
    ojson o;
    o["kind"]    = to_string(s.kind);
    o["workers"] = workers;
    for (size_t k = 0; k < SERVER_FIELDS.size(); ++k)
      if (k == 0)
        o[SERVER_FIELDS[k]] = st.messages;
      else
        o[SERVER_FIELDS[k]] = values[k];
    srv[s.id] = o;
  }
}

} // namespace linksim
