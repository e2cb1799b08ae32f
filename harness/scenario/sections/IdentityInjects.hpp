// Timeline injects of identity incidents (issue 9, cases 2 and 3): the readers of a
// `resident_code_error` and a `number_swap` event's own keys, and the rule that two such injects
// may not touch one person at the same time. Called by TimelineSection.cpp.
#pragma once

#include "harness/scenario/Section.hpp"

#include <string>
#include <vector>

namespace linksim {

/// The keys a resident_code_error or number_swap may have besides id, kind, at, until, agency.
extern const std::vector<const char*> IDENTITY_INJECT_KEYS;

/// Reads `subcase`, `pairs` / `count`, `delete_code`, `delete_shared_code`, `reacquire_after_hours`.
void read_resident_code_error(ObjReader& e, TimelineEvent& ev, LoadContext& ctx);
/// Reads `pairs` / `count`.
void read_number_swap(ObjReader& e, TimelineEvent& ev, LoadContext& ctx);
/// Reports identity injects that touch one person (at one agency, for number_swap) in overlapping windows.
void check_identity_injects(const std::vector<std::string>& where, LoadContext& ctx);

/// When an identity inject stops having any effect (the end of its cascade, or its fix).
double identity_inject_end(const TimelineEvent& e);

} // namespace linksim
