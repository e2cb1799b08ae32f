// The scenario loader: read the file (and its bases), then every section in its declared order
// (sections/Sections.cpp), then the rules that span sections. Each section reads its keys with
// the shared readers (Values.hpp) and leaves what later sections need in the LoadContext.
#include "harness/scenario/Loader.hpp"

#include "harness/Errors.hpp"
#include "harness/scenario/Extends.hpp"
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Sha256.hpp"

#include <memory>

namespace linksim {

namespace {

/// Rules across sections, once every section is read.
void check_across(ObjReader& root, LoadContext& ctx)
{
  const Scenario& sc = ctx.sc;
  // A drill-only scenario (annual notification drill, no queries) has something to simulate.
  if (sc.workload.empty() && sc.test_cases.empty() && sc.drills.empty() && ctx.issues.empty())
    root.error("workload", "expected at least one workload line (or a drill): a scenario with no traffic checks nothing");
  if (!ctx.have_vpn)
    for (size_t a = 0; a < sc.agencies.size(); ++a) {
      const uint32_t s = sc.agencies[a].site;
      if (s != NONE && !ctx.bad_sites.count(sc.sites[s].id) && sc.sites[s].kind == SiteKind::LG_PLATFORM &&
          !ctx.own_line[a]) {
        root.error("network", "agencies on the LG platform need \"network\": {\"vpn_device\": {...}} (or their own \"line\")");
        break;
      }
    }
}

/// The agencies a workload line may ask (by its provider selection).
bool may_provide(const Workload& w, const Agency& a, uint32_t index)
{
  switch (w.provider) {
    case ProviderSelect::RESIDENCE:
    case ProviderSelect::PREVIOUS_RESIDENCE: return a.kind == AgencyKind::MUNICIPALITY;
    case ProviderSelect::PREFECTURE_OF_RESIDENCE: return a.kind == AgencyKind::PREFECTURE;
    case ProviderSelect::INSURER: return a.kind == AgencyKind::INSURER;
    case ProviderSelect::AGENCY: return index == w.provider_agency;
  }
  return false;
}

/// A workload line that no permission row ever grants (the law's rows at any date, the hub's own
/// extra rows, the rows a timeline event adds to the hub's master): every query of it will be
/// refused (`denied`). Valid, but worth a warning naming the line. Test cases' internal lines are
/// not warned about: a test case may expect a refusal.
void warn_ungranted_lines(LoadContext& ctx)
{
  const Scenario& sc = ctx.sc;
  std::vector<const PermissionRow*> rows;
  for (const PermissionRow& r : sc.permissions)
    rows.push_back(&r);
  for (const PermissionRow& r : sc.hub.master_extra_rows)
    rows.push_back(&r);
  for (const TimelineEvent& e : sc.timeline)
    if (e.kind == TimelineKind::MASTER_ROWS)
      for (const PermissionRow& r : e.add)
        rows.push_back(&r);
  for (size_t i = 0; i < sc.workload.size(); ++i) {
    const Workload& w = sc.workload[i];
    if (w.test_case != NONE)
      continue;
    bool granted = false;
    for (const PermissionRow* r : rows) {
      if (r->procedure != w.procedure || r->item != w.item)
        continue;
      bool requester = false, provider = false;
      for (uint32_t q : w.requesters) {
        const uint32_t in_name = w.on_behalf_of != NONE ? w.on_behalf_of : q; // a delegate asks in its delegator's name
        requester = requester || r->requester.matches(in_name, sc.agencies[in_name].kind);
      }
      // The connectivity-check tool answers every item the requester may ask any provider for
      // (as the permission table does, sim/model/Permission.cpp).
      for (uint32_t a = 0; a < sc.agencies.size() && !provider; ++a)
        provider = may_provide(w, sc.agencies[a], a) &&
                   (sc.agencies[a].kind == AgencyKind::CONNECTIVITY_TOOL || r->provider.matches(a, sc.agencies[a].kind));
      if ((granted = requester && provider))
        break;
    }
    if (!granted)
      ctx.issues.warning("/workload/" + std::to_string(i),
                         "no permission row (nor a row of the hub's master) ever grants line \"" + w.id +
                             "\" (procedure " + sc.procedures[w.procedure].code + ", item " +
                             std::to_string(sc.layouts[w.item].number) +
                             ") to its requesters from the providers it asks: every query of it will be refused (denied)");
  }
}

} // namespace

Scenario parse_scenario(const std::string& text, const std::string& file)
{
  Issues issues(file);
  Scenario sc;
  sc.file = file;
  if (auto d = read_scenario_document(text, file, issues)) {
    sc.file_sha256 = sha256_hex(d->hashed);
    // From here on an error names the file (a base or this one) and the pointer where its value is.
    issues.set_provenance(std::make_shared<const Provenance>(std::move(d->provenance)));
    ObjReader root(d->doc, "", issues);
    if (root.valid()) {
      LoadContext ctx(issues, sc);
      for (const SectionDecl* s : scenario_sections())
        s->read(root, ctx);
      root.finish();
      check_across(root, ctx);
      if (issues.empty())
        warn_ungranted_lines(ctx);
    }
  }
  if (!issues.empty())
    throw ScenarioError(issues.list());
  sc.warnings = issues.warnings();
  return sc;
}

Scenario load_scenario(const std::string& path)
{
  std::string text, why;
  if (!read_file(path, text, why))
    throw ScenarioError({printable("error: " + path + ": /: " + why)});
  return parse_scenario(text, path);
}

} // namespace linksim
