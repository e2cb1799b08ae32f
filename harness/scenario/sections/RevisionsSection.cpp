// Section `revisions`: the revision and master-distribution cycle (sim/scenario/Revisions.hpp,
// domain.md §4). A revision dates what the scenario declares: the layout versions it introduces
// (their `valid_from` is its go-live), the permission rows, procedures and delegations it adds
// (from go-live) or removes (until go-live). Moving a revision moves all of it: a variant that
// delays a distribution is one date.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace linksim {

namespace {

/// The indices named by `key`'s list of ids (or codes), each resolved in `ix`.
std::vector<uint32_t> read_refs(ObjReader& o, const char* key, const std::map<std::string, uint32_t>& ix,
                                const std::string& what, LoadContext& ctx)
{
  std::vector<uint32_t> out;
  const json* arr = o.array(key, Req::NO);
  if (!arr)
    return out;
  for (size_t i = 0; i < arr->size(); ++i) {
    const std::string ptr = o.at(key) + "/" + std::to_string(i);
    const json& v         = (*arr)[i];
    if (!v.is_string()) {
      ctx.issues.error(ptr, "expected the " + what + " as a string, found " + type_name(v));
      continue;
    }
    if (auto k = resolve(ix, what, v.get<std::string>(), ptr, ctx.issues)) {
      if (std::find(out.begin(), out.end(), *k) != out.end())
        ctx.issues.error(ptr, what + " \"" + v.get<std::string>() + "\" is listed twice");
      else
        out.push_back(*k);
    }
  }
  return out;
}

/// `{"add": [...], "remove": [...]}` of ids.
void read_add_remove(ObjReader& r, const char* key, const std::map<std::string, uint32_t>& ix, const std::string& what,
                     std::vector<uint32_t>& add, std::vector<uint32_t>& remove, LoadContext& ctx)
{
  ObjReader o = r.object(key, Req::NO);
  if (!o.valid())
    return;
  add    = read_refs(o, "add", ix, what, ctx);
  remove = read_refs(o, "remove", ix, what, ctx);
  for (uint32_t a : add)
    if (std::find(remove.begin(), remove.end(), a) != remove.end())
      o.error("remove", "a " + what + " cannot be both added and removed by one revision");
  o.finish();
}

/// Per-agency dates: {"<agency id>": "<date>"}.
std::map<uint32_t, double> read_agency_dates(ObjReader& r, const char* key, LoadContext& ctx)
{
  std::map<uint32_t, double> out;
  const json* obj = r.raw(key, Req::NO);
  if (!obj)
    return out;
  if (!obj->is_object()) {
    r.error(key, "expected an object {\"<agency id>\": \"<date>\"}, found " + type_name(*obj));
    return out;
  }
  for (const auto& [id, v] : obj->items()) {
    const std::string ptr = r.at(key) + "/" + pointer_escape(id);
    auto a                = resolve(ctx.agency_ix, "agency", id, ptr, ctx.issues);
    auto t                = read_when(v, ptr, ctx);
    if (a && t)
      out[*a] = *t;
  }
  return out;
}

void read_layout_changes(ObjReader& r, Revision& rev, uint32_t rev_ix, LoadContext& ctx,
                         std::map<std::pair<uint32_t, uint32_t>, std::string>& dated)
{
  const json* arr = r.array("layouts", Req::NO);
  if (!arr)
    return;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader l((*arr)[i], r.at("layouts") + "/" + std::to_string(i), ctx.issues);
    if (!l.valid())
      continue;
    std::optional<uint32_t> li;
    if (const json* n = l.raw("number", Req::YES))
      li = resolve_layout(*n, l.at("number"), ctx);
    auto version = l.string("version", Req::YES);
    std::optional<double> reg;
    if (const json* v = l.raw("registration_from", Req::NO))
      reg = read_when(*v, l.at("registration_from"), ctx);
    l.finish();
    if (!li || !version)
      continue;
    Layout& lay = ctx.sc.layouts[*li];
    uint32_t vi = NONE;
    for (uint32_t k = 0; k < lay.versions.size(); ++k)
      if (lay.versions[k].version == *version)
        vi = k;
    if (vi == NONE) {
      l.error("version", "layout " + std::to_string(lay.number) + " has no version \"" + *version + "\"");
      continue;
    }
    if (vi == 0) {
      l.error("version", "the first version of a layout revises nothing: a revision introduces a later one");
      continue;
    }
    LayoutVersion& lv = lay.versions[vi];
    if (!std::isnan(lv.valid_from_s) && lv.revision == NONE) { // dated by another revision: reported below
      l.error("version", "version " + *version + " of layout " + std::to_string(lay.number) +
                             " has its own valid_from: a version is dated by its layout or by one revision, not both");
      continue;
    }
    auto [it, fresh] = dated.emplace(std::make_pair(*li, vi), l.pointer());
    if (!fresh) {
      ctx.issues.error(l.at("version"), "version " + *version + " of layout " + std::to_string(lay.number) + " is introduced by ",
                       it->second, " already");
      continue;
    }
    lv.valid_from_s        = rev.go_live_s;
    lv.registration_from_s = reg.value_or(rev.go_live_s);
    lv.revision            = rev_ix;
    if (lv.registration_from_s > lv.valid_from_s)
      l.error("registration_from", "registration in the new version must start by go-live (R1.6: registered from "
                                   "2019-06-16, linked from 2019-06-17)");
    rev.layouts.emplace_back(*li, vi);
  }
}

