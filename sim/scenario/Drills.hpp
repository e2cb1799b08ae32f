// Scenario section `drills`: the annual notification drill (訓練) [SEED p.30-31, domain.md §6].
//
// The operator posts a simulated incident to the information-sharing site (情報共有サイト) at
// `posted`; the site mails the registered contact of every targeted agency (category 01>01
// 重要周知事項 mails all users; 05 障害情報 is the failure-status category). A share of contacts is
// stale and never receives the mail [K]; the others receive it after a mail delay [K] (calendar
// time: mail servers run at night too). A staff member of the agency reads it and acknowledges
// (logs in to the site and views the status) after a delay counted in business time [K], per
// agency kind; the drill closes at its cutoff, and who has not acknowledged by then never does.
//
// Times of one drill, kept apart (result.json /drills/<id>):
//   occurred  the simulated incident happens (`occurred_minutes_before` the post)       [K]
//   posted    the operator posts it to the site: the alert                               (given)
//   acknowledged, per agency: its staff logged in and viewed the status                  (simulated)
//   resolved  the simulated incident is resolved (`resolved_hours_after` the post)       [K]
//   MTTD = posted − occurred   (time to detect and post: the operator's, an input of the drill)
//   MTTA = mean(acknowledged − posted) over the agencies that acknowledged  (what the drill measures)
//   MTTR = resolved − occurred (time to resolve: an input of the drill)
//
//   "drills": [{"id": "fy2019", "posted": "2019-05-14T10:00:00+09:00", "category": "01-01",
//               "stale_contact_rate": 0.03, "cutoff_business_days": 3,
//               "ack": {"municipality": {"dist": "lognormal", "median_ms": 5400000, "sigma": 1.0}}}]
#pragma once

#include "sim/scenario/Agencies.hpp"
#include "sim/scenario/Common.hpp"
#include "sim/scenario/EnumTable.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace linksim {

/// The information-sharing site's category the drill's post goes to (情報共有サイト, seed p.30-31).
enum class DrillCategory { IMPORTANT_NOTICE, FAILURE_STATUS };

inline constexpr auto DRILL_CATEGORIES = enum_table<DrillCategory>(
    "drill_category",
    "category of the information-sharing site (情報共有サイト) a drill posts to (`drills[].category`)",
    {{DrillCategory::IMPORTANT_NOTICE, "01-01",
      "01>01 重要周知事項 (operator notices, important): the site mails every registered user [SEED]"},
     {DrillCategory::FAILURE_STATUS, "05",
      "05 障害情報 (failure status): the site mails the registered contact of every targeted agency"}});

/// Agency kinds a drill can target, in the order of their `ack` keys (the connectivity tool has no staff).
inline constexpr std::array<AgencyKind, 4> DRILL_KINDS = {AgencyKind::MUNICIPALITY, AgencyKind::PREFECTURE,
                                                          AgencyKind::NATIONAL_BODY, AgencyKind::INSURER};
/// Index of a kind in DRILL_KINDS, or DRILL_KINDS.size() for a kind a drill never targets.
inline size_t drill_kind_index(AgencyKind k)
{
  for (size_t i = 0; i < DRILL_KINDS.size(); ++i)
    if (DRILL_KINDS[i] == k)
      return i;
  return DRILL_KINDS.size();
}

/// One annual notification drill.
struct Drill {
  std::string id;
  DrillCategory category = DrillCategory::IMPORTANT_NOTICE;
  double posted_s    = 0; ///< the operator posts the simulated incident (the alert)
  double occurred_s  = 0; ///< the simulated incident occurred (posted_s − occurred_minutes_before)
  double resolved_s  = 0; ///< the simulated incident is resolved (posted_s + resolved_hours_after)
  double cutoff_s    = 0; ///< the drill closes: the close of business `cutoff_business_days` after the post
  double stale_contact_rate = 0; ///< share of targeted agencies whose registered contact is stale
  Duration mail_delay;           ///< post → mail in the contact's inbox (calendar time)
  std::array<Duration, DRILL_KINDS.size()> ack; ///< mail received → acknowledged, in business time, per kind
  double mail_bytes  = 0;  ///< size of the alert mail
  unsigned stragglers = 0; ///< how many of the last to acknowledge the results list
  std::vector<uint32_t> targets; ///< agencies targeted (indices into Scenario::agencies, in agency order)
};

} // namespace linksim
