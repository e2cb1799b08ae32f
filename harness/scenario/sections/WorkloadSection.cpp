// Section `workload`: who queries whom about whom, how often, and how (immediate or batch).
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"
#include "sim/model/Population.hpp"
#include "sim/model/TestPersons.hpp"

#include <algorithm>

namespace linksim {

namespace {

bool read_requesters(ObjReader& w, Workload& out, LoadContext& ctx)
{
  ObjReader rq = w.object("requesters", Req::YES);
  if (!rq.valid())
    return false;
  bool ok = true;
  if (rq.has("kind") == rq.has("agencies")) {
    ctx.issues.error(rq.pointer(), "expected exactly one of \"kind\" or \"agencies\"");
    rq.raw("kind", Req::NO);
    rq.raw("agencies", Req::NO);
    ok = false;
  } else if (rq.has("kind")) {
    if (auto k = read_given_choice(rq, params::WORKLOAD_REQUESTER_KIND, AGENCY_KINDS, Req::YES)) {
      for (uint32_t a = 0; a < ctx.sc.agencies.size(); ++a)
        if (ctx.sc.agencies[a].kind == *k)
          out.requesters.push_back(a);
      if (out.requesters.empty()) {
        rq.error("kind", "no agency of kind \"" + std::string(to_string(*k)) + "\" in this scenario");
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
        ctx.issues.error(ip, "expected an agency id (string), found " + type_name((*ids)[k]));
        ok = false;
      } else if (auto a = resolve(ctx.agency_ix, "agency", (*ids)[k].get<std::string>(), ip, ctx.issues)) {
        if (std::find(out.requesters.begin(), out.requesters.end(), *a) != out.requesters.end()) {
          ctx.issues.error(ip, "agency \"" + (*ids)[k].get<std::string>() + "\" is listed twice");
          ok = false;
        } else
          out.requesters.push_back(*a);
      } else
        ok = false;
    }
  }
  rq.finish();
  return ok;
}

/// `my_numbers`: persons named by My Number (12-digit strings: a real person's, or a reserved
/// test My Number, 試験用個人番号), resolved under the scenario's seed into `persons`.
bool read_my_numbers(ObjReader& w, Workload& out, LoadContext& ctx)
{
  const json* ns = w.array("my_numbers", Req::NO);
  if (!ns)
    return true;
  if (out.subjects != Subjects::LISTED) {
    w.error("my_numbers", "only with \"subjects\": \"listed\"");
    return false;
  }
  if (ns->empty()) {
    w.error("my_numbers", "expected at least one My Number");
    return false;
  }
  const Codes codes(ctx.sc.seed, 0);
  const TestPersons tp(ctx.persons, static_cast<uint32_t>(ctx.sc.agencies.size()), ctx.sc.linkage.test_persons_per_agency);
  bool ok = true;
  for (size_t k = 0; k < ns->size(); ++k) {
    const std::string ip = w.at("my_numbers") + "/" + std::to_string(k);
    std::string why;
    if (!(*ns)[k].is_string()) {
      ctx.issues.error(ip, "expected a My Number as a string of 12 digits, found " + type_name((*ns)[k]));
      ok = false;
    } else if (auto p = person_of_my_number((*ns)[k].get<std::string>(), codes, tp, why))
      out.persons.push_back(*p);
    else {
      ctx.issues.error(ip, why);
      ok = false;
    }
  }
  return ok;
}

bool read_subjects(ObjReader& w, Workload& out, LoadContext& ctx)
{
  auto subjects = read_given_choice(w, params::WORKLOAD_SUBJECTS, SUBJECTS);
  if (!subjects)
    return false;
  out.subjects = *subjects;
  bool ok      = true;
  if (*subjects == Subjects::LISTED) {
    if (const json* ps = w.array("persons", w.has("my_numbers") ? Req::NO : Req::YES)) {
      if (ps->empty()) {
        w.error("persons", "expected at least one person index");
        ok = false;
      }
      ok = read_person_indices(*ps, w.at("persons"), params::WORKLOAD_PERSON, ctx, out.persons) && ok;
    } else if (!w.has("my_numbers"))
      ok = false;
  } else if (w.has("persons")) {
    w.error("persons", "only with \"subjects\": \"listed\"");
    w.raw("persons", Req::NO);
    ok = false;
  }
  return ok;
}

bool read_provider(ObjReader& w, Workload& out, LoadContext& ctx)
{
  ObjReader pv = w.object("provider", Req::YES);
  if (!pv.valid())
    return false;
  auto sel = read_given_choice(pv, params::WORKLOAD_PROVIDER_SELECT, PROVIDER_SELECTS);
  bool ok  = sel.has_value();
  if (sel == ProviderSelect::AGENCY) {
    if (auto id = pv.string("agency", Req::YES)) {
      auto a              = resolve(ctx.agency_ix, "agency", *id, pv.at("agency"), ctx.issues);
      ok                  = ok && a;
      out.provider_agency = a.value_or(NONE);
    } else
      ok = false;
  } else {
    if (pv.has("agency"))
      pv.error("agency", "only with \"select\": \"agency\"");
    pv.raw("agency", Req::NO);
  }
  if (sel)
    out.provider = *sel;
  pv.finish();
  return ok;
}

bool read_mode(ObjReader& w, Workload& out, LoadContext& ctx)
{
  bool ok   = true;
  out.batch = read_given_choice(w, params::WORKLOAD_MODE, MODES).value_or(false);
  if (out.batch)
    out.batch_size = static_cast<unsigned>(read_given_integer(w, params::WORKLOAD_BATCH_SIZE, Req::YES).value_or(2));
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
      auto t               = (*fa)[k].is_string() ? parse_hhmm((*fa)[k].get<std::string>()) : std::nullopt;
      if (!t || *t >= 86400) {
        ctx.issues.error(fp, "expected a time of day \"HH:MM\" (00:00 to 23:59)");
        ok = false;
      } else if (!out.fetch_at_s.empty() && *t <= out.fetch_at_s.back()) {
        ctx.issues.error(fp, "collection times must be in increasing order");
        ok = false;
      } else
        out.fetch_at_s.push_back(*t);
    }
  }
  return ok;
}

