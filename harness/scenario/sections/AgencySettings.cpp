#include "harness/scenario/sections/AgencySettings.hpp"

#include <algorithm>

namespace linksim {

void read_registration(ObjReader& o, Registration& r, LoadContext& ctx)
{
  if (o.has("window")) {
    ObjReader w = o.object("window", Req::YES);
    // Each key defaults on its own to what the window is so far (the built-in one at the top level).
    const std::string start = param_key(params::REGISTRATION_START), end = param_key(params::REGISTRATION_END);
    auto s         = read_hhmm(w, start, Req::NO);
    auto e         = read_hhmm(w, end, Req::NO);
    const bool bad = (w.has(start) && !s) || (w.has(end) && !e);
    if (!bad) {
      const int from = s.value_or(r.window_start_s), to = e.value_or(r.window_end_s);
      if (from >= to)
        w.error(end, "the batch window must end after it starts (within one night, after midnight)");
      else {
        r.window_start_s = from;
        r.window_end_s   = to;
      }
    }
    w.finish();
  } else
    o.raw("window", Req::NO);
  const std::string skip = param_key(params::REGISTRATION_SKIP);
  if (const json* sd = o.array(skip, Req::NO)) {
    r.skip_days.clear();
    for (size_t i = 0; i < sd->size(); ++i)
      if (auto d = read_date((*sd)[i], o.at(skip) + "/" + std::to_string(i), ctx.issues))
        r.skip_days.push_back(*d);
    std::sort(r.skip_days.begin(), r.skip_days.end());
  }
  if (auto f = read_given(o, params::REGISTRATION_FAILURE))
    r.failure_rate = *f;
  if (auto b = o.boolean(param_key(params::PATTERN2_RELOAD), Req::NO))
    r.pattern2_reload = *b;
  if (auto n = read_given_choice(o, params::REGISTRATION_NIGHTS, NIGHTS))
    r.nights = *n;
  if (auto x = read_given(o, params::REGISTRATION_SPREAD))
    r.extraction_spread = *x;
}

namespace {

void read_manual(ObjReader& a, Agency& out, LoadContext& ctx)
{
  if (!a.has("manual_answer")) {
    a.raw("manual_answer", Req::NO);
    return;
  }
  ObjReader m = a.object("manual_answer", Req::YES);
  if (!m.valid())
    return;
  out.manual            = ManualAnswer();
  out.manual.configured = true;
  out.manual.on         = read_choice(m, params::MANUAL_MODE, MANUAL_MODES);
  out.manual.staff      = static_cast<unsigned>(read_given_integer(m, params::MANUAL_STAFF).value_or(1));
  if (auto d = read_duration(m, "handling", Req::YES))
    out.manual.handling = *d;
  const std::string items = param_key(params::MANUAL_ITEMS);
  if (const json* arr = m.array(items, Req::NO))
    for (size_t k = 0; k < arr->size(); ++k)
      if (auto l = resolve_layout((*arr)[k], m.at(items) + "/" + std::to_string(k), ctx))
        out.manual.items.push_back(*l);
  m.finish();
}

} // namespace

bool read_agency_settings(ObjReader& a, Agency& ag, LoadContext& ctx, bool with_manual)
{
  const bool own = a.has("line");
  if (own) {
    if (auto l = read_link(a, "line", Req::YES))
      ag.access = *l;
  } else
    a.raw("line", Req::NO);
  if (auto v = read_given(a, params::NON_DISCLOSURE_RATE))
    ag.non_disclosure_rate = *v;
  if (auto v = read_given(a, params::NULL_ERROR_RATE))
    ag.null_error_rate = *v;
  if (a.has("registration")) {
    ObjReader r = a.object("registration", Req::YES);
    if (r.valid()) {
      read_registration(r, ag.registration, ctx);
      r.finish();
    }
  } else
    a.raw("registration", Req::NO);
  if (with_manual)
    read_manual(a, ag, ctx);
  return own;
}

bool add_agency(Agency ag, bool own_line, ObjReader& where, const std::string& key, LoadContext& ctx)
{
  if (ag.id.empty()) {
    where.error(key, "an id cannot be empty");
    return false;
  }
  if (!valid_id(ag.id)) {
    where.error(key, "invalid id \"" + ag.id + "\": " + ID_RULE);
    return false;
  }
  if (ctx.agency_ix.count(ag.id)) {
    where.error(key, "duplicate agency id \"" + ag.id + "\"");
    return false;
  }
  ctx.agency_ix[ag.id] = static_cast<uint32_t>(ctx.sc.agencies.size());
  ctx.sc.agencies.push_back(std::move(ag));
  ctx.own_line.push_back(own_line ? 1 : 0);
  return true;
}

void check_site_for_kind(ObjReader& a, const std::string& key, AgencyKind k, uint32_t site, LoadContext& ctx)
{
  const Site& s = ctx.sc.sites[site];
  if (ctx.bad_sites.count(s.id))
    return;
  const bool ok = ((k == AgencyKind::MUNICIPALITY || k == AgencyKind::PREFECTURE) && s.kind == SiteKind::LG_PLATFORM) ||
                  (k == AgencyKind::INSURER && s.kind == SiteKind::INSURER_SERVER) ||
                  (k == AgencyKind::NATIONAL_BODY && s.kind == SiteKind::DEDICATED_SERVER) ||
                  (k == AgencyKind::CONNECTIVITY_TOOL && s.kind == SiteKind::HUB);
  if (!ok && k == AgencyKind::CONNECTIVITY_TOOL)
    a.error(key, "the connectivity-check tool sits in the hub: its site is the hub's (a site of kind hub); site \"" + s.id +
                     "\" is " + to_string(s.kind));
  else if (!ok)
    a.error(key, std::string((k == AgencyKind::INSURER ? "an " : "a ")) + to_string(k) + " connects through " +
                     (k == AgencyKind::INSURER         ? "the insurers' shared server (insurer_server)"
                      : k == AgencyKind::NATIONAL_BODY ? "its own dedicated server (dedicated_server)"
                                                       : "the LG intermediate-server platform (lg_platform)") +
                     "; site \"" + s.id + "\" is " + to_string(s.kind));
}

} // namespace linksim