/// Which agencies take part, and their chain's dates (Revisions.hpp).
void plan_agencies(Revision& rev, const std::map<uint32_t, double>& ready, const std::map<uint32_t, double>& applied,
                   double ready_before_s, LoadContext& ctx)
{
  const Scenario& sc = ctx.sc;
  const size_t n     = sc.agencies.size();
  std::vector<uint8_t> prov(n, 0), req(n, 0);
  for (const auto& [li, vi] : rev.layouts) {
    if (sc.layouts[li].versions[vi].pattern == 1)
      continue; // no effect on replicas: nothing to modify
    for (const PermissionRow& row : sc.permissions)
      if (row.item == li)
        for (uint32_t a = 0; a < n; ++a) {
          prov[a] = prov[a] || row.provider.matches(a, sc.agencies[a].kind);
          req[a]  = req[a] || row.requester.matches(a, sc.agencies[a].kind); // must import the new version
        }
  }
  const auto mark_requesters = [&](const PermissionRow& row) {
    for (uint32_t a = 0; a < n; ++a)
      req[a] = req[a] || row.requester.matches(a, sc.agencies[a].kind);
  };
  for (uint32_t r : rev.rows_added)
    mark_requesters(sc.permissions[r]);
  for (uint32_t p : rev.procedures_added)
    for (const PermissionRow& row : sc.permissions)
      if (row.procedure == p)
        mark_requesters(row);
  for (uint32_t d : rev.delegations_added)
    req[sc.delegations[d].delegate] = 1;
  rev.agency_slot.assign(n, NONE);
  for (uint32_t a = 0; a < n; ++a) {
    if (!prov[a] && !req[a] && !ready.count(a) && !applied.count(a))
      continue;
    RevisionAgency ra;
    ra.agency        = a;
    ra.provider      = prov[a];
    ra.requester     = req[a];
    ra.ready_s       = ready.count(a) ? ready.at(a) : rev.go_live_s - ready_before_s;
    ra.application_s = applied.count(a) ? applied.at(a) : rev.distribution_s - rev.chain.application_lead_s;
    ra.reviewed_s    = ra.application_s + rev.chain.first_review_s + rev.chain.second_review_s;
    ra.tested_s      = ra.reviewed_s + rev.chain.test_s;
    if (ra.ready_s > rev.go_live_s)
      ra.misses.push_back(GoLiveMiss::NOT_READY);
    if (ra.reviewed_s > rev.distribution_s)
      ra.misses.push_back(GoLiveMiss::APPLICATION_LATE);
    if (ra.tested_s > rev.go_live_s)
      ra.misses.push_back(GoLiveMiss::TEST_LATE);
    rev.agency_slot[a] = static_cast<uint32_t>(rev.agencies.size());
    rev.agencies.push_back(ra);
  }
}

