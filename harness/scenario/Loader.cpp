#include "harness/scenario/Loader.hpp"

#include "harness/Errors.hpp"
#include "harness/scenario/Extends.hpp"
#include "harness/scenario/JsonReader.hpp"
#include "harness/scenario/Sha256.hpp"
#include "sim/model/Hash.hpp"
#include "sim/model/Layout.hpp"
#include "sim/trace/Oracle.hpp"
#include "sim/trace/Recorder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <cctype>
#include <regex>
#include <set>

namespace linksim {

int outcome_index(const std::string& name)
{
  for (size_t i = 0; i < OUTCOME_COUNT; ++i)
    if (name == OUTCOME_NAMES[i])
      return static_cast<int>(i);
  return -1;
}

namespace {

constexpr double MS = 1e-3;

const std::vector<std::string> AGENCY_KINDS = {"municipality", "prefecture", "national_body", "insurer"};
const std::vector<std::string> SITE_KINDS   = {"hub", "jlis", "lg_platform", "insurer_server", "dedicated_server"};
const std::vector<std::string> WEEKDAYS     = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
const std::vector<std::string> DEFAULT_REASONS = {"NotApplicable", "NotAcceptable", "NotConvered", "Unknown"};

AgencyKind agency_kind(const std::string& s)
{
  if (s == "prefecture")
    return AgencyKind::PREFECTURE;
  if (s == "national_body")
    return AgencyKind::NATIONAL_BODY;
  if (s == "insurer")
    return AgencyKind::INSURER;
  return AgencyKind::MUNICIPALITY;
}

SiteKind site_kind(const std::string& s)
{
  if (s == "jlis")
    return SiteKind::JLIS;
  if (s == "lg_platform")
    return SiteKind::LG_PLATFORM;
  if (s == "insurer_server")
    return SiteKind::INSURER_SERVER;
  if (s == "dedicated_server")
    return SiteKind::DEDICATED_SERVER;
  return SiteKind::HUB;
}

/// Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9).
double inv_norm(double p)
{
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01,  -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double pl = 0.02425;
  if (p < pl) {
    const double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pl) {
    const double q = std::sqrt(-2 * std::log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/// Sizes of `count` units summing exactly to `total`, log-normally spread (quantiles, not draws:
/// the same scenario always gives the same sizes), shuffled by a fixed key so that large units
/// are not all at one end.
std::vector<uint64_t> lognormal_sizes(uint64_t count, uint64_t total, double sigma, uint64_t key)
{
  std::vector<double> w(count);
  double sum = 0;
  for (uint64_t k = 0; k < count; ++k) {
    w[k] = std::exp(sigma * inv_norm((static_cast<double>(k) + 0.5) / static_cast<double>(count)));
    sum += w[k];
  }
  // Every unit gets one person, the rest is shared by weight (total >= count is checked).
  std::vector<uint64_t> out(count, 1);
  uint64_t assigned   = count;
  const double spread = static_cast<double>(total - count);
  for (uint64_t k = 0; k < count; ++k) {
    const auto extra = static_cast<uint64_t>(std::floor(w[k] / sum * spread));
    out[k] += extra;
    assigned += extra;
  }
  for (uint64_t k = 0; assigned < total; k = (k + 1) % count, ++assigned)
    ++out[count - 1 - k];
  // Deterministic shuffle (Fisher–Yates driven by a hash).
  for (uint64_t i = count; i > 1; --i) {
    const uint64_t j = mix(key, i) % i;
    std::swap(out[i - 1], out[j]);
  }
  return out;
}

std::string pad_id(const std::string& prefix, uint64_t i, uint64_t count)
{
  const std::string n = std::to_string(i);
  const size_t width  = std::to_string(count).size();
  return prefix + std::string(width > n.size() ? width - n.size() : 0, '0') + n;
}

/// Ids (sites, agencies, procedures, workload lines) name hosts, mailboxes and CSV fields:
/// ASCII letters, digits, '.', '_', '-', starting with a letter or digit, at most 64.
bool valid_id(const std::string& id)
{
  if (id.empty() || id.size() > 64 || !std::isalnum(static_cast<unsigned char>(id[0])))
    return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
      return false;
  return true;
}
const char* const ID_RULE = "an id is 1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit";

struct Loader {
  Issues issues;
  Scenario sc;
  std::map<std::string, uint32_t> site_ix, agency_ix, procedure_ix, workload_ix;
  std::map<int64_t, uint32_t> layout_ix;
  Registration default_registration;
  std::set<std::string> bad_sites;      ///< sites whose kind was invalid (reported once)
  std::set<uint32_t> bad_agencies;      ///< agencies whose kind was invalid (reported once)
  std::vector<uint8_t> own_line;        ///< per agency: its line was given explicitly
  uint64_t persons = 0;                 ///< the municipalities' residents in all (set by agencies())
  LinkSpec default_vpn; ///< network.vpn_device (required when an LG agency has no line of its own)
  bool have_vpn = false;

  explicit Loader(const std::string& file) : issues(file) {}

  // ---- small readers ----
  std::optional<LinkSpec> link(ObjReader& o, const std::string& key, Req req)
  {
    ObjReader l = o.object(key, req);
    if (!l.valid())
      return std::nullopt;
    auto lat = l.number("latency_ms", Req::YES, ge(0));
    auto bw  = l.number("bandwidth_mbps", Req::YES, gt(0));
    l.finish();
    if (!lat || !bw)
      return std::nullopt;
    return LinkSpec{*lat * MS, *bw * 1e6 / 8};
  }

  std::optional<Duration> duration(ObjReader& o, const std::string& key, Req req)
  {
    ObjReader d = o.object(key, req);
    if (!d.valid())
      return std::nullopt;
    auto dist = d.choice("dist", Req::YES, {"fixed", "exponential", "uniform", "lognormal"});
    Duration out;
    bool ok = dist.has_value();
    if (dist == "fixed") {
      auto ms = d.number("ms", Req::YES, ge(0));
      ok      = ok && ms;
      out     = {Duration::Dist::FIXED, ms.value_or(0) * MS, 0};
    } else if (dist == "exponential") {
      auto ms = d.number("mean_ms", Req::YES, ge(0));
      ok      = ok && ms;
      out     = {Duration::Dist::EXPONENTIAL, ms.value_or(0) * MS, 0};
    } else if (dist == "uniform") {
      auto lo = d.number("min_ms", Req::YES, ge(0));
      auto hi = d.number("max_ms", Req::YES, ge(0));
      ok      = ok && lo && hi;
      if (lo && hi && *hi < *lo) {
        d.error("max_ms", "must be >= min_ms");
        ok = false;
      }
      out = {Duration::Dist::UNIFORM, lo.value_or(0) * MS, hi.value_or(0) * MS};
    } else if (dist == "lognormal") {
      auto med = d.number("median_ms", Req::YES, gt(0));
      auto sg  = d.number("sigma", Req::YES, ge_le(0, 5));
      ok       = ok && med && sg;
      out      = {Duration::Dist::LOGNORMAL, med.value_or(1) * MS, sg.value_or(0)};
    }
    d.finish();
    if (!ok)
      return std::nullopt;
    return out;
  }

  std::optional<int64_t> date_day(const json& j, const std::string& ptr)
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

  std::optional<int> hhmm(ObjReader& o, const std::string& key, Req req)
  {
    auto s = o.string(key, req);
    if (!s)
      return std::nullopt;
    auto v = parse_hhmm(*s);
    if (!v)
      o.error(key, "invalid time \"" + *s + "\"; expected \"HH:MM\" (00:00 to 24:00)");
    return v;
  }

  std::optional<uint32_t> ref(const std::map<std::string, uint32_t>& ix, const std::string& what, const std::string& id,
                              const std::string& ptr)
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

  std::optional<uint32_t> layout_ref(const json& j, const std::string& ptr)
  {
    if (!j.is_number_integer() || (j.is_number_unsigned() && j.get<uint64_t>() > 9999)) {
      issues.error(ptr, "expected a specific-personal-information number (an integer, 1 to 9999), found " +
                            (j.is_number_integer() ? j.dump() : type_name(j)));
      return std::nullopt;
    }
    auto it = layout_ix.find(j.get<int64_t>());
    if (it != layout_ix.end())
      return it->second;
    std::vector<std::string> known;
    for (const auto& [k, v] : layout_ix)
      known.push_back(std::to_string(k));
    issues.error(ptr, "unknown layout (特定個人情報番号) " + std::to_string(j.get<int64_t>()) +
                          "; known: " + (known.empty() ? "none" : join(known)));
    return std::nullopt;
  }

  std::optional<AgencyMatch> match(ObjReader& o, const std::string& key)
  {
    ObjReader m = o.object(key, Req::YES);
    if (!m.valid())
      return std::nullopt;
    const bool has_kind = m.has("kind"), has_agency = m.has("agency");
    std::optional<AgencyMatch> out;
    if (has_kind == has_agency) {
      issues.error(m.pointer(), "expected exactly one of \"kind\" or \"agency\"");
      m.raw("kind", Req::NO);
      m.raw("agency", Req::NO);
    } else if (has_kind) {
      if (auto k = m.choice("kind", Req::YES, AGENCY_KINDS))
        out = AgencyMatch{true, agency_kind(*k), NONE};
    } else if (auto id = m.string("agency", Req::YES)) {
      if (auto a = ref(agency_ix, "agency", *id, m.at("agency")))
        out = AgencyMatch{false, AgencyKind::MUNICIPALITY, *a};
    }
    m.finish();
    return out;
  }

  // ---- sections ----
  void calendar(ObjReader& root)
  {
    ObjReader c = root.object("calendar", Req::YES);
    if (!c.valid())
      return;
    if (auto s = c.string("start", Req::YES)) {
      auto t = parse_jst_datetime(*s);
      if (!t)
        c.error("start", "invalid start \"" + *s + "\"; expected an ISO-8601 JST date-time \"YYYY-MM-DDTHH:MM:SS+09:00\"");
      else {
        sc.start_jst_s = *t;
        sc.start_text  = *s;
      }
    }
    if (auto d = c.number("duration_days", Req::YES, gt_le(0, 3660)))
      sc.duration_s = *d * 86400;
    if (c.has("business_hours")) {
      ObjReader h = c.object("business_hours", Req::YES);
      auto open   = hhmm(h, "open", Req::YES);
      auto close  = hhmm(h, "close", Req::YES);
      if (open && close) {
        if (*open >= *close)
          h.error("close", "business hours must close after they open");
        else {
          sc.open_s  = *open;
          sc.close_s = *close;
        }
      }
      h.finish();
    } else {
      c.raw("business_hours", Req::NO);
    }
    if (const json* w = c.array("weekend", Req::NO)) {
      sc.weekend_mask = 0;
      for (size_t i = 0; i < w->size(); ++i) {
        const std::string ptr = c.at("weekend") + "/" + std::to_string(i);
        const json& d         = (*w)[i];
        auto it = d.is_string() ? std::find(WEEKDAYS.begin(), WEEKDAYS.end(), d.get<std::string>()) : WEEKDAYS.end();
        if (it == WEEKDAYS.end())
          issues.error(ptr, "expected a weekday, one of: " + join(WEEKDAYS));
        else
          sc.weekend_mask |= 1u << static_cast<unsigned>(it - WEEKDAYS.begin());
      }
      if (sc.weekend_mask == 0x7f)
        c.error("weekend", "every day of the week is a weekend: there would be no business day");
    }
    if (const json* h = c.array("non_business_days", Req::NO))
      for (size_t i = 0; i < h->size(); ++i)
        if (auto d = date_day((*h)[i], c.at("non_business_days") + "/" + std::to_string(i)))
          sc.holidays.push_back(*d);
    std::sort(sc.holidays.begin(), sc.holidays.end());
    if (auto d = c.number("drain_limit_hours", Req::NO, ge_le(0, 24 * 3660)))
      sc.drain_limit_s = *d * 3600;
    c.finish();
  }

  void network(ObjReader& root)
  {
    ObjReader n = root.object("network", Req::YES);
    if (!n.valid())
      return;
    n.choice("model", Req::YES, {"CM02"});
    if (n.has("vpn_device")) {
      if (auto l = link(n, "vpn_device", Req::YES)) {
        default_vpn = *l;
        have_vpn    = true;
      }
    } else {
      n.raw("vpn_device", Req::NO);
    }
    const json* sites = n.array("sites", Req::YES);
    if (sites) {
      for (size_t i = 0; i < sites->size(); ++i) {
        ObjReader s((*sites)[i], n.at("sites") + "/" + std::to_string(i), issues);
        if (!s.valid())
          continue;
        Site site;
        auto id   = s.string("id", Req::YES);
        auto kind = s.choice("kind", Req::YES, SITE_KINDS);
        if (id) {
          site.id = *id;
          if (id->empty())
            s.error("id", "an id cannot be empty");
          else if (!valid_id(*id))
            s.error("id", "invalid id \"" + *id + "\": " + ID_RULE);
          else if (site_ix.count(*id))
            s.error("id", "duplicate site id \"" + *id + "\"");
        }
        if (!kind) { // reported; take its keys so that they are not "unknown" too
          bad_sites.insert(id.value_or(""));
          s.raw("uplink", Req::NO);
          s.raw("lgwan", Req::NO);
          s.raw("access", Req::NO);
        } else {
          site.kind = site_kind(*kind);
          if (site.kind != SiteKind::HUB)
            if (auto l = link(s, "uplink", Req::YES))
              site.uplink = *l;
          if (site.kind == SiteKind::LG_PLATFORM)
            if (auto l = link(s, "lgwan", Req::YES))
              site.lgwan = *l;
          if (site.kind == SiteKind::INSURER_SERVER || site.kind == SiteKind::DEDICATED_SERVER)
            if (auto l = link(s, "access", Req::YES))
              site.access = *l;
        }
        s.finish();
        if (id && !site_ix.count(*id)) {
          site_ix[*id] = static_cast<uint32_t>(sc.sites.size());
          sc.sites.push_back(site);
        }
      }
      int hubs = 0, jlis = 0;
      for (const Site& s : sc.sites) {
        if (bad_sites.count(s.id))
          continue;
        hubs += s.kind == SiteKind::HUB;
        jlis += s.kind == SiteKind::JLIS;
      }
      if (hubs != 1)
        n.error("sites", "expected exactly one site of kind \"hub\", found " + std::to_string(hubs));
      if (jlis != 1)
        n.error("sites", "expected exactly one site of kind \"jlis\", found " + std::to_string(jlis));
    }
    n.finish();
  }

  std::optional<uint32_t> site_of_kind(ObjReader& o, const std::string& key, std::initializer_list<SiteKind> kinds,
                                       const std::string& expected)
  {
    auto id = o.string(key, Req::YES);
    if (!id)
      return std::nullopt;
    auto s = ref(site_ix, "site", *id, o.at(key));
    if (!s)
      return std::nullopt;
    if (bad_sites.count(*id))
      return std::nullopt;
    if (std::find(kinds.begin(), kinds.end(), sc.sites[*s].kind) == kinds.end()) {
      o.error(key, "site \"" + *id + "\" is of kind \"" + to_string(sc.sites[*s].kind) + "\"; expected " + expected);
      return std::nullopt;
    }
    return s;
  }

  void hub_and_jlis(ObjReader& root, const json*& extra_rows, std::string& extra_ptr)
  {
    ObjReader h = root.object("hub", Req::YES);
    if (h.valid()) {
      if (auto s = site_of_kind(h, "site", {SiteKind::HUB}, "a site of kind \"hub\""))
        sc.hub.site = *s;
      sc.hub.workers = static_cast<unsigned>(h.integer("workers", Req::YES, ge_le(1, 10000)).value_or(1));
      if (auto d = duration(h, "request", Req::YES))
        sc.hub.request = *d;
      if (auto d = duration(h, "response", Req::YES))
        sc.hub.response = *d;
      if (h.has("acquisition")) {
        if (auto d = duration(h, "acquisition", Req::YES))
          sc.hub.acquisition = *d;
      } else
        h.raw("acquisition", Req::NO);
      sc.hub.batch_per_person_s = h.number("batch_ms_per_person", Req::NO, ge(0)).value_or(0) * MS;
      if (h.has("permission_master")) {
        ObjReader pm = h.object("permission_master", Req::YES);
        extra_rows   = pm.array("extra_rows", Req::YES);
        extra_ptr    = pm.at("extra_rows");
        pm.finish();
      } else
        h.raw("permission_master", Req::NO);
      h.finish();
    }
    ObjReader j = root.object("jlis", Req::YES);
    if (j.valid()) {
      if (auto s = site_of_kind(j, "site", {SiteKind::JLIS}, "a site of kind \"jlis\""))
        sc.jlis.site = *s;
      sc.jlis.workers = static_cast<unsigned>(j.integer("workers", Req::YES, ge_le(1, 10000)).value_or(1));
      if (auto d = duration(j, "processing", Req::YES))
        sc.jlis.processing = *d;
      j.finish();
    }
  }

  void servers(ObjReader& root)
  {
    const json* arr = root.array("servers", Req::YES);
    std::vector<int> seen(sc.sites.size(), 0);
    if (arr)
      for (size_t i = 0; i < arr->size(); ++i) {
        ObjReader s((*arr)[i], root.at("servers") + "/" + std::to_string(i), issues);
        if (!s.valid())
          continue;
        auto site = site_of_kind(s, "site", {SiteKind::LG_PLATFORM, SiteKind::INSURER_SERVER, SiteKind::DEDICATED_SERVER},
                                 "an intermediate-server site (lg_platform, insurer_server or dedicated_server)");
        Site tmp;
        tmp.workers = static_cast<unsigned>(s.integer("workers", Req::YES, ge_le(1, 10000)).value_or(1));
        if (auto d = duration(s, "query", Req::YES))
          tmp.query = *d;
        if (auto d = duration(s, "lookup", Req::YES))
          tmp.lookup = *d;
        if (auto d = duration(s, "result", Req::YES))
          tmp.result = *d;
        tmp.batch_per_person_s        = s.number("batch_ms_per_person", Req::NO, ge(0)).value_or(0) * MS;
        tmp.registration_per_record_s = s.number("registration_ms_per_record", Req::NO, ge(0)).value_or(0) * MS;
        s.finish();
        if (site) {
          if (seen[*site]++)
            s.error("site", "server behaviour for site \"" + sc.sites[*site].id + "\" is given twice");
          Site& dst                     = sc.sites[*site];
          dst.workers                   = tmp.workers;
          dst.query                     = tmp.query;
          dst.lookup                    = tmp.lookup;
          dst.result                    = tmp.result;
          dst.batch_per_person_s        = tmp.batch_per_person_s;
          dst.registration_per_record_s = tmp.registration_per_record_s;
        }
      }
    if (arr)
      for (size_t s = 0; s < sc.sites.size(); ++s) {
        const SiteKind k = sc.sites[s].kind;
        if (k != SiteKind::HUB && k != SiteKind::JLIS && !seen[s])
          root.error("servers", "no entry for intermediate-server site \"" + sc.sites[s].id +
                                    "\" (workers and processing times are required for each)");
      }
  }

  void layouts(ObjReader& root)
  {
    if (const json* r = root.array("reasons_of_null", Req::NO)) {
      for (size_t i = 0; i < r->size(); ++i) {
        if (!(*r)[i].is_string() || (*r)[i].get<std::string>().empty())
          issues.error(root.at("reasons_of_null") + "/" + std::to_string(i), "expected a non-empty string");
        else if (std::find(sc.reasons_of_null.begin(), sc.reasons_of_null.end(), (*r)[i].get<std::string>()) !=
                 sc.reasons_of_null.end())
          issues.error(root.at("reasons_of_null") + "/" + std::to_string(i),
                       "duplicate ReasonOfNull \"" + (*r)[i].get<std::string>() + "\"");
        else
          sc.reasons_of_null.push_back((*r)[i].get<std::string>());
      }
      if (sc.reasons_of_null.empty())
        root.error("reasons_of_null", "expected at least one ReasonOfNull value");
      if (sc.reasons_of_null.size() > 200)
        root.error("reasons_of_null", "too many values (at most 200)");
    } else {
      sc.reasons_of_null = DEFAULT_REASONS;
    }
    const json* arr = root.array("layouts", Req::YES);
    if (!arr)
      return;
    if (arr->empty())
      root.error("layouts", "expected at least one layout");
    for (size_t i = 0; i < arr->size(); ++i) {
      ObjReader l((*arr)[i], root.at("layouts") + "/" + std::to_string(i), issues);
      if (!l.valid())
        continue;
      Layout out;
      auto number = l.integer("number", Req::YES, ge_le(1, 9999));
      out.name    = l.string("name", Req::YES).value_or("");
      out.record_bytes      = l.number("record_bytes", Req::NO, ge(0)).value_or(1024);
      out.change_interval_s = l.number("change_interval_days", Req::NO, gt(0)).value_or(365) * 86400;
      out.coverage          = l.number("coverage", Req::NO, ge_le(0, 1)).value_or(1.0);
      const json* vers      = l.array("versions", Req::YES);
      if (vers) {
        if (vers->empty())
          l.error("versions", "expected at least one version");
        for (size_t v = 0; v < vers->size(); ++v) {
          ObjReader vr((*vers)[v], l.at("versions") + "/" + std::to_string(v), issues);
          if (!vr.valid())
            continue;
          LayoutVersion lv;
          lv.version = vr.string("version", Req::YES).value_or("");
          if (const json* from = vr.raw("valid_from", Req::YES))
            if (auto d = date_day(*from, vr.at("valid_from")))
              lv.valid_from_s = static_cast<double>(*d * 86400 - sc.start_jst_s);
          if (v > 0)
            lv.pattern = static_cast<int>(vr.integer("pattern", Req::YES, ge_le(1, 3)).value_or(1));
          else if (vr.has("pattern")) {
            vr.error("pattern", "the first version has no registration pattern (it revises nothing)");
            vr.raw("pattern", Req::NO);
          }
          std::map<std::string, uint32_t> item_ix;
          if (const json* items = vr.array("items", Req::YES)) {
            if (items->empty())
              vr.error("items", "expected at least one data item");
            if (items->size() > MAX_ITEMS)
              vr.error("items", "at most " + std::to_string(MAX_ITEMS) + " data items per version, found " +
                                    std::to_string(items->size()));
            for (size_t k = 0; k < items->size() && k < MAX_ITEMS; ++k) {
              ObjReader it((*items)[k], vr.at("items") + "/" + std::to_string(k), issues);
              if (!it.valid())
                continue;
              DataItem di;
              di.code       = it.string("code", Req::YES).value_or("");
              di.empty_rate = it.number("empty_rate", Req::NO, ge_le(0, 1)).value_or(0);
              di.zero_rate  = it.number("zero_rate", Req::NO, ge_le(0, 1)).value_or(0);
              if (di.empty_rate + di.zero_rate > 1)
                it.error("zero_rate", "empty_rate + zero_rate must not exceed 1");
              if (it.has("code") && it.raw("code", Req::NO)->is_string() && di.code.empty())
                it.error("code", "an item code cannot be empty");
              else if (item_ix.count(di.code))
                it.error("code", "duplicate item code \"" + di.code + "\"");
              item_ix[di.code] = static_cast<uint32_t>(lv.items.size());
              lv.items.push_back(di);
              it.finish();
            }
          }
          if (const json* rules = vr.array("null_rules", Req::NO))
            for (size_t k = 0; k < rules->size(); ++k) {
              ObjReader r((*rules)[k], vr.at("null_rules") + "/" + std::to_string(k), issues);
              if (!r.valid())
                continue;
              NullRule nr;
              bool ok = true;
              if (auto c = r.string("item", Req::YES)) {
                if (item_ix.count(*c))
                  nr.item = item_ix[*c];
                else {
                  r.error("item", "unknown data item \"" + *c + "\" in this version");
                  ok = false;
                }
              } else
                ok = false;
              if (auto c = r.string("when_zero", Req::YES)) {
                if (item_ix.count(*c))
                  nr.when_item = item_ix[*c];
                else {
                  r.error("when_zero", "unknown data item \"" + *c + "\" in this version");
                  ok = false;
                }
              } else
                ok = false;
              if (auto c = r.string("reason", Req::YES)) {
                auto f = std::find(sc.reasons_of_null.begin(), sc.reasons_of_null.end(), *c);
                if (f == sc.reasons_of_null.end()) {
                  r.error("reason", "unknown ReasonOfNull \"" + *c + "\"; known: " + join(sc.reasons_of_null));
                  ok = false;
                } else
                  nr.reason = static_cast<uint32_t>(f - sc.reasons_of_null.begin());
              } else
                ok = false;
              if (ok && nr.item == nr.when_item) {
                r.error("when_zero", "a rule cannot make an item depend on itself");
                ok = false;
              }
              r.finish();
              if (ok)
                lv.null_rules.push_back(nr);
            }
          vr.finish();
          if (!out.versions.empty() && lv.valid_from_s <= out.versions.back().valid_from_s)
            issues.error(vr.at("valid_from"), "versions must be listed in increasing valid_from order");
          out.versions.push_back(lv);
        }
      }
      l.finish();
      if (number) {
        out.number = static_cast<uint32_t>(*number);
        if (layout_ix.count(*number))
          l.error("number", "duplicate layout number " + std::to_string(*number));
        else {
          layout_ix[*number] = static_cast<uint32_t>(sc.layouts.size());
          sc.layouts.push_back(out);
        }
      }
    }
  }

  void procedures(ObjReader& root)
  {
    const json* arr = root.array("procedures", Req::YES);
    if (!arr)
      return;
    for (size_t i = 0; i < arr->size(); ++i) {
      ObjReader p((*arr)[i], root.at("procedures") + "/" + std::to_string(i), issues);
      if (!p.valid())
        continue;
      Procedure pr;
      pr.code = p.string("code", Req::YES).value_or("");
      pr.name = p.string("name", Req::YES).value_or("");
      p.finish();
      if (!p.has("code") || !p.raw("code", Req::NO)->is_string())
        continue; // reported
      if (pr.code.empty())
        p.error("code", "a procedure code cannot be empty");
      else if (!valid_id(pr.code))
        p.error("code", "invalid procedure code \"" + pr.code + "\": " + ID_RULE);
      else if (procedure_ix.count(pr.code))
        p.error("code", "duplicate procedure code \"" + pr.code + "\"");
      else {
        procedure_ix[pr.code] = static_cast<uint32_t>(sc.procedures.size());
        sc.procedures.push_back(pr);
      }
    }
  }

  void registration(ObjReader& o, Registration& r)
  {
    if (o.has("window")) {
      ObjReader w = o.object("window", Req::YES);
      auto s      = hhmm(w, "start", Req::YES);
      auto e      = hhmm(w, "end", Req::YES);
      if (s && e) {
        if (*s >= *e)
          w.error("end", "the batch window must end after it starts (within one night, after midnight)");
        else {
          r.window_start_s = *s;
          r.window_end_s   = *e;
        }
      }
      w.finish();
    } else
      o.raw("window", Req::NO);
    if (const json* sd = o.array("skip_dates", Req::NO)) {
      r.skip_days.clear();
      for (size_t i = 0; i < sd->size(); ++i)
        if (auto d = date_day((*sd)[i], o.at("skip_dates") + "/" + std::to_string(i)))
          r.skip_days.push_back(*d);
      std::sort(r.skip_days.begin(), r.skip_days.end());
    }
    if (auto f = o.number("failure_rate", Req::NO, ge_le(0, 1)))
      r.failure_rate = *f;
    if (auto b = o.boolean("pattern2_reload", Req::NO))
      r.pattern2_reload = *b;
    if (auto n = o.choice("nights", Req::NO, {"business", "every"}))
      r.business_nights = *n == "business";
    if (auto x = o.number("extraction_spread", Req::NO, ge_le(0, 1)))
      r.extraction_spread = *x;
  }

  void manual(ObjReader& a, Agency& out, uint32_t index, std::vector<std::pair<uint32_t, const json*>>& manual_items,
              std::vector<std::string>& manual_ptrs)
  {
    if (!a.has("manual_answer")) {
      a.raw("manual_answer", Req::NO);
      return;
    }
    ObjReader m = a.object("manual_answer", Req::YES);
    if (!m.valid())
      return;
    out.manual.enabled = true;
    out.manual.items.clear();
    out.manual.staff   = static_cast<unsigned>(m.integer("staff", Req::YES, ge_le(1, 1000)).value_or(1));
    if (auto d = duration(m, "handling", Req::YES))
      out.manual.handling = *d;
    if (const json* items = m.array("items", Req::NO)) {
      manual_items.emplace_back(index, items);
      manual_ptrs.push_back(m.at("items"));
    }
    m.finish();
  }

  /// Reads the settings any agency may have; returns whether it gives its own line.
  bool agency_common(ObjReader& a, Agency& ag)
  {
    const bool own = a.has("line");
    if (own) {
      if (auto l = link(a, "line", Req::YES))
        ag.access = *l;
    } else
      a.raw("line", Req::NO);
    // Only the keys given change `ag` (a new agency starts from Agency{} with the scenario's
    // default registration; an override starts from the agency as it is).
    if (auto v = a.number("non_disclosure_rate", Req::NO, ge_le(0, 1)))
      ag.non_disclosure_rate = *v;
    if (auto v = a.number("null_error_rate", Req::NO, ge_le(0, 1)))
      ag.null_error_rate = *v;
    if (a.has("registration")) {
      ObjReader r = a.object("registration", Req::YES);
      if (r.valid()) {
        registration(r, ag.registration);
        r.finish();
      }
    } else
      a.raw("registration", Req::NO);
    return own;
  }

  bool add_agency(Agency ag, bool line, ObjReader& where, const std::string& key)
  {
    if (ag.id.empty()) {
      where.error(key, "an id cannot be empty");
      return false;
    }
    if (!valid_id(ag.id)) {
      where.error(key, "invalid id \"" + ag.id + "\": " + ID_RULE);
      return false;
    }
    if (agency_ix.count(ag.id)) {
      where.error(key, "duplicate agency id \"" + ag.id + "\"");
      return false;
    }
    agency_ix[ag.id] = static_cast<uint32_t>(sc.agencies.size());
    sc.agencies.push_back(std::move(ag));
    own_line.push_back(line ? 1 : 0);
    return true;
  }

  void check_site_for_kind(ObjReader& a, const std::string& key, AgencyKind k, uint32_t site)
  {
    if (bad_sites.count(sc.sites[site].id))
      return;
    const SiteKind sk = sc.sites[site].kind;
    const bool ok = ((k == AgencyKind::MUNICIPALITY || k == AgencyKind::PREFECTURE) && sk == SiteKind::LG_PLATFORM) ||
                    (k == AgencyKind::INSURER && sk == SiteKind::INSURER_SERVER) ||
                    (k == AgencyKind::NATIONAL_BODY && sk == SiteKind::DEDICATED_SERVER);
    if (!ok)
      a.error(key, std::string((k == AgencyKind::INSURER ? "an " : "a ")) + to_string(k) + " connects through " +
                       (k == AgencyKind::INSURER ? "the insurers' shared server (insurer_server)"
                        : k == AgencyKind::NATIONAL_BODY ? "its own dedicated server (dedicated_server)"
                                                         : "the LG intermediate-server platform (lg_platform)") +
                       "; site \"" + sc.sites[site].id + "\" is " + to_string(sk));
  }

  void agencies(ObjReader& root)
  {
    if (root.has("registration")) {
      ObjReader r = root.object("registration", Req::YES);
      if (r.valid()) {
        registration(r, default_registration);
        r.finish();
      }
    } else
      root.raw("registration", Req::NO);
    ObjReader ag = root.object("agencies", Req::YES);
    if (!ag.valid())
      return;
    std::vector<std::pair<uint32_t, std::string>> pref_refs; // municipality → prefecture id, resolved later
    std::vector<std::string> pref_ptrs;
    std::vector<std::pair<uint32_t, const json*>> manual_items;
    std::vector<std::string> manual_ptrs;
    if (const json* list = ag.array("list", Req::NO))
      for (size_t i = 0; i < list->size(); ++i) {
        ObjReader a((*list)[i], ag.at("list") + "/" + std::to_string(i), issues);
        if (!a.valid())
          continue;
        Agency out;
        out.registration = default_registration;
        auto id   = a.string("id", Req::YES);
        out.name  = a.string("name", Req::NO).value_or("");
        auto kind = a.choice("kind", Req::YES, AGENCY_KINDS);
        if (kind)
          out.kind = agency_kind(*kind);
        else { // reported; take its kind-dependent keys so that they are not "unknown" too
          bad_agencies.insert(static_cast<uint32_t>(sc.agencies.size()));
          a.raw("population", Req::NO);
        }
        if (auto s = a.string("site", Req::YES)) {
          if (auto si = ref(site_ix, "site", *s, a.at("site"))) {
            out.site = *si;
            if (kind)
              check_site_for_kind(a, "site", out.kind, *si);
          }
        }
        if (kind && out.kind == AgencyKind::PREFECTURE) {
          if (a.has("population"))
            a.error("population", "a prefecture's population is the sum of its municipalities'; do not give it");
          a.raw("population", Req::NO);
        } else if (kind) {
          out.population = static_cast<uint64_t>(a.integer("population", Req::YES, ge_le(1, 2e9)).value_or(1));
        }
        if (a.has("prefecture")) {
          auto p = a.string("prefecture", Req::YES);
          if (kind && out.kind != AgencyKind::MUNICIPALITY)
            a.error("prefecture", "only a municipality belongs to a prefecture");
          else if (p) {
            pref_refs.emplace_back(static_cast<uint32_t>(sc.agencies.size()), *p);
            pref_ptrs.push_back(a.at("prefecture"));
          }
        } else
          a.raw("prefecture", Req::NO);
        const bool line = agency_common(a, out);
        manual(a, out, static_cast<uint32_t>(sc.agencies.size()), manual_items, manual_ptrs);
        a.finish();
        if (id) {
          out.id = *id;
          add_agency(std::move(out), line, a, "id");
        }
      }
    if (const json* gens = ag.array("generators", Req::NO))
      for (size_t i = 0; i < gens->size(); ++i)
        generator((*gens)[i], ag.at("generators") + "/" + std::to_string(i));
    // Overrides: settings for agencies listed or generated above (e.g. one generated city in
    // manual-answer mode). Only the keys given change.
    if (const json* ovs = ag.array("overrides", Req::NO))
      for (size_t i = 0; i < ovs->size(); ++i) {
        ObjReader o((*ovs)[i], ag.at("overrides") + "/" + std::to_string(i), issues);
        if (!o.valid())
          continue;
        std::optional<uint32_t> target;
        if (auto id = o.string("agency", Req::YES))
          target = ref(agency_ix, "agency", *id, o.at("agency"));
        Agency tmp = target ? sc.agencies[*target] : Agency();
        if (agency_common(o, tmp) && target)
          own_line[*target] = 1;
        const size_t n_manual = manual_items.size();
        if (target && o.has("manual_answer")) // replaces the agency's manual-answer setting, items included
          for (size_t k = 0; k < manual_items.size(); ++k)
            if (manual_items[k].first == *target)
              manual_items[k].second = nullptr;
        manual(o, tmp, target.value_or(0), manual_items, manual_ptrs);
        o.finish();
        if (target)
          sc.agencies[*target] = tmp;
        else { // unresolved agency: its error is already reported
          manual_items.resize(n_manual);
          manual_ptrs.resize(n_manual);
        }
      }
    ag.finish();

    for (size_t i = 0; i < pref_refs.size(); ++i)
      if (auto p = ref(agency_ix, "agency", pref_refs[i].second, pref_ptrs[i])) {
        if (sc.agencies[*p].kind != AgencyKind::PREFECTURE)
          issues.error(pref_ptrs[i], "agency \"" + pref_refs[i].second + "\" is not a prefecture");
        else
          sc.agencies[pref_refs[i].first].prefecture = *p;
      }
    for (size_t i = 0; i < manual_items.size(); ++i) {
      if (!manual_items[i].second) // replaced by an override
        continue;
      const json& items = *manual_items[i].second;
      for (size_t k = 0; k < items.size(); ++k)
        if (auto l = layout_ref(items[k], manual_ptrs[i] + "/" + std::to_string(k)))
          sc.agencies[manual_items[i].first].manual.items.push_back(*l);
    }
    // Lines default to the VPN device (LG platform) or the server's access line.
    for (Agency& a : sc.agencies) {
      if (a.access.bandwidth_bps > 0 || a.site == NONE)
        continue;
      const Site& s = sc.sites[a.site];
      a.access      = s.kind == SiteKind::LG_PLATFORM ? default_vpn : s.access;
    }
    // Derived populations and population-wide constraints.
    persons = 0;
    for (const Agency& a : sc.agencies)
      if (a.kind == AgencyKind::MUNICIPALITY)
        persons += a.population;
    for (Agency& a : sc.agencies)
      if (a.kind == AgencyKind::PREFECTURE) {
        a.population = 0;
        for (const Agency& m : sc.agencies)
          if (m.kind == AgencyKind::MUNICIPALITY && m.prefecture != NONE && &sc.agencies[m.prefecture] == &a)
            a.population += m.population;
      }
    constexpr uint64_t MAX_PERSONS = 10'000'000'000ULL; // My Numbers have an 11-digit body
    if (persons > MAX_PERSONS)
      issues.error(root.at("agencies"), "the municipalities have " + std::to_string(persons) +
                                            " persons in all; at most " + std::to_string(MAX_PERSONS));
    if (sc.agencies.size() > 200'000)
      issues.error(root.at("agencies"), std::to_string(sc.agencies.size()) + " agencies; at most 200000");
    if (sc.agencies.empty())
      ag.error("list", "a scenario needs agencies");
    else if (persons == 0)
      ag.error("list", "a scenario needs at least one municipality: every person lives in one");
    uint64_t members = 0;
    for (uint32_t i = 0; i < sc.agencies.size(); ++i) {
      const Agency& a = sc.agencies[i];
      if (a.kind == AgencyKind::INSURER)
        members += a.population;
      if (a.kind == AgencyKind::NATIONAL_BODY && a.population > persons && persons > 0)
        issues.error(root.at("agencies"), "national body \"" + a.id + "\" covers " + std::to_string(a.population) +
                                              " persons, more than the population (" + std::to_string(persons) + ")");
    }
    if (members > persons && persons > 0)
      issues.error(root.at("agencies"), "insurers have " + std::to_string(members) +
                                            " members in all, more than the population (" + std::to_string(persons) + ")");
  }

  void generator(const json& j, const std::string& ptr)
  {
    ObjReader g(j, ptr, issues);
    if (!g.valid())
      return;
    auto kind   = g.choice("kind", Req::YES, {"municipality", "prefecture", "insurer"});
    auto count  = g.integer("count", Req::YES, ge_le(1, 100000));
    auto prefix = g.string("id_prefix", Req::YES);
    std::vector<uint32_t> sites;
    if (const json* s = g.array("sites", Req::YES)) {
      if (s->empty())
        g.error("sites", "expected at least one site");
      for (size_t i = 0; i < s->size(); ++i) {
        const std::string sp = g.at("sites") + "/" + std::to_string(i);
        if (!(*s)[i].is_string())
          issues.error(sp, "expected a site id (string), found " + type_name((*s)[i]));
        else if (auto si = ref(site_ix, "site", (*s)[i].get<std::string>(), sp)) {
          if (kind)
            check_site_for_kind(g, "sites", agency_kind(*kind), *si);
          sites.push_back(*si);
        }
      }
    }
    std::optional<int64_t> total;
    double sigma = 1.0;
    std::optional<std::string> pref_prefix;
    if (!kind) { // reported; take the kind-dependent keys so that they are not "unknown" too
      g.raw("total_population", Req::NO);
      g.raw("size_sigma", Req::NO);
      g.raw("prefecture_prefix", Req::NO);
    } else if (*kind != "prefecture") {
      total = g.integer("total_population", Req::YES, ge_le(1, 2e10));
      sigma = g.number("size_sigma", Req::NO, ge_le(0, 4)).value_or(1.0);
    } else {
      for (const char* key : {"total_population", "size_sigma"})
        if (g.has(key)) {
          g.error(key, "a prefecture's population is the sum of its municipalities': do not give it");
          g.raw(key, Req::NO);
        }
    }
    if (kind == "municipality")
      pref_prefix = g.string("prefecture_prefix", Req::NO);
    else if (kind && g.has("prefecture_prefix")) {
      g.error("prefecture_prefix", "only municipalities belong to prefectures");
      g.raw("prefecture_prefix", Req::NO);
    }
    Agency proto;
    proto.registration = default_registration;
    const bool proto_line = agency_common(g, proto);
    g.finish();
    if (total && count && *total < *count)
      g.error("total_population", "fewer persons than agencies to share them (each needs at least one)");
    if (!kind || !count || !prefix || prefix->empty() || sites.empty() || (*kind != "prefecture" && !total) ||
        (total && *total < *count)) {
      if (prefix && prefix->empty())
        g.error("id_prefix", "an id prefix cannot be empty");
      return;
    }
    const auto n = static_cast<uint64_t>(*count);
    std::vector<uint64_t> sizes;
    if (total)
      sizes = lognormal_sizes(n, static_cast<uint64_t>(*total), sigma, fnv1a(prefix->data(), prefix->size()));
    std::vector<uint32_t> prefs;
    if (pref_prefix) {
      for (uint32_t a = 0; a < sc.agencies.size(); ++a)
        if (sc.agencies[a].kind == AgencyKind::PREFECTURE && sc.agencies[a].id.rfind(*pref_prefix, 0) == 0)
          prefs.push_back(a);
      if (prefs.empty())
        g.error("prefecture_prefix", "no prefecture (listed or generated before this generator) has an id starting with \"" +
                                         *pref_prefix + "\"");
    }
    for (uint64_t i = 0; i < n; ++i) {
      Agency a      = proto;
      a.id          = pad_id(*prefix, i + 1, n);
      a.kind        = agency_kind(*kind);
      a.site        = sites[i * sites.size() / n]; // contiguous blocks over the sites
      a.population  = total ? sizes[i] : 0;
      if (!prefs.empty())
        a.prefecture = prefs[i * prefs.size() / n]; // contiguous blocks over the prefectures
      add_agency(std::move(a), proto_line, g, "id_prefix");
    }
  }

  std::optional<PermissionRow> permission_row(const json& j, const std::string& ptr)
  {
    ObjReader r(j, ptr, issues);
    if (!r.valid())
      return std::nullopt;
    PermissionRow row;
    bool ok = true;
    if (auto p = r.string("procedure", Req::YES)) {
      auto pi = ref(procedure_ix, "procedure", *p, r.at("procedure"));
      ok      = ok && pi;
      row.procedure = pi.value_or(0);
    } else
      ok = false;
    auto rq = match(r, "requester");
    auto pv = match(r, "provider");
    ok      = ok && rq && pv;
    if (rq)
      row.requester = *rq;
    if (pv)
      row.provider = *pv;
    if (const json* it = r.raw("item", Req::YES)) {
      auto li  = layout_ref(*it, r.at("item"));
      ok       = ok && li;
      row.item = li.value_or(0);
    } else
      ok = false;
    r.finish();
    if (!ok)
      return std::nullopt;
    return row;
  }

  void permissions(ObjReader& root, const json* extra, const std::string& extra_ptr)
  {
    if (const json* arr = root.array("permissions", Req::YES))
      for (size_t i = 0; i < arr->size(); ++i)
        if (auto row = permission_row((*arr)[i], root.at("permissions") + "/" + std::to_string(i)))
          sc.permissions.push_back(*row);
    if (extra)
      for (size_t i = 0; i < extra->size(); ++i)
        if (auto row = permission_row((*extra)[i], extra_ptr + "/" + std::to_string(i)))
          sc.hub.master_extra_rows.push_back(*row);
  }

  void workload(ObjReader& root)
  {
    const json* arr = root.array("workload", Req::YES);
    if (!arr)
      return;
    const Calendar cal = sc.calendar();
    for (size_t i = 0; i < arr->size(); ++i) {
      ObjReader w((*arr)[i], root.at("workload") + "/" + std::to_string(i), issues);
      if (!w.valid())
        continue;
      Workload out;
      bool ok = true;
      auto wid = w.string("id", Req::YES);
      out.id   = wid.value_or("");
      if (wid && wid->empty()) {
        w.error("id", "an id cannot be empty");
        ok = false;
      } else if (wid && !valid_id(*wid)) {
        w.error("id", "invalid id \"" + *wid + "\": " + ID_RULE);
        ok = false;
      } else if (!out.id.empty() && workload_ix.count(out.id)) {
        w.error("id", "duplicate workload id \"" + out.id + "\"");
        ok = false;
      }
      if (auto p = w.string("procedure", Req::YES)) {
        auto pi       = ref(procedure_ix, "procedure", *p, w.at("procedure"));
        ok            = ok && pi;
        out.procedure = pi.value_or(0);
      } else
        ok = false;
      if (const json* it = w.raw("item", Req::YES)) {
        auto li  = layout_ref(*it, w.at("item"));
        ok       = ok && li;
        out.item = li.value_or(0);
      } else
        ok = false;
      std::optional<AgencyKind> req_kind;
      ObjReader rq = w.object("requesters", Req::YES);
      if (rq.valid()) {
        if (rq.has("kind") == rq.has("agencies")) {
          issues.error(rq.pointer(), "expected exactly one of \"kind\" or \"agencies\"");
          rq.raw("kind", Req::NO);
          rq.raw("agencies", Req::NO);
          ok = false;
        } else if (rq.has("kind")) {
          if (auto k = rq.choice("kind", Req::YES, AGENCY_KINDS)) {
            req_kind = agency_kind(*k);
            for (uint32_t a = 0; a < sc.agencies.size(); ++a)
              if (sc.agencies[a].kind == *req_kind)
                out.requesters.push_back(a);
            if (out.requesters.empty()) {
              rq.error("kind", "no agency of kind \"" + *k + "\" in this scenario");
              ok = false;
            }
          } else
            ok = false;
        } else if (const json* ids = rq.array("agencies", Req::YES)) {
          if (ids->empty()) {
            rq.error("agencies", "expected at least one agency");
            ok = false;
          }
          for (size_t k = 0; k < ids->size(); ++k) {
            const std::string ip = rq.at("agencies") + "/" + std::to_string(k);
            if (!(*ids)[k].is_string()) {
              issues.error(ip, "expected an agency id (string), found " + type_name((*ids)[k]));
              ok = false;
            } else if (auto a = ref(agency_ix, "agency", (*ids)[k].get<std::string>(), ip)) {
              if (std::find(out.requesters.begin(), out.requesters.end(), *a) != out.requesters.end()) {
                issues.error(ip, "agency \"" + (*ids)[k].get<std::string>() + "\" is listed twice");
                ok = false;
              } else
                out.requesters.push_back(*a);
            } else
              ok = false;
          }
        }
        rq.finish();
      } else
        ok = false;
      auto subjects = w.choice("subjects", Req::YES, {"own_residents", "own_members", "any", "listed"});
      if (subjects)
        out.subjects = *subjects == "own_residents" ? Subjects::OWN_RESIDENTS
                       : *subjects == "own_members"  ? Subjects::OWN_MEMBERS
                       : *subjects == "listed"       ? Subjects::LISTED
                                                     : Subjects::ANY;
      else
        ok = false;
      if (subjects == "listed") {
        if (const json* ps = w.array("persons", Req::YES)) {
          if (ps->empty()) {
            w.error("persons", "expected at least one person index");
            ok = false;
          }
          for (size_t k = 0; k < ps->size(); ++k) {
            const json& v = (*ps)[k];
            if (!v.is_number_unsigned() || v.get<uint64_t>() >= persons) {
              issues.error(w.at("persons") + "/" + std::to_string(k),
                           "expected a person index from 0 to " + std::to_string(persons ? persons - 1 : 0));
              ok = false;
            } else
              out.persons.push_back(v.get<uint64_t>());
          }
        } else
          ok = false;
      } else if (w.has("persons")) {
        w.error("persons", "only with \"subjects\": \"listed\"");
        w.raw("persons", Req::NO);
        ok = false;
      }
      ObjReader pv = w.object("provider", Req::YES);
      if (pv.valid()) {
        auto sel = pv.choice("select", Req::YES,
                             {"residence", "previous_residence", "prefecture_of_residence", "insurer", "agency"});
        if (sel == "agency") {
          if (auto id = pv.string("agency", Req::YES)) {
            auto a              = ref(agency_ix, "agency", *id, pv.at("agency"));
            ok                  = ok && a;
            out.provider_agency = a.value_or(NONE);
          } else
            ok = false;
          out.provider = ProviderSelect::AGENCY;
        } else {
          if (pv.has("agency"))
            pv.error("agency", "only with \"select\": \"agency\"");
          pv.raw("agency", Req::NO);
          out.provider = sel == "residence"            ? ProviderSelect::RESIDENCE
                         : sel == "previous_residence" ? ProviderSelect::PREVIOUS_RESIDENCE
                         : sel == "insurer"            ? ProviderSelect::INSURER
                                                       : ProviderSelect::PREFECTURE_OF_RESIDENCE;
        }
        ok = ok && sel;
        pv.finish();
      } else
        ok = false;
      auto mode = w.choice("mode", Req::YES, {"immediate", "batch"});
      out.batch = mode == "batch";
      if (out.batch)
        out.batch_size = static_cast<unsigned>(w.integer("batch_size", Req::YES, ge_le(2, 100000)).value_or(2));
      else if (w.has("batch_size")) {
        w.error("batch_size", "only for \"mode\": \"batch\"");
        w.raw("batch_size", Req::NO);
      }
      if (const json* fa = w.array("fetch_at", Req::NO)) {
        if (!out.batch) {
          w.error("fetch_at", "only batch result files are collected on a schedule (\"mode\": \"batch\")");
          ok = false;
        } else if (fa->empty()) {
          w.error("fetch_at", "expected at least one collection time \"HH:MM\"");
          ok = false;
        }
        for (size_t k = 0; k < fa->size(); ++k) {
          const std::string fp = w.at("fetch_at") + "/" + std::to_string(k);
          auto t = (*fa)[k].is_string() ? parse_hhmm((*fa)[k].get<std::string>()) : std::nullopt;
          if (!t || *t >= 86400) {
            issues.error(fp, "expected a time of day \"HH:MM\" (00:00 to 23:59)");
            ok = false;
          } else if (!out.fetch_at_s.empty() && *t <= out.fetch_at_s.back()) {
            issues.error(fp, "collection times must be in increasing order");
            ok = false;
          } else
            out.fetch_at_s.push_back(*t);
        }
      }
      auto hours         = w.choice("hours", Req::NO, {"business", "all_day"});
      out.business_hours = hours.value_or("business") == "business";
      auto arrivals      = w.choice("arrivals", Req::NO, {"poisson", "regular"});
      out.regular        = arrivals.value_or("poisson") == "regular";
      auto split         = w.choice("split", Req::NO, {"population", "equal"});
      out.split_by_population = split.value_or("population") == "population";
      const bool has_rate = w.has("rate_per_day"), has_total = w.has("total"), has_at = w.has("at");
      if (hours && has_at)
        w.error("hours", "arrival times given with \"at\" are used as they are: \"hours\" does not apply");
      if (split && has_at)
        w.error("split", "arrival times given with \"at\" apply to every requester: \"split\" does not apply");
      if (arrivals && has_at)
        w.error("arrivals", "arrival times given with \"at\" are used as they are: \"arrivals\" does not apply");
      if (int(has_rate) + int(has_total) + int(has_at) != 1) {
        issues.error(w.pointer(), "expected exactly one of \"rate_per_day\" (persons per day), \"total\" "
                                  "(persons over the whole run) or \"at\" (arrival times)");
        w.raw("rate_per_day", Req::NO);
        w.raw("total", Req::NO);
        w.raw("at", Req::NO);
        ok = false;
      } else if (has_at) {
        if (const json* at = w.array("at", Req::YES)) {
          if (at->empty()) {
            w.error("at", "expected at least one arrival time");
            ok = false;
          }
          for (size_t k = 0; k < at->size(); ++k) {
            const std::string ap = w.at("at") + "/" + std::to_string(k);
            const json& v        = (*at)[k];
            auto t = v.is_string() ? parse_jst_datetime(v.get<std::string>()) : std::nullopt;
            if (!t) {
              issues.error(ap, "expected a JST date-time \"YYYY-MM-DDTHH:MM:SS+09:00\"");
              ok = false;
            } else {
              const double ts = static_cast<double>(*t - sc.start_jst_s);
              if (ts < 0 || ts >= sc.duration_s) {
                issues.error(ap, "arrival time outside the run's window");
                ok = false;
              } else if (!out.at_s.empty() && ts < out.at_s.back()) {
                issues.error(ap, "arrival times must be in chronological order (equal times are allowed)");
                ok = false;
              } else
                out.at_s.push_back(ts);
            }
          }
        } else
          ok = false;
      } else if (has_rate) {
        out.rate_per_day = w.number("rate_per_day", Req::YES, gt(0)).value_or(0);
        ok               = ok && out.rate_per_day > 0;
      } else if (auto total = w.number("total", Req::YES, gt(0))) {
        const double days = out.business_hours
                                ? (cal.to_business(sc.duration_s) - cal.to_business(0)) / cal.business_day_seconds()
                                : sc.duration_s / 86400;
        if (days <= 0) {
          if (sc.duration_s > 0) // (an invalid duration is reported already)
            w.error("total", "the run has no business time to spread a total over");
          ok = false;
        } else
          out.rate_per_day = *total / days;
      } else
        ok = false;
      if (auto t = w.number("timeout_s", Req::NO, gt(0)))
        out.timeout_s = *t;
      out.acquire_rate = w.number("acquire_rate", Req::NO, ge_le(0, 1)).value_or(0);
      w.finish();
      // Cross-field rules.
      if (ok) {
        for (uint32_t r : out.requesters) {
          const Agency& a = sc.agencies[r];
          if (out.subjects == Subjects::OWN_RESIDENTS &&
              !(a.kind == AgencyKind::MUNICIPALITY || a.kind == AgencyKind::PREFECTURE)) {
            w.error("subjects", "requester \"" + a.id + "\" is a " + to_string(a.kind) +
                                    ": only municipalities and prefectures have residents (use own_members or any)");
            ok = false;
            break;
          }
          if (out.subjects == Subjects::OWN_MEMBERS &&
              !(a.kind == AgencyKind::INSURER || a.kind == AgencyKind::NATIONAL_BODY)) {
            w.error("subjects", "requester \"" + a.id + "\" is a " + to_string(a.kind) +
                                    ": only insurers and national bodies have members (use own_residents or any)");
            ok = false;
            break;
          }
          if (out.subjects == Subjects::OWN_RESIDENTS && a.population == 0) {
            w.error("requesters", "requester \"" + a.id + "\" has no residents");
            ok = false;
            break;
          }
          if (out.provider == ProviderSelect::RESIDENCE && out.subjects == Subjects::OWN_RESIDENTS &&
              a.kind == AgencyKind::MUNICIPALITY) {
            w.error("provider", "a municipality's own residents live in it: it would query itself (use "
                                "previous_residence)");
            ok = false;
            break;
          }
          if (out.provider == ProviderSelect::AGENCY && out.provider_agency == r) {
            w.error("provider", "requester \"" + a.id + "\" would query itself");
            ok = false;
            break;
          }
        }
        if (out.provider == ProviderSelect::INSURER &&
            std::none_of(sc.agencies.begin(), sc.agencies.end(),
                         [](const Agency& a) { return a.kind == AgencyKind::INSURER; })) {
          w.error("provider", "select \"insurer\" needs at least one insurer");
          ok = false;
        }
        if (out.provider == ProviderSelect::PREFECTURE_OF_RESIDENCE &&
            std::none_of(sc.agencies.begin(), sc.agencies.end(),
                         [](const Agency& a) { return a.kind == AgencyKind::MUNICIPALITY && a.prefecture != NONE; })) {
          w.error("provider", "select \"prefecture_of_residence\" needs municipalities that belong to a prefecture");
          ok = false;
        }
      }
      if (ok) {
        workload_ix[out.id] = static_cast<uint32_t>(sc.workload.size());
        sc.workload.push_back(out);
      }
    }
  }

  void identity_errors(ObjReader& root)
  {
    const json* arr = root.array("identity_errors", Req::NO);
    if (!arr)
      return;
    for (size_t i = 0; i < arr->size(); ++i) {
      ObjReader e((*arr)[i], root.at("identity_errors") + "/" + std::to_string(i), issues);
      if (!e.valid())
        continue;
      IdentityError ie;
      bool ok = e.choice("kind", Req::YES, {"swapped_link"}).has_value();
      if (auto id = e.string("agency", Req::YES)) {
        auto a    = ref(agency_ix, "agency", *id, e.at("agency"));
        ok        = ok && a;
        ie.agency = a.value_or(0);
      } else
        ok = false;
      if (const json* p = e.array("persons", Req::YES)) {
        if (p->size() != 2 || !(*p)[0].is_number_unsigned() || !(*p)[1].is_number_unsigned()) {
          e.error("persons", "expected two person indices (non-negative integers)");
          ok = false;
        } else {
          ie.person_a = (*p)[0].get<uint64_t>();
          ie.person_b = (*p)[1].get<uint64_t>();
          if (ie.person_a >= persons || ie.person_b >= persons) {
            e.error("persons", "person index out of range: the population has " + std::to_string(persons) +
                                   " persons (0 to " + std::to_string(persons ? persons - 1 : 0) + ")");
            ok = false;
          } else if (ie.person_a == ie.person_b) {
            e.error("persons", "a link swaps two different persons");
            ok = false;
          } else {
            for (const IdentityError& other : sc.identity_errors)
              if (other.agency == ie.agency && (other.person_a == ie.person_a || other.person_a == ie.person_b ||
                                                other.person_b == ie.person_a || other.person_b == ie.person_b)) {
                e.error("persons", "a person of this pair is already in another swapped link at the same agency");
                ok = false;
                break;
              }
          }
        }
      } else
        ok = false;
      e.finish();
      if (ok)
        sc.identity_errors.push_back(ie);
    }
  }

  void messages(ObjReader& root)
  {
    if (!root.has("messages")) {
      root.raw("messages", Req::NO);
      return;
    }
    ObjReader m = root.object("messages", Req::YES);
    if (!m.valid())
      return;
    sc.messages.header_bytes             = m.number("header_bytes", Req::NO, ge(0)).value_or(2048);
    sc.messages.request_bytes_per_person = m.number("request_bytes_per_person", Req::NO, ge(0)).value_or(512);
    m.finish();
  }

  std::vector<std::string> split_pointer(const std::string& p)
  {
    std::vector<std::string> parts;
    std::string cur;
    for (size_t i = 1; i <= p.size(); ++i) {
      if (i == p.size() || p[i] == '/') {
        std::string un;
        for (size_t k = 0; k < cur.size(); ++k) {
          if (cur[k] == '~' && k + 1 < cur.size()) {
            un += cur[k + 1] == '1' ? '/' : '~';
            ++k;
          } else
            un += cur[k];
        }
        parts.push_back(un);
        cur.clear();
      } else
        cur += p[i];
    }
    return parts;
  }

  /// Validates a metric pointer against the shape of result.json; returns an error text or "".
  std::string metric_problem(const std::string& p)
  {
    if (p.empty() || p[0] != '/')
      return "a metric is a JSON pointer into result.json, starting with \"/\"";
    auto parts = split_pointer(p);
    std::vector<std::string> classes;
    for (const char* n : OUTCOME_NAMES)
      classes.emplace_back(n);
    auto class_ok = [&](const std::string& c, bool total) {
      if (c == "all" || c == "provided" || (total && c == "lagging"))
        return true;
      return std::find(classes.begin(), classes.end(), c) != classes.end();
    };
    const std::string class_list = join(classes) + ", all, provided";
    const std::vector<std::string> stats = {"count", "mean_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_ms"};
    if (parts[0] == "outcomes") {
      if (parts.size() == 2 && parts[1] == "skipped")
        return "";
      if (parts.size() == 3 && parts[1] == "total")
        return class_ok(parts[2], true) ? "" : "unknown outcome \"" + parts[2] + "\"; known: " + class_list + ", lagging";
      if (parts.size() == 4) {
        const std::string& by = parts[1];
        bool key_ok           = false;
        if (by == "by_procedure")
          key_ok = procedure_ix.count(parts[2]);
        else if (by == "by_requester" || by == "by_provider")
          key_ok = agency_ix.count(parts[2]);
        else if (by == "by_item") {
          for (const auto& [k, v] : layout_ix)
            key_ok = key_ok || std::to_string(k) == parts[2];
        } else if (by == "by_workload")
          key_ok = workload_ix.count(parts[2]);
        else
          return "unknown breakdown \"" + by + "\"; known: total, by_procedure, by_requester, by_provider, by_item, by_workload";
        if (!key_ok)
          return "unknown key \"" + parts[2] + "\" for /outcomes/" + by;
        return class_ok(parts[3], false) ? "" : "unknown outcome \"" + parts[3] + "\"; known: " + class_list;
      }
      return "expected /outcomes/total/<outcome>, /outcomes/<breakdown>/<key>/<outcome> or /outcomes/skipped";
    }
    if (parts[0] == "latency") {
      std::vector<std::string> series = {"end_to_end", "end_to_end_immediate", "end_to_end_batch", "hub_queue_wait"};
      std::string stat;
      if (parts.size() == 3 && std::find(series.begin(), series.end(), parts[1]) != series.end())
        stat = parts[2];
      else if (parts.size() == 4 && parts[1] == "hops") {
        bool hop_ok = false;
        std::vector<std::string> hops;
        for (const HopDef& h : HOPS) {
          hops.emplace_back(h.name);
          hop_ok = hop_ok || parts[2] == h.name;
        }
        if (!hop_ok)
          return "unknown hop \"" + parts[2] + "\"; known: " + join(hops);
        stat = parts[3];
      } else
        return "expected /latency/<" + join(series, "|") + ">/<stat> or /latency/hops/<hop>/<stat>";
      return std::find(stats.begin(), stats.end(), stat) != stats.end() ? ""
                                                                        : "unknown statistic \"" + stat + "\"; known: " + join(stats);
    }
    if (parts[0] == "records") {
      const std::vector<std::string> keys = {"requester", "provider", "hub", "nondisclosure", "inconsistent"};
      if (parts.size() == 2 && std::find(keys.begin(), keys.end(), parts[1]) != keys.end())
        return "";
      return "expected /records/<" + join(keys, "|") + ">";
    }
    if (parts[0] == "servers") {
      const std::vector<std::string> keys = {"messages", "utilisation", "mean_wait_ms", "max_wait_ms"};
      if (parts.size() == 3 && site_ix.count(parts[1]) &&
          std::find(keys.begin(), keys.end(), parts[2]) != keys.end())
        return "";
      return "expected /servers/<site id>/<" + join(keys, "|") + ">";
    }
    return "unknown section \"" + parts[0] + "\"; checks read /outcomes, /latency, /records or /servers";
  }

  void expect(ObjReader& root)
  {
    const json* arr = root.array("expect", Req::YES);
    if (!arr)
      return;
    std::map<std::string, int> names;
    for (size_t i = 0; i < arr->size(); ++i) {
      ObjReader e((*arr)[i], root.at("expect") + "/" + std::to_string(i), issues);
      if (!e.valid())
        continue;
      Check c;
      bool ok = true;
      auto cname = e.string("name", Req::YES);
      c.name     = cname.value_or("");
      if (cname && cname->empty())
        e.error("name", "a check needs a name");
      else if (!c.name.empty() && names[c.name]++)
        e.error("name", "duplicate check name \"" + c.name + "\"");
      if (auto m = e.string("metric", Req::YES)) {
        c.metric = *m;
        if (auto why = metric_problem(*m); !why.empty()) {
          e.error("metric", why);
          ok = false;
        }
      } else
        ok = false;
      if (auto per = e.string("per", Req::NO)) {
        c.per = *per;
        if (auto why = metric_problem(*per); !why.empty()) {
          e.error("per", why);
          ok = false;
        }
      }
      auto mn = e.number("min", Req::NO);
      auto mx = e.number("max", Req::NO);
      c.has_min = mn.has_value();
      c.has_max = mx.has_value();
      c.min     = mn.value_or(0);
      c.max     = mx.value_or(0);
      if (!e.has("min") && !e.has("max")) {
        issues.error(e.pointer(), "a check needs a threshold: \"min\", \"max\" or both");
        ok = false;
      }
      if (mn && mx && *mn > *mx) {
        e.error("max", "max is below min: the check could never pass");
        ok = false;
      }
      auto kind = e.choice("kind", Req::NO, {"correctness", "latency"});
      c.kind    = kind ? (*kind == "latency" ? CheckMetricKind::LATENCY : CheckMetricKind::CORRECTNESS)
                       : (c.metric.rfind("/latency", 0) == 0 || c.metric.rfind("/servers", 0) == 0
                              ? CheckMetricKind::LATENCY
                              : CheckMetricKind::CORRECTNESS);
      e.finish();
      if (ok)
        sc.checks.push_back(c);
    }
  }

  void run(const std::string& text)
  {
    std::optional<ScenarioDocument> read = read_scenario_document(text, issues.file(), issues);
    if (!read)
      return;
    sc.file_sha256 = sha256_hex(read->hashed);
    issues.set_provenance(std::make_shared<const Provenance>(std::move(read->provenance)));
    const json& doc = read->doc;
    ObjReader root(doc, "", issues);
    if (!root.valid())
      return;
    root.string("$schema", Req::NO);
    if (auto name = root.string("name", Req::YES)) {
      static const std::regex re("[a-z0-9][a-z0-9._-]{0,63}");
      if (!std::regex_match(*name, re))
        root.error("name", "invalid name \"" + *name +
                               "\"; expected 1 to 64 of a-z 0-9 . _ - starting with a letter or digit (it names the results folder)");
      else
        sc.name = *name;
    }
    sc.description = root.string("description", Req::NO).value_or("");
    sc.seed        = static_cast<uint64_t>(root.integer("seed", Req::NO, ge(0)).value_or(1));
    calendar(root);
    network(root);
    const json* extra_rows = nullptr;
    std::string extra_ptr;
    hub_and_jlis(root, extra_rows, extra_ptr);
    servers(root);
    layouts(root);
    procedures(root);
    agencies(root);
    permissions(root, extra_rows, extra_ptr);
    workload(root);
    identity_errors(root);
    messages(root);
    expect(root);
    root.finish();
    if (sc.workload.empty() && issues.empty())
      root.error("workload", "expected at least one workload line: a scenario with no traffic checks nothing");
    if (!sc.agencies.empty() && !have_vpn)
      for (size_t a = 0; a < sc.agencies.size(); ++a)
        if (sc.agencies[a].site != NONE && !bad_sites.count(sc.sites[sc.agencies[a].site].id) &&
            sc.sites[sc.agencies[a].site].kind == SiteKind::LG_PLATFORM && !own_line[a]) {
          root.error("network", "agencies on the LG platform need \"network\": {\"vpn_device\": {...}} (or their own \"line\")");
          break;
        }
  }
};

} // namespace

const char* to_string(SiteKind k)
{
  switch (k) {
    case SiteKind::HUB:
      return "hub";
    case SiteKind::JLIS:
      return "jlis";
    case SiteKind::LG_PLATFORM:
      return "lg_platform";
    case SiteKind::INSURER_SERVER:
      return "insurer_server";
    case SiteKind::DEDICATED_SERVER:
      return "dedicated_server";
  }
  return "?";
}

const char* to_string(AgencyKind k)
{
  switch (k) {
    case AgencyKind::MUNICIPALITY:
      return "municipality";
    case AgencyKind::PREFECTURE:
      return "prefecture";
    case AgencyKind::NATIONAL_BODY:
      return "national_body";
    case AgencyKind::INSURER:
      return "insurer";
  }
  return "?";
}

Scenario parse_scenario(const std::string& text, const std::string& file)
{
  Loader l(file);
  l.sc.file = file;
  l.run(text);
  if (!l.issues.empty())
    throw ScenarioError(l.issues.list());
  return std::move(l.sc);
}

Scenario load_scenario(const std::string& path)
{
  std::string text, why;
  if (!read_file(path, text, why))
    throw ScenarioError({"error: " + path + ": /: " + why});
  return parse_scenario(text, path);
}

} // namespace linksim
