// Readers of the identity injects of the timeline (issue 9, cases 2 and 3): see IdentityInjects.hpp
// and sim/model/IdentityInjects.hpp for what they do to the model.
#include "harness/scenario/sections/IdentityInjects.hpp"

#include "harness/scenario/Values.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace linksim {

const std::vector<const char*> IDENTITY_INJECT_KEYS = {"subcase", "pairs", "count", "delete_code", "delete_shared_code",
                                                       "reacquire_after_hours"};

namespace {

constexpr uint32_t MAX_COUNT = 100000; // pairs drawn with the seed: sparse state, a bound keeps it so

/// `pairs` ([[A, B], ...]) or `count`: exactly one of them.
void read_persons(ObjReader& e, TimelineEvent& ev, LoadContext& ctx)
{
  const bool has_pairs = e.has("pairs"), has_count = e.has("count");
  if (has_pairs == has_count) {
    ctx.issues.error(e.pointer(), has_pairs ? "give either \"pairs\" (person indices) or \"count\" (pairs drawn with the "
                                              "seed), not both"
                                            : "give the persons: \"pairs\" ([[A, B], ...] person indices) or \"count\" "
                                              "(pairs drawn with the seed)");
    e.raw("pairs", Req::NO);
    e.raw("count", Req::NO);
    return;
  }
  if (has_count) {
    if (auto n = e.integer("count", Req::YES, ge_le(1, MAX_COUNT)))
      ev.count = static_cast<uint32_t>(*n);
    return;
  }
  const json* arr = e.array("pairs", Req::YES);
  if (!arr)
    return;
  if (arr->empty())
    e.error("pairs", "expected at least one pair [A, B] of person indices");
  std::set<uint64_t> seen;
  for (size_t i = 0; i < arr->size(); ++i) {
    const std::string ptr = e.at("pairs") + "/" + std::to_string(i);
    const json& p         = (*arr)[i];
    if (!p.is_array() || p.size() != 2 || !p[0].is_number_unsigned() || !p[1].is_number_unsigned()) {
      ctx.issues.error(ptr, "expected a pair [A, B] of person indices (non-negative integers)");
      continue;
    }
    const uint64_t a = p[0].get<uint64_t>(), b = p[1].get<uint64_t>();
    if (a >= ctx.persons || b >= ctx.persons) {
      ctx.issues.error(ptr, "person index out of range: the population has " + std::to_string(ctx.persons) +
                                " persons (0 to " + std::to_string(ctx.persons ? ctx.persons - 1 : 0) + ")");
      continue;
    }
    if (a == b) {
      ctx.issues.error(ptr, "a pair names two different persons");
      continue;
    }
    if (!seen.insert(a).second || !seen.insert(b).second) {
      ctx.issues.error(ptr, "a person of this pair is already in another pair of the same event");
      continue;
    }
    ev.pairs.emplace_back(a, b);
  }
}

std::optional<double> read_time(ObjReader& e, const char* key, const TimelineEvent& ev, LoadContext& ctx)
{
  const json* j = e.raw(key, Req::NO);
  if (!j)
    return std::nullopt;
  auto t = read_when(*j, e.at(key), ctx);
  if (t && (*t <= ev.at_s || *t >= ctx.sc.duration_s)) {
    e.error(key, "must be after \"at\" and inside the run's window");
    return std::nullopt;
  }
  return t;
}

} // namespace

