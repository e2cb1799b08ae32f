// The SimGrid platform of a scenario: hosts, links, zones, routes and mailboxes.
//
// Topology (design.md §2, domain.md §1):
//   root (full zone)
//   ├── hub zone:   host "hub"                       (core + interface systems)
//   ├── jlis zone:  host "jlis"                      (J-LIS / 住基ネット)
//   └── one star zone per intermediate-server site:  the server host, and each agency's
//       existing-system host reached over the agency's own line (LG platform: its VPN device
//       then the site's shared LGWAN segment; insurer / dedicated servers: its access line).
//   Site ↔ hub over the site's uplink; site ↔ J-LIS over the site's uplink then J-LIS's.
//
// Mailboxes have a permanent receiver, so a message travels as soon as it is sent and waits at
// the destination until a worker takes it (a network does not hold packets for busy servers).
// Its arrival is the finish time of its communication as SimGrid computed it (Context::take):
// exact when links are shared (CM02 splits a link's bandwidth among the flows crossing it) or
// degraded. `nominal_s` is the uncontended transfer time of a route, latency + size / bottleneck
// bandwidth (CM02, TCP-gamma off: what SimGrid computes when nothing else shares the links); the
// agents no longer stamp with it (the hand-contention scenario test shows where it differs).
//
// Also used, unchanged, by the raw SimGrid comparison program in bench/.
#pragma once

#include "sim/scenario/Scenario.hpp"

#include <simgrid/s4u.hpp>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace linksim {

namespace sg4 = simgrid::s4u;

struct Message;

/// Latency and bottleneck bandwidth of a route.
struct Route {
  double latency_s     = 0;
  double bytes_per_s = 1e30; ///< bottleneck bandwidth
  double nominal_s(double bytes) const { return latency_s + bytes / bytes_per_s; }
  /// The SimGrid links it crosses (network faults check them; unused slots nullptr).
  sg4::Link* links[3] = {nullptr, nullptr, nullptr};
  /// Every link of the route is on (a link_down fault turns one off).
  bool up() const
  {
    for (const sg4::Link* l : links)
      if (l && !l->is_on())
        return false;
    return true;
  }
};

/// SimGrid configuration linksim always sets (printed in every result's run context).
struct EngineSettings {
  static std::vector<std::string> config(); ///< "key:value" strings
};

class Platform {
public:
  /// Builds the platform into the (already created) engine.
  explicit Platform(const Scenario& sc);

  sg4::Host* hub_host() const { return hub_; }
  sg4::Host* jlis_host() const { return jlis_; }
  sg4::Host* site_host(uint32_t s) const { return site_hosts_[s]; }
  sg4::Host* agency_host(uint32_t a) const { return agency_hosts_[a]; }

  sg4::Mailbox* hub_inbox() const { return hub_inbox_; }
  sg4::Mailbox* jlis_inbox() const { return jlis_inbox_; }
  sg4::Mailbox* site_inbox(uint32_t s) const { return site_inboxes_[s]; }
  sg4::Mailbox* fetch_inbox(uint32_t a) const { return fetch_inboxes_[a]; }
  sg4::Mailbox* staff_inbox(uint32_t a) const { return staff_inboxes_[a]; }
  /// Finished batch result files waiting for the existing system's scheduled collection.
  sg4::Mailbox* collect_inbox(uint32_t a) const { return collect_inboxes_[a]; }

  /// agency ↔ its server (the same links both ways).
  const Route& agency_route(uint32_t a) const { return agency_routes_[a]; }
  /// server site ↔ hub.
  const Route& site_route(uint32_t s) const { return site_routes_[s]; }
  /// server site ↔ J-LIS.
  const Route& site_jlis_route(uint32_t s) const { return site_jlis_routes_[s]; }
  /// J-LIS ↔ hub.
  const Route& jlis_route() const { return jlis_route_; }

  // --- verification environment (接続検証環境; only when the scenario has `verification`) ----------
  /// The verification hub's host (nullptr without a verification environment).
  sg4::Host* verification_host() const { return verif_; }
  sg4::Mailbox* verification_inbox() const { return verif_inbox_; }
  /// The inter-agency test of agency a receives the verification hub's answers here.
  sg4::Mailbox* verification_answers(uint32_t a) const { return verif_answers_[a]; }
  /// The environment's desk tells agency a's test here that a slot is granted (or never will be).
  sg4::Mailbox* verification_grants(uint32_t a) const { return verif_grants_[a]; }

  // --- network and host faults (issue 9) -----------------------------------------------------------
  /// An agency's own line (its VPN device / access line).
  sg4::Link* agency_line(uint32_t a) const { return agency_lines_[a]; }
  /// A site's uplink (nullptr for the hub's and J-LIS's sites).
  sg4::Link* site_uplink(uint32_t s) const { return site_uplinks_[s]; }
  /// J-LIS's line (its site's uplink).
  sg4::Link* jlis_line() const { return jlis_line_; }
  /// A host no fault turns off: the scheduler and the closer run there (it talks to nobody).
  sg4::Host* control_host() const { return control_; }
  /// The host whose actors take what arrives in an inbox (nullptr if unknown). SimGrid 3.32's
  /// Mailbox::get_receiver() returns nothing for a mailbox that has a permanent receiver (its test
  /// is inverted), so the platform keeps this itself.
  sg4::Host* inbox_host(sg4::Mailbox* m) const
  {
    auto it = inbox_hosts_.find(m);
    return it == inbox_hosts_.end() ? nullptr : it->second;
  }
  /// What the workers of a host hold (agents/core/Faults.hpp): a host fault accounts for it.
  std::vector<std::shared_ptr<Message*>>& hands(sg4::Host* h) { return hands_[h]; }

  size_t link_count() const { return links_; }
  size_t host_count() const { return hosts_; }

private:
  sg4::Host* hub_  = nullptr;
  sg4::Host* jlis_ = nullptr;
  std::vector<sg4::Host*> site_hosts_, agency_hosts_;
  sg4::Mailbox* hub_inbox_  = nullptr;
  sg4::Mailbox* jlis_inbox_ = nullptr;
  std::vector<sg4::Mailbox*> site_inboxes_, fetch_inboxes_, staff_inboxes_, collect_inboxes_;
  std::vector<Route> agency_routes_, site_routes_, site_jlis_routes_;
  Route jlis_route_;
  sg4::Host* verif_            = nullptr;
  sg4::Mailbox* verif_inbox_   = nullptr;
  std::vector<sg4::Mailbox*> verif_answers_, verif_grants_;
  size_t links_ = 0, hosts_ = 0;
  std::vector<sg4::Link*> agency_lines_, site_uplinks_;
  sg4::Link* jlis_line_ = nullptr;
  sg4::Host* control_   = nullptr;
  std::map<sg4::Host*, std::vector<std::shared_ptr<Message*>>> hands_;
  std::unordered_map<sg4::Mailbox*, sg4::Host*> inbox_hosts_;
};

} // namespace linksim
