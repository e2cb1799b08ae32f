#include "sim/model/Permission.hpp"

namespace linksim {

PermissionTable::PermissionTable(const std::vector<PermissionRow>& rows, std::vector<AgencyKind> kinds,
                                 size_t n_procedures, size_t n_items)
    : kinds_(std::move(kinds)), n_items_(n_items), rows_(rows.size()), by_key_(n_procedures * n_items)
{
  for (const PermissionRow& r : rows)
    by_key_[r.procedure * n_items_ + r.item].push_back(r);
}

bool PermissionTable::allows(uint32_t procedure, uint32_t item, uint32_t requester, uint32_t provider) const
{
  const size_t key = procedure * n_items_ + item;
  if (key >= by_key_.size())
    return false;
  // The connectivity-check tool (業務疎通確認ツール) answers every item the requester may ask any
  // provider for under the procedure [SEED p.25]: it stands in for the real counterparty.
  const bool tool = kinds_[provider] == AgencyKind::CONNECTIVITY_TOOL;
  for (const PermissionRow& r : by_key_[key])
    if (match(r.requester, requester, kinds_[requester]) && (tool || match(r.provider, provider, kinds_[provider])))
      return true;
  return false;
}

} // namespace linksim
