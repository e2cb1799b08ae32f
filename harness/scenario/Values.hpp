// Readers for the value types every section uses: ids, links, durations, dates, times of day,
// JST date-times, references by id, layout numbers, agency matches, enum choices and parameters
// with a declared default (sim/scenario/Params.hpp). Each reports its problems with the JSON
// pointer and what was expected, and yields nothing (std::nullopt) for a bad value.
#pragma once

#include "harness/scenario/LoadContext.hpp"
#include "sim/scenario/EnumTable.hpp"
#include "sim/scenario/Params.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace linksim {

constexpr double MS = 1e-3; ///< seconds per millisecond

/// Ids (sites, agencies, procedures, workload lines, timeline events) name hosts, mailboxes and
/// CSV fields: ASCII letters, digits, '.', '_', '-', starting with a letter or digit, at most 64.
bool valid_id(const std::string& id);
extern const char* const ID_RULE;
/// Reads a required id at `key` (non-empty, valid, not already in `taken`); `what` names it in messages.
std::optional<std::string> read_id(ObjReader& o, const std::string& key, const std::string& what,
                                   const std::map<std::string, uint32_t>& taken);

/// `{"latency_ms", "bandwidth_mbps"}`.
std::optional<LinkSpec> read_link(ObjReader& o, const std::string& key, Req req);
/// `{"dist": ..., ...}` (see DURATION_DISTS).
std::optional<Duration> read_duration(ObjReader& o, const std::string& key, Req req);
/// "YYYY-MM-DD" → day number.
std::optional<int64_t> read_date(const json& j, const std::string& ptr, Issues& issues);
/// "HH:MM" → seconds after midnight.
std::optional<int> read_hhmm(ObjReader& o, const std::string& key, Req req);
/// A JST date-time "YYYY-MM-DDTHH:MM:SS+09:00", or a date "YYYY-MM-DD" (the start of that day),
/// as simulated seconds from the scenario's start.
std::optional<double> read_when(const json& j, const std::string& ptr, const LoadContext& ctx);
/// Optional `from` / `until` (read_when each) into from_s / until_s; false (reported) if one is
/// invalid or `until` is not after `from` (`what`: "a row", "a delegation").
bool read_window(ObjReader& o, double& from_s, double& until_s, const std::string& what, const LoadContext& ctx);
/// Appends the person indices of `arr` (a `persons` array at `ptr`, its elements declared by
/// `element`) to `out`; false (each bad element reported) when one is not an index of the population.
bool read_person_indices(const json& arr, const std::string& ptr, const Param& element, LoadContext& ctx,
                         std::vector<uint64_t>& out);
/// A reference by id into an index ("unknown site \"x\"; known: ...").
std::optional<uint32_t> resolve(const std::map<std::string, uint32_t>& ix, const std::string& what,
                                const std::string& id, const std::string& ptr, Issues& issues);
/// A specific-personal-information number (特定個人情報番号) naming a layout (params::LAYOUT_REF).
std::optional<uint32_t> resolve_layout(const json& j, const std::string& ptr, LoadContext& ctx);
/// A site id at `key` that must name a site of one of `kinds` (`expected` says which, in words).
std::optional<uint32_t> resolve_site(ObjReader& o, const std::string& key, std::initializer_list<SiteKind> kinds,
                                     const std::string& expected, LoadContext& ctx);
/// `{"kind": ...}` or `{"agency": id}`.
std::optional<AgencyMatch> read_match(ObjReader& o, const std::string& key, LoadContext& ctx);

/// A string that must be a name of `table`.
template <typename Row, size_t N>
std::optional<typename Table<Row, N>::Value> read_choice(ObjReader& o, const std::string& key, Req req,
                                                         const Table<Row, N>& table)
{
  auto s = o.choice(key, req, table.names());
  return s ? table.parse(*s) : std::nullopt;
}

/// The last segment of a parameter's pointer: its key in its object.
std::string param_key(const Param& p);
/// The parameter's declared default, as JSON (it must have one).
json param_default(const Param& p);
/// The declaration's own Req: YES for a REQUIRED parameter.
inline Req param_req(const Param& p) { return p.default_json == REQUIRED ? Req::YES : Req::NO; }
/// The declared range in words ("0 to 1", "> 0", ">= 1"), for messages.
std::string describe(const Bounds& b);
/// The names a CHOICE parameter allows: `table_names` (its table's, whose id must be the
/// declaration's) or the subset it declares.
std::vector<std::string> choice_names(const Param& p, const char* table_id, const std::vector<std::string>& table_names);

/// A NUMBER or INTEGER parameter's value if given and valid (its kind and its declared range),
/// else nothing; a missing REQUIRED parameter is reported. `req` stands for the declaration where a
/// key is required only in some cases (its help says which).
std::optional<double> read_given(ObjReader& o, const Param& p, Req req);
inline std::optional<double> read_given(ObjReader& o, const Param& p) { return read_given(o, p, param_req(p)); }
/// An INTEGER parameter's value if given and valid, else nothing (as read_given).
std::optional<int64_t> read_given_integer(ObjReader& o, const Param& p, Req req);
inline std::optional<int64_t> read_given_integer(ObjReader& o, const Param& p)
{
  return read_given_integer(o, p, param_req(p));
}
/// A parameter with a default: its value if given (and valid), else its declared default.
double read_number(ObjReader& o, const Param& p);
int64_t read_integer(ObjReader& o, const Param& p);
bool read_bool(ObjReader& o, const Param& p);
std::optional<Duration> read_duration(ObjReader& o, const Param& p);
/// A CHOICE parameter's value if given and one of its names, else nothing.
template <typename Row, size_t N>
std::optional<typename Table<Row, N>::Value> read_given_choice(ObjReader& o, const Param& p, const Table<Row, N>& table,
                                                               Req req)
{
  auto s = o.choice(param_key(p), req, choice_names(p, table.id(), table.names()));
  return s ? table.parse(*s) : std::nullopt;
}
template <typename Row, size_t N>
std::optional<typename Table<Row, N>::Value> read_given_choice(ObjReader& o, const Param& p, const Table<Row, N>& table)
{
  return read_given_choice(o, p, table, param_req(p));
}
/// A CHOICE parameter with a default: its value if given (and valid), else its declared default.
template <typename Row, size_t N>
typename Table<Row, N>::Value read_choice(ObjReader& o, const Param& p, const Table<Row, N>& table)
{
  if (auto v = read_given_choice(o, p, table, Req::NO))
    return *v;
  return *table.parse(param_default(p).template get<std::string>());
}

} // namespace linksim
