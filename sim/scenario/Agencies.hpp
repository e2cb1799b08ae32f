// Scenario section `agencies` (and the top-level `registration` default, `identity_errors`):
// the connected agencies (情報照会者・情報提供者), their lines, manual-answer staff, nightly
// registration and injected code-table faults.
#pragma once

#include "sim/scenario/Common.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace linksim {

enum class AgencyKind { MUNICIPALITY, PREFECTURE, NATIONAL_BODY, INSURER, CONNECTIVITY_TOOL };

inline constexpr auto AGENCY_KINDS = enum_table<AgencyKind>(
    "agency_kind",
    "kind of a connected agency (`agencies.list[].kind`, permission rows, workload requesters)",
    {{AgencyKind::MUNICIPALITY, "municipality", "a city, town or village (市区町村): residents and former residents", "市区町村"},
     {AgencyKind::PREFECTURE, "prefecture", "a prefecture (都道府県): residents of its municipalities", "都道府県"},
     {AgencyKind::NATIONAL_BODY, "national_body", "a national body (日本年金機構, JASSO, 共済 ...): the persons it covers", "国の機関等"}, // [unsure] 日本年金機構, JASSO, 共済 ...
     {AgencyKind::INSURER, "insurer", "a medical insurer (医療保険者) on the shared insurer server: its members", "医療保険者"},
     {AgencyKind::CONNECTIVITY_TOOL, "connectivity_tool",
      "the network's connectivity-check tool (業務疎通確認ツール): a dummy counterparty inside the hub that answers "
      "every item the requester may ask for with fixed test data, for test and real persons alike (a real person "
      "gets test data: test_mixed); no population, site: the hub's", "業務疎通確認ツール"}});
inline const char* to_string(AgencyKind k) { return AGENCY_KINDS.name(k); }

inline constexpr auto MANUAL_MODES = enum_table<bool>(
    "manual_mode",
    "manual-answer mode (自動応答不可設定): `manual_answer.mode`, timeline `manual_answer` events",
    {{true, "on", "provision requests for the held items wait for a staff member (self-restraint)"},
     {false, "off", "answered automatically from the replica"}});

/// Manual-answer mode (自動応答不可設定): provision requests wait for a staff member.
struct ManualAnswer {
  bool configured = false;      ///< the agency has staff for manual answers
  bool on         = false;      ///< the mode is on at the start of the run
  std::vector<uint32_t> items;  ///< layouts held for a human (empty = all)
  unsigned staff = 1;
  Duration handling;            ///< business time a staff member spends on one request
};

enum class Nights { BUSINESS, EVERY };

inline constexpr auto NIGHTS = enum_table<Nights>(
    "registration_nights",
    "which nights a provider's registration batch runs (`registration.nights`)",
    {{Nights::BUSINESS, "business", "the night after each business day [K]"},
     {Nights::EVERY, "every", "every night"}});

/// Replica registration (副本登録) schedule of one provider.
struct Registration {
  int window_start_s = 0;               ///< nightly batch window, seconds after midnight
  int window_end_s   = 0;
  std::vector<int64_t> skip_days;       ///< nights the batch does not run (day numbers)
  double failure_rate = 0;              ///< probability a nightly batch fails (no registration)
  Nights nights = Nights::BUSINESS;     ///< which nights it runs
  double extraction_spread = 0;         ///< extraction falls in this leading share of the window [K]
  bool pattern2_reload = true;          ///< reloads past data in the new layout before a pattern-2 cutover
};

struct Agency {
  std::string id;
  std::string name;
  AgencyKind kind     = AgencyKind::MUNICIPALITY;
  uint32_t site       = NONE; ///< index into Scenario::sites (its intermediate server)
  uint32_t prefecture = NONE; ///< municipalities: index of their prefecture agency (or NONE)
  uint64_t population = 0;    ///< residents / members / covered persons
  LinkSpec access;            ///< its own line: VPN device on LGWAN, or access line to its server
  ManualAnswer manual;
  double non_disclosure_rate = 0; ///< share of persons whose records it flags 不開示
  double null_error_rate     = 0; ///< share of records its existing system registers with a blank item
  Registration registration;
};

enum class IdentityErrorKind { SWAPPED_LINK };

inline constexpr auto IDENTITY_ERROR_KINDS = enum_table<IdentityErrorKind>(
    "identity_error_kind",
    "kind of an injected code-table fault (`identity_errors[].kind`)",
    {{IdentityErrorKind::SWAPPED_LINK, "swapped_link",
      "the agency's table links two persons to each other's records (個人番号 ↔ 宛名番号 swap, seed p.18-20)"}});

/// A fault in the ground truth of identity: an agency's code table links a person to another's data.
struct IdentityError {
  IdentityErrorKind kind = IdentityErrorKind::SWAPPED_LINK;
  uint32_t agency        = 0;
  uint64_t person_a = 0, person_b = 0;
};

} // namespace linksim
