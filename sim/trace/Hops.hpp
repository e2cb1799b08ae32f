// The hops of an exchange's path: 11 consecutive segments between its timestamps, alternating
// network legs and time spent at a server; they add up to the end-to-end time. "ims" in a hop's
// name is an intermediate server (中間サーバー), "es" an existing system (既存システム).
#pragma once

#include "sim/trace/Exchange.hpp"

#include <array>
#include <cstddef>
#include <iterator>

namespace linksim {

/// A hop: the time between two timestamps of an exchange.
struct HopDef {
  const char* name;
  Ts from, to;
  const char* help;
  const char* ja; ///< Japanese name (the reports)
};

inline constexpr HopDef HOP_ROWS[] = {
    {"es_to_req_ims", ISSUED, RQ_REQ_IN, "network: the requester's existing system to its intermediate server", "既存システム→照会側中間サーバー"},
    {"req_ims_request", RQ_REQ_IN, RQ_REQ_OUT, "at the requester's intermediate server (with code acquisition)", "照会側中間サーバー（符号取得を含む）"},
    {"req_ims_to_hub", RQ_REQ_OUT, HUB_REQ_IN, "network: the requester's intermediate server to the hub", "照会側中間サーバー→NWS"},
    {"hub_request", HUB_REQ_IN, HUB_REQ_OUT, "at the hub: waiting for a worker, permission check, code conversion", "NWS（許可確認・符号変換）"},
    {"hub_to_prov_ims", HUB_REQ_OUT, PV_REQ_IN, "network: the hub to the provider's intermediate server", "NWS→提供側中間サーバー"},
    {"prov_ims", PV_REQ_IN, PV_RESP_OUT, "at the provider's intermediate server (replica lookup or manual answer)", "提供側中間サーバー（副本検索）"},
    {"prov_ims_to_hub", PV_RESP_OUT, HUB_RESP_IN, "network: the provider's intermediate server to the hub", "提供側中間サーバー→NWS"},
    {"hub_response", HUB_RESP_IN, HUB_RESP_OUT, "at the hub: relaying the answer", "NWS（回答中継）"},
    {"hub_to_req_ims", HUB_RESP_OUT, RQ_RESP_IN, "network: the hub to the requester's intermediate server", "NWS→照会側中間サーバー"},
    {"req_ims_response", RQ_RESP_IN, RQ_RESP_OUT, "at the requester's intermediate server (a batch waits for its file)", "照会側中間サーバー（回答）"},
    {"req_ims_to_es", RQ_RESP_OUT, FETCHED, "network and collection: the result to the existing system", "照会側中間サーバー→既存システム"},
};
/// The hops in path order (its size is the number of rows above).
inline constexpr std::array<HopDef, std::size(HOP_ROWS)> HOPS = [] {
  std::array<HopDef, std::size(HOP_ROWS)> a{};
  for (size_t i = 0; i < a.size(); ++i)
    a[i] = HOP_ROWS[i];
  return a;
}();
constexpr size_t HOP_COUNT = HOPS.size();

} // namespace linksim
