// Section `delegations`: delegations (委任受任), registered per procedure [SEED]: a delegate
// (受任者) may query under the procedure on behalf of the delegator (委任者), from / until given
// dates (a revision can also start or end one; removing a procedure ends all of its delegations,
// the pitfall of domain.md §4).
//
//   {"id": "d-nhi-07", "procedure": "nhi", "delegator": "a-city-07", "delegate": "kouiki-01"}
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

#include <set>

namespace linksim {

namespace {

std::optional<uint32_t> read_agency(ObjReader& r, const char* key, LoadContext& ctx)
{
  auto id = r.string(key, Req::YES);
  if (!id)
    return std::nullopt;
  return resolve(ctx.agency_ix, "agency", *id, r.at(key), ctx.issues);
}

void read_delegations(ObjReader& root, LoadContext& ctx)
{
  const json* arr = root.array("delegations", Req::NO);
  if (!arr)
    return;
  std::set<std::string> ids;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader r((*arr)[i], root.at("delegations") + "/" + std::to_string(i), ctx.issues);
    if (!r.valid())
      continue;
    Delegation d;
    static const std::map<std::string, uint32_t> none;
    auto id  = read_id(r, "id", "delegation", none);
    bool ok  = id.has_value();
    if (id && !ids.insert(*id).second) {
      r.error("id", "duplicate delegation id \"" + *id + "\"");
      ok = false;
    }
    d.id = id.value_or("");
    if (auto p = r.string("procedure", Req::YES)) {
      auto pi     = resolve(ctx.procedure_ix, "procedure", *p, r.at("procedure"), ctx.issues);
      ok          = ok && pi;
      d.procedure = pi.value_or(0);
    } else
      ok = false;
    auto from = read_agency(r, "delegator", ctx), to = read_agency(r, "delegate", ctx);
    ok        = ok && from && to;
    if (from && to && *from == *to) {
      r.error("delegate", "an agency cannot delegate to itself");
      ok = false;
    }
    d.delegator = from.value_or(0);
    d.delegate  = to.value_or(0);
    ok = read_window(r, d.from_s, d.until_s, "a delegation", ctx) && ok;
    r.finish();
    if (ok) {
      ctx.delegation_ix[d.id] = static_cast<uint32_t>(ctx.sc.delegations.size());
      ctx.sc.delegations.push_back(d);
    }
  }
}

} // namespace

extern const SectionDecl DELEGATIONS_SECTION{"delegations", {"delegations"}, read_delegations,
                                             "delegations (委任受任) registered per procedure, dated with from / until"};

} // namespace linksim
