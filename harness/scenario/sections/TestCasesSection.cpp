// Section `test_cases`: test cases written by a test lead (see sim/scenario/TestCases.hpp).
//
// Each case becomes an internal workload line ("case:<id>") that asks persons[k] of the case's
// provider at at[k], in order, with no random draw. Every listed person is checked here: the
// provider must be known (`select` resolved with the scenario's `seed`), must not be the
// requester itself, and must hold a record for the person and item (unless the exchange expects
// `no_replica`); a person that cannot be asked is an error naming the case and the person.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"
#include "harness/scenario/sections/LinkageCases.hpp"
#include "sim/model/World.hpp"

#include <algorithm>
#include <memory>

namespace linksim {

namespace {

/// `at`: an array parallel to persons (or one value for a batch), or "next_business_slot".
bool read_case_at(ObjReader& c, TestCase& tc, LoadContext& ctx)
{
  const json* at = c.raw("at", Req::YES);
  if (!at)
    return false;
  const Scenario& sc = ctx.sc;
  if (at->is_string() && at->get<std::string>() == "next_business_slot") {
    // The next business-hours moment at or after the run's start (Calendar::next_business_time).
    const double t = sc.calendar().next_business_time(0.0);
    if (!(t < sc.duration_s)) {
      c.error("at", "the run has no business time for \"next_business_slot\"");
      return false;
    }
    tc.at_s.assign(tc.batch ? 1 : tc.persons.size(), t);
    return true;
  }
  std::vector<json> values;
  if (at->is_array())
    values.assign(at->begin(), at->end());
  else if (at->is_string() && tc.batch)
    values.push_back(*at);
  else {
    c.error("at", tc.batch ? "expected a JST date-time, an array of one, or \"next_business_slot\""
                           : "expected an array of JST date-times parallel to \"persons\", or \"next_business_slot\"");
    return false;
  }
  const size_t want = tc.batch ? 1 : tc.persons.size();
  if (values.size() != want) {
    const std::string found = ", found " + std::to_string(values.size());
    if (tc.batch)
      c.error("at", "a batch case is sent once: expected one date-time" + found);
    else // the persons may be what changed (in a patch): reported where the later file wrote
      ctx.issues.conflict({c.at("at"), "expected " + std::to_string(want) + " date-times (one per person of ", ")" + found},
                          {c.at(c.has("persons") ? "persons" : "my_numbers"), std::to_string(want) + " persons need " + std::to_string(want) +
                                                " date-times (one per person) in ", found});
    return false;
  }
  bool ok = true;
  for (size_t k = 0; k < values.size(); ++k) {
    const std::string ap = at->is_array() ? c.at("at") + "/" + std::to_string(k) : c.at("at");
    auto t = values[k].is_string() ? parse_jst_datetime(values[k].get<std::string>()) : std::nullopt;
    if (!t) {
      ctx.issues.error(ap, "expected a JST date-time \"YYYY-MM-DDTHH:MM:SS+09:00\"");
      ok = false;
      continue;
    }
    const double ts = static_cast<double>(*t - sc.start_jst_s);
    if (ts < 0 || ts >= sc.duration_s) {
      ctx.issues.error(ap, "test case \"" + tc.id + "\": time outside the run's window");
      ok = false;
    } else if (!tc.at_s.empty() && ts < tc.at_s.back()) {
      ctx.issues.error(ap, "times must be in chronological order (equal times are allowed)");
      ok = false;
    } else
      tc.at_s.push_back(ts);
  }
  return ok;
}

std::optional<CaseExpect> read_expect_one(ObjReader& e, const TestCase& tc, LoadContext& ctx)
{
  CaseExpect x;
  bool ok = true;
  if (auto o = read_given_choice(e, params::CASE_OUTCOME, OUTCOMES))
    x.outcome = static_cast<uint32_t>(*o);
  else
    ok = false;
  const Layout& l = ctx.sc.layouts[tc.item];
  if (auto v = e.string("version", Req::NO)) {
    auto it = std::find_if(l.versions.begin(), l.versions.end(), [&](const LayoutVersion& lv) { return lv.version == *v; });
    if (it == l.versions.end()) {
      std::string known;
      for (const LayoutVersion& lv : l.versions)
        known += (known.empty() ? "" : ", ") + lv.version;
      e.error("version", "item " + std::to_string(l.number) + " has no layout version \"" + *v + "\"; known: " + known);
      ok = false;
    } else
      x.version = static_cast<uint32_t>(it - l.versions.begin());
  }
  const json* nij = e.raw("null_items", Req::NO);
  ObjReader ni    = nij ? ObjReader(*nij, e.at("null_items"), ctx.issues) : ObjReader::absent(ctx.issues);
  if (ni.valid()) {
    for (auto it = nij->begin(); it != nij->end(); ++it) {
      const std::string code = it.key();
      auto reason            = ni.string(code, Req::YES);
      // The item code must exist in some version of the layout; the reason must be declared.
      uint32_t item = NONE;
      for (const LayoutVersion& lv : l.versions)
        for (size_t d = 0; d < lv.items.size() && item == NONE; ++d)
          if (lv.items[d].code == code)
            item = static_cast<uint32_t>(d);
      const auto& rs = ctx.sc.reasons_of_null;
      auto r         = reason ? std::find(rs.begin(), rs.end(), *reason) : rs.end();
      if (item == NONE) {
        ni.error(code, "item " + std::to_string(l.number) + " has no data item \"" + code + "\"");
        ok = false;
      } else if (reason && r == rs.end()) {
        std::string known;
        for (const std::string& s : rs)
          known += (known.empty() ? "" : ", ") + s;
        ni.error(code, "unknown ReasonOfNull \"" + *reason + "\"; known: " + known);
        ok = false;
      } else if (reason)
        x.null_items.emplace_back(item, static_cast<uint32_t>(r - rs.begin()));
      else
        ok = false;
    }
    ni.finish();
  }
  if (auto m = read_given(e, params::CASE_LATENCY_MAX_S))
    x.latency_max_s = *m;
  e.finish();
  if (!ok)
    return std::nullopt;
  return x;
}

bool read_case_expect(ObjReader& c, TestCase& tc, LoadContext& ctx)
{
  const json* ex = c.raw("expect", Req::YES);
  if (!ex)
    return false;
  if (ex->is_object()) {
    ObjReader e(*ex, c.at("expect"), ctx.issues);
    auto x = read_expect_one(e, tc, ctx);
    if (x)
      tc.expect.assign(tc.persons.size(), *x);
    return x.has_value();
  }
  if (!ex->is_array()) {
    c.error("expect", "expected an object (for every exchange) or an array parallel to \"persons\"");
    return false;
  }
  if (ex->size() != tc.persons.size()) {
    c.error("expect", "expected " + std::to_string(tc.persons.size()) + " expectations (one per person), found " +
                          std::to_string(ex->size()));
    return false;
  }
  bool ok = true;
  for (size_t k = 0; k < ex->size(); ++k) {
    ObjReader e((*ex)[k], c.at("expect") + "/" + std::to_string(k), ctx.issues);
    if (!e.valid()) {
      ok = false;
      continue;
    }
    auto x = read_expect_one(e, tc, ctx);
    if (x)
      tc.expect.push_back(*x);
    else
      ok = false;
  }
  return ok;
}

/// `provider`: {"agency": id} or {"select": residence | previous_residence | prefecture_of_residence | insurer}.
bool read_case_provider(ObjReader& c, TestCase& tc, Workload& wl, LoadContext& ctx)
{
  ObjReader pv = c.object("provider", Req::YES);
  if (!pv.valid())
    return false;
  bool ok = true;
  if (pv.has("agency") == pv.has("select")) {
    ctx.issues.error(pv.pointer(), "expected exactly one of \"agency\" (an agency id) or \"select\" (a rule)");
    pv.raw("agency", Req::NO);
    pv.raw("select", Req::NO);
    ok = false;
  } else if (pv.has("agency")) {
    if (auto id = pv.string("agency", Req::YES)) {
      auto a             = resolve(ctx.agency_ix, "agency", *id, pv.at("agency"), ctx.issues);
      ok                 = a.has_value();
      wl.provider        = ProviderSelect::AGENCY;
      wl.provider_agency = a.value_or(NONE);
      tc.provider_text   = *id;
    } else
      ok = false;
  } else if (auto sel = read_choice(pv, param_key(params::CASE_PROVIDER_SELECT), Req::YES, PROVIDER_SELECTS)) {
    // The whole table, so that "agency" gets its own message below; the declaration lists the rest.
    if (*sel == ProviderSelect::AGENCY) {
      pv.error("select", "name the agency with {\"agency\": id}");
      ok = false;
    }
    wl.provider      = *sel;
    tc.provider_text = std::string("select: ") + to_string(*sel);
  } else
    ok = false;
  pv.finish();
  return ok;
}

/// Every person: a known provider that is not the requester and holds a record (domain rules
/// of ExistingSystem::choose, made errors instead of re-draws).
bool check_persons(ObjReader& c, TestCase& tc, const Workload& wl, const Population& pop, LoadContext& ctx)
{
  const Scenario& sc = ctx.sc;
  bool ok            = true;
  const json* ps       = c.raw("persons", Req::NO); // then `my_numbers` (linkage test)
  const size_t indexed = ps && ps->is_array() ? ps->size() : 0;
  for (size_t k = 0; k < tc.persons.size(); ++k) {
    const uint64_t p     = tc.persons[k];
    const std::string pp = k < indexed ? c.at("persons") + "/" + std::to_string(k)
                                       : c.at("my_numbers") + "/" + std::to_string(k - indexed);
    const std::string who = "test case \"" + tc.id + "\": person " + std::to_string(p);
    const uint32_t prov   = provider_of(wl, pop, p);
    if (prov == NONE) {
      const std::string none = who + " has no " + to_string(wl.provider) +
                               (wl.provider == ProviderSelect::INSURER ? " (not a member of any insurer)" : "");
      ctx.issues.conflict({pp, none + ", the provider chosen by ", ""}, {c.at("provider"), none + ", the person of ", ""});
      ok = false;
      continue;
    }
    if (prov == tc.requester) {
      const std::string itself = "\"" + sc.agencies[prov].id + "\" (";
      ctx.issues.conflict({pp, who + ": the provider (" + to_string(wl.provider) + ") would be the requester " + itself, ") itself"},
                          {c.at("requester"), who + ": the requester would be the provider (" + to_string(wl.provider) + ") " +
                                                  itself, ") itself"});
      ok = false;
      continue;
    }
    const bool expects_no_record = tc.expect.size() == tc.persons.size() &&
                                   tc.expect[k].outcome == static_cast<uint32_t>(Outcome::NO_REPLICA);
    const bool tool = sc.agencies[prov].kind == AgencyKind::CONNECTIVITY_TOOL; // answers everyone
    if (!expects_no_record && !tool && !World::holds_record(sc, pop, sc.seed, prov, p, tc.item)) {
      ctx.issues.error(pp, who + " has no record of item " + std::to_string(sc.layouts[tc.item].number) + " at \"" +
                               sc.agencies[prov].id + "\" (expect \"no_replica\" to test that answer)");
      ok = false;
      continue;
    }
    tc.providers.push_back(prov);
  }
  return ok;
}

void read_case(ObjReader& c, std::map<std::string, uint32_t>& case_ix, const Population& pop, LoadContext& ctx)
{
  TestCase tc;
  Workload wl;
  bool ok = true;
  if (auto id = read_id(c, "id", "test case", case_ix)) {
    tc.id = *id;
    if (tc.id == "summary") { // result.json /test_cases/summary
      c.error("id", "\"summary\" is reserved (result.json /test_cases/summary)");
      ok = false;
    }
  } else
    ok = false;
  tc.title  = c.string("title", Req::YES).value_or("");
  tc.regime = read_choice(c, params::CASE_REGIME, REGIMES);
  if (auto r = c.string("requester", Req::YES)) {
    auto a       = resolve(ctx.agency_ix, "agency", *r, c.at("requester"), ctx.issues);
    ok           = ok && a;
    tc.requester = a.value_or(0);
  } else
    ok = false;
  if (auto p = c.string("procedure", Req::YES)) {
    auto pi      = resolve(ctx.procedure_ix, "procedure", *p, c.at("procedure"), ctx.issues);
    ok           = ok && pi;
    tc.procedure = pi.value_or(0);
  } else
    ok = false;
  bool have_item = false;
  if (const json* it = c.raw("item", Req::YES)) {
    auto li   = resolve_layout(*it, c.at("item"), ctx);
    have_item = li.has_value();
    tc.item   = li.value_or(0);
  }
  ok = ok && have_item;
  if (auto m = read_given_choice(c, params::CASE_MODE, MODES))
    tc.batch = *m;
  else
    ok = false;
  ok = read_case_provider(c, tc, wl, ctx) && ok;
  bool persons_ok = true;
  if (const json* ps = c.array("persons", c.has("my_numbers") ? Req::NO : Req::YES)) {
    if (ps->empty() || (tc.batch && ps->size() < 2 && !c.has("my_numbers"))) {
      if (tc.batch && !ps->empty()) // the mode may be what changed (in a patch)
        ctx.issues.conflict({c.at("persons"), "a batch case (", ") lists at least two persons"},
                            {c.at("mode"), "a batch case lists at least two persons (", ")"});
      else
        c.error("persons", tc.batch ? "a batch case lists at least two persons" : "expected at least one person index");
      persons_ok = false;
    }
    persons_ok = read_person_indices(*ps, c.at("persons"), params::CASE_PERSON, ctx, tc.persons) && persons_ok;
  } else if (!c.has("my_numbers"))
    persons_ok = false;
  persons_ok = read_case_my_numbers(c, tc.persons, ctx) && persons_ok; // linkage test: by (test) My Number
  // `at` and `expect` are read against the persons (their lengths), `expect` against the item.
  if (persons_ok) {
    ok = read_case_at(c, tc, ctx) && ok;
    if (have_item)
      ok = read_case_expect(c, tc, ctx) && ok;
    else
      c.raw("expect", Req::NO);
  } else {
    c.raw("at", Req::NO);
    c.raw("expect", Req::NO);
    ok = false;
  }
  ok = ok && check_persons(c, tc, wl, pop, ctx);
  ok = check_linkage_case(c, tc, wl, ctx) && ok; // the linkage test's rules (regime linkage)
  c.finish();
  if (!ok)
    return;
  const std::string line_id = "case:" + tc.id;
  if (ctx.workload_ix.count(line_id)) {
    c.error("id", "the workload line \"" + line_id + "\" of this test case exists already");
    return;
  }
  wl.id         = line_id;
  wl.procedure  = tc.procedure;
  wl.item       = tc.item;
  wl.requesters = {tc.requester};
  wl.subjects   = Subjects::LISTED;
  wl.persons    = tc.persons;
  wl.providers  = tc.providers;
  wl.at_s       = tc.at_s;
  wl.paired     = true;
  wl.batch      = tc.batch;
  wl.batch_size = tc.batch ? static_cast<unsigned>(tc.persons.size()) : 1;
  wl.test_case  = static_cast<uint32_t>(ctx.sc.test_cases.size());
  tc.workload   = static_cast<uint32_t>(ctx.sc.workload.size());
  case_ix[tc.id] = wl.test_case;
  ctx.workload_ix[line_id] = tc.workload;
  ctx.sc.workload.push_back(std::move(wl));
  ctx.sc.test_cases.push_back(std::move(tc));
}

void read_test_cases(ObjReader& root, LoadContext& ctx)
{
  const json* arr = root.array("test_cases", Req::NO);
  if (!arr)
    return;
  if (ctx.sc.agencies.empty() || ctx.persons == 0)
    return; // the agencies are invalid (reported): nobody to ask about
  const Population pop(ctx.sc, ctx.sc.seed);
  std::map<std::string, uint32_t> case_ix;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader c((*arr)[i], root.at("test_cases") + "/" + std::to_string(i), ctx.issues);
    if (c.valid())
      read_case(c, case_ix, pop, ctx);
  }
}

} // namespace

extern const SectionDecl TEST_CASES_SECTION{"test_cases", {"test_cases"}, read_test_cases,
                                            "test cases: named exchanges with expected results, judged per case"};

} // namespace linksim
