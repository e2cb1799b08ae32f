// What the scenario sections share while a file is read: the scenario being built, the problems
// found, and the indices by id that later sections resolve references with. Each field says
// which section fills it; a section reads only what an earlier section (in the declared order
// of sections/Sections.cpp) has filled.
#pragma once

#include "harness/scenario/JsonReader.hpp"
#include "sim/scenario/Scenario.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace linksim {

struct LoadContext {
  LoadContext(Issues& i, Scenario& s) : issues(i), sc(s) {}

  Issues& issues;
  Scenario& sc;

  std::map<std::string, uint32_t> site_ix;      ///< network: site id → index
  std::set<std::string> bad_sites;              ///< network: sites whose kind was invalid (reported once)
  LinkSpec default_vpn;                         ///< network: `vpn_device`, every LG agency's default line
  bool have_vpn = false;                        ///< network: `vpn_device` was given
  const json* master_extra_rows = nullptr;      ///< hub: `permission_master.extra_rows` (read by permissions)
  std::string master_extra_ptr;                 ///< hub: its pointer
  std::map<int64_t, uint32_t> layout_ix;        ///< layouts: number → index
  std::map<std::string, uint32_t> procedure_ix; ///< procedures: code → index
  std::map<std::string, uint32_t> agency_ix;    ///< agencies: id → index
  std::vector<uint8_t> own_line;                ///< agencies: per agency, its line was given explicitly
  uint64_t persons = 0;                         ///< agencies: the municipalities' residents in all
  std::map<std::string, uint32_t> permission_ix; ///< permissions: row id → index (rows with an id)
  std::map<std::string, uint32_t> delegation_ix; ///< delegations: id → index
  std::map<std::string, uint32_t> workload_ix;  ///< workload: id → index
  // linkage test (情報連携試験)
  std::map<std::pair<uint32_t, int64_t>, uint32_t> linkage_per_hour; ///< test_cases: (requester, JST clock hour) → exchanges of linkage cases
};

} // namespace linksim
