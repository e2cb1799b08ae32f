// Why the network refused a request (result.json /denials; the oracle's classes for a refusal).
//
// The hub (agents/hub) or the requester's intermediate server (agents/server) refuses a request
// and says why in Exchange::deny; the oracle gives every refusal the outcome class of its reason's
// row (`outcome`): most are `denied`, a connection restriction is `restricted`, a code whose
// linkage code was deleted is `code_deleted`.
#pragma once

#include "sim/scenario/EnumTable.hpp"

#include <cstdint>

namespace linksim {

enum class DenyReason : uint8_t { NOT_PERMITTED, NO_DELEGATION, SERVER_MASTER, RESTRICTED, CODE_DELETED };

inline constexpr auto DENY_REASONS = enum_table<DenyReason>(
    "deny_reason",
    "why a request was refused (result.json /denials)",
    {{DenyReason::NOT_PERMITTED, "not_permitted", "the hub's permission master has no row for it",
      "許可なし（別表第二・マスター外）"},
     {DenyReason::NO_DELEGATION, "no_delegation",
      "a delegate (受任者) asked under a procedure for which no delegation (委任) is registered in the hub's master",
      "委任未登録"},
     {DenyReason::SERVER_MASTER, "server_master",
      "the requester's intermediate server runs on a master that does not know the procedure (it missed a distribution)",
      "マスター未配信"},
     {DenyReason::RESTRICTED, "restricted",
      "the operator restricts the requester's or the provider's connection (接続規制, a connection_restriction "
      "event): counted in the outcome class `restricted`, not `denied`",
      "接続規制"},
     {DenyReason::CODE_DELETED, "code_deleted",
      "the requester's agency code derives from a resident code physically deleted on 住基全国センター and not "
      "re-acquired yet (seed p.19 case ④): counted in the outcome class `code_deleted`, not `denied`",
      "符号削除済み"}}); // [unsure] the hub finds no linkage code (連携用符号削除)
static_assert(DENY_REASONS.dense(), "refusal counts are arrays indexed by DenyReason");

} // namespace linksim
