// Types shared by several scenario sections: durations, links, "no index".
#pragma once

#include "sim/scenario/EnumTable.hpp"

#include <cstdint>
#include <limits>

namespace linksim {

/// An index that points nowhere (no agency, no prefecture, ...).
constexpr uint32_t NONE = std::numeric_limits<uint32_t>::max();
/// A time that never comes (an open-ended window).
constexpr double NEVER = std::numeric_limits<double>::infinity();

/// A random duration (processing time, staff handling time).
struct Duration {
  enum class Dist { FIXED, EXPONENTIAL, UNIFORM, LOGNORMAL };
  Dist dist      = Dist::FIXED;
  double value_s = 0; ///< fixed: the value; exponential: the mean; uniform: the minimum; lognormal: the median (s)
  double max_s   = 0; ///< uniform: the maximum (s)
  double sigma   = 0; ///< lognormal: sigma of the underlying normal (dimensionless)
};

inline constexpr auto DURATION_DISTS = enum_table<Duration::Dist>(
    "duration_dist",
    "distribution of a random duration",
    {{Duration::Dist::FIXED, "fixed", "always `ms`"},
     {Duration::Dist::EXPONENTIAL, "exponential", "exponential with mean `mean_ms`"},
     {Duration::Dist::UNIFORM, "uniform", "uniform between `min_ms` and `max_ms`"},
     {Duration::Dist::LOGNORMAL, "lognormal", "log-normal with median `median_ms` and `sigma`"}});

/// A network link (one SimGrid link, shared by both directions).
struct LinkSpec {
  double latency_s      = 0;
  double bytes_per_s    = 0; ///< bandwidth (the scenario gives megabits per second)
};

} // namespace linksim