/// The pointer of the element of the top-level array `key` whose "id" is `id` (elements are read in
/// file order; ids are unique), for a message that names it.
std::string element_at(ObjReader& root, const std::string& key, const std::string& id)
{
  const json* arr = root.raw(key, Req::NO);
  for (size_t k = 0; arr && arr->is_array() && k < arr->size(); ++k)
    if ((*arr)[k].is_object() && (*arr)[k].value("id", "") == id)
      return root.at(key) + "/" + std::to_string(k);
  return root.at(key);
}

/// Dates what the revision adds (from go-live) and removes (until go-live). A row or delegation that
/// carries its own date conflicts with the revision's: the message is where the later file of an
/// extends chain wrote its side (`root` locates the rows and delegations).
void apply_dates(const Revision& rev, ObjReader& r, ObjReader& root, LoadContext& ctx)
{
  Scenario& sc = ctx.sc;
  const double t = rev.go_live_s;
  for (uint32_t i : rev.rows_added) {
    if (std::isfinite(sc.permissions[i].from_s)) {
      const std::string row = "row \"" + sc.permissions[i].id + "\" has its own from";
      ctx.issues.conflict({r.at("permissions"), row + " (", "): it is dated by the revision"},
                          {element_at(root, "permissions", sc.permissions[i].id) + "/from",
                           row + ": it is dated by the revision that adds it (", ")"});
    }
    sc.permissions[i].from_s = t;
  }
  for (uint32_t i : rev.rows_removed)
    sc.permissions[i].until_s = std::min(sc.permissions[i].until_s, t);
  for (uint32_t p : rev.procedures_added)
    for (PermissionRow& row : sc.permissions)
      if (row.procedure == p)
        row.from_s = std::max(row.from_s, t);
  for (uint32_t p : rev.procedures_removed) {
    for (PermissionRow& row : sc.permissions)
      if (row.procedure == p)
        row.until_s = std::min(row.until_s, t);
    for (Delegation& d : sc.delegations) // registered per procedure: they vanish with it [SEED]
      if (d.procedure == p)
        d.until_s = std::min(d.until_s, t);
  }
  for (uint32_t i : rev.delegations_added) {
    if (std::isfinite(sc.delegations[i].from_s)) {
      const std::string del = "delegation \"" + sc.delegations[i].id + "\" has its own from";
      ctx.issues.conflict({r.at("delegations"), del + " (", "): it is dated by the revision"},
                          {element_at(root, "delegations", sc.delegations[i].id) + "/from",
                           del + ": it is dated by the revision that adds it (", ")"});
    }
    sc.delegations[i].from_s = t;
  }
  for (uint32_t i : rev.delegations_removed)
    sc.delegations[i].until_s = std::min(sc.delegations[i].until_s, t);
  for (size_t i = 0; i < sc.permissions.size(); ++i) // a row the revision ends before its own from never applies
    if (sc.permissions[i].from_s >= sc.permissions[i].until_s) {
      const std::string& id = sc.permissions[i].id;
      if (id.empty()) // no id: dated through its procedure, named by its place
        r.error("permissions", "row /permissions/" + std::to_string(i) + " would end (at this revision's go-live) before it starts");
      else
        ctx.issues.conflict({r.at("permissions"), "row \"" + id + "\" (", ") would end (at this revision's go-live) before it starts"},
                            {element_at(root, "permissions", id),
                             "row \"" + id + "\" would end before it starts, once dated by the revision (", ")"});
    }
}

