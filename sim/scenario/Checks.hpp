// Scenario section `expect`: the checks a run is judged by.
#pragma once

#include "sim/scenario/EnumTable.hpp"

#include <string>

namespace linksim {

enum class CheckKind { CORRECTNESS, LATENCY };

inline constexpr EnumTable<CheckKind, 2> CHECK_KINDS{
    "check_kind",
    "what a failing check means (`expect[].kind`; it decides the exit code)",
    {{{CheckKind::CORRECTNESS, "correctness", "wrong data, wrong person, wrong recipient or missing data: exit 1"},
      {CheckKind::LATENCY, "latency", "too slow (an SLO): exit 2"}}}};

struct Check {
  std::string name;
  std::string metric; ///< JSON pointer into result.json
  std::string per;    ///< optional denominator pointer
  bool has_min = false, has_max = false;
  double min = 0, max = 0;
  CheckKind kind = CheckKind::CORRECTNESS;
};

} // namespace linksim
