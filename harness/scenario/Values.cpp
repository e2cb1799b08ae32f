#include "harness/scenario/Values.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace linksim {

const char* const ID_RULE = "an id is 1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit";

bool valid_id(const std::string& id)
{
  if (id.empty() || id.size() > 64 || !std::isalnum(static_cast<unsigned char>(id[0])))
    return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
      return false;
  return true;
}

std::optional<std::string> read_id(ObjReader& o, const std::string& key, const std::string& what,
                                   const std::map<std::string, uint32_t>& taken)
{
  auto id = o.string(key, Req::YES);
  if (!id)
    return std::nullopt;
  if (id->empty())
    o.error(key, "an id cannot be empty");
  else if (!valid_id(*id))
    o.error(key, "invalid id \"" + *id + "\": " + ID_RULE);
  else if (taken.count(*id))
    o.error(key, "duplicate " + what + " id \"" + *id + "\"");
  else
    return id;
  return std::nullopt;
}

std::optional<LinkSpec> read_link(ObjReader& o, const std::string& key, Req req)
{
  ObjReader l = o.object(key, req);
  if (!l.valid())
    return std::nullopt;
  auto lat = read_given(l, params::LINK_LATENCY_MS);
  auto bw  = read_given(l, params::LINK_BANDWIDTH_MBPS);
  l.finish();
  if (!lat || !bw)
    return std::nullopt;
  return LinkSpec{*lat * MS, *bw * 1e6 / 8};
}

std::optional<Duration> read_duration(ObjReader& o, const std::string& key, Req req)
{
  ObjReader d = o.object(key, req);
  if (!d.valid())
    return std::nullopt;
  auto dist = read_given_choice(d, params::DURATION_DIST, DURATION_DISTS);
  Duration out;
  bool ok = dist.has_value();
  if (dist == Duration::Dist::FIXED) {
    auto ms = read_given(d, params::DURATION_MS, Req::YES);
    ok      = ok && ms;
    out     = {Duration::Dist::FIXED, ms.value_or(0) * MS, 0, 0};
  } else if (dist == Duration::Dist::EXPONENTIAL) {
    auto ms = read_given(d, params::DURATION_MEAN_MS, Req::YES);
    ok      = ok && ms;
    out     = {Duration::Dist::EXPONENTIAL, ms.value_or(0) * MS, 0, 0};
  } else if (dist == Duration::Dist::UNIFORM) {
    auto lo = read_given(d, params::DURATION_MIN_MS, Req::YES);
    auto hi = read_given(d, params::DURATION_MAX_MS, Req::YES);
    ok      = ok && lo && hi;
    if (lo && hi && *hi < *lo) {
      d.error("max_ms", "must be >= min_ms");
      ok = false;
    }
    out = {Duration::Dist::UNIFORM, lo.value_or(0) * MS, hi.value_or(0) * MS, 0};
  } else if (dist == Duration::Dist::LOGNORMAL) {
    auto med = read_given(d, params::DURATION_MEDIAN_MS, Req::YES);
    auto sg  = read_given(d, params::DURATION_SIGMA, Req::YES);
    ok       = ok && med && sg;
    out      = {Duration::Dist::LOGNORMAL, med.value_or(1) * MS, 0, sg.value_or(0)};
  }
  d.finish();
  if (!ok)
    return std::nullopt;
  return out;
}

std::optional<int64_t> read_date(const json& j, const std::string& ptr, Issues& issues)
{
  if (!j.is_string()) {
    issues.error(ptr, "expected a date string \"YYYY-MM-DD\", found " + type_name(j));
    return std::nullopt;
  }
  auto d = parse_date(j.get<std::string>());
  if (!d) {
    issues.error(ptr, "invalid date \"" + j.get<std::string>() + "\"; expected a real date as \"YYYY-MM-DD\"");
    return std::nullopt;
  }
  return days_from_civil(*d);
}

std::optional<int> read_hhmm(ObjReader& o, const std::string& key, Req req)
{
  auto s = o.string(key, req);
  if (!s)
    return std::nullopt;
  auto v = parse_hhmm(*s);
  if (!v)
    o.error(key, "invalid time \"" + *s + "\"; expected \"HH:MM\" (00:00 to 24:00)");
  return v;
}

std::optional<double> read_when(const json& j, const std::string& ptr, const LoadContext& ctx)
{
  if (j.is_string()) {
    const std::string s = j.get<std::string>();
    if (auto t = parse_jst_datetime(s))
      return static_cast<double>(*t - ctx.sc.start_jst_s);
    if (auto d = parse_date(s))
      return static_cast<double>(days_from_civil(*d) * 86400 - ctx.sc.start_jst_s);
  }
  ctx.issues.error(ptr, "expected a JST date-time \"YYYY-MM-DDTHH:MM:SS+09:00\" or a date \"YYYY-MM-DD\" (the start "
                        "of that day), found " +
                            (j.is_string() ? "\"" + j.get<std::string>() + "\"" : type_name(j)));
  return std::nullopt;
}

