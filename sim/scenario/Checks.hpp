// Scenario section `expect`: the checks a run is judged by.
#pragma once

#include "sim/scenario/EnumTable.hpp"

#include <cstdint>
#include <string>

namespace linksim {

enum class CheckKind { CORRECTNESS, LATENCY };

inline constexpr auto CHECK_KINDS = enum_table<CheckKind>(
    "check_kind",
    "what a failing check means (`expect[].kind`; it decides the exit code)",
    {{CheckKind::CORRECTNESS, "correctness", "wrong data, wrong person, wrong recipient or missing data: exit 1", "正確性"},
     {CheckKind::LATENCY, "latency", "too slow (an SLO): exit 2", "応答時間"}});

/// Verdict of one check (and of a check in compare's tables).
enum class CheckVerdict : uint8_t { PASS, FAIL, INCONCLUSIVE };

inline constexpr auto CHECK_VERDICTS = enum_table<CheckVerdict>(
    "verdict",
    "verdict of a check (result.json /checks[].verdict, junit.xml, compare.json)",
    {{CheckVerdict::PASS, "pass", "the measured value is within the check's bounds", "合格"},
     {CheckVerdict::FAIL, "fail", "the measured value is outside the check's bounds: the check's kind decides the exit code",
      "不合格"},
     {CheckVerdict::INCONCLUSIVE, "inconclusive",
      "no value to judge: the metric is not in the result, a latency statistic has no samples, or a denominator is 0 "
      "(exit 3 when nothing failed)",
      "判定不能"}});
inline const char* to_string(CheckVerdict v) { return CHECK_VERDICTS.name(v); }

struct Check {
  std::string name;
  std::string metric; ///< JSON pointer into result.json
  std::string per;    ///< optional denominator pointer
  bool has_min = false, has_max = false;
  double min = 0, max = 0;
  CheckKind kind = CheckKind::CORRECTNESS;
};

} // namespace linksim
