// Descriptor tables: the one place an enum's values are declared, each as a row that carries
// everything code would otherwise re-derive (its name, one-line help, Japanese name, and whatever
// a table's own row type adds: an outcome class says whether it provides data, a response action
// what argument it takes, ...).
//
// Every enum a user can see (in a scenario file, result.json, the CSV, the terminal or the docs)
// is declared once as a table; the loader reads names with it, `to_string` writes them, the
// terminal and the reports print them (with the Japanese name, harness/results/Glossary.hpp), and
// `linksim reference` prints the tables for the docs and for the test that keeps the JSON Schema in
// step with the code. A table's size is the number of rows written: nothing is counted by hand.
//
//   enum class Mode { IMMEDIATE, BATCH };
//   inline constexpr auto MODES = enum_table<Mode>("mode", "how a query carries its persons", {
//       {Mode::IMMEDIATE, "immediate", "one person, interactive", "即時照会"},
//       {Mode::BATCH, "batch", "a file of many persons", "一括照会", "一括照会"}});
//   MODES.name(Mode::BATCH);            // "batch"
//   MODES.parse("immediate");           // std::optional<Mode>{Mode::IMMEDIATE}
//
// A table with rows of its own type (the first four members are `value`, `name`, `help`, `ja`):
//
//   struct OutcomeRow { Outcome value; const char* name; const char* help; const char* ja; bool provides_data; };
//   inline constexpr auto OUTCOMES = make_table<OutcomeRow>("outcome", "...", {{...}, {...}});
//   OUTCOMES.row(Outcome::STALE).provides_data;
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linksim {

/// One value of a plain enum: its C++ value, the name users write and read, a one-line help and,
/// for the terms the reports show, its Japanese name ("" when it has none).
template <typename E> struct EnumEntry {
  E value;
  const char* name;
  const char* help;
  const char* ja = "";
};

/// A table of descriptor rows. `Row` is an aggregate whose members start with `value`, `name`,
/// `help` and `ja` (the Japanese name, "" for none); rows are listed in the order the docs (and
/// result.json) show them.
template <typename Row, size_t N> class Table {
public:
  using Value = decltype(Row::value);

  constexpr Table(const char* id, const char* what, const Row (&rows)[N])
      : Table(id, what, rows, std::make_index_sequence<N>{})
  {
  }

  /// Identifier of the table (used by `linksim reference`, the glossary and the schema test).
  constexpr const char* id() const { return id_; }
  /// What the enum stands for (one line).
  constexpr const char* what() const { return what_; }
  constexpr size_t size() const { return N; }
  constexpr const std::array<Row, N>& entries() const { return rows_; }

  /// The row of a value (nullptr for a value not in the table: a bug, never user input).
  constexpr const Row* find(Value v) const
  {
    for (const Row& r : rows_)
      if (r.value == v)
        return &r;
    return nullptr;
  }
  /// The row of a value that is in the table.
  constexpr const Row& row(Value v) const
  {
    const Row* r = find(v);
    return r ? *r : rows_[0];
  }
  /// The name of a value ("?" for a value not in the table: a bug, never user input).
  constexpr const char* name(Value v) const
  {
    const Row* r = find(v);
    return r ? r->name : "?";
  }
  /// The help line of a value.
  constexpr const char* help(Value v) const
  {
    const Row* r = find(v);
    return r ? r->help : "";
  }
  /// The value of a name, if it is one.
  std::optional<Value> parse(std::string_view s) const
  {
    for (const Row& r : rows_)
      if (s == r.name)
        return r.value;
    return std::nullopt;
  }
  /// The names, in table order.
  std::vector<std::string> names() const
  {
    std::vector<std::string> out;
    out.reserve(N);
    for (const Row& r : rows_)
      out.emplace_back(r.name);
    return out;
  }
  /// The rows are the values 0, 1, ..., N-1 in order (so a value indexes arrays laid out like the table).
  constexpr bool dense() const
  {
    for (size_t i = 0; i < N; ++i)
      if (static_cast<size_t>(rows_[i].value) != i)
        return false;
    return true;
  }

private:
  template <size_t... I>
  constexpr Table(const char* id, const char* what, const Row (&rows)[N], std::index_sequence<I...>)
      : id_(id), what_(what), rows_{{rows[I]...}}
  {
  }
  const char* id_;
  const char* what_;
  std::array<Row, N> rows_;
};

/// A table of rows of type `Row`, its size taken from the rows written.
template <typename Row, size_t N> constexpr Table<Row, N> make_table(const char* id, const char* what, const Row (&rows)[N])
{
  return Table<Row, N>(id, what, rows);
}
/// A table of a plain enum (rows {value, name, help[, ja]}).
template <typename E, size_t N>
constexpr Table<EnumEntry<E>, N> enum_table(const char* id, const char* what, const EnumEntry<E> (&rows)[N])
{
  return Table<EnumEntry<E>, N>(id, what, rows);
}

/// A table seen without its C++ type (for the docs, the glossary and `linksim reference`).
struct EnumInfo {
  std::string id, what;
  std::vector<std::pair<std::string, std::string>> values; ///< (name, help)
  std::vector<std::string> ja;                             ///< the Japanese names, in the order of `values`
};

template <typename Row, size_t N> EnumInfo describe(const Table<Row, N>& t)
{
  EnumInfo info{t.id(), t.what(), {}, {}};
  for (const Row& r : t.entries()) {
    info.values.emplace_back(r.name, r.help);
    info.ja.emplace_back(r.ja);
  }
  return info;
}

} // namespace linksim
