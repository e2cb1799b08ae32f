// A permission row reader, shared by the permissions section and the timeline's master events.
#pragma once

#include "harness/scenario/Values.hpp"

namespace linksim {

/// `{"procedure", "requester", "provider", "item"}`; with `dated`, also `id`, `from`, `until`.
std::optional<PermissionRow> read_permission_row(const json& j, const std::string& ptr, LoadContext& ctx, bool dated);

} // namespace linksim
