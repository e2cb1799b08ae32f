// EnumTable: the one place an enum's values, names and one-line help are declared.
//
// Every enum a user can see (in a scenario file, result.json, the CSV, the terminal or the docs)
// is declared once as a table; the loader reads names with it, `to_string` writes them, the
// terminal and the report print them, and `linksim reference` prints the tables for the docs and
// for the test that keeps the JSON Schema in step with the code.
//
//   enum class Mode { IMMEDIATE, BATCH };
//   inline constexpr EnumTable<Mode, 2> MODES{"mode", "how a query carries its persons", {{
//       {Mode::IMMEDIATE, "immediate", "one person, interactive (即時照会)"},
//       {Mode::BATCH, "batch", "a file of many persons (一括照会)"}}}};
//   MODES.name(Mode::BATCH);            // "batch"
//   MODES.parse("immediate");           // std::optional<Mode>{Mode::IMMEDIATE}
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linksim {

/// One value of an enum: its C++ value, the name users write and read, and a one-line help.
template <typename E> struct EnumEntry {
  E value;
  const char* name;
  const char* help;
};

/// An enum's table. Entries are listed in the order the docs show them.
template <typename E, size_t N> class EnumTable {
public:
  constexpr EnumTable(const char* id, const char* what, std::array<EnumEntry<E>, N> entries)
      : id_(id), what_(what), entries_(entries)
  {
  }

  /// Identifier of the table (used by `linksim reference` and the schema test).
  constexpr const char* id() const { return id_; }
  /// What the enum stands for (one line).
  constexpr const char* what() const { return what_; }
  constexpr size_t size() const { return N; }
  constexpr const std::array<EnumEntry<E>, N>& entries() const { return entries_; }

  /// The name of a value ("?" for a value not in the table: a bug, never user input).
  constexpr const char* name(E v) const
  {
    for (const auto& e : entries_)
      if (e.value == v)
        return e.name;
    return "?";
  }
  /// The help line of a value.
  constexpr const char* help(E v) const
  {
    for (const auto& e : entries_)
      if (e.value == v)
        return e.help;
    return "";
  }
  /// The value of a name, if it is one.
  std::optional<E> parse(std::string_view s) const
  {
    for (const auto& e : entries_)
      if (s == e.name)
        return e.value;
    return std::nullopt;
  }
  /// The names, in table order.
  std::vector<std::string> names() const
  {
    std::vector<std::string> out;
    out.reserve(N);
    for (const auto& e : entries_)
      out.emplace_back(e.name);
    return out;
  }

private:
  const char* id_;
  const char* what_;
  std::array<EnumEntry<E>, N> entries_;
};

/// A table seen without its C++ type (for the docs and `linksim reference`).
struct EnumInfo {
  std::string id, what;
  std::vector<std::pair<std::string, std::string>> values; ///< (name, help)
};

template <typename E, size_t N> EnumInfo describe(const EnumTable<E, N>& t)
{
  EnumInfo info{t.id(), t.what(), {}};
  for (const auto& e : t.entries())
    info.values.emplace_back(e.name, e.help);
  return info;
}

} // namespace linksim
