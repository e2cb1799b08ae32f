// Typed scenario: what a validated scenario file says, with every reference resolved to an index.
//
// harness/Loader builds it (and rejects anything invalid before the engine starts); the World and
// the agents read it. Units are in the field names. Indices point into the vectors of this struct.
#pragma once

#include "sim/model/Calendar.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace linksim {

constexpr uint32_t NONE = std::numeric_limits<uint32_t>::max();

/// A random duration (processing time, staff handling time).
struct Duration {
  enum class Dist { FIXED, EXPONENTIAL, UNIFORM, LOGNORMAL };
  Dist dist   = Dist::FIXED;
  double a_s  = 0; ///< fixed value, mean, min, or median (seconds)
  double b_s  = 0; ///< max (uniform) or sigma (lognormal, dimensionless)
};

/// A network link (one direction-shared SimGrid link).
struct LinkSpec {
  double latency_s     = 0;
  double bandwidth_bps = 0; ///< bytes per second
};

enum class SiteKind { HUB, JLIS, LG_PLATFORM, INSURER_SERVER, DEDICATED_SERVER };
const char* to_string(SiteKind k);

/// A site: the hub's, J-LIS's, or an intermediate server's (中間サーバー).
struct Site {
  std::string id;
  SiteKind kind = SiteKind::HUB;
  LinkSpec uplink; ///< site ↔ hub (not for the hub itself)
  LinkSpec lgwan;  ///< LG platform only: the LGWAN segment shared by the site's agencies
  LinkSpec access; ///< insurer/dedicated servers: default per-agency access line
  // Intermediate-server behaviour (servers only)
  unsigned workers = 1;
  Duration query;           ///< forward a query from the existing system to the hub
  Duration lookup;          ///< look up a replica and answer a provision request
  Duration result;          ///< receive a result and hand it to the existing system
  double batch_per_person_s = 0; ///< extra per person of a batch query, on each of the above
  double registration_per_record_s = 0; ///< replica registration (副本登録) per record
};

enum class AgencyKind { MUNICIPALITY, PREFECTURE, NATIONAL_BODY, INSURER };
const char* to_string(AgencyKind k);

/// Manual-answer mode (自動応答不可設定): provision requests wait for a staff member.
struct ManualAnswer {
  bool enabled = false;
  std::vector<uint32_t> items;  ///< layouts held for a human (empty = all)
  unsigned staff = 1;
  Duration handling;            ///< business time a staff member spends on one request
};

/// Replica registration (副本登録) schedule of one provider.
struct Registration {
  int window_start_s = 1 * 3600; ///< nightly batch window, seconds after midnight
  int window_end_s   = 5 * 3600;
  std::vector<int64_t> skip_days;       ///< nights the batch does not run (day numbers)
  double failure_rate = 0;              ///< probability a nightly batch fails (no registration)
  bool business_nights = true;          ///< runs the night after each business day only (else every night)
  double extraction_spread = 0.5;       ///< extraction falls in this leading share of the window [K]
  bool pattern2_reload = true;          ///< reloads past data in the new layout before a pattern-2 cutover
};

struct Agency {
  std::string id;
  std::string name;
  AgencyKind kind = AgencyKind::MUNICIPALITY;
  uint32_t site   = NONE;    ///< index into Scenario::sites (its intermediate server)
  uint32_t prefecture = NONE; ///< municipalities: index of their prefecture agency (or NONE)
  uint64_t population = 0;   ///< residents / members / covered persons
  LinkSpec access;           ///< its own line: VPN device on LGWAN, or access line to its server
  ManualAnswer manual;
  double non_disclosure_rate = 0; ///< share of persons whose records it flags 不開示
  double null_error_rate     = 0; ///< share of records its existing system registers with a blank item
  Registration registration;
};

/// One data item of a layout version (項番).
struct DataItem {
  std::string code;
  double empty_rate = 0; ///< share of records where the item is legitimately empty
  double zero_rate  = 0; ///< share of records where the item's value is zero
};

/// Conditional null rule: `item` must be null with `reason` when `when_item` is zero.
struct NullRule {
  uint32_t item      = 0; ///< index into LayoutVersion::items
  uint32_t when_item = 0;
  uint32_t reason    = 0; ///< index into Scenario::reasons_of_null
};

struct LayoutVersion {
  std::string version;
  double valid_from_s = 0; ///< simulated time (may be negative: before the start)
  int pattern         = 1; ///< 副本登録 pattern relative to the previous version (1, 2, 3)
  std::vector<DataItem> items;
  std::vector<NullRule> null_rules;
};

