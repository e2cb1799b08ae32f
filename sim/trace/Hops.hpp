// The hops of an exchange's path: 11 consecutive segments between its timestamps, alternating
// network legs and time spent at a server; they add up to the end-to-end time. "ims" in a hop's
// name is an intermediate server (中間サーバー), "es" an existing system (既存システム).
#pragma once

#include "sim/trace/Exchange.hpp"

#include <array>
#include <cstddef>

namespace linksim {

/// A hop: the time between two timestamps of an exchange.
struct HopDef {
  const char* name;
  Ts from, to;
  const char* help;
};

constexpr size_t HOP_COUNT = 11;
inline constexpr std::array<HopDef, HOP_COUNT> HOPS{{
    {"es_to_req_ims", ISSUED, RQ_REQ_IN, "network: the requester's existing system to its intermediate server"},
    {"req_ims_request", RQ_REQ_IN, RQ_REQ_OUT, "at the requester's intermediate server (with code acquisition)"},
    {"req_ims_to_hub", RQ_REQ_OUT, HUB_REQ_IN, "network: the requester's intermediate server to the hub"},
    {"hub_request", HUB_REQ_IN, HUB_REQ_OUT, "at the hub: waiting for a worker, permission check, code conversion"},
    {"hub_to_prov_ims", HUB_REQ_OUT, PV_REQ_IN, "network: the hub to the provider's intermediate server"},
    {"prov_ims", PV_REQ_IN, PV_RESP_OUT, "at the provider's intermediate server (replica lookup or manual answer)"},
    {"prov_ims_to_hub", PV_RESP_OUT, HUB_RESP_IN, "network: the provider's intermediate server to the hub"},
    {"hub_response", HUB_RESP_IN, HUB_RESP_OUT, "at the hub: relaying the answer"},
    {"hub_to_req_ims", HUB_RESP_OUT, RQ_RESP_IN, "network: the hub to the requester's intermediate server"},
    {"req_ims_response", RQ_RESP_IN, RQ_RESP_OUT, "at the requester's intermediate server (a batch waits for its file)"},
    {"req_ims_to_es", RQ_RESP_OUT, FETCHED, "network and collection: the result to the existing system"},
}};

} // namespace linksim
