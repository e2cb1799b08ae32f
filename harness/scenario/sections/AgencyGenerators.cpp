// `agencies.generators[]`: many agencies of one kind at once, sized like a country (log-normal
// sizes, sim/model/Sizes.hpp), spread over sites and prefectures in contiguous blocks.
#include "harness/scenario/sections/AgencySettings.hpp"
#include "sim/model/Hash.hpp"
#include "sim/model/Sizes.hpp"

namespace linksim {

namespace {
std::string pad_id(const std::string& prefix, uint64_t i, uint64_t count)
{
  const std::string n = std::to_string(i);
  const size_t width  = std::to_string(count).size();
  return prefix + std::string(width > n.size() ? width - n.size() : 0, '0') + n;
}
} // namespace

void read_generator(const json& j, const std::string& ptr, const Registration& default_registration, LoadContext& ctx)
{
  Scenario& sc = ctx.sc;
  ObjReader g(j, ptr, ctx.issues);
  if (!g.valid())
    return;
  auto kind   = g.choice(param_key(params::GENERATOR_KIND), Req::YES,
                         choice_names(params::GENERATOR_KIND, AGENCY_KINDS.id(), AGENCY_KINDS.names()));
  auto count  = read_given_integer(g, params::GENERATOR_COUNT);
  auto prefix = g.string("id_prefix", Req::YES);
  std::vector<uint32_t> sites;
  if (const json* s = g.array("sites", Req::YES)) {
    if (s->empty())
      g.error("sites", "expected at least one site");
    for (size_t i = 0; i < s->size(); ++i) {
      const std::string sp = g.at("sites") + "/" + std::to_string(i);
      if (!(*s)[i].is_string())
        ctx.issues.error(sp, "expected a site id (string), found " + type_name((*s)[i]));
      else if (auto si = resolve(ctx.site_ix, "site", (*s)[i].get<std::string>(), sp, ctx.issues)) {
        if (kind)
          check_site_for_kind(g, "sites", *AGENCY_KINDS.parse(*kind), *si, ctx);
        sites.push_back(*si);
      }
    }
  }
  std::optional<int64_t> total;
  double sigma = param_default(params::SIZE_SIGMA).get<double>();
  std::optional<std::string> pref_prefix;
  if (!kind) { // reported; take the kind-dependent keys so that they are not "unknown" too
    g.raw("total_population", Req::NO);
    g.raw("size_sigma", Req::NO);
    g.raw("prefecture_prefix", Req::NO);
  } else if (*kind != "prefecture") {
    total = read_given_integer(g, params::GENERATOR_POPULATION, Req::YES);
    sigma = read_number(g, params::SIZE_SIGMA);
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
  proto.registration    = default_registration;
  const bool proto_line = read_agency_settings(g, proto, ctx, false);
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
    Agency a     = proto;
    a.id         = pad_id(*prefix, i + 1, n);
    a.kind       = *AGENCY_KINDS.parse(*kind);
    a.site       = sites[i * sites.size() / n]; // contiguous blocks over the sites
    a.population = total ? sizes[i] : 0;
    if (!prefs.empty())
      a.prefecture = prefs[i * prefs.size() / n]; // contiguous blocks over the prefectures
    add_agency(std::move(a), proto_line, g, "id_prefix", ctx);
  }
}

} // namespace linksim
