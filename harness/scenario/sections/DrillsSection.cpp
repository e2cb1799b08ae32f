// Section `drills`: the annual notification drill (訓練) on the information-sharing site
// (sim/scenario/Drills.hpp, domain.md §6). Each drill names when the operator posts, which agency
// kinds are mailed and the [K] parameters of the contacts and staff; it is read after the
// agencies (it targets them) and before `expect` (checks name drill ids). A drill must close
// inside the run: its cutoff is simulated, so the run must reach it.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"
#include "sim/model/Drill.hpp"

#include <algorithm>

namespace linksim {

namespace {

/// The agency kinds a drill mails (`kinds`): known, drill-capable, none twice, at least one.
std::vector<AgencyKind> read_kinds(ObjReader& d, LoadContext& ctx)
{
  std::vector<AgencyKind> out;
  const std::string key = param_key(params::DRILL_KINDS_TARGETED);
  const json* arr       = d.array(key, Req::NO);
  const json def        = param_default(params::DRILL_KINDS_TARGETED);
  const json& list      = arr ? *arr : def;
  if (arr && arr->empty())
    d.error(key, "expected at least one agency kind");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string ptr = d.at(key) + "/" + std::to_string(i);
    std::optional<AgencyKind> k;
    if (list[i].is_string())
      k = AGENCY_KINDS.parse(list[i].get<std::string>());
    if (!k || drill_kind_index(*k) == DRILL_KINDS.size()) {
      std::vector<std::string> names;
      for (AgencyKind dk : DRILL_KINDS)
        names.emplace_back(AGENCY_KINDS.name(dk));
      ctx.issues.error(ptr, "expected an agency kind with staff to mail, one of " + join(names) + ", found " +
                                (list[i].is_string() ? "\"" + list[i].get<std::string>() + "\"" : type_name(list[i])));
      continue;
    }
    if (std::find(out.begin(), out.end(), *k) != out.end())
      ctx.issues.error(ptr, "agency kind \"" + std::string(AGENCY_KINDS.name(*k)) + "\" is listed twice");
    else
      out.push_back(*k);
  }
  return out;
}

void read_drill(ObjReader& d, std::map<std::string, uint32_t>& ids, const Calendar& cal, LoadContext& ctx)
{
  Scenario& sc = ctx.sc;
  Drill dr;
  auto id = read_id(d, "id", "drill", ids);
  std::optional<double> posted;
  if (const json* j = d.raw("posted", Req::YES))
    posted = read_when(*j, d.at("posted"), ctx);
  if (posted && *posted < 0)
    d.error("posted", "a drill must be posted inside the run (the run starts " + sc.start_text + ")");
  dr.posted_s  = posted.value_or(0);
  dr.category  = read_choice(d, params::DRILL_CATEGORY, DRILL_CATEGORIES);
  const auto kinds = read_kinds(d, ctx);
  dr.occurred_s = dr.posted_s - read_number(d, params::DRILL_OCCURRED_MINUTES) * 60;
  dr.resolved_s = dr.posted_s + read_number(d, params::DRILL_RESOLVED_HOURS) * 3600;
  const auto given_days = read_given_integer(d, params::DRILL_CUTOFF_DAYS);
  const bool days_ok    = given_days || !d.has(param_key(params::DRILL_CUTOFF_DAYS));
  const int64_t days    = given_days.value_or(param_default(params::DRILL_CUTOFF_DAYS).get<int64_t>());
  dr.stale_contact_rate = read_number(d, params::DRILL_STALE_RATE);
  dr.mail_delay         = read_duration(d, params::DRILL_MAIL_DELAY).value_or(Duration{});
  dr.mail_bytes         = read_number(d, params::DRILL_MAIL_BYTES);
  dr.stragglers         = static_cast<unsigned>(read_integer(d, params::DRILL_STRAGGLERS));
  {
    ObjReader a = d.object("ack", Req::NO);
    const Param* per_kind[] = {&params::DRILL_ACK_MUNICIPALITY, &params::DRILL_ACK_PREFECTURE,
                               &params::DRILL_ACK_NATIONAL, &params::DRILL_ACK_INSURER};
    for (size_t k = 0; k < DRILL_KINDS.size(); ++k) {
      if (a.valid())
        dr.ack[k] = read_duration(a, *per_kind[k]).value_or(Duration{});
      else {
        ObjReader none = ObjReader::absent(ctx.issues);
        dr.ack[k]      = read_duration(none, *per_kind[k]).value_or(Duration{});
      }
    }
    if (a.valid())
      a.finish();
  }
  d.finish();
  if (posted && *posted >= 0 && days_ok) {
    dr.cutoff_s = drill_cutoff(cal, dr.posted_s, static_cast<unsigned>(days));
    if (dr.cutoff_s > sc.duration_s)
      d.error(param_key(params::DRILL_CUTOFF_DAYS),
              "the drill closes at " + cal.format(dr.cutoff_s) +
                  ", after the end of the run (calendar.duration_days): the run must reach the cutoff");
  }
  for (uint32_t a = 0; a < sc.agencies.size(); ++a)
    if (std::find(kinds.begin(), kinds.end(), sc.agencies[a].kind) != kinds.end())
      dr.targets.push_back(a);
  if (!kinds.empty() && dr.targets.empty())
    d.error(param_key(params::DRILL_KINDS_TARGETED), "the scenario has no agency of these kinds: the drill mails nobody");
  if (id) {
    dr.id = *id;
    ids[*id] = static_cast<uint32_t>(sc.drills.size());
  }
  sc.drills.push_back(std::move(dr));
}

void read_drills(ObjReader& root, LoadContext& ctx)
{
  const json* arr = root.array("drills", Req::NO);
  if (!arr || arr->empty())
    return;
  const Calendar cal = ctx.sc.calendar();
  std::map<std::string, uint32_t> ids;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader d((*arr)[i], root.at("drills") + "/" + std::to_string(i), ctx.issues);
    if (d.valid())
      read_drill(d, ids, cal, ctx);
  }
  // In post order (ties: file order): the sharing site posts them one after the other.
  std::stable_sort(ctx.sc.drills.begin(), ctx.sc.drills.end(),
                   [](const Drill& x, const Drill& y) { return x.posted_s < y.posted_s; });
}

} // namespace

extern const SectionDecl DRILLS_SECTION{"drills", {"drills"}, read_drills,
                                        "the annual notification drill (訓練): posts to the information-sharing site, "
                                        "its mails, and the staff who acknowledge them"};

} // namespace linksim
