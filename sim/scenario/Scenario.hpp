// Typed scenario: what a validated scenario file says, with every reference resolved to an index.
//
// harness/scenario/Loader builds it (and rejects anything invalid before the engine starts); the
// World and the agents read it. Units are in the field names. Indices point into the vectors of
// this struct. One header per section: Common, Network, Agencies, Layouts, Permissions, Workload,
// Checks, Timeline; defaults are declared once in Params.hpp.
#pragma once

#include "sim/model/Calendar.hpp"
#include "sim/scenario/Agencies.hpp"
#include "sim/scenario/Checks.hpp"
#include "sim/scenario/Drills.hpp"
#include "sim/scenario/Exercise.hpp"
#include "sim/scenario/Incidents.hpp"
#include "sim/scenario/Layouts.hpp"
#include "sim/scenario/LinkageTest.hpp"
#include "sim/scenario/Network.hpp"
#include "sim/scenario/Params.hpp"
#include "sim/scenario/Permissions.hpp"
#include "sim/scenario/Revisions.hpp"
#include "sim/scenario/TestCases.hpp"
#include "sim/scenario/Verification.hpp"
#include "sim/scenario/Timeline.hpp"
#include "sim/scenario/Workload.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace linksim {

enum class HolidayCalendar { JAPAN, NONE };

inline constexpr auto HOLIDAY_CALENDARS = enum_table<HolidayCalendar>(
    "holiday_calendar",
    "built-in non-business days (`calendar.holidays`)",
    {{HolidayCalendar::JAPAN, "japan",
      "Japan's national holidays (国民の祝日, with substitute and citizens' holidays) and the government's year-end "
      "closure 12/29-1/3, built in for 2016-2035"},
     {HolidayCalendar::NONE, "none", "no built-in non-business days: only `weekend` and `non_business_days`"}});

struct Scenario {
  std::string file; ///< path as given
  std::string file_sha256;
  std::string name;
  std::string description;
  uint64_t seed = 1;
  int format           = FORMAT_CURRENT; ///< the scenario format version it is read as (`format`)
  bool format_declared = false;          ///< false: the file gave no `format` and is read as the current one
  /// Warnings of the loader ("warning: FILE: /pointer: ..."): valid, but part of a run is pointless.
  std::vector<std::string> warnings;

  // calendar
  std::string start_text;
  int64_t start_jst_s   = 0;
  double duration_s     = 0;
  int open_s            = 0;
  int close_s           = 0;
  unsigned weekend_mask = 0;
  HolidayCalendar holiday_calendar = HolidayCalendar::JAPAN;
  std::vector<int64_t> holidays; ///< every non-business day: built-in and `non_business_days` (sorted)
  double drain_limit_s = 0;

  std::vector<Site> sites;
  HubSpec hub;
  JlisSpec jlis;
  std::vector<Agency> agencies;
  std::vector<Layout> layouts;
  std::vector<std::string> reasons_of_null;
  std::vector<Procedure> procedures;
  std::vector<PermissionRow> permissions;
  std::vector<Delegation> delegations;
  std::vector<Revision> revisions; ///< in go-live order
  std::vector<Workload> workload; ///< the file's lines, then one internal line per test case
  std::vector<TestCase> test_cases;
  std::vector<IdentityError> identity_errors;
  std::vector<TimelineEvent> timeline; ///< in time order (ties in file order)
  Messages messages;
  std::vector<Check> checks;

  // linkage test (情報連携試験): test My Numbers and their holders
  LinkageTestSpec linkage;
  // verification environment and inter-agency test (機関間試験)
  Verification verification;
  // annual notification drill (訓練): in post order (ties: file order)
  std::vector<Drill> drills;

  // issue 9: incidents and their response (section `incidents`, sim/scenario/Incidents.hpp)
  IncidentsSpec incidents;
  /// The agency an exercise's trainee plays (`linksim exercise --play`): the automatic responder
  /// does not act for it; NONE: the responder acts for every agency.
  uint32_t exercise_play = NONE;
  // training exercise a person plays (section `exercise`, `linksim exercise`)
  ExerciseSpec exercise;

  Calendar calendar() const
  {
    return Calendar(start_jst_s, open_s, close_s, weekend_mask, holidays,
                    static_cast<int64_t>(duration_s / 86400.0) + 400);
  }
};

} // namespace linksim
