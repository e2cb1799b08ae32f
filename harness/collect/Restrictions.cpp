#include "harness/collect/Restrictions.hpp"

#include <cmath>

namespace linksim {

RestrictionsCollector::RestrictionsCollector(World& w) : sc_(w.scenario()), cal_(w.calendar())
{
  for (const TimelineEvent& e : w.scenario().timeline)
    if (e.kind == TimelineKind::CONNECTION_RESTRICTION)
      windows_.push_back(Window{&e});
  w.recorder().subscribe<ExchangeDone>(this);
}

void RestrictionsCollector::on(const ExchangeDone& e)
{
  if (e.outcome != Outcome::RESTRICTED)
    return;
  // The hub decided at HUB_REQ_OUT; the window that covers it names the requester or the provider.
  const double t = e.ex.t[HUB_REQ_OUT];
  for (Window& w : windows_) {
    const TimelineEvent& ev = *w.event;
    if ((ev.agency == e.ex.requester || (ev.as_provider && ev.agency == e.ex.provider)) && ev.at_s <= t &&
        t < ev.until_s) {
      ++w.refused;
      if (w.first_s < 0 || t < w.first_s)
        w.first_s = t;
      if (t > w.last_s)
        w.last_s = t;
      return;
    }
  }
  ++outside_;
}

void RestrictionsCollector::write(ojson& r, const RunEnd&) const
{
  ojson& out   = r["restrictions"];
  out["outside"] = outside_;
  ojson& ev      = out["events"];
  ev             = ojson::object();
  auto when      = [&](double t) { return t < 0 || !std::isfinite(t) ? ojson() : ojson(t); };
  for (const Window& w : windows_) {
    const TimelineEvent& e = *w.event;
    ojson o;
    o["agency"]   = sc_.agencies[e.agency].id;
    o["from"]     = cal_.format(e.at_s);
    o["from_s"]   = e.at_s;
    o["until"]    = std::isfinite(e.until_s) ? ojson(cal_.format(e.until_s)) : ojson();
    o["until_s"]  = when(e.until_s);
    o["refused"]  = w.refused;
    o["first_s"]  = when(w.first_s);
    o["last_s"]   = when(w.last_s);
    ev[e.id]      = o;
  }
}

} // namespace linksim
