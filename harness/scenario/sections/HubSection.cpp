// Sections `hub` and `jlis`: the hub's workers and processing times, its distributed master's
// whole-run extra rows, and J-LIS.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

namespace linksim {

namespace {

void read_hub(ObjReader& root, LoadContext& ctx)
{
  HubSpec& hub = ctx.sc.hub;
  ObjReader h  = root.object("hub", Req::YES);
  if (h.valid()) {
    if (auto s = resolve_site(h, "site", {SiteKind::HUB}, "a site of kind \"hub\"", ctx))
      hub.site = *s;
    hub.workers = static_cast<unsigned>(read_given_integer(h, params::HUB_WORKERS).value_or(1));
    if (auto d = read_duration(h, "request", Req::YES))
      hub.request = *d;
    if (auto d = read_duration(h, "response", Req::YES))
      hub.response = *d;
    if (auto d = read_duration(h, params::HUB_ACQUISITION))
      hub.acquisition = *d;
    hub.batch_per_person_s = read_number(h, params::HUB_BATCH_MS) * MS;
    if (h.has("permission_master")) {
      ObjReader pm          = h.object("permission_master", Req::YES);
      ctx.master_extra_rows = pm.array("extra_rows", Req::YES); // rows name agencies: read with the permissions
      ctx.master_extra_ptr  = pm.at("extra_rows");
      pm.finish();
    } else
      h.raw("permission_master", Req::NO);
    h.finish();
  }
  ObjReader j = root.object("jlis", Req::YES);
  if (j.valid()) {
    if (auto s = resolve_site(j, "site", {SiteKind::JLIS}, "a site of kind \"jlis\"", ctx))
      ctx.sc.jlis.site = *s;
    ctx.sc.jlis.workers = static_cast<unsigned>(read_given_integer(j, params::JLIS_WORKERS).value_or(1));
    if (auto d = read_duration(j, "processing", Req::YES))
      ctx.sc.jlis.processing = *d;
    j.finish();
  }
}

} // namespace

extern const SectionDecl HUB_SECTION{"hub", {"hub", "jlis"}, read_hub,
                                     "the hub (core and interface systems) and J-LIS: workers and processing times"};

} // namespace linksim
