// Scenario section `workload`: who queries whom, about whom, how often.
#pragma once

#include "sim/scenario/Common.hpp"

#include <string>
#include <vector>

namespace linksim {

enum class ProviderSelect { RESIDENCE, PREVIOUS_RESIDENCE, PREFECTURE_OF_RESIDENCE, INSURER, AGENCY };

inline constexpr auto PROVIDER_SELECTS = enum_table<ProviderSelect>(
    "provider_select",
    "how a workload line names the provider of each query (`workload[].provider.select`)",
    {{ProviderSelect::RESIDENCE, "residence", "the municipality the person lives in"},
     {ProviderSelect::PREVIOUS_RESIDENCE, "previous_residence", "the municipality the person lived in before"},
     {ProviderSelect::PREFECTURE_OF_RESIDENCE, "prefecture_of_residence", "the prefecture of the person's municipality"},
     {ProviderSelect::INSURER, "insurer", "the person's medical insurer"},
     {ProviderSelect::AGENCY, "agency", "one named agency (`provider.agency`)"}});

inline const char* to_string(ProviderSelect p) { return PROVIDER_SELECTS.name(p); }

enum class Subjects { OWN_RESIDENTS, OWN_MEMBERS, ANY, LISTED };

inline constexpr auto SUBJECTS = enum_table<Subjects>(
    "subjects",
    "whom a workload line asks about (`workload[].subjects`)",
    {{Subjects::OWN_RESIDENTS, "own_residents", "the requester's own residents (municipalities, prefectures)"},
     {Subjects::OWN_MEMBERS, "own_members", "the requester's own members (insurers, national bodies)"},
     {Subjects::ANY, "any", "anyone in the population"},
     {Subjects::LISTED, "listed", "the persons listed in `persons` (test persons)"}});

inline constexpr auto MODES = enum_table<bool>(
    "mode",
    "how a query carries its persons (`workload[].mode`)",
    {{false, "immediate", "one person, interactive (即時照会)", "即時照会"},
     {true, "batch", "a file of `batch_size` persons, results fetched later (一括照会)", "一括照会"}});
inline constexpr auto HOURS = enum_table<bool>(
    "hours",
    "when a workload line's queries arrive (`workload[].hours`)",
    {{true, "business", "inside business hours, counted in business time"},
     {false, "all_day", "at any time of day, counted in calendar time"}});
inline constexpr auto ARRIVALS = enum_table<bool>(
    "arrivals",
    "how arrivals are spaced (`workload[].arrivals`)",
    {{false, "poisson", "a Poisson process (exponential gaps)"},
     {true, "regular", "evenly spaced with a random phase"}});
inline constexpr auto SPLITS = enum_table<bool>(
    "split",
    "how a line's rate is shared among its requesters (`workload[].split`)",
    {{true, "population", "in proportion to their populations"},
     {false, "equal", "equally"}});

struct Workload {
  std::string id;
  uint32_t procedure = 0;
  uint32_t item      = 0;
  std::vector<uint32_t> requesters; ///< agency indices
  uint32_t on_behalf_of = NONE;     ///< the requesters ask as delegates (受任者) of this agency (委任者)
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
  /// Listed persons paired with the arrival times: arrival k asks persons[k*batch_size ..
  /// (k+1)*batch_size) in order (set when `at` has one time per person or per batch); else a
  /// rate-driven line draws them at random.
  bool paired = false;
  std::vector<uint32_t> providers;  ///< paired: the provider of each person, fixed at load (test cases)
  uint32_t test_case = NONE;        ///< the test case (Scenario::test_cases) this internal line runs
  // linkage test (情報連携試験)
  bool linkage_test = false;        ///< internal: the line runs a `linkage` regime test case (a real
                                    ///< person asked on it is test_mixed)
  // network and host faults: what the requester does when an attempt fails (Params.hpp)
  unsigned retries        = 0;   ///< attempts after the first
  double retry_interval_s = 60;  ///< wait after a failed attempt is noticed
  double fault_timeout_s  = 300; ///< wait for a lost answer when `timeout_s` is not set
  /// How long one attempt waits for an answer a fault lost (s).
  double attempt_wait_s() const { return timeout_s > 0 ? timeout_s : fault_timeout_s; }
};

} // namespace linksim