void read_resident_code_error(ObjReader& e, TimelineEvent& ev, LoadContext& ctx)
{
  if (auto s = read_choice(e, "subcase", Req::YES, RESIDENT_CODE_SUBCASES))
    ev.subcase = *s;
  else
    e.raw("subcase", Req::NO);
  read_persons(e, ev, ctx);
  const bool deletable = ev.subcase == ResidentCodeSubcase::DUPLICATE_AT_BIRTH ||
                         ev.subcase == ResidentCodeSubcase::WRONG_NEW_CODE_ON_MOVE_IN;
  const bool shared = ev.subcase == ResidentCodeSubcase::ONE_CODE_TWO_PERSONS;
  if (e.has("delete_code") && !deletable) {
    e.error("delete_code", std::string("physical deletion of a resident code on 住基全国センター is allowed only in sub-cases ") +
                               "① duplicate_at_birth and ② wrong_new_code_on_move_in (seed p.19): fix " +
                               RESIDENT_CODE_SUBCASES.name(ev.subcase) +
                               " by deleting the 本人確認情報 history (\"until\")");
    e.raw("delete_code", Req::NO);
  } else if (auto t = read_time(e, "delete_code", ev, ctx))
    ev.delete_code_s = *t;
  if (e.has("delete_shared_code") && !shared) {
    e.error("delete_shared_code", std::string("only sub-case ④ one_code_two_persons has a code A given to two persons to "
                                              "delete (and the seed forbids it there too: this key simulates the mistake), not ") +
                                      RESIDENT_CODE_SUBCASES.name(ev.subcase));
    e.raw("delete_shared_code", Req::NO);
  } else if (auto t = read_time(e, "delete_shared_code", ev, ctx))
    ev.delete_shared_s = *t;
  const int fixes = (ev.until_s != NEVER) + e.has("delete_code") + e.has("delete_shared_code");
  if (fixes > 1)
    ctx.issues.error(e.pointer(), "give one fix: \"until\" (history corrected), \"delete_code\" (① ②) or "
                                  "\"delete_shared_code\" (④), not several");
  ev.reacquire_s = param_default(params::REACQUIRE_AFTER_HOURS).get<double>() * 3600;
  if (e.has("reacquire_after_hours") && !e.has("delete_shared_code")) {
    e.error("reacquire_after_hours", "only with \"delete_shared_code\": the holders re-acquire codes the deletion killed");
    e.raw("reacquire_after_hours", Req::NO);
  } else if (auto h = e.number("reacquire_after_hours", Req::NO, gt_le(0, 24 * 3660)))
    ev.reacquire_s = *h * 3600;
  if (ev.delete_code_s != NEVER)
    ev.until_s = ev.delete_code_s; // the deletion of the unused code X is the fix
  if (ev.delete_shared_s != NEVER)
    ev.until_s = ev.delete_shared_s; // nobody carries code A any more: the wrong-person error ends, the cascade begins
  if (ev.agency != NONE && ctx.sc.agencies[ev.agency].kind != AgencyKind::MUNICIPALITY)
    e.error("agency", "the agency that made the 住基 error (起因機関) is a municipality; \"" +
                          ctx.sc.agencies[ev.agency].id + "\" is a " + to_string(ctx.sc.agencies[ev.agency].kind));
  if (ev.count > 0 && ev.agency != NONE && 2ull * ev.count > ctx.sc.agencies[ev.agency].population)
    e.error("count", "the municipality has " + std::to_string(ctx.sc.agencies[ev.agency].population) +
                         " residents: too few for " + std::to_string(ev.count) + " pairs");
}

void read_number_swap(ObjReader& e, TimelineEvent& ev, LoadContext& ctx)
{
  read_persons(e, ev, ctx);
  if (ev.count > 0 && ev.agency != NONE && 2ull * ev.count > ctx.sc.agencies[ev.agency].population)
    e.error("count", "agency \"" + ctx.sc.agencies[ev.agency].id + "\" has " +
                         std::to_string(ctx.sc.agencies[ev.agency].population) + " persons: too few for " +
                         std::to_string(ev.count) + " swapped pairs");
}

double identity_inject_end(const TimelineEvent& e)
{
  return e.delete_shared_s != NEVER ? e.delete_shared_s + e.reacquire_s : e.until_s;
}

void check_identity_injects(const std::vector<std::string>& where, LoadContext& ctx)
{
  const auto& tl = ctx.sc.timeline;
  auto identity  = [](const TimelineEvent& e) {
    return e.kind == TimelineKind::RESIDENT_CODE_ERROR || e.kind == TimelineKind::NUMBER_SWAP;
  };
  for (size_t i = 0; i < tl.size(); ++i) {
    if (!identity(tl[i]))
      continue;
    for (size_t j = 0; j < i; ++j) {
      const TimelineEvent &e = tl[i], &o = tl[j];
      if (o.kind != e.kind || !(o.at_s < identity_inject_end(e) && e.at_s < identity_inject_end(o)))
        continue;
      if (e.kind == TimelineKind::NUMBER_SWAP && o.agency != e.agency)
        continue;
      if (e.count > 0 || o.count > 0) {
        ctx.issues.error(where[i], "overlaps ", where[j], " (\"" + o.id + "\") in time" +
                                       (e.kind == TimelineKind::NUMBER_SWAP ? " at the same agency" : std::string()) +
                                       ": with drawn persons (\"count\") they could touch one person twice; give "
                                       "\"pairs\" or separate the windows");
        continue;
      }
      for (const auto& [a, b] : e.pairs)
        for (const auto& [c, d] : o.pairs)
          if (a == c || a == d || b == c || b == d) {
            ctx.issues.error(where[i], "overlaps ", where[j], " (\"" + o.id + "\"): person " +
                                           std::to_string(a == c || a == d ? a : b) + " is in both at the same time");
            goto next_pair;
          }
    next_pair:;
    }
  }
}

} // namespace linksim
