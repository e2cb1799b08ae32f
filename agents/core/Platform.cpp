#include "agents/core/Platform.hpp"

#include <algorithm>

namespace linksim {

std::vector<std::string> EngineSettings::config()
{
  return {
      "network/model:CM02",       // LV08's default latency factor (13.01) would scale every latency
      "network/TCP-gamma:0",      // no TCP window bound: transfer = latency + size / bandwidth
      "network/crosstraffic:0",   // no simulated ACK traffic in the reverse direction
#ifndef LINKSIM_SANITIZE
      "contexts/stack-size:64",   // KiB per actor (thousands of agencies); a guard page below each
                                  // stack turns an overflow into a crash, not silent corruption. With
                                  // guard pages SimGrid maps stacks lazily: 544 -> 112 MiB peak RSS
                                  // nationally (guard-size:0 is for > 30k actors, design.md §3).
#else
      // The sanitizer build (.ci/run): redzones need bigger stacks. AddressSanitizer warns once
      // that it cannot follow SimGrid's context switches ("ASan is ignoring requested
      // __asan_handle_no_return"); raw contexts are kept anyway: with threads (which it follows)
      // the suite ran 20 times slower, and it reported nothing with either.
      "contexts/stack-size:1024",
#endif
      "contexts/nthreads:1",      // parallel user code would race on the shared World
  };
}

namespace {
Route route_of(std::initializer_list<const LinkSpec*> links, std::initializer_list<sg4::Link*> sg_links = {})
{
  Route r;
  for (const LinkSpec* l : links) {
    r.latency_s += l->latency_s;
    r.bytes_per_s = std::min(r.bytes_per_s, l->bytes_per_s);
  }
  size_t i = 0;
  for (sg4::Link* l : sg_links)
    r.links[i++] = l;
  return r;
}
} // namespace

Platform::Platform(const Scenario& sc)
{
  constexpr double SPEED = 1e9; // flop/s: hosts never compute, processing is modelled as time
  auto* root             = sg4::create_full_zone("root");
  const uint32_t hub_site  = sc.hub.site;
  const uint32_t jlis_site = sc.jlis.site;

  auto* hub_zone = sg4::create_star_zone("zone-" + sc.sites[hub_site].id);
  hub_zone->set_parent(root);
  hub_ = hub_zone->create_host("hub", SPEED)->seal();
  hub_zone->add_route(hub_->get_netpoint(), nullptr, nullptr, nullptr, {}, true);
  hub_zone->seal();

  auto* jlis_zone = sg4::create_star_zone("zone-" + sc.sites[jlis_site].id);
  jlis_zone->set_parent(root);
  jlis_ = jlis_zone->create_host("jlis", SPEED)->seal();
  jlis_zone->add_route(jlis_->get_netpoint(), nullptr, nullptr, nullptr, {}, true);
  jlis_zone->seal();
  const LinkSpec& jl = sc.sites[jlis_site].uplink;
  sg4::Link* jlis_up = root->create_link("uplink-" + sc.sites[jlis_site].id, jl.bytes_per_s)->set_latency(jl.latency_s)->seal();
  root->add_route(jlis_zone->get_netpoint(), hub_zone->get_netpoint(), jlis_->get_netpoint(), hub_->get_netpoint(),
                  {sg4::LinkInRoute(jlis_up)}, true);
  jlis_route_ = route_of({&jl}, {jlis_up});
  jlis_line_  = jlis_up;
  // The control host: the scheduler and the closer run here, so that no host fault kills them.
  auto* control_zone = sg4::create_star_zone("zone-control");
  control_zone->set_parent(root);
  control_ = control_zone->create_host("control", SPEED)->seal();
  control_zone->seal();
  links_ += 1;
  hosts_ += 2;

  // The verification environment: a hub of its own on a host of its own, behind its own line;
  // every intermediate server reaches it over its uplink and that line (never through the
  // production hub).
  sg4::NetZone* verif_zone = nullptr;
  sg4::Link* verif_line    = nullptr;
  const Verification& vf   = sc.verification;
  if (vf.configured) {
    verif_zone = sg4::create_star_zone("zone-verification");
    verif_zone->set_parent(root);
    verif_ = verif_zone->create_host("verification-hub", SPEED)->seal();
    verif_zone->add_route(verif_->get_netpoint(), nullptr, nullptr, nullptr, {}, true);
    verif_zone->seal();
    verif_line = root->create_link("line-verification", vf.link.bytes_per_s)->set_latency(vf.link.latency_s)->seal();
    links_ += 1;
    hosts_ += 1;
  }

  // Agencies grouped by site.
  std::vector<std::vector<uint32_t>> members(sc.sites.size());
  for (uint32_t a = 0; a < sc.agencies.size(); ++a)
    members[sc.agencies[a].site].push_back(a);

  site_hosts_.assign(sc.sites.size(), nullptr);
  site_inboxes_.assign(sc.sites.size(), nullptr);
  site_routes_.resize(sc.sites.size());
  site_jlis_routes_.resize(sc.sites.size());
  agency_hosts_.assign(sc.agencies.size(), nullptr);
  agency_routes_.resize(sc.agencies.size());
  agency_lines_.assign(sc.agencies.size(), nullptr);
  site_uplinks_.assign(sc.sites.size(), nullptr);
  fetch_inboxes_.assign(sc.agencies.size(), nullptr);
  staff_inboxes_.assign(sc.agencies.size(), nullptr);
  collect_inboxes_.assign(sc.agencies.size(), nullptr);

  for (uint32_t s = 0; s < sc.sites.size(); ++s) {
    const Site& site = sc.sites[s];
    if (site.kind == SiteKind::HUB || site.kind == SiteKind::JLIS)
      continue;
    auto* zone = sg4::create_star_zone("zone-" + site.id);
    zone->set_parent(root);
    sg4::Host* host = zone->create_host("ims-" + site.id, SPEED)->seal();
    zone->add_route(host->get_netpoint(), nullptr, nullptr, nullptr, {}, true);
    site_hosts_[s] = host;
    ++hosts_;
    sg4::Link* lgwan = nullptr;
    if (site.kind == SiteKind::LG_PLATFORM) {
      lgwan = zone->create_link("lgwan-" + site.id, site.lgwan.bytes_per_s)->set_latency(site.lgwan.latency_s)->seal();
      ++links_;
    }
    for (uint32_t a : members[s]) {
      const Agency& ag = sc.agencies[a];
      sg4::Host* h     = zone->create_host("es-" + ag.id, SPEED)->seal();
      sg4::Link* line  = zone->create_link("line-" + ag.id, ag.access.bytes_per_s)->set_latency(ag.access.latency_s)->seal();
      ++links_;
      ++hosts_;
      if (lgwan) {
        zone->add_route(h->get_netpoint(), nullptr, nullptr, nullptr, {sg4::LinkInRoute(line), sg4::LinkInRoute(lgwan)}, true);
        agency_routes_[a] = route_of({&ag.access, &site.lgwan}, {line, lgwan});
      } else {
        zone->add_route(h->get_netpoint(), nullptr, nullptr, nullptr, {sg4::LinkInRoute(line)}, true);
        agency_routes_[a] = route_of({&ag.access}, {line});
      }
      agency_lines_[a] = line;
      agency_hosts_[a] = h;
    }
    zone->seal();
    sg4::Link* up = root->create_link("uplink-" + site.id, site.uplink.bytes_per_s)->set_latency(site.uplink.latency_s)->seal();
    ++links_;
    root->add_route(zone->get_netpoint(), hub_zone->get_netpoint(), host->get_netpoint(), hub_->get_netpoint(),
                    {sg4::LinkInRoute(up)}, true);
    root->add_route(zone->get_netpoint(), jlis_zone->get_netpoint(), host->get_netpoint(), jlis_->get_netpoint(),
                    {sg4::LinkInRoute(up), sg4::LinkInRoute(jlis_up)}, true);
    if (verif_zone) {
      root->add_route(zone->get_netpoint(), verif_zone->get_netpoint(), host->get_netpoint(), verif_->get_netpoint(),
                      {sg4::LinkInRoute(up), sg4::LinkInRoute(verif_line)}, true);
    }
    site_routes_[s]      = route_of({&site.uplink}, {up});
    site_jlis_routes_[s] = route_of({&site.uplink, &jl}, {up, jlis_up});
    site_uplinks_[s]     = up;
    site_inboxes_[s]     = sg4::Mailbox::by_name("site:" + site.id);
  }
  root->seal();

  // Prefixes keep the namespaces apart (a site may be called "hub").
  hub_inbox_  = sg4::Mailbox::by_name("hub:");
  jlis_inbox_ = sg4::Mailbox::by_name("jlis:");
  for (uint32_t a = 0; a < sc.agencies.size(); ++a) {
    fetch_inboxes_[a] = sg4::Mailbox::by_name("fetch:" + sc.agencies[a].id);
    staff_inboxes_[a]   = sg4::Mailbox::by_name("staff:" + sc.agencies[a].id);
    collect_inboxes_[a] = sg4::Mailbox::by_name("collect:" + sc.agencies[a].id);
  }
  // Where each inbox's actors live (network faults check the receiver's host).
  inbox_hosts_[hub_inbox_]  = hub_;
  inbox_hosts_[jlis_inbox_] = jlis_;
  for (uint32_t s = 0; s < sc.sites.size(); ++s)
    if (site_inboxes_[s])
      inbox_hosts_[site_inboxes_[s]] = site_hosts_[s];
  for (uint32_t a = 0; a < sc.agencies.size(); ++a)
    for (sg4::Mailbox* m : {fetch_inboxes_[a], staff_inboxes_[a], collect_inboxes_[a]})
      inbox_hosts_[m] = agency_hosts_[a];
  if (vf.configured) {
    verif_inbox_ = sg4::Mailbox::by_name("verification:");
    verif_answers_.assign(sc.agencies.size(), nullptr);
    verif_grants_.assign(sc.agencies.size(), nullptr);
    inbox_hosts_[verif_inbox_] = verif_;
    for (const VerificationAgency& va : vf.agencies) {
      verif_answers_[va.agency] = sg4::Mailbox::by_name("verification-answers:" + sc.agencies[va.agency].id);
      verif_grants_[va.agency]  = sg4::Mailbox::by_name("verification-grants:" + sc.agencies[va.agency].id);
      inbox_hosts_[verif_answers_[va.agency]] = site_hosts_[sc.agencies[va.agency].site];
      inbox_hosts_[verif_grants_[va.agency]]  = site_hosts_[sc.agencies[va.agency].site];
    }
  }
}

} // namespace linksim