/// A data standard layout (データ標準レイアウト) for one specific-personal-information number.
struct Layout {
  uint32_t number = 0; ///< 特定個人情報番号
  std::string name;
  double record_bytes       = 1024;
  double change_interval_s  = 365 * 86400.0; ///< mean interval between changes of a person's true data
  double coverage           = 1.0; ///< share of a provider's persons it holds a record for
  std::vector<LayoutVersion> versions; ///< ordered by valid_from
};

struct Procedure {
  std::string code;
  std::string name;
};

/// Who a permission row or workload applies to: a kind of agency or one agency.
struct AgencyMatch {
  bool by_kind    = true;
  AgencyKind kind = AgencyKind::MUNICIPALITY;
  uint32_t agency = NONE;
};

struct PermissionRow {
  uint32_t procedure = 0;
  AgencyMatch requester;
  AgencyMatch provider;
  uint32_t item = 0; ///< index into Scenario::layouts
};

enum class ProviderSelect { RESIDENCE, PREVIOUS_RESIDENCE, PREFECTURE_OF_RESIDENCE, INSURER, AGENCY };
enum class Subjects { OWN_RESIDENTS, OWN_MEMBERS, ANY, LISTED };

struct Workload {
  std::string id;
  uint32_t procedure = 0;
  uint32_t item      = 0;
  std::vector<uint32_t> requesters; ///< agency indices
  Subjects subjects = Subjects::OWN_RESIDENTS;
  std::vector<uint64_t> persons;    ///< Subjects::LISTED: the persons to ask about (e.g. test persons)
  ProviderSelect provider = ProviderSelect::RESIDENCE;
  uint32_t provider_agency = NONE;  ///< ProviderSelect::AGENCY
  double rate_per_day = 0;          ///< persons queried per (business) day, all requesters together
  std::vector<double> at_s;         ///< explicit arrival times (each requester), instead of a rate
  bool split_by_population = true;  ///< else split equally
  bool business_hours = true;       ///< arrivals inside business hours (else all day)
  bool regular = false;             ///< evenly spaced arrivals with a random phase (else Poisson)
  bool batch = false;
  unsigned batch_size = 1;
  std::vector<int> fetch_at_s;      ///< batch: the existing system collects finished result files at
                                    ///< these times (seconds after midnight) on business days; empty =
                                    ///< as soon as they are ready [K]
  double timeout_s = 0;             ///< 0 = the requester waits as long as it takes
  double acquire_rate = 0;          ///< share of subjects whose code must be acquired first
};

enum class CheckMetricKind { CORRECTNESS, LATENCY };

struct Check {
  std::string name;
  std::string metric;      ///< JSON pointer into result.json
  std::string per;         ///< optional denominator pointer
  bool has_min = false, has_max = false;
  double min = 0, max = 0;
  CheckMetricKind kind = CheckMetricKind::CORRECTNESS;
};

/// A fault in the ground truth of identity: an agency's code table links a person to another's data.
struct IdentityError {
  enum class Kind { SWAPPED_LINK };
  Kind kind        = Kind::SWAPPED_LINK;
  uint32_t agency  = 0;
  uint64_t person_a = 0, person_b = 0;
};

struct HubSpec {
  uint32_t site    = 0;
  unsigned workers = 1;
  Duration request;      ///< permission check + code conversion + record, per request
  Duration response;     ///< relay of an answer
  Duration acquisition;  ///< code issue (符号取得)
  double batch_per_person_s = 0;
  std::vector<PermissionRow> master_extra_rows; ///< rows its distributed master wrongly allows
};

struct JlisSpec {
  uint32_t site    = 0;
  unsigned workers = 1;
  Duration processing;
};

struct Messages {
  double header_bytes             = 2048;
  double request_bytes_per_person = 512;
};

struct Scenario {
  std::string file;       ///< path as given
  std::string file_sha256;
  std::string name;
  std::string description;
  uint64_t seed = 1;

  // calendar
  std::string start_text;
  int64_t start_jst_s    = 0;
  double duration_s      = 0;
  int open_s             = 8 * 3600 + 30 * 60;
  int close_s            = 17 * 3600 + 15 * 60;
  unsigned weekend_mask  = (1u << 0) | (1u << 6);
  std::vector<int64_t> holidays;
  double drain_limit_s   = 7 * 86400;

  std::vector<Site> sites;
  HubSpec hub;
  JlisSpec jlis;
  std::vector<Agency> agencies;
  std::vector<Layout> layouts;
  std::vector<std::string> reasons_of_null;
  std::vector<Procedure> procedures;
  std::vector<PermissionRow> permissions;
  std::vector<Workload> workload;
  std::vector<IdentityError> identity_errors;
  Messages messages;
  std::vector<Check> checks;

  Calendar calendar() const
  {
    return Calendar(start_jst_s, open_s, close_s, weekend_mask, holidays,
                    static_cast<int64_t>(duration_s / 86400.0) + 400);
  }
};

} // namespace linksim
