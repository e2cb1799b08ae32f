// Section `incidents` (issue 9 point 3): how injected incidents are detected and answered
// (sim/scenario/Incidents.hpp). Every key has a default (Params.hpp), so the section may be left
// out; the level table must ascend, name levels 1-5, and the post category is "05" or "06".
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

#include <algorithm>

namespace linksim {

namespace {

constexpr double HOUR = 3600.0;

void read_levels(const json& arr, const std::string& ptr, IncidentsSpec& s, LoadContext& ctx)
{
  s.levels.clear();
  if (!arr.is_array() || arr.empty()) {
    ctx.issues.error(ptr, "expected a non-empty array of {\"above_persons\", \"level\"}");
    return;
  }
  for (size_t i = 0; i < arr.size(); ++i) {
    ObjReader r(arr[i], ptr + "/" + std::to_string(i), ctx.issues);
    if (!r.valid())
      continue;
    LevelRow row;
    auto above = read_given_integer(r, params::LEVEL_ABOVE_PERSONS);
    auto level = read_given_integer(r, params::LEVEL_LEVEL);
    r.finish();
    if (!above || !level)
      continue;
    row.above_persons = static_cast<uint64_t>(*above);
    row.level         = static_cast<int>(*level);
    if (!s.levels.empty() && (row.above_persons <= s.levels.back().above_persons || row.level < s.levels.back().level))
      ctx.issues.error(r.pointer(), "rows must ascend: more persons than the row before, and a level no lower");
    s.levels.push_back(row);
  }
}

void read_incidents(ObjReader& root, LoadContext& ctx)
{
  IncidentsSpec& s = ctx.sc.incidents;
  static const json empty = json::object();
  ObjReader o = root.has("incidents") ? root.object("incidents", Req::YES) : ObjReader(empty, "/incidents", ctx.issues);
  if (!root.has("incidents"))
    root.raw("incidents", Req::NO);
  if (!o.valid())
    return;
  s.configured         = root.has("incidents");
  s.detect_probability = read_number(o, params::INCIDENT_DETECT_PROBABILITY);
  s.complaint          = read_duration(o, params::INCIDENT_COMPLAINT).value_or(Duration{});
  s.own_check_s        = read_number(o, params::INCIDENT_OWN_CHECK_HOURS) * HOUR;
  if (o.has("levels"))
    read_levels(*o.raw("levels", Req::YES), o.at("levels"), s, ctx);
  else
    read_levels(param_default(params::INCIDENT_LEVELS), params::INCIDENT_LEVELS.pointer, s, ctx);
  s.reportable_level = static_cast<int>(read_integer(o, params::INCIDENT_REPORTABLE_LEVEL));
  const std::string category = param_key(params::INCIDENT_POST_CATEGORY);
  if (o.has(category)) {
    if (auto c = o.string(category, Req::YES)) {
      const auto names = choice_names(params::INCIDENT_POST_CATEGORY, "", {});
      if (std::find(names.begin(), names.end(), *c) == names.end())
        o.error(category, "expected \"05\" (failure status) or \"06\" (incident contacts), got \"" + *c + "\"");
      s.post_category = *c;
    }
  } else
    s.post_category = param_default(params::INCIDENT_POST_CATEGORY).get<std::string>();

  static const json none = json::object();
  const bool has_steps   = o.has("steps");
  ObjReader st = has_steps ? o.object("steps", Req::YES) : ObjReader(none, o.at("steps"), ctx.issues);
  if (!has_steps)
    o.raw("steps", Req::NO);
  if (st.valid()) {
    s.judge_s                = read_number(st, params::STEP_JUDGE_HOURS) * HOUR;
    s.restraint_s            = read_number(st, params::STEP_RESTRAINT_HOURS) * HOUR;
    s.phone_s                = read_number(st, params::STEP_PHONE_HOURS) * HOUR;
    s.initial_s              = read_number(st, params::STEP_INITIAL_HOURS) * HOUR;
    s.post_s                 = read_number(st, params::STEP_POST_HOURS) * HOUR;
    s.fix_s                  = read_number(st, params::STEP_FIX_HOURS) * HOUR;
    s.interim_s              = read_number(st, params::STEP_INTERIM_HOURS) * HOUR;
    s.lift_s                 = read_number(st, params::STEP_LIFT_HOURS) * HOUR;
    s.annotate_s             = read_number(st, params::STEP_ANNOTATE_HOURS) * HOUR;
    s.final_s                = read_number(st, params::STEP_FINAL_HOURS) * HOUR;
    s.retry_s                = read_number(st, params::STEP_RETRY_HOURS) * HOUR;
    s.requester_annotation_s = read_number(st, params::STEP_REQUESTER_ANNOTATION_HOURS) * HOUR;
    s.hub_annotation_s       = read_number(st, params::STEP_HUB_ANNOTATION_HOURS) * HOUR;
    st.finish();
  }
  const bool has_deadlines = o.has("deadlines");
  ObjReader dl = has_deadlines ? o.object("deadlines", Req::YES) : ObjReader(none, o.at("deadlines"), ctx.issues);
  if (!has_deadlines)
    o.raw("deadlines", Req::NO);
  if (dl.valid()) {
    s.phone_deadline_s   = read_number(dl, params::DEADLINE_PHONE_HOURS) * HOUR;
    s.initial_deadline_s = read_number(dl, params::DEADLINE_INITIAL_HOURS) * HOUR;
    s.interim_deadline_s = read_number(dl, params::DEADLINE_INTERIM_HOURS) * HOUR;
    s.final_deadline_s   = read_number(dl, params::DEADLINE_FINAL_HOURS) * HOUR;
    if (s.interim_deadline_s < s.initial_deadline_s || s.final_deadline_s < s.interim_deadline_s)
      ctx.issues.error(dl.pointer(), "deadlines must not decrease: initial <= interim <= final report");
    dl.finish();
  }
  o.finish();
}

} // namespace

extern const SectionDecl INCIDENTS_SECTION{"incidents", {"incidents"}, read_incidents,
                                           "how injected incidents are detected and answered (issue 9)"};

} // namespace linksim
