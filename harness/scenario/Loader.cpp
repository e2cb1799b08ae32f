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
    }
  }
  if (!issues.empty())
    throw ScenarioError(issues.list());
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
