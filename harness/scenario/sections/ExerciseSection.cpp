// Section `exercise`: the agency a trainee plays by default and the scored expectations per inject
// (sim/scenario/Exercise.hpp). Each expectation names an inject (a timeline event or an incident
// of this scenario), an action of the response's table (RESPONSE_ACTIONS), and exactly one
// deadline: `within` (an ISO-8601 duration after the notice or the inject, optionally in business
// time) or `by` (a JST date-time, after the inject's time).
#include "harness/exercise/Actions.hpp"
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"
#include "harness/exercise/Response.hpp"

#include <algorithm>
#include <set>

namespace linksim {

namespace {

/// The inject named `id`: a timeline event (an incident if it is one of the response model's); false
/// (reported) if none.
bool find_inject(const std::string& id, const std::string& ptr, ExerciseExpectation& x, LoadContext& ctx)
{
  const auto& tl = ctx.sc.timeline;
  for (uint32_t i = 0; i < tl.size(); ++i)
    if (tl[i].id == id) {
      x.inject_kind  = exercise::is_incident(tl[i]) ? InjectKind::INCIDENT : InjectKind::TIMELINE;
      x.inject_index = i;
      x.inject_s     = tl[i].at_s;
      return true;
    }
  std::vector<std::string> known;
  for (const auto& e : tl)
    known.push_back(e.id);
  ctx.issues.error(ptr, "unknown inject \"" + id + "\": expected the id of a timeline event of this scenario (an incident "
                        "is one)" + (known.empty() ? std::string(" (it has none)") : "; known: " + join(known)));
  return false;
}

void read_expectation(ObjReader& e, ExerciseSpec& spec, std::set<std::string>& ids, LoadContext& ctx)
{
  ExerciseExpectation x;
  bool ok = true;
  if (auto id = e.string("id", Req::YES)) {
    if (!valid_id(*id)) {
      e.error("id", std::string("invalid id \"") + *id + "\"; " + ID_RULE);
      ok = false;
    } else if (!ids.insert(*id).second) {
      e.error("id", "duplicate expectation id \"" + *id + "\"");
      ok = false;
    }
    x.id = *id;
  } else
    ok = false;
  if (auto inj = e.string("inject", Req::YES)) {
    x.inject = *inj;
    ok       = find_inject(*inj, e.at("inject"), x, ctx) && ok;
  } else
    ok = false;
  std::string action_name;
  const auto& names = exercise::action_names(); // RESPONSE_ACTIONS' names, the table EXERCISE_ACTION declares
  if (auto a = e.choice(param_key(params::EXERCISE_ACTION), Req::YES,
                        choice_names(params::EXERCISE_ACTION, RESPONSE_ACTIONS.id(), names))) {
    action_name = *a;
    x.action    = static_cast<uint32_t>(std::find(names.begin(), names.end(), *a) - names.begin());
  } else
    ok = false;
  const exercise::ArgKind kind = exercise::arg_kind(action_name);
  if (e.has("level")) {
    if (kind != exercise::ArgKind::LEVEL) {
      e.error("level", "only for the action judge_level (the level it must judge)");
      e.raw("level", Req::NO);
      ok = false;
    } else if (auto l = read_given_integer(e, params::EXERCISE_LEVEL))
      x.level = static_cast<int>(*l);
    else
      ok = false;
  }
  if (e.has("category")) {
    if (kind != exercise::ArgKind::CATEGORY) {
      e.error("category", "only for the action post_sharing_site (the category it must post in)");
      e.raw("category", Req::NO);
      ok = false;
    } else if (auto c = e.string("category", Req::NO)) {
      const auto allowed = choice_names(params::EXERCISE_CATEGORY, "", {});
      if (std::find(allowed.begin(), allowed.end(), *c) != allowed.end())
        x.category = std::stoi(*c);
      else {
        e.error("category", "expected \"05\" (failure status) or \"06\" (incident contacts), found \"" + *c + "\"");
        ok = false;
      }
    } else
      ok = false;
  }
  const bool has_within = e.has("within"), has_by = e.has("by");
  if (has_within == has_by) {
    ctx.issues.error(e.pointer(), has_within ? "give one deadline: \"within\" (a duration after the notice or the inject) "
                                               "or \"by\" (a date-time), not both"
                                             : "missing deadline: give \"within\" (an ISO-8601 duration, e.g. \"PT1H\") "
                                               "or \"by\" (a JST date-time)");
    ok = false;
  }
  if (has_within) {
    if (auto w = e.string("within", Req::NO)) {
      auto d = exercise::parse_iso_duration_parts(*w);
      if (!d || d->seconds() <= 0) {
        e.error("within", "expected a positive ISO-8601 duration in days, hours, minutes or seconds (e.g. \"PT30M\", "
                          "\"PT4H\", \"P1DT12H\"), found \"" + *w + "\"");
        ok = false;
      } else {
        x.within_days = d->days;
        x.within_s    = d->rest_s;
      }
    } else
      ok = false;
    x.from          = read_choice(e, params::EXERCISE_FROM, EXERCISE_ANCHORS);
    x.business_time = read_bool(e, params::EXERCISE_BUSINESS_TIME);
  } else {
    for (const char* k : {"from", "business_time"})
      if (e.has(k)) {
        e.error(k, "only with \"within\" (\"by\" is an absolute date-time)");
        e.raw(k, Req::NO);
        ok = false;
      }
  }
  if (has_by) {
    x.absolute = true;
    if (const json* b = e.raw("by", Req::NO)) {
      if (auto t = read_when(*b, e.at("by"), ctx)) {
        x.by_s = *t;
        if (ok && *t <= x.inject_s) {
          e.error("by", "the deadline must be after the inject's time (" + ctx.sc.calendar().format(x.inject_s) + ")");
          ok = false;
        }
      } else
        ok = false;
    }
  }
  x.points = read_number(e, params::EXERCISE_POINTS);
  e.finish();
  if (ok)
    spec.expectations.push_back(x);
}

void read_exercise(ObjReader& root, LoadContext& ctx)
{
  ObjReader o = root.object("exercise", Req::NO);
  if (!o.valid())
    return;
  ExerciseSpec& spec = ctx.sc.exercise;
  spec.configured    = true;
  if (auto id = o.string("play", Req::YES))
    spec.play = resolve(ctx.agency_ix, "agency", *id, o.at("play"), ctx.issues).value_or(NONE);
  // What `linksim exercise` refuses, validation refuses too: the trainee must have something to
  // answer for. (Not said when earlier problems may have dropped the timeline's incident.)
  if (spec.play != NONE && ctx.issues.empty() && !exercise::provides_incident(ctx.sc, spec.play))
    o.error("play", "agency \"" + ctx.sc.agencies[spec.play].id +
                        "\" provides no incident of the scenario (a replica_misregistration timeline event): the "
                        "trainee's actions would have nothing to answer for");
  spec.late_credit = read_number(o, params::EXERCISE_LATE_CREDIT);
  if (const json* arr = o.array("expectations", Req::YES)) {
    if (arr->empty())
      o.error("expectations", "an exercise needs at least one expectation: nothing would be scored");
    std::set<std::string> ids;
    for (size_t i = 0; i < arr->size(); ++i) {
      ObjReader e((*arr)[i], o.at("expectations") + "/" + std::to_string(i), ctx.issues);
      if (e.valid())
        read_expectation(e, spec, ids, ctx);
    }
  }
  o.finish();
}

} // namespace

extern const SectionDecl EXERCISE_SECTION{"exercise", {"exercise"}, read_exercise,
                                          "a training exercise a person plays: the agency played and the scored expectations "
                                          "per inject (`linksim exercise`)"};

} // namespace linksim
