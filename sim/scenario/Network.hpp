// Scenario sections `network`, `hub`, `jlis`, `servers` and `messages`: sites, their links and
// the processing times of the servers on them.
#pragma once

#include "sim/scenario/Common.hpp"
#include "sim/scenario/Permissions.hpp"

#include <string>
#include <vector>

namespace linksim {

enum class SiteKind { HUB, JLIS, LG_PLATFORM, INSURER_SERVER, DEDICATED_SERVER };

inline constexpr auto SITE_KINDS = enum_table<SiteKind>(
    "site_kind",
    "kind of a site (`network.sites[].kind`)",
    {{SiteKind::HUB, "hub", "the hub: core and interface systems (情報提供ネットワークシステム)", "情報提供ネットワークシステム"},
     {SiteKind::JLIS, "jlis", "J-LIS / 住基ネット, used for code acquisition (符号取得)", "J-LIS（住基ネット）"},
     {SiteKind::LG_PLATFORM, "lg_platform",
      "a site of the local governments' intermediate-server platform (自治体中間サーバー・プラットフォーム)", "自治体中間サーバー・プラットフォーム"},
     {SiteKind::INSURER_SERVER, "insurer_server", "the medical insurers' shared intermediate server (医療保険者等向け中間サーバー)", "医療保険者等向け中間サーバー"},
     {SiteKind::DEDICATED_SERVER, "dedicated_server", "a national body's own intermediate server", "専用中間サーバー"}}); // [unsure] a national body's own server
inline const char* to_string(SiteKind k) { return SITE_KINDS.name(k); }

/// A site: the hub's, J-LIS's, or an intermediate server's (中間サーバー).
struct Site {
  std::string id;
  SiteKind kind = SiteKind::HUB;
  LinkSpec uplink; ///< site ↔ hub (not for the hub itself)
  LinkSpec lgwan;  ///< LG platform only: the LGWAN segment shared by the site's agencies
  LinkSpec access; ///< insurer/dedicated servers: default per-agency access line
  // Intermediate-server behaviour (servers only)
  unsigned workers = 1;
  Duration query;                       ///< forward a query from the existing system to the hub
  Duration lookup;                      ///< look up a replica and answer a provision request
  Duration result;                      ///< receive a result and hand it to the existing system
  double batch_per_person_s        = 0; ///< extra per person of a batch query, on each of the above
  double registration_per_record_s = 0; ///< replica registration (副本登録) per record
};

struct HubSpec {
  uint32_t site    = 0;
  unsigned workers = 1;
  Duration request;     ///< permission check + code conversion + record, per request
  Duration response;    ///< relay of an answer
  Duration acquisition; ///< code issue (符号取得)
  double batch_per_person_s = 0;
  std::vector<PermissionRow> master_extra_rows; ///< rows its distributed master wrongly allows, all run
};

struct JlisSpec {
  uint32_t site    = 0;
  unsigned workers = 1;
  Duration processing;
};

/// Message sizes [K].
struct Messages {
  double header_bytes             = 0;
  double request_bytes_per_person = 0;
};

} // namespace linksim
