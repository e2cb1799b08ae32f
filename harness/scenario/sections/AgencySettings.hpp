// Settings any agency may carry, wherever it is declared (listed, generated or overridden): its
// own line, non-disclosure and null-error rates, manual-answer staff and mode, registration.
#pragma once

#include "harness/scenario/Values.hpp"

namespace linksim {

/// Reads a `registration` object's keys into `r` (only the keys given change it).
void read_registration(ObjReader& o, Registration& r, LoadContext& ctx);
/// Reads the settings any agency may have into `ag` (only the keys given change it), with its
/// `manual_answer` if `with_manual` (not for generators); returns whether it gives its own line.
bool read_agency_settings(ObjReader& a, Agency& ag, LoadContext& ctx, bool with_manual);
/// Adds an agency (its id checked where `key` of `where` names it); false if its id is bad.
bool add_agency(Agency ag, bool own_line, ObjReader& where, const std::string& key, LoadContext& ctx);
/// Reports an agency on a site of the wrong kind (municipalities and prefectures connect to the
/// LG platform, insurers to the insurer server, national bodies to a dedicated server).
void check_site_for_kind(ObjReader& a, const std::string& key, AgencyKind k, uint32_t site, LoadContext& ctx);
/// Reads `agencies.generators[i]` and adds the agencies it generates.
void read_generator(const json& j, const std::string& ptr, const Registration& default_registration, LoadContext& ctx);

} // namespace linksim
