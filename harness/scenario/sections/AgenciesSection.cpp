// Sections `registration` (every provider's default) and `agencies` (listed, generated,
// overridden), then what follows from all of them: prefectures' populations, default lines,
// population-wide limits.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/sections/AgencySettings.hpp"

namespace linksim {

namespace {

Registration default_registration(ObjReader& root, LoadContext& ctx)
{
  Registration r;
  r.window_start_s    = *parse_hhmm(param_default(params::REGISTRATION_START).get<std::string>());
  r.window_end_s      = *parse_hhmm(param_default(params::REGISTRATION_END).get<std::string>());
  r.failure_rate      = param_default(params::REGISTRATION_FAILURE).get<double>();
  r.nights            = *NIGHTS.parse(param_default(params::REGISTRATION_NIGHTS).get<std::string>());
  r.extraction_spread = param_default(params::REGISTRATION_SPREAD).get<double>();
  r.pattern2_reload   = param_default(params::PATTERN2_RELOAD).get<bool>();
  if (root.has("registration")) {
    ObjReader o = root.object("registration", Req::YES);
    if (o.valid()) {
      read_registration(o, r, ctx);
      o.finish();
    }
  } else
    root.raw("registration", Req::NO);
  return r;
}

void read_listed(ObjReader& a, const Registration& reg, std::vector<std::pair<uint32_t, std::string>>& pref_refs,
                 std::vector<std::string>& pref_ptrs, LoadContext& ctx)
{
  Agency out;
  out.registration = reg;
  auto id          = a.string("id", Req::YES);
  out.name = a.string(param_key(params::AGENCY_NAME), Req::NO).value_or(param_default(params::AGENCY_NAME).get<std::string>());
  auto kind        = read_given_choice(a, params::AGENCY_KIND, AGENCY_KINDS);
  if (kind)
    out.kind = *kind;
  else // reported; take its kind-dependent keys so that they are not "unknown" too
    a.raw("population", Req::NO);
  if (auto s = a.string("site", Req::YES))
    if (auto si = resolve(ctx.site_ix, "site", *s, a.at("site"), ctx.issues)) {
      out.site = *si;
      if (kind)
        check_site_for_kind(a, "site", out.kind, *si, ctx);
    }
  if (kind && out.kind == AgencyKind::PREFECTURE) {
    if (a.has("population"))
      a.error("population", "a prefecture's population is the sum of its municipalities'; do not give it");
    a.raw("population", Req::NO);
  } else if (kind && out.kind == AgencyKind::CONNECTIVITY_TOOL) {
    if (a.has("population"))
      a.error("population", "the connectivity-check tool has no persons (it answers with fixed test data); do not give it");
    a.raw("population", Req::NO);
  } else if (kind) {
    out.population = static_cast<uint64_t>(read_given_integer(a, params::AGENCY_POPULATION, Req::YES).value_or(1));
  }
  if (a.has("prefecture")) {
    auto p = a.string("prefecture", Req::YES);
    if (kind && out.kind != AgencyKind::MUNICIPALITY)
      a.error("prefecture", "only a municipality belongs to a prefecture");
    else if (p) {
      pref_refs.emplace_back(static_cast<uint32_t>(ctx.sc.agencies.size()), *p);
      pref_ptrs.push_back(a.at("prefecture"));
    }
  } else
    a.raw("prefecture", Req::NO);
  const bool line = read_agency_settings(a, out, ctx, true);
  a.finish();
  if (id) {
    out.id = *id;
    add_agency(std::move(out), line, a, "id", ctx);
  }
}

/// Settings for agencies listed or generated above (e.g. one generated city in manual-answer
/// mode). Only the keys given change.
void read_override(ObjReader& o, LoadContext& ctx)
{
  std::optional<uint32_t> target;
  if (auto id = o.string("agency", Req::YES))
    target = resolve(ctx.agency_ix, "agency", *id, o.at("agency"), ctx.issues);
  Agency tmp = target ? ctx.sc.agencies[*target] : Agency();
  if (read_agency_settings(o, tmp, ctx, true) && target)
    ctx.own_line[*target] = 1;
  o.finish();
  if (target)
    ctx.sc.agencies[*target] = tmp;
}

/// What follows from every agency: prefectures, default lines, populations and their limits.
void derive(ObjReader& root, ObjReader& ag, LoadContext& ctx)
{
  Scenario& sc = ctx.sc;
  for (Agency& a : sc.agencies) { // lines default to the VPN device (LG platform) or the server's access line
    if (a.access.bytes_per_s > 0 || a.site == NONE)
      continue;
    const Site& s = sc.sites[a.site];
    a.access      = s.kind == SiteKind::LG_PLATFORM ? ctx.default_vpn : s.access;
  }
  ctx.persons = 0;
  for (const Agency& a : sc.agencies)
    if (a.kind == AgencyKind::MUNICIPALITY)
      ctx.persons += a.population;
  for (uint32_t p = 0; p < sc.agencies.size(); ++p)
    if (sc.agencies[p].kind == AgencyKind::PREFECTURE) {
      sc.agencies[p].population = 0;
      for (const Agency& m : sc.agencies)
        if (m.kind == AgencyKind::MUNICIPALITY && m.prefecture == p)
          sc.agencies[p].population += m.population;
    }
  const uint64_t persons         = ctx.persons;
  constexpr uint64_t MAX_PERSONS = 10'000'000'000ULL; // My Numbers have an 11-digit body
  if (persons > MAX_PERSONS)
    ctx.issues.error(root.at("agencies"), "the municipalities have " + std::to_string(persons) +
                                              " persons in all; at most " + std::to_string(MAX_PERSONS));
  if (sc.agencies.size() > 200'000)
    ctx.issues.error(root.at("agencies"), std::to_string(sc.agencies.size()) + " agencies; at most 200000");
  if (sc.agencies.empty())
    ag.error("list", "a scenario needs agencies");
  else if (persons == 0)
    ag.error("list", "a scenario needs at least one municipality: every person lives in one");
  uint64_t members = 0;
  for (const Agency& a : sc.agencies) {
    if (a.kind == AgencyKind::INSURER)
      members += a.population;
    if (a.kind == AgencyKind::NATIONAL_BODY && a.population > persons && persons > 0)
      ctx.issues.error(root.at("agencies"), "national body \"" + a.id + "\" covers " + std::to_string(a.population) +
                                                " persons, more than the population (" + std::to_string(persons) + ")");
  }
  if (members > persons && persons > 0)
    ctx.issues.error(root.at("agencies"), "insurers have " + std::to_string(members) +
                                              " members in all, more than the population (" + std::to_string(persons) + ")");
}

void read_agencies(ObjReader& root, LoadContext& ctx)
{
  const Registration reg = default_registration(root, ctx);
  ObjReader ag           = root.object("agencies", Req::YES);
  if (!ag.valid())
    return;
  std::vector<std::pair<uint32_t, std::string>> pref_refs; // municipality → prefecture id, resolved after the list
  std::vector<std::string> pref_ptrs;
  if (const json* list = ag.array("list", Req::NO))
    for (size_t i = 0; i < list->size(); ++i) {
      ObjReader a((*list)[i], ag.at("list") + "/" + std::to_string(i), ctx.issues);
      if (a.valid())
        read_listed(a, reg, pref_refs, pref_ptrs, ctx);
    }
  if (const json* gens = ag.array("generators", Req::NO))
    for (size_t i = 0; i < gens->size(); ++i)
      read_generator((*gens)[i], ag.at("generators") + "/" + std::to_string(i), reg, ctx);
  if (const json* ovs = ag.array("overrides", Req::NO))
    for (size_t i = 0; i < ovs->size(); ++i) {
      ObjReader o((*ovs)[i], ag.at("overrides") + "/" + std::to_string(i), ctx.issues);
      if (o.valid())
        read_override(o, ctx);
    }
  ag.finish();
  for (size_t i = 0; i < pref_refs.size(); ++i)
    if (auto p = resolve(ctx.agency_ix, "agency", pref_refs[i].second, pref_ptrs[i], ctx.issues)) {
      if (ctx.sc.agencies[*p].kind != AgencyKind::PREFECTURE)
        ctx.issues.error(pref_ptrs[i], "agency \"" + pref_refs[i].second + "\" is not a prefecture");
      else
        ctx.sc.agencies[pref_refs[i].first].prefecture = *p;
    }
  derive(root, ag, ctx);
}

} // namespace

extern const SectionDecl AGENCIES_SECTION{"agencies", {"registration", "agencies"}, read_agencies,
                                          "the connected agencies and every provider's default registration"};

} // namespace linksim
