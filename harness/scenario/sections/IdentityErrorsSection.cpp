// Section `identity_errors`: injected code-table faults (個人番号 ↔ 宛名番号 swaps, seed p.18-20).
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

namespace linksim {

namespace {

void read_error(ObjReader& e, LoadContext& ctx)
{
  IdentityError ie;
  bool ok = read_given_choice(e, params::IDENTITY_ERROR_KIND, IDENTITY_ERROR_KINDS).has_value();
  if (auto id = e.string("agency", Req::YES)) {
    auto a    = resolve(ctx.agency_ix, "agency", *id, e.at("agency"), ctx.issues);
    ok        = ok && a;
    ie.agency = a.value_or(0);
  } else
    ok = false;
  const uint64_t persons = ctx.persons;
  if (const json* p = e.array("persons", Req::YES)) {
    if (p->size() != 2 || !(*p)[0].is_number_unsigned() || !(*p)[1].is_number_unsigned()) {
      e.error("persons", "expected two person indices (non-negative integers)");
      ok = false;
    } else {
      ie.person_a = (*p)[0].get<uint64_t>();
      ie.person_b = (*p)[1].get<uint64_t>();
      if (ie.person_a >= persons || ie.person_b >= persons) {
        e.error("persons", "person index out of range: the population has " + std::to_string(persons) + " persons (0 to " +
                               std::to_string(persons ? persons - 1 : 0) + ")");
        ok = false;
      } else if (ie.person_a == ie.person_b) {
        e.error("persons", "a link swaps two different persons");
        ok = false;
      } else {
        for (const IdentityError& other : ctx.sc.identity_errors)
          if (other.agency == ie.agency && (other.person_a == ie.person_a || other.person_a == ie.person_b ||
                                            other.person_b == ie.person_a || other.person_b == ie.person_b)) {
            e.error("persons", "a person of this pair is already in another swapped link at the same agency");
            ok = false;
            break;
          }
      }
    }
  } else
    ok = false;
  e.finish();
  if (ok)
    ctx.sc.identity_errors.push_back(ie);
}

void read_identity_errors(ObjReader& root, LoadContext& ctx)
{
  const json* arr = root.array("identity_errors", Req::NO);
  if (!arr)
    return;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader e((*arr)[i], root.at("identity_errors") + "/" + std::to_string(i), ctx.issues);
    if (e.valid())
      read_error(e, ctx);
  }
}

} // namespace

extern const SectionDecl IDENTITY_ERRORS_SECTION{"identity_errors", {"identity_errors"}, read_identity_errors,
                                                 "injected code-table faults (swapped links)"};

} // namespace linksim
