// The reference tables of the model: every enum a user sees and every parameter default, for
// `linksim reference` (the docs and the schema test read its output).
#pragma once

#include "sim/scenario/EnumTable.hpp"
#include "sim/scenario/Params.hpp"

#include <vector>

namespace linksim {

/// Weekday names (`calendar.weekend`), 0 = Sunday.
inline constexpr auto WEEKDAYS = enum_table<unsigned>(
    "weekday",
    "a day of the week (`calendar.weekend`)",
    {{0, "sun", "Sunday"},
     {1, "mon", "Monday"},
     {2, "tue", "Tuesday"},
     {3, "wed", "Wednesday"},
     {4, "thu", "Thursday"},
     {5, "fri", "Friday"},
     {6, "sat", "Saturday"}});

/// Network models linksim accepts (`network.model`).
inline constexpr auto NETWORK_MODELS = enum_table<int>(
    "network_model",
    "SimGrid network model (`network.model`)",
    {{0, "CM02", "latency + size / bottleneck bandwidth; LV08 would scale every latency by 13.01 (design.md §3)"}});

/// Every enum table of the model (scenario, oracle, trace), in the order the docs list them.
std::vector<EnumInfo> model_enums();

} // namespace linksim