bool read_at(ObjReader& w, Workload& out, LoadContext& ctx)
{
  const json* at = w.array("at", Req::YES);
  if (!at)
    return false;
  bool ok = true;
  if (at->empty()) {
    w.error("at", "expected at least one arrival time");
    ok = false;
  }
  for (size_t k = 0; k < at->size(); ++k) {
    const std::string ap = w.at("at") + "/" + std::to_string(k);
    const json& v        = (*at)[k];
    auto t               = v.is_string() ? parse_jst_datetime(v.get<std::string>()) : std::nullopt;
    if (!t) {
      ctx.issues.error(ap, "expected a JST date-time \"YYYY-MM-DDTHH:MM:SS+09:00\"");
      ok = false;
      continue;
    }
    const double ts = static_cast<double>(*t - ctx.sc.start_jst_s);
    if (ts < 0 || ts >= ctx.sc.duration_s) {
      ctx.issues.error(ap, "arrival time outside the run's window");
      ok = false;
    } else if (!out.at_s.empty() && ts < out.at_s.back()) {
      ctx.issues.error(ap, "arrival times must be in chronological order (equal times are allowed)");
      ok = false;
    } else
      out.at_s.push_back(ts);
  }
  return ok;
}

/// hours, arrivals, split, and exactly one of rate_per_day, total, at.
bool read_arrivals(ObjReader& w, Workload& out, LoadContext& ctx)
{
  const Scenario& sc      = ctx.sc;
  const bool has_hours    = w.has(param_key(params::WORKLOAD_HOURS));
  const bool has_arrivals = w.has(param_key(params::WORKLOAD_ARRIVALS));
  const bool has_split    = w.has(param_key(params::WORKLOAD_SPLIT));
  out.business_hours      = read_choice(w, params::WORKLOAD_HOURS, HOURS);
  out.regular             = read_choice(w, params::WORKLOAD_ARRIVALS, ARRIVALS);
  out.split_by_population = read_choice(w, params::WORKLOAD_SPLIT, SPLITS);
  const bool has_rate = w.has(param_key(params::WORKLOAD_RATE_PER_DAY)), has_total = w.has(param_key(params::WORKLOAD_TOTAL)),
             has_at = w.has("at");
  if (has_hours && has_at)
    w.error("hours", "arrival times given with \"at\" are used as they are: \"hours\" does not apply");
  if (has_split && has_at)
    w.error("split", "arrival times given with \"at\" apply to every requester: \"split\" does not apply");
  if (has_arrivals && has_at)
    w.error("arrivals", "arrival times given with \"at\" are used as they are: \"arrivals\" does not apply");
  if (int(has_rate) + int(has_total) + int(has_at) != 1) {
    ctx.issues.error(w.pointer(), "expected exactly one of \"rate_per_day\" (persons per day), \"total\" "
                                  "(persons over the whole run) or \"at\" (arrival times)");
    w.raw("rate_per_day", Req::NO);
    w.raw("total", Req::NO);
    w.raw("at", Req::NO);
    return false;
  }
  if (has_at)
    return read_at(w, out, ctx);
  if (has_rate) {
    out.rate_per_day = read_given(w, params::WORKLOAD_RATE_PER_DAY, Req::YES).value_or(0);
    return out.rate_per_day > 0;
  }
  auto total = read_given(w, params::WORKLOAD_TOTAL, Req::YES);
  if (!total)
    return false;
  const Calendar cal = sc.calendar();
  const double days  = out.business_hours
                           ? (cal.to_business(sc.duration_s) - cal.to_business(0)) / cal.business_day_seconds()
                           : sc.duration_s / 86400;
  if (days <= 0) {
    if (sc.duration_s > 0) // (an invalid duration is reported already)
      w.error("total", "the run has no business time to spread a total over");
    return false;
  }
  out.rate_per_day = *total / days;
  return true;
}

