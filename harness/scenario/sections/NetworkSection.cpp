// Section `network`: the model, the default VPN device line, the sites and their links.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"
#include "sim/scenario/Reference.hpp"

namespace linksim {

namespace {

void read_site(ObjReader& s, LoadContext& ctx)
{
  Site site;
  auto id   = s.string("id", Req::YES);
  auto kind = read_given_choice(s, params::SITE_KIND, SITE_KINDS);
  if (id) {
    site.id = *id;
    if (id->empty())
      s.error("id", "an id cannot be empty");
    else if (!valid_id(*id))
      s.error("id", "invalid id \"" + *id + "\": " + ID_RULE);
    else if (ctx.site_ix.count(*id))
      s.error("id", "duplicate site id \"" + *id + "\"");
  }
  if (!kind) { // reported; take its keys so that they are not "unknown" too
    ctx.bad_sites.insert(id.value_or(""));
    s.raw("uplink", Req::NO);
    s.raw("lgwan", Req::NO);
    s.raw("access", Req::NO);
  } else {
    site.kind = *kind;
    if (site.kind != SiteKind::HUB)
      if (auto l = read_link(s, "uplink", Req::YES))
        site.uplink = *l;
    if (site.kind == SiteKind::LG_PLATFORM)
      if (auto l = read_link(s, "lgwan", Req::YES))
        site.lgwan = *l;
    if (site.kind == SiteKind::INSURER_SERVER || site.kind == SiteKind::DEDICATED_SERVER)
      if (auto l = read_link(s, "access", Req::YES))
        site.access = *l;
  }
  s.finish();
  if (id && !ctx.site_ix.count(*id)) {
    ctx.site_ix[*id] = static_cast<uint32_t>(ctx.sc.sites.size());
    ctx.sc.sites.push_back(site);
  }
}

void read_network(ObjReader& root, LoadContext& ctx)
{
  ObjReader n = root.object("network", Req::YES);
  if (!n.valid())
    return;
  read_given_choice(n, params::NETWORK_MODEL, NETWORK_MODELS);
  if (n.has("vpn_device")) {
    if (auto l = read_link(n, "vpn_device", Req::YES)) {
      ctx.default_vpn = *l;
      ctx.have_vpn    = true;
    }
  } else {
    n.raw("vpn_device", Req::NO);
  }
  if (const json* sites = n.array("sites", Req::YES)) {
    for (size_t i = 0; i < sites->size(); ++i) {
      ObjReader s((*sites)[i], n.at("sites") + "/" + std::to_string(i), ctx.issues);
      if (s.valid())
        read_site(s, ctx);
    }
    int hubs = 0, jlis = 0;
    for (const Site& s : ctx.sc.sites) {
      if (ctx.bad_sites.count(s.id))
        continue;
      hubs += s.kind == SiteKind::HUB;
      jlis += s.kind == SiteKind::JLIS;
    }
    if (hubs != 1)
      n.error("sites", "expected exactly one site of kind \"hub\", found " + std::to_string(hubs));
    if (jlis != 1)
      n.error("sites", "expected exactly one site of kind \"jlis\", found " + std::to_string(jlis));
  }
  n.finish();
}

} // namespace

extern const SectionDecl NETWORK_SECTION{"network", {"network"}, read_network, "the sites and their links"};

} // namespace linksim
