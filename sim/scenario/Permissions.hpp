// Scenario sections `procedures` and `permissions`: the law's permission table (別表第二, now a
// 主務省令 under art. 19(8)) [W4][W20], its rows dated with `from` / `until`.
#pragma once

#include "sim/scenario/Agencies.hpp"

#include <string>

namespace linksim {

struct Procedure {
  std::string code;
  std::string name;
};

/// Who a permission row or workload applies to: a kind of agency or one agency.
struct AgencyMatch {
  bool by_kind    = true;
  AgencyKind kind = AgencyKind::MUNICIPALITY;
  uint32_t agency = NONE;

  bool matches(uint32_t a, AgencyKind k) const { return by_kind ? kind == k : agency == a; }
  bool operator==(const AgencyMatch& o) const
  {
    return by_kind == o.by_kind && (by_kind ? kind == o.kind : agency == o.agency);
  }
};

/// One row: the procedure, who may ask, who provides, which item (layout index); in force in
/// [from_s, until_s) of simulated time (a row without dates is in force for the whole run).
struct PermissionRow {
  std::string id;  ///< optional (for `extends` patches and the timeline list)
  uint32_t procedure = 0;
  AgencyMatch requester;
  AgencyMatch provider;
  uint32_t item  = 0; ///< index into Scenario::layouts
  double from_s  = -NEVER;
  double until_s = NEVER;

  /// The same (procedure, requester, provider, item), whatever the dates.
  bool same_grant(const PermissionRow& o) const
  {
    return procedure == o.procedure && item == o.item && requester == o.requester && provider == o.provider;
  }
};

} // namespace linksim
