// Section `servers`: the workers and processing times of each intermediate-server site.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

namespace linksim {

namespace {

void read_servers(ObjReader& root, LoadContext& ctx)
{
  Scenario& sc    = ctx.sc;
  const json* arr = root.array("servers", Req::YES);
  std::vector<int> seen(sc.sites.size(), 0);
  if (!arr)
    return;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader s((*arr)[i], root.at("servers") + "/" + std::to_string(i), ctx.issues);
    if (!s.valid())
      continue;
    auto site = resolve_site(s, "site", {SiteKind::LG_PLATFORM, SiteKind::INSURER_SERVER, SiteKind::DEDICATED_SERVER},
                             "an intermediate-server site (lg_platform, insurer_server or dedicated_server)", ctx);
    Site tmp;
    tmp.workers = static_cast<unsigned>(read_given_integer(s, params::SERVER_WORKERS).value_or(1));
    if (auto d = read_duration(s, "query", Req::YES))
      tmp.query = *d;
    if (auto d = read_duration(s, "lookup", Req::YES))
      tmp.lookup = *d;
    if (auto d = read_duration(s, "result", Req::YES))
      tmp.result = *d;
    tmp.batch_per_person_s        = read_number(s, params::SERVER_BATCH_MS) * MS;
    tmp.registration_per_record_s = read_number(s, params::SERVER_REGISTRATION_MS) * MS;
    s.finish();
    if (site) {
      if (seen[*site]++)
        s.error("site", "server behaviour for site \"" + sc.sites[*site].id + "\" is given twice");
      Site& dst                     = sc.sites[*site];
      dst.workers                   = tmp.workers;
      dst.query                     = tmp.query;
      dst.lookup                    = tmp.lookup;
      dst.result                    = tmp.result;
      dst.batch_per_person_s        = tmp.batch_per_person_s;
      dst.registration_per_record_s = tmp.registration_per_record_s;
    }
  }
  for (size_t s = 0; s < sc.sites.size(); ++s) {
    const SiteKind k = sc.sites[s].kind;
    if (k != SiteKind::HUB && k != SiteKind::JLIS && !seen[s])
      root.error("servers", "no entry for intermediate-server site \"" + sc.sites[s].id +
                                "\" (workers and processing times are required for each)");
  }
}

} // namespace

extern const SectionDecl SERVERS_SECTION{"servers", {"servers"}, read_servers,
                                         "each intermediate-server site's workers and processing times"};

} // namespace linksim
