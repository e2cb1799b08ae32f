// Japanese names of the domain terms the reports show (report.html, compare.html), next to their
// English names. They are declared in the rows of the terms' own tables (an outcome class's row,
// a hop's row, ...: sim/scenario/EnumTable.hpp) and looked up here by (table id, name). Terms from
// domain.md §8 where it has them; a row whose name is marked [unsure] in a comment is ours (no
// source gave the operator's own wording). The unit test (tests/unit/Glossary.tests.cpp) fails when
// a value of a table the reports show has no Japanese name.
//
//   ja("outcome", "denied")        // "拒否"
//   both("outcome", "denied")      // "拒否 denied"
#pragma once

#include "sim/scenario/Reference.hpp"

#include <string>
#include <string_view>

namespace linksim {

/// The Japanese name of a term, or "" when its table has none (or the term is unknown).
inline const char* ja(std::string_view table, std::string_view name)
{
  static const std::vector<EnumInfo> tables = model_enums();
  for (const EnumInfo& t : tables)
    if (t.id == table)
      for (size_t i = 0; i < t.values.size(); ++i)
        if (t.values[i].first == name)
          return t.ja[i].c_str();
  return "";
}

/// "日本語 english" (just the English name when there is no Japanese one).
inline std::string both(std::string_view table, std::string_view name)
{
  const char* j = ja(table, name);
  return *j ? std::string(j) + " " + std::string(name) : std::string(name);
}

} // namespace linksim