std::optional<uint32_t> resolve(const std::map<std::string, uint32_t>& ix, const std::string& what,
                                const std::string& id, const std::string& ptr, Issues& issues)
{
  auto it = ix.find(id);
  if (it != ix.end())
    return it->second;
  std::vector<std::string> known;
  for (const auto& [k, v] : ix) {
    if (known.size() == 12) {
      known.push_back("... (" + std::to_string(ix.size()) + " in all)");
      break;
    }
    known.push_back(k);
  }
  issues.error(ptr, "unknown " + what + " \"" + id + "\"; known: " + (known.empty() ? "none" : join(known)));
  return std::nullopt;
}

std::optional<uint32_t> resolve_layout(const json& j, const std::string& ptr, LoadContext& ctx)
{
  const Bounds& b = params::LAYOUT_REF.value.bounds;
  if (!j.is_number_integer() || (j.is_number_unsigned() && j.get<uint64_t>() > static_cast<uint64_t>(*b.le)) ||
      (!j.is_number_unsigned() && j.get<int64_t>() < *b.ge)) {
    ctx.issues.error(ptr, "expected a specific-personal-information number (an integer, " + describe(b) + "), found " +
                              (j.is_number_integer() ? j.dump() : type_name(j)));
    return std::nullopt;
  }
  auto it = ctx.layout_ix.find(j.get<int64_t>());
  if (it != ctx.layout_ix.end())
    return it->second;
  std::vector<std::string> known;
  for (const auto& [k, v] : ctx.layout_ix)
    known.push_back(std::to_string(k));
  ctx.issues.error(ptr, "unknown layout (特定個人情報番号) " + std::to_string(j.get<int64_t>()) +
                            "; known: " + (known.empty() ? "none" : join(known)));
  return std::nullopt;
}

bool read_window(ObjReader& o, double& from_s, double& until_s, const std::string& what, const LoadContext& ctx)
{
  bool ok = true;
  for (const char* key : {"from", "until"})
    if (const json* v = o.raw(key, Req::NO)) {
      if (auto t = read_when(*v, o.at(key), ctx))
        (std::string(key) == "from" ? from_s : until_s) = *t;
      else
        ok = false;
    }
  if (ok && from_s >= until_s) {
    o.error("until", what + " must end after it starts (\"until\" after \"from\")");
    ok = false;
  }
  return ok;
}

std::optional<uint32_t> resolve_site(ObjReader& o, const std::string& key, std::initializer_list<SiteKind> kinds,
                                     const std::string& expected, LoadContext& ctx)
{
  auto id = o.string(key, Req::YES);
  if (!id)
    return std::nullopt;
  auto s = resolve(ctx.site_ix, "site", *id, o.at(key), ctx.issues);
  if (!s || ctx.bad_sites.count(*id))
    return std::nullopt;
  if (std::find(kinds.begin(), kinds.end(), ctx.sc.sites[*s].kind) == kinds.end()) {
    o.error(key, "site \"" + *id + "\" is of kind \"" + to_string(ctx.sc.sites[*s].kind) + "\"; expected " + expected);
    return std::nullopt;
  }
  return s;
}

std::optional<AgencyMatch> read_match(ObjReader& o, const std::string& key, LoadContext& ctx)
{
  ObjReader m = o.object(key, Req::YES);
  if (!m.valid())
    return std::nullopt;
  const bool has_kind = m.has("kind"), has_agency = m.has("agency");
  std::optional<AgencyMatch> out;
  if (has_kind == has_agency) {
    ctx.issues.error(m.pointer(), "expected exactly one of \"kind\" or \"agency\"");
    m.raw("kind", Req::NO);
    m.raw("agency", Req::NO);
  } else if (has_kind) {
    if (auto k = read_given_choice(m, params::MATCH_KIND, AGENCY_KINDS, Req::YES))
      out = AgencyMatch{true, *k, NONE};
  } else if (auto id = m.string("agency", Req::YES)) {
    if (auto a = resolve(ctx.agency_ix, "agency", *id, m.at("agency"), ctx.issues))
      out = AgencyMatch{false, AgencyKind::MUNICIPALITY, *a};
  }
  m.finish();
  return out;
}

std::string param_key(const Param& p)
{
  const std::string ptr = p.pointer;
  return ptr.substr(ptr.rfind('/') + 1);
}