/// Rules across fields: who may ask about whom, and never itself.
bool cross_check(ObjReader& w, const Workload& out, LoadContext& ctx)
{
  const Scenario& sc = ctx.sc;
  for (uint32_t r : out.requesters)
    if (sc.agencies[r].kind == AgencyKind::CONNECTIVITY_TOOL) {
      w.error("requesters", "\"" + sc.agencies[r].id + "\" is the connectivity-check tool: it only answers");
      return false;
    }
  for (uint32_t r : out.requesters) {
    // A delegate (受任者) asks about its delegator's residents or members.
    const Agency& a = sc.agencies[out.on_behalf_of != NONE ? out.on_behalf_of : r];
    if (out.subjects == Subjects::OWN_RESIDENTS && !(a.kind == AgencyKind::MUNICIPALITY || a.kind == AgencyKind::PREFECTURE)) {
      const std::string is = "requester \"" + a.id + "\" is a " + to_string(a.kind) + " (";
      ctx.issues.conflict({w.at("subjects"), is, "): only municipalities and prefectures have residents (use own_members or any)"},
                          {w.at(out.on_behalf_of != NONE ? "on_behalf_of" : "requesters"), is,
                           "): only municipalities and prefectures have residents, not \"subjects\": \"own_residents\""});
      return false;
    }
    if (out.subjects == Subjects::OWN_MEMBERS && !(a.kind == AgencyKind::INSURER || a.kind == AgencyKind::NATIONAL_BODY)) {
      w.error("subjects", "requester \"" + a.id + "\" is a " + to_string(a.kind) +
                              ": only insurers and national bodies have members (use own_residents or any)");
      return false;
    }
    if (out.subjects == Subjects::OWN_RESIDENTS && a.population == 0) {
      w.error("requesters", "requester \"" + a.id + "\" has no residents");
      return false;
    }
    if (out.provider == ProviderSelect::RESIDENCE && out.subjects == Subjects::OWN_RESIDENTS &&
        a.kind == AgencyKind::MUNICIPALITY) {
      w.error("provider", "a municipality's own residents live in it: it would query itself (use previous_residence)");
      return false;
    }
    if (out.provider == ProviderSelect::AGENCY && out.provider_agency == r) {
      w.error("provider", "requester \"" + a.id + "\" would query itself");
      return false;
    }
  }
  auto any = [&sc](auto pred) { return std::any_of(sc.agencies.begin(), sc.agencies.end(), pred); };
  if (out.provider == ProviderSelect::INSURER && !any([](const Agency& a) { return a.kind == AgencyKind::INSURER; })) {
    w.error("provider", "select \"insurer\" needs at least one insurer");
    return false;
  }
  if (out.provider == ProviderSelect::PREFECTURE_OF_RESIDENCE &&
      !any([](const Agency& a) { return a.kind == AgencyKind::MUNICIPALITY && a.prefecture != NONE; })) {
    w.error("provider", "select \"prefecture_of_residence\" needs municipalities that belong to a prefecture");
    return false;
  }
  return true;
}

