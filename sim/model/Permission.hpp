// Permission table (別表第二, now a 主務省令 under art. 19(8)) [W4][W20]: rows of
// (procedure, requester kind or agency, provider kind or agency, item). The hub refuses anything
// not in it.
//
//   linksim::PermissionTable t(scenario.permissions, kinds, n_procedures, n_items);
//   bool ok = t.allows(procedure, item, requester, provider);
#pragma once

#include "sim/scenario/Scenario.hpp"

#include <cstdint>
#include <vector>

namespace linksim {

class PermissionTable {
public:
  PermissionTable() = default;
  /// @param kinds agency kind per agency index
  PermissionTable(const std::vector<PermissionRow>& rows, std::vector<AgencyKind> kinds, size_t n_procedures,
                  size_t n_items);

  /// A row in the table grants the item to the requester from the provider (for the
  /// connectivity-check tool as provider: from any provider).
  bool allows(uint32_t procedure, uint32_t item, uint32_t requester, uint32_t provider) const;
  size_t size() const { return rows_; }

private:
  static bool match(const AgencyMatch& m, uint32_t agency, AgencyKind kind)
  {
    return m.by_kind ? m.kind == kind : m.agency == agency;
  }
  std::vector<AgencyKind> kinds_;
  size_t n_items_ = 0;
  size_t rows_    = 0;
  std::vector<std::vector<PermissionRow>> by_key_; ///< index procedure * n_items + item
};

} // namespace linksim