json param_default(const Param& p)
{
  if (!has_default(p))
    throw std::logic_error(std::string("parameter ") + p.pointer + " has no default");
  return json::parse(p.default_json);
}

namespace {

std::string fmt_bound(double x)
{
  std::ostringstream o;
  o << x;
  return o.str();
}

/// A reader reads what the declaration says the parameter holds (a mismatch is a bug).
void expect_kind(const Param& p, std::initializer_list<ValueKind> kinds)
{
  for (ValueKind k : kinds)
    if (p.value.kind == k)
      return;
  throw std::logic_error(std::string("parameter ") + p.pointer + " is not declared as the value its reader reads");
}

} // namespace

std::string describe(const Bounds& b)
{
  if (b.ge && b.le)
    return fmt_bound(*b.ge) + " to " + fmt_bound(*b.le);
  std::string out;
  if (b.ge)
    out = ">= " + fmt_bound(*b.ge);
  else if (b.gt)
    out = "> " + fmt_bound(*b.gt);
  if (b.le)
    out += (out.empty() ? "" : ", ") + std::string("<= ") + fmt_bound(*b.le);
  else if (b.lt)
    out += (out.empty() ? "" : ", ") + std::string("< ") + fmt_bound(*b.lt);
  return out;
}

std::vector<std::string> choice_names(const Param& p, const char* table_id, const std::vector<std::string>& table_names)
{
  expect_kind(p, {ValueKind::CHOICE});
  // A literal list (no table) is read with table_id "" and its declared names.
  if (std::string(p.value.table ? p.value.table : "") != table_id || (!p.value.table && !p.value.names))
    throw std::logic_error(std::string("parameter ") + p.pointer + " is not declared with the table \"" + table_id + "\"");
  if (!p.value.names)
    return table_names;
  std::vector<std::string> out;
  std::istringstream in(p.value.names);
  for (std::string n; in >> n;)
    out.push_back(n);
  return out;
}

std::optional<int64_t> read_given_integer(ObjReader& o, const Param& p, Req req)
{
  expect_kind(p, {ValueKind::INTEGER});
  const std::string key = param_key(p);
  // A count of something: say of what ("expected a whole number of agencies, found 2.5").
  if (*p.unit && o.has(key))
    if (const json* v = o.raw(key, Req::NO); v->is_number_float()) {
      o.error(key, std::string("expected a whole number of ") + p.unit + ", found " + v->dump());
      return std::nullopt;
    }
  return o.integer(key, req, p.value.bounds);
}

std::optional<double> read_given(ObjReader& o, const Param& p, Req req)
{
  expect_kind(p, {ValueKind::NUMBER, ValueKind::INTEGER});
  if (p.value.kind == ValueKind::INTEGER) {
    if (auto v = read_given_integer(o, p, req))
      return static_cast<double>(*v);
    return std::nullopt;
  }
  return o.number(param_key(p), req, p.value.bounds);
}

double read_number(ObjReader& o, const Param& p)
{
  if (auto v = read_given(o, p, Req::NO))
    return *v;
  return param_default(p).get<double>();
}

int64_t read_integer(ObjReader& o, const Param& p)
{
  if (auto v = read_given_integer(o, p, Req::NO))
    return *v;
  return param_default(p).get<int64_t>();
}

std::optional<Duration> read_duration(ObjReader& o, const Param& p)
{
  if (o.has(param_key(p)))
    return read_duration(o, param_key(p), Req::YES);
  o.raw(param_key(p), Req::NO);
  const json wrapped = {{param_key(p), param_default(p)}};
  Issues none(p.pointer);
  ObjReader d(wrapped, "", none);
  return read_duration(d, param_key(p), Req::YES); // the declared default is valid (a unit test says so)
}

bool read_bool(ObjReader& o, const Param& p)
{
  if (auto v = o.boolean(param_key(p), Req::NO))
    return *v;
  return param_default(p).get<bool>();
}

bool read_person_indices(const json& arr, const std::string& ptr, const Param& element, LoadContext& ctx,
                         std::vector<uint64_t>& out)
{
  expect_kind(element, {ValueKind::INTEGER});
  const double least = element.value.bounds.ge.value_or(0); // a person index: 0 or more
  bool ok            = true;
  for (size_t k = 0; k < arr.size(); ++k) {
    const json& v = arr[k];
    if (!v.is_number_unsigned() || static_cast<double>(v.get<uint64_t>()) < least || v.get<uint64_t>() >= ctx.persons) {
      ctx.issues.error(ptr + "/" + std::to_string(k),
                       "expected a person index from 0 to " + std::to_string(ctx.persons ? ctx.persons - 1 : 0));
      ok = false;
    } else
      out.push_back(v.get<uint64_t>());
  }
  return ok;
}

} // namespace linksim
