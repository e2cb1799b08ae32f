#include "harness/scenario/sections/LinkageCases.hpp"

#include "sim/model/TestPersons.hpp"
#include "sim/scenario/Scenario.hpp"

#include <cmath>
#include <cstdio>

namespace linksim {

namespace {

std::string hhmm(int s)
{
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", s / 3600, s / 60 % 60);
  return buf;
}

/// The law's rows in force at t grant the item to the requester from the provider (the
/// connectivity-check tool: from any provider).
bool live_at(const Scenario& sc, const TestCase& tc, uint32_t provider, double t)
{
  const bool tool = sc.agencies[provider].kind == AgencyKind::CONNECTIVITY_TOOL;
  for (const PermissionRow& r : sc.permissions)
    if (r.procedure == tc.procedure && r.item == tc.item && r.from_s <= t && t < r.until_s &&
        r.requester.matches(tc.requester, sc.agencies[tc.requester].kind) &&
        (tool || r.provider.matches(provider, sc.agencies[provider].kind)))
      return true;
  return false;
}

std::string format_number(double x)
{
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

} // namespace

bool read_case_my_numbers(ObjReader& c, std::vector<uint64_t>& persons, LoadContext& ctx)
{
  const json* ns = c.array("my_numbers", Req::NO);
  if (!ns)
    return true;
  if (ns->empty()) {
    c.error("my_numbers", "expected at least one My Number");
    return false;
  }
  const Codes codes(ctx.sc.seed, 0);
  const TestPersons tp(ctx.persons, static_cast<uint32_t>(ctx.sc.agencies.size()), ctx.sc.linkage.test_persons_per_agency);
  bool ok = true;
  for (size_t k = 0; k < ns->size(); ++k) {
    const std::string ip = c.at("my_numbers") + "/" + std::to_string(k);
    std::string why;
    if (!(*ns)[k].is_string()) {
      ctx.issues.error(ip, "expected a My Number as a string of 12 digits, found " + type_name((*ns)[k]));
      ok = false;
    } else if (auto p = person_of_my_number((*ns)[k].get<std::string>(), codes, tp, why))
      persons.push_back(*p);
    else {
      ctx.issues.error(ip, why);
      ok = false;
    }
  }
  return ok;
}

bool check_linkage_case(ObjReader& c, const TestCase& tc, Workload& wl, LoadContext& ctx)
{
  const Scenario& sc   = ctx.sc;
  const bool linkage   = tc.regime == Regime::LINKAGE;
  bool ok              = true;
  // No application (利用申請), no completion report (完了報告), no cap on agencies [SEED p.25].
  static const char* const REFUSED[][2] = {
      {"application", "a linkage test (情報連携試験) needs no application (利用申請): it runs in production"},
      {"completion_report", "a linkage test (情報連携試験) needs no completion report (完了報告)"},
      {"slots", "a linkage test (情報連携試験) has no limit on agencies: slots belong to the inter-agency test"}};
  if (!linkage)
    return ok; // (other regimes: these keys are their readers' business, or unknown keys)
  for (const auto& [key, why] : REFUSED)
    if (c.has(key)) {
      c.raw(key, Req::NO);
      c.error(key, why);
      ok = false;
    }
  wl.linkage_test      = true;
  const size_t n       = tc.persons.size();
  if (n == 0 || tc.at_s.size() != (tc.batch ? 1 : n) || tc.providers.size() != n)
    return ok; // the case is broken already (reported): no times or providers to check
  const Calendar cal   = sc.calendar();
  const json* atj      = c.raw("at", Req::NO);
  const double max     = sc.linkage.max_exchanges_per_hour;
  for (size_t k = 0; k < n; ++k) {
    const size_t ai      = tc.batch ? 0 : k; // a batch is sent once
    const double t       = tc.at_s[ai];
    const std::string ap = c.at("at") + (atj && atj->is_array() ? "/" + std::to_string(ai) : "");
    if (ai == k) { // each time once
      if (!cal.is_business_day(cal.day_of(t))) {
        ctx.issues.error(ap, "test case \"" + tc.id + "\": a linkage test runs in normal production hours only; " +
                                 cal.format(t) + " is not a business day");
        ok = false;
      } else if (!cal.is_business_time(t)) {
        ctx.issues.error(ap, "test case \"" + tc.id + "\": a linkage test runs in normal production hours only; " +
                                 cal.format(t) + " is outside business hours (" + hhmm(sc.open_s) + "–" +
                                 hhmm(sc.close_s) + ")");
        ok = false;
      }
    }
    if (!live_at(sc, tc, tc.providers[k], t)) {
      ctx.issues.error(c.at("procedure"),
                       "test case \"" + tc.id + "\": a linkage test covers only procedures already live in production; on " +
                           cal.format(t) + " no permission row in force grants item " +
                           std::to_string(sc.layouts[tc.item].number) + " to \"" + sc.agencies[tc.requester].id +
                           "\" from \"" + sc.agencies[tc.providers[k]].id + "\" under \"" + sc.procedures[tc.procedure].code +
                           "\"");
      ok = false;
      break;
    }
    // No performance tests: exchanges per requester per clock hour (JST), over all its linkage cases.
    const int64_t hour = static_cast<int64_t>(std::floor((static_cast<double>(sc.start_jst_s) + t) / 3600.0));
    uint32_t& count    = ctx.linkage_per_hour[{tc.requester, hour}];
    ++count;
    if (count > max && count - 1 <= max) { // reported once per requester and hour
      ctx.issues.error(ap, "test case \"" + tc.id + "\": \"" + sc.agencies[tc.requester].id + "\" would ask more than " +
                               format_number(max) +
                               " exchanges in linkage tests in the hour from " + cal.format(hour * 3600.0 - sc.start_jst_s) +
                               " (linkage_test.max_exchanges_per_hour): a linkage test is no performance test");
      ok = false;
    }
  }
  return ok;
}

} // namespace linksim
