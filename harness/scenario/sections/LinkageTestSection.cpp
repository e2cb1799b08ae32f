// Section `linkage_test`: the production linkage test (情報連携試験) [SEED p.25–26]: how many test
// My Numbers (試験用個人番号) each agency has, which agencies register test data for another's
// test persons, and the bound that keeps a linkage test from being a performance test.
// sim/scenario/LinkageTest.hpp says what a test person is and who holds records for one.
//
//   "linkage_test": {"test_persons_per_agency": 10, "max_exchanges_per_hour": 60,
//                    "partners": [{"agency": "city-renewed", "providers": ["jpo", "nws-check"]}]}
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

#include <algorithm>

namespace linksim {

namespace {

void read_partner(ObjReader& p, LoadContext& ctx)
{
  Scenario& sc = ctx.sc;
  std::optional<uint32_t> owner;
  if (auto id = p.string("agency", Req::YES))
    owner = resolve(ctx.agency_ix, "agency", *id, p.at("agency"), ctx.issues);
  if (const json* ids = p.array("providers", Req::YES)) {
    if (ids->empty())
      p.error("providers", "expected at least one agency that registers test data for the agency's test persons");
    for (size_t k = 0; k < ids->size(); ++k) {
      const std::string ip = p.at("providers") + "/" + std::to_string(k);
      if (!(*ids)[k].is_string()) {
        ctx.issues.error(ip, "expected an agency id (string), found " + type_name((*ids)[k]));
        continue;
      }
      auto a = resolve(ctx.agency_ix, "agency", (*ids)[k].get<std::string>(), ip, ctx.issues);
      if (!a || !owner)
        continue;
      if (*a == *owner)
        ctx.issues.error(ip, "an agency holds its own test persons' data already; list its partners only");
      else if (sc.agencies[*a].kind == AgencyKind::CONNECTIVITY_TOOL)
        ctx.issues.error(ip, "the connectivity-check tool answers for every test person; do not list it");
      else {
        auto& list = sc.linkage.partners[*owner];
        if (std::find(list.begin(), list.end(), *a) != list.end())
          ctx.issues.error(ip, "agency \"" + sc.agencies[*a].id + "\" is listed twice");
        else
          list.push_back(*a);
      }
    }
  }
  p.finish();
}

void read_linkage_test(ObjReader& root, LoadContext& ctx)
{
  Scenario& sc = ctx.sc;
  sc.linkage.partners.assign(sc.agencies.size(), {});
  ObjReader o = root.object("linkage_test", Req::NO);
  sc.linkage.test_persons_per_agency = static_cast<uint64_t>(read_integer(o, params::TEST_PERSONS_PER_AGENCY));
  sc.linkage.max_exchanges_per_hour  = read_number(o, params::LINKAGE_MAX_PER_HOUR);
  if (o.valid()) {
    if (const json* arr = o.array("partners", Req::NO))
      for (size_t i = 0; i < arr->size(); ++i) {
        ObjReader p((*arr)[i], o.at("partners") + "/" + std::to_string(i), ctx.issues);
        if (p.valid())
          read_partner(p, ctx);
      }
    o.finish();
  }
  // Every partner list in agency order (the order does not change who holds what; it keeps
  // `linksim persons` and the reference deterministic).
  for (auto& list : sc.linkage.partners)
    std::sort(list.begin(), list.end());
}

} // namespace

extern const SectionDecl LINKAGE_TEST_SECTION{
    "linkage_test", {"linkage_test"}, read_linkage_test,
    "the production linkage test (情報連携試験): test My Numbers per agency, who holds test data, the rate bound"};

} // namespace linksim