void read_revisions(ObjReader& root, LoadContext& ctx)
{
  std::map<std::pair<uint32_t, uint32_t>, std::string> dated;
  std::set<std::string> ids;
  if (const json* arr = root.array("revisions", Req::NO))
    for (size_t i = 0; i < arr->size(); ++i) {
      ObjReader r((*arr)[i], root.at("revisions") + "/" + std::to_string(i), ctx.issues);
      if (!r.valid())
        continue;
      Revision rev;
      static const std::map<std::string, uint32_t> none;
      auto id = read_id(r, "id", "revision", none);
      if (id && !ids.insert(*id).second)
        r.error("id", "duplicate revision id \"" + *id + "\"");
      rev.id   = id.value_or("");
      rev.kind = read_choice(r, params::REVISION_KIND, REVISION_KINDS);
      std::optional<double> dist, live;
      if (const json* v = r.raw("distribution", Req::YES))
        dist = read_when(*v, r.at("distribution"), ctx);
      if (const json* v = r.raw("go_live", Req::YES))
        live = read_when(*v, r.at("go_live"), ctx);
      if (dist && live && *live < *dist)
        r.error("go_live", "go-live must not come before the master distribution");
      rev.distribution_s = dist.value_or(0);
      rev.go_live_s      = live.value_or(0);
      rev.master_bytes   = read_number(r, params::MASTER_BYTES);
      rev.retry_s        = read_number(r, params::MASTER_RETRY_HOURS) * 3600;
      ObjReader cr = r.object("chain", Req::NO); // absent: every lead time is its default
      rev.chain.application_lead_s = read_number(cr, params::APPLICATION_LEAD_DAYS) * 86400;
      rev.chain.first_review_s     = read_number(cr, params::FIRST_REVIEW_DAYS) * 86400;
      rev.chain.second_review_s    = read_number(cr, params::SECOND_REVIEW_DAYS) * 86400;
      rev.chain.test_s             = read_number(cr, params::TEST_DAYS) * 86400;
      cr.finish();
      const double ready_before = read_number(r, params::READY_DAYS_BEFORE) * 86400;
      const uint32_t rev_ix     = static_cast<uint32_t>(ctx.sc.revisions.size());
      read_layout_changes(r, rev, rev_ix, ctx, dated);
      read_add_remove(r, "procedures", ctx.procedure_ix, "procedure", rev.procedures_added, rev.procedures_removed, ctx);
      read_add_remove(r, "permissions", ctx.permission_ix, "permission row", rev.rows_added, rev.rows_removed, ctx);
      read_add_remove(r, "delegations", ctx.delegation_ix, "delegation", rev.delegations_added, rev.delegations_removed, ctx);
      const auto ready   = read_agency_dates(r, "ready", ctx);
      const auto applied = read_agency_dates(r, "applications", ctx);
      r.finish();
      if (!dist || !live)
        continue;
      apply_dates(rev, r, root, ctx);
      plan_agencies(rev, ready, applied, ready_before, ctx);
      ctx.sc.revisions.push_back(std::move(rev));
    }
  // Every later version needs a date, from its layout or from one revision; dates increase.
  for (size_t li = 0; li < ctx.sc.layouts.size(); ++li) {
    const Layout& l = ctx.sc.layouts[li];
    for (size_t v = 1; v < l.versions.size(); ++v) {
      const std::string ptr = "/layouts/" + std::to_string(li) + "/versions/" + std::to_string(v);
      if (std::isnan(l.versions[v].valid_from_s))
        ctx.issues.error(ptr, "version " + l.versions[v].version + " of layout " + std::to_string(l.number) +
                                  " has no valid_from and no revision introduces it");
      else if (l.versions[v].valid_from_s <= l.versions[v - 1].valid_from_s)
        ctx.issues.error(ptr, "version " + l.versions[v].version + " of layout " + std::to_string(l.number) +
                                  " takes effect no later than the version before it (versions must be in date order)");
    }
  }
  std::stable_sort(ctx.sc.revisions.begin(), ctx.sc.revisions.end(),
                   [](const Revision& a, const Revision& b) { return a.go_live_s < b.go_live_s; });
  for (uint32_t k = 0; k < ctx.sc.revisions.size(); ++k)
    for (const auto& [li, vi] : ctx.sc.revisions[k].layouts)
      ctx.sc.layouts[li].versions[vi].revision = k;
}

} // namespace

extern const SectionDecl REVISIONS_SECTION{"revisions", {"revisions"}, read_revisions,
                                           "dated layout revisions: master distribution, go-live, what changes, each "
                                           "agency's chain and readiness"};

} // namespace linksim
