#include "harness/collect/Incidents.hpp"

namespace linksim {

void IncidentsCollector::write(ojson& r, const RunEnd& end) const
{
  const IncidentModel& m = w_.incidents();
  if (!m.any())
    return;
  const Calendar& cal = w_.calendar();
  const Scenario& sc  = w_.scenario();
  auto when = [&cal](double t) { return t == NEVER ? ojson() : ojson(cal.format(t)); };
  auto since = [](double t, double from) { return t == NEVER ? ojson() : ojson((t - from) / 3600.0); };
  ojson all = ojson::object();
  for (uint32_t i = 0; i < m.size(); ++i) {
    const Incident& inc = m.incident(i);
    double initial      = NEVER;
    uint64_t on_time = 0, late = 0, refused = 0;
    ojson actions       = ojson::array();
    for (const ActionTaken& a : inc.actions) {
      if (a.accepted && a.action == ResponseAction::REPORT_INITIAL)
        initial = a.t_s;
      const bool has_deadline = a.deadline_s != NEVER;
      if (!a.accepted)
        ++refused;
      else if (has_deadline)
        ++(a.t_s <= a.deadline_s ? on_time : late);
      ojson j = {{"action", RESPONSE_ACTIONS.name(a.action)}, {"at", cal.format(a.t_s)}, {"t_s", a.t_s},
                 {"accepted", a.accepted}};
      if (!a.accepted)
        j["reason"] = a.reason;
      if (a.action == ResponseAction::JUDGE_LEVEL)
        j["level"] = a.arg.level;
      if (!a.arg.sections.empty())
        j["sections"] = a.arg.sections;
      if (!a.arg.category.empty())
        j["category"] = a.arg.category;
      j["deadline"] = when(a.deadline_s);
      j["on_time"]  = has_deadline && a.accepted ? ojson(a.t_s <= a.deadline_s) : ojson();
      actions.push_back(j);
    }
    uint64_t before = 0, after = 0, answered_after = 0, done = 0, missing = 0;
    for (const WrongProvision& p : inc.wrong) {
      ++(p.fetched_s < inc.restrained_s ? before : after);
      answered_after += p.answered_s >= inc.restrained_s;
      const double c = p.completed_s();
      ++(c <= end.end_s ? done : missing);
    }
    std::string items;
    for (uint32_t k : inc.items)
      items += (items.empty() ? "" : ",") + std::to_string(sc.layouts[k].number);
    ojson j = {{"provider", sc.agencies[inc.provider].id},
               {"items", items},
               {"persons", inc.persons},
               {"mode", MISREGISTRATION_MODES.name(inc.mode)},
               {"at", cal.format(inc.at_s)},
               {"detected", inc.detected_s != NEVER ? 1 : 0},
               {"detected_by", inc.detected_by.empty() ? ojson() : ojson(inc.detected_by)},
               {"detected_at", when(inc.detected_s)},
               {"level", inc.level},
               {"table_level", m.table_level(i)},
               {"time_to_detect_h", since(inc.detected_s, inc.at_s)},
               {"time_to_contain_h", since(inc.restrained_s, inc.at_s)},
               {"time_to_report_h", since(initial, inc.at_s)},
               {"time_to_fix_h", since(inc.reregistered_s, inc.at_s)},
               {"contained_at", when(inc.restrained_s)},
               {"lifted_at", when(inc.lifted_s)},
               {"fixed_at", when(inc.fix_s)},
               {"reregistered_at", when(inc.reregistered_s)},
               {"wrong_provisions", inc.wrong.size()},
               {"wrong_before_containment", before},
               {"wrong_after_containment", after},
               {"wrong_answered_after_containment", answered_after},
               {"annotations_done", done},
               {"annotations_missing", missing},
               {"actions_on_time", on_time},
               {"actions_late", late},
               {"actions_refused", refused},
               {"actions", actions}};
    all[inc.id] = j;
  }
  r["incidents"] = all;
}

} // namespace linksim
