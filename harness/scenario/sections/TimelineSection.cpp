// Section `timeline`: dated events that change the model during the run (sim/scenario/Timeline.hpp).
// Each event has an id, a kind, `at` (a JST date-time, or a date: the start of that day) inside
// the run's window, and what its kind needs. References must resolve, and no two events may
// contradict each other: two switches of one agency's mode at one instant, a mode switched to
// what it already is, overlapping registration faults of one agency, or one grant both added
// and removed while both windows hold. A connection restriction (接続規制) names an agency and a
// window; two restrictions of one agency may not overlap.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/sections/IdentityInjects.hpp" // issue 9: cases 2 and 3
#include "harness/scenario/sections/PermissionsSection.hpp"
#include "sim/model/Registration.hpp"

#include <algorithm>
#include <cstdio>

namespace linksim {

namespace {

/// The rows of `add` or `remove`, each with its pointer.
std::vector<std::pair<PermissionRow, std::string>> read_rows(ObjReader& e, const char* key, LoadContext& ctx)
{
  std::vector<std::pair<PermissionRow, std::string>> rows;
  if (const json* arr = e.array(key, Req::NO))
    for (size_t i = 0; i < arr->size(); ++i) {
      const std::string ptr = e.at(key) + "/" + std::to_string(i);
      if (auto row = read_permission_row((*arr)[i], ptr, ctx, false))
        rows.emplace_back(*row, ptr);
    }
  return rows;
}

void read_master_rows(ObjReader& e, TimelineEvent& ev, LoadContext& ctx)
{
  const auto add = read_rows(e, "add", ctx), remove = read_rows(e, "remove", ctx);
  const json* a  = e.raw("add", Req::NO);
  const json* r  = e.raw("remove", Req::NO);
  const auto rows = [](const json* arr) { return arr && arr->is_array() ? arr->size() : 0; };
  if (rows(a) + rows(r) == 0)
    ctx.issues.error(e.pointer(), "a master_rows event needs rows in \"add\" (rows the master allows beyond the law) or "
                                  "\"remove\" (rows of the law it refuses)");
  const auto& law = ctx.sc.permissions;
  for (const auto& [row, ptr] : remove) {
    if (std::none_of(law.begin(), law.end(), [&, &row = row](const PermissionRow& l) { return l.same_grant(row); }))
      ctx.issues.error(ptr, "the law's permission table has no such row: there is nothing for the master to refuse");
    for (const auto& [added, where] : add)
      if (added.same_grant(row))
        ctx.issues.error(ptr, "the same row is also in \"add\" (" + where + "): the master cannot allow and refuse it at once");
    ev.remove.push_back(row);
  }
  for (const auto& [row, ptr] : add)
    ev.add.push_back(row);
}

void read_manual(ObjReader& e, TimelineEvent& ev, LoadContext& ctx)
{
  if (auto m = read_choice(e, "mode", Req::YES, MANUAL_MODES))
    ev.on = *m;
  if (e.has("until")) {
    e.error("until", "a manual_answer event is a switch: switch the mode back with a second event (\"mode\": \"off\")");
    e.raw("until", Req::NO);
  }
  if (const json* arr = e.array("items", Req::NO)) {
    ev.items_given = true;
    if (!ev.on)
      e.error("items", "only when switching the mode on (it says which layouts are held)");
    for (size_t k = 0; k < arr->size(); ++k)
      if (auto l = resolve_layout((*arr)[k], e.at("items") + "/" + std::to_string(k), ctx))
        ev.items.push_back(*l);
  }
  if (ev.agency != NONE && !ctx.sc.agencies[ev.agency].manual.configured)
    e.error("agency", "agency \"" + ctx.sc.agencies[ev.agency].id +
                          "\" has no manual-answer staff: give it \"manual_answer\": {\"mode\": \"off\", \"staff\", "
                          "\"handling\"} in the agencies section");
}

void read_fault(ObjReader& e, TimelineEvent& ev, LoadContext& ctx)
{
  RegistrationFault& f = ev.fault;
  if (auto skip = e.boolean("skip", Req::NO)) {
    f.skip = *skip;
    if (!*skip)
      e.error("skip", "\"skip\": false skips nothing: leave it out (or give true)");
  }
  if (auto v = e.number("failure_rate", Req::NO, ge_le(0, 1)))
    f.failure_rate = *v;
  if (auto v = e.number("null_error_rate", Req::NO, ge_le(0, 1)))
    f.null_error_rate = *v;
  if (!e.has("skip") && !e.has("failure_rate") && !e.has("null_error_rate"))
    ctx.issues.error(e.pointer(), "a registration_fault needs \"skip\": true, \"failure_rate\" or \"null_error_rate\"");
  if (ev.agency != NONE && layouts_provided(ctx.sc)[ev.agency] == 0)
    e.error("agency", "agency \"" + ctx.sc.agencies[ev.agency].id +
                          "\" provides no item in the permission table: it registers no replicas");
}

// --- network and host faults (issue 9, point 1) ----------------------------------------------------

/// The line or host of a network fault: `agency` (its own line), `site` (a site's uplink, or for
/// host kinds its intermediate server), `jlis`: true (J-LIS's line), `host`: "hub" | "jlis".
void read_network_fault(ObjReader& e, TimelineEvent& ev, LoadContext& ctx)
{
  const TimelineKind k = ev.kind;
  const bool line_kind = k == TimelineKind::LINK_DOWN || k == TimelineKind::LINK_DEGRADED;
  int given            = 0;
  if (e.has("agency")) {
    ++given;
    if (auto a = e.string("agency", Req::YES))
      ev.agency = resolve(ctx.agency_ix, "agency", *a, e.at("agency"), ctx.issues).value_or(NONE);
    if (k == TimelineKind::HOST_DOWN)
      e.error("agency", "a host_down event takes a server's \"site\" or \"host\" (\"hub\", \"jlis\"); an agency's "
                        "line is a link_down or vpn_fault event");
    ev.target = FaultTarget::AGENCY_LINE;
  }
  if (e.has("site")) {
    ++given;
    ev.site = resolve_site(e, "site", {SiteKind::LG_PLATFORM, SiteKind::INSURER_SERVER, SiteKind::DEDICATED_SERVER},
                           "an intermediate server's site", ctx)
                  .value_or(NONE);
    ev.target = line_kind ? FaultTarget::SITE_UPLINK : FaultTarget::SITE_HOST;
    if (k == TimelineKind::VPN_FAULT)
      e.error("site", "a vpn_fault is an agency's VPN device: give \"agency\"");
  }
  if (e.has("jlis")) {
    ++given;
    if (auto j = e.boolean("jlis", Req::YES)) {
      if (!*j)
        e.error("jlis", "\"jlis\": false names no line: leave it out (or give true)");
      if (!line_kind && k != TimelineKind::PLANNED_OUTAGE)
        e.error("jlis", "J-LIS's line is for link_down, link_degraded and planned_outage; J-LIS's host is \"host\": \"jlis\"");
    }
    ev.target = FaultTarget::JLIS_LINE;
  }
  if (e.has("host")) {
    ++given;
    if (auto h = e.string("host", Req::YES)) {
      if (*h == "hub")
        ev.target = FaultTarget::HUB_HOST;
      else if (*h == "jlis")
        ev.target = FaultTarget::JLIS_HOST;
      else
        e.error("host", "unknown host \"" + *h + "\"; known: hub, jlis (an intermediate server is \"site\")");
      if (line_kind || k == TimelineKind::VPN_FAULT)
        e.error("host", std::string("a ") + TIMELINE_KINDS.name(k) + " event acts on a line, not a host");
    }
  }
  if (given != 1)
    ctx.issues.error(e.pointer(), std::string("a ") + TIMELINE_KINDS.name(k) + " event needs exactly one target: " +
                                      (k == TimelineKind::VPN_FAULT ? "\"agency\""
                                       : line_kind ? "\"agency\" (its line), \"site\" (its uplink) or \"jlis\": true"
                                                   : "\"site\", \"host\" (\"hub\", \"jlis\")" +
                                                         std::string(k == TimelineKind::PLANNED_OUTAGE ? ", \"agency\" or \"jlis\": true" : "")));
  if (k == TimelineKind::LINK_DEGRADED) {
    ev.latency_factor    = read_number(e, params::LATENCY_FACTOR);
    ev.bandwidth_divisor = read_number(e, params::BANDWIDTH_DIVISOR);
    if (!e.has("latency_factor") && !e.has("bandwidth_divisor"))
      ctx.issues.error(e.pointer(), "a link_degraded event needs \"latency_factor\" or \"bandwidth_divisor\"");
  }
}

/// Issue 9 case 1: a replica misregistration (副本登録誤り) of a provider's items for N persons.
void read_misregistration(ObjReader& e, TimelineEvent& ev, LoadContext& ctx)
{
  if (const json* arr = e.array("items", Req::YES)) {
    if (arr->empty())
      e.error("items", "name the layouts whose replicas are misregistered");
    for (size_t k = 0; k < arr->size(); ++k)
      if (auto l = resolve_layout((*arr)[k], e.at("items") + "/" + std::to_string(k), ctx))
        ev.items.push_back(*l);
  }
  ev.items_given = true;
  if (auto n = e.integer("persons", Req::YES, ge(1)))
    ev.persons = static_cast<uint64_t>(*n);
  if (e.has("mode"))
    if (auto m = read_choice(e, "mode", Req::YES, MISREGISTRATION_MODES))
      ev.mode = *m;
  if (ev.agency == NONE)
    return;
  const Agency& a = ctx.sc.agencies[ev.agency];
  if (ev.persons > a.population)
    e.error("persons", "more than agency \"" + a.id + "\"'s population (" + std::to_string(a.population) + ")");
  if (layouts_provided(ctx.sc)[ev.agency] == 0)
    e.error("agency", "agency \"" + a.id + "\" provides no item in the permission table: it registers no replicas");
  if (!a.manual.configured)
    e.error("agency", "agency \"" + a.id +
                          "\" has no manual-answer staff, so it cannot answer by hand under self-restraint: give it "
                          "\"manual_answer\": {\"mode\": \"off\", \"staff\", \"handling\"} in the agencies section");
}

std::optional<TimelineEvent> read_event(ObjReader& e, std::map<std::string, uint32_t>& ids, LoadContext& ctx)
{
  TimelineEvent ev;
  bool ok = true;
  if (auto id = read_id(e, "id", "timeline event", ids))
    ev.id = *id;
  else
    ok = false;
  auto kind = read_choice(e, "kind", Req::YES, TIMELINE_KINDS);
  if (const json* at = e.raw("at", Req::YES)) {
    if (auto t = read_when(*at, e.at("at"), ctx)) {
      ev.at_s = *t;
      if (*t < 0 || *t >= ctx.sc.duration_s) {
        char days[32];
        std::snprintf(days, sizeof days, "%g", ctx.sc.duration_s / 86400);
        e.error("at", "outside the run's window (" + ctx.sc.start_text + " for " + days + " days)");
        ok = false;
      }
    } else
      ok = false;
  } else
    ok = false;
  if (kind && *kind == TimelineKind::REPLICA_MISREGISTRATION && e.has("until")) {
    e.error("until", "a misregistration lasts until the response's fix is re-registered: leave \"until\" out");
    e.raw("until", Req::NO);
  }
  if (kind && *kind != TimelineKind::MANUAL_ANSWER && *kind != TimelineKind::REPLICA_MISREGISTRATION)
    if (const json* until = e.raw("until", Req::NO)) {
      if (auto t = read_when(*until, e.at("until"), ctx)) {
        ev.until_s = *t;
        if (*t <= ev.at_s || *t > ctx.sc.duration_s) {
          e.error("until", "must be after \"at\" and inside the run's window (leave it out: until the end)");
          ok = false;
        }
      } else
        ok = false;
    }
  if (kind && is_network_fault(*kind)) {
    ev.kind = *kind;
    const size_t before = ctx.issues.size();
    read_network_fault(e, ev, ctx);
    ok = ok && ctx.issues.size() == before;
  } else if (kind && *kind == TimelineKind::DISTRIBUTION_FAULT) {
    ev.site = resolve_site(e, "site", {SiteKind::LG_PLATFORM, SiteKind::INSURER_SERVER, SiteKind::DEDICATED_SERVER},
                           "an intermediate server's site (masters are distributed to intermediate servers)", ctx)
                  .value_or(NONE);
    ok = ok && ev.site != NONE;
  } else if (kind && *kind != TimelineKind::MASTER_ROWS) {
    if (auto a = e.string("agency", Req::YES))
      ev.agency = resolve(ctx.agency_ix, "agency", *a, e.at("agency"), ctx.issues).value_or(NONE);
    ok = ok && ev.agency != NONE;
  }
  if (!kind) { // reported; take its kind-dependent keys so that they are not "unknown" too
    for (const char* k : {"until", "agency", "site", "add", "remove", "mode", "items", "skip", "failure_rate", "null_error_rate",
                          "jlis", "host", "latency_factor", "bandwidth_divisor", "as_provider", "persons"})
      e.raw(k, Req::NO);
    for (const char* k : IDENTITY_INJECT_KEYS) // issue 9: cases 2 and 3
      e.raw(k, Req::NO);
    return std::nullopt;
  }
  ev.kind               = *kind;
  const size_t problems = ctx.issues.size();
  switch (ev.kind) {
    case TimelineKind::MASTER_ROWS:
      read_master_rows(e, ev, ctx);
      break;
    case TimelineKind::MANUAL_ANSWER:
      read_manual(e, ev, ctx);
      break;
    case TimelineKind::REGISTRATION_FAULT:
      read_fault(e, ev, ctx);
      break;
    case TimelineKind::DISTRIBUTION_FAULT:
      break; // the site and the window are all it has
    case TimelineKind::LINK_DOWN:
    case TimelineKind::LINK_DEGRADED:
    case TimelineKind::HOST_DOWN:
    case TimelineKind::PLANNED_OUTAGE:
    case TimelineKind::VPN_FAULT:
      break; // read above with the target
    case TimelineKind::CONNECTION_RESTRICTION: // issue 9
      ev.as_provider = read_bool(e, params::RESTRICT_AS_PROVIDER);
      break;
    // issue 9: identity incidents (cases 2 and 3)
    case TimelineKind::RESIDENT_CODE_ERROR:
      read_resident_code_error(e, ev, ctx);
      break;
    case TimelineKind::NUMBER_SWAP:
      read_number_swap(e, ev, ctx);
      break;
    case TimelineKind::REPLICA_MISREGISTRATION: // issue 9 case 1
      read_misregistration(e, ev, ctx);
      break;
  }
  e.finish();
  if (!ok || ctx.issues.size() != problems)
    return std::nullopt;
  ids[ev.id] = 0;
  return ev;
}

bool overlap(const TimelineEvent& a, const TimelineEvent& b) { return a.at_s < b.until_s && b.at_s < a.until_s; }

/// Events that contradict each other (`where[i]` is the pointer of sc.timeline[i]).
void check_contradictions(const std::vector<std::string>& where, LoadContext& ctx)
{
  const auto& tl = ctx.sc.timeline;
  const auto& ag = ctx.sc.agencies;
  std::vector<bool> mode(ag.size());
  std::vector<std::vector<uint32_t>> held(ag.size()); // the items held while the mode is on
  std::vector<std::string> since(ag.size(), "from the start");
  for (uint32_t a = 0; a < ag.size(); ++a) {
    mode[a] = ag[a].manual.configured && ag[a].manual.on;
    held[a] = ag[a].manual.items;
  }
  for (size_t i = 0; i < tl.size(); ++i) {
    const TimelineEvent& e = tl[i];
    for (size_t j = 0; j < i; ++j) {
      const TimelineEvent& o = tl[j];
      if (o.kind != e.kind && !(is_network_fault(o.kind) && is_network_fault(e.kind)))
        continue;
      if (e.kind == TimelineKind::MANUAL_ANSWER && o.agency == e.agency && o.at_s == e.at_s)
        ctx.issues.error(where[i], "contradicts ", where[j], " (\"" + o.id + "\"): both switch " +
                                       ctx.sc.agencies[e.agency].id + "'s manual-answer mode at the same instant");
      if (e.kind == TimelineKind::REGISTRATION_FAULT && o.agency == e.agency && overlap(o, e))
        ctx.issues.error(where[i], "overlaps ", where[j], " (\"" + o.id + "\"): two registration faults of " +
                                       ctx.sc.agencies[e.agency].id + " at the same time");
      if (e.kind == TimelineKind::DISTRIBUTION_FAULT && o.site == e.site && overlap(o, e))
        ctx.issues.error(where[i], "overlaps ", where[j], " (\"" + o.id + "\"): two distribution faults of " +
                                       ctx.sc.sites[e.site].id + " at the same time");
      if (is_network_fault(e.kind) && is_network_fault(o.kind) && e.target == o.target && e.agency == o.agency &&
          e.site == o.site && overlap(o, e))
        ctx.issues.error(where[i], "overlaps ", where[j], " (\"" + o.id + "\"): two faults of the same line or host at the same time");
      if (e.kind == TimelineKind::CONNECTION_RESTRICTION && o.agency == e.agency && overlap(o, e)) // issue 9
        ctx.issues.error(where[i], "overlaps ", where[j], " (\"" + o.id + "\"): two connection restrictions of " +
                                       ctx.sc.agencies[e.agency].id + " at the same time");
      if (e.kind == TimelineKind::MASTER_ROWS && overlap(o, e))
        for (const auto& [adds, removes] : {std::pair(&e.add, &o.remove), std::pair(&o.add, &e.remove)})
          for (const PermissionRow& r : *adds)
            if (std::any_of(removes->begin(), removes->end(), [&](const PermissionRow& x) { return x.same_grant(r); }))
              ctx.issues.error(where[i], "contradicts ", where[j], " (\"" + o.id +
                                             "\"): one adds to the hub's master a row the other removes, at the same time");
    }
    if (e.kind == TimelineKind::MANUAL_ANSWER) {
      // Switching on while on is allowed when it changes the items held.
      const auto items = e.items_given ? e.items : ag[e.agency].manual.items;
      auto sorted      = [](std::vector<uint32_t> v) {
        std::sort(v.begin(), v.end());
        return v;
      };
      if (mode[e.agency] == e.on && (!e.on || sorted(items) == sorted(held[e.agency])))
        ctx.issues.error(where[i] + "/mode", "switches " + ag[e.agency].id + "'s manual-answer mode " + (e.on ? "on" : "off") +
                                                 ", but it is already " + (e.on ? "on for these items" : "off") + " (" +
                                                 since[e.agency] + ")");
      mode[e.agency]  = e.on;
      held[e.agency]  = items;
      since[e.agency] = "since " + where[i];
    }
  }
}

void read_timeline(ObjReader& root, LoadContext& ctx)
{
  const json* arr = root.array("timeline", Req::NO);
  if (!arr)
    return;
  std::map<std::string, uint32_t> ids;
  std::vector<std::pair<TimelineEvent, std::string>> events;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader e((*arr)[i], root.at("timeline") + "/" + std::to_string(i), ctx.issues);
    if (e.valid())
      if (auto ev = read_event(e, ids, ctx))
        events.emplace_back(std::move(*ev), e.pointer());
  }
  std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.first.at_s < b.first.at_s; });
  std::vector<std::string> where;
  for (auto& [ev, ptr] : events) {
    ctx.sc.timeline.push_back(std::move(ev));
    where.push_back(ptr);
  }
  check_contradictions(where, ctx);
  // An agency cannot switch manual-answer mode while its own line (VPN device) is down: the event is
  // refused (the scheduler reports it; the mode does not change). Seed case 4.
  for (TimelineEvent& m : ctx.sc.timeline)
    if (m.kind == TimelineKind::MANUAL_ANSWER)
      for (const TimelineEvent& f : ctx.sc.timeline)
        if (is_network_fault(f.kind) && f.kind != TimelineKind::LINK_DEGRADED && f.target == FaultTarget::AGENCY_LINE &&
            f.agency == m.agency && f.at_s <= m.at_s && m.at_s < f.until_s)
          m.refused = true;
  check_identity_injects(where, ctx); // issue 9: cases 2 and 3
}

} // namespace

extern const SectionDecl TIMELINE_SECTION{"timeline", {"timeline"}, read_timeline,
                                          "dated events that change the model during the run"};

} // namespace linksim