/// Listed persons: paired with `at` when there is one time per person (per batch of batch_size),
/// and each one must be askable by every requester: a provider exists and is not the requester
/// (or its delegator) itself. Never a silent re-draw (ExistingSystem::choose re-draws only for
/// drawn subjects).
bool check_listed(ObjReader& w, Workload& out, LoadContext& ctx)
{
  if (out.subjects != Subjects::LISTED)
    return true;
  if (!out.at_s.empty()) {
    const std::string per = out.batch ? std::to_string(out.batch_size) + " per arrival" : "one per arrival";
    const std::string counts = std::to_string(out.at_s.size() * out.batch_size) + " persons for " +
                               std::to_string(out.at_s.size()) + " times in \"at\"";
    if (ctx.sc.format < FORMAT_LISTED_PAIRED) {
      // Read with the old meaning, the line would ask other persons at other times than written.
      w.error("at", "the file declares \"format\": " + std::to_string(ctx.sc.format) + ", and the meaning of \"subjects\": "
                    "\"listed\" with \"at\" changed in format " + std::to_string(FORMAT_LISTED_PAIRED) +
                    ": each arrival drew a listed person at random then, it asks the listed persons in order now (" + per +
                    ", persons[i] at at[i]); list " + counts + " and declare \"format\": " + std::to_string(FORMAT_CURRENT) +
                    " (scenarios/README.md, Format versions)");
      return false;
    }
    if (out.persons.size() != out.at_s.size() * out.batch_size) {
      w.error("persons", "listed persons with arrival times are asked in order, " + per + ": expected " + counts +
                             ", found " + std::to_string(out.persons.size()) +
                             (ctx.sc.format_declared
                                  ? ""
                                  : " (before format " + std::to_string(FORMAT_LISTED_PAIRED) +
                                        " each arrival drew a listed person at random; this file gives no \"format\" and "
                                        "is read as format " + std::to_string(FORMAT_CURRENT) +
                                        ": scenarios/README.md, Format versions)"));
      return false;
    }
    out.paired = true;
  }
  const Population pop(ctx.sc, ctx.sc.seed);
  for (size_t k = 0; k < out.persons.size(); ++k) {
    const uint64_t p = out.persons[k];
    const uint32_t prov = provider_of(out, pop, p);
    const std::string pp = w.at("persons") + "/" + std::to_string(k);
    if (prov == NONE) {
      ctx.issues.error(pp, "person " + std::to_string(p) + " has no " + to_string(out.provider));
      return false;
    }
    for (uint32_t r : out.requesters)
      if (prov == r || prov == out.on_behalf_of) {
        ctx.issues.error(pp, "person " + std::to_string(p) + ": the provider (" + to_string(out.provider) +
                                 ") would be the requester \"" + ctx.sc.agencies[prov].id + "\" itself");
        return false;
      }
  }
  return true;
}

void read_line(ObjReader& w, LoadContext& ctx)
{
  Workload out;
  bool ok = true;
  if (auto id = read_id(w, "id", "workload", ctx.workload_ix))
    out.id = *id;
  else
    ok = false;
  if (auto p = w.string("procedure", Req::YES)) {
    auto pi       = resolve(ctx.procedure_ix, "procedure", *p, w.at("procedure"), ctx.issues);
    ok            = ok && pi;
    out.procedure = pi.value_or(0);
  } else
    ok = false;
  if (const json* it = w.raw("item", Req::YES)) {
    auto li  = resolve_layout(*it, w.at("item"), ctx);
    ok       = ok && li;
    out.item = li.value_or(0);
  } else
    ok = false;
  ok = read_requesters(w, out, ctx) && ok;
  if (auto b = w.string("on_behalf_of", Req::NO)) {
    auto a           = resolve(ctx.agency_ix, "agency", *b, w.at("on_behalf_of"), ctx.issues);
    ok               = ok && a;
    out.on_behalf_of = a.value_or(NONE);
    if (a && std::find(out.requesters.begin(), out.requesters.end(), *a) != out.requesters.end()) {
      w.error("on_behalf_of", "\"" + *b + "\" is one of the line's requesters: an agency does not act as its own delegate");
      ok = false;
    }
  }
  ok = read_subjects(w, out, ctx) && ok;
  ok = read_my_numbers(w, out, ctx) && ok; // linkage test: persons by (test) My Number
  ok = read_provider(w, out, ctx) && ok;
  ok = read_mode(w, out, ctx) && ok;
  ok = read_arrivals(w, out, ctx) && ok;
  if (auto t = read_given(w, params::WORKLOAD_TIMEOUT_S))
    out.timeout_s = *t;
  out.acquire_rate = read_number(w, params::ACQUIRE_RATE);
  // network and host faults: retries
  out.retries          = static_cast<unsigned>(read_integer(w, params::WORKLOAD_RETRIES));
  out.retry_interval_s = read_number(w, params::WORKLOAD_RETRY_INTERVAL_S);
  out.fault_timeout_s  = read_number(w, params::WORKLOAD_FAULT_TIMEOUT_S);
  w.finish();
  if (ok && cross_check(w, out, ctx) && check_listed(w, out, ctx)) {
    ctx.workload_ix[out.id] = static_cast<uint32_t>(ctx.sc.workload.size());
    ctx.sc.workload.push_back(out);
  }
}

void read_workload(ObjReader& root, LoadContext& ctx)
{
  const json* arr = root.array("workload", Req::YES);
  if (!arr)
    return;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader w((*arr)[i], root.at("workload") + "/" + std::to_string(i), ctx.issues);
    if (w.valid())
      read_line(w, ctx);
  }
}

} // namespace

extern const SectionDecl WORKLOAD_SECTION{"workload", {"workload"}, read_workload,
                                          "who queries whom about whom, how often, immediate or batch"};

} // namespace linksim
