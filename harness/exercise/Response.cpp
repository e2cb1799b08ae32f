#include "harness/exercise/Response.hpp"

#include "sim/model/World.hpp"
#include "sim/scenario/Incidents.hpp"
#include "sim/trace/Events.hpp"

#include <memory>

namespace linksim::exercise {

const std::vector<std::string>& action_names()
{
  static const std::vector<std::string> v = [] {
    std::vector<std::string> n;
    for (const auto& e : RESPONSE_ACTIONS.entries())
      n.emplace_back(e.name);
    return n;
  }();
  return v;
}

const char* action_help(uint32_t action) { return RESPONSE_ACTIONS.help(static_cast<ResponseAction>(action)); }
uint32_t self_restraint_on() { return static_cast<uint32_t>(ResponseAction::SELF_RESTRAINT_ON); }
uint32_t self_restraint_off() { return static_cast<uint32_t>(ResponseAction::SELF_RESTRAINT_OFF); }

bool is_incident(const TimelineEvent& e) { return e.kind == TimelineKind::REPLICA_MISREGISTRATION; }

bool provides_incident(const Scenario& sc, uint32_t agency)
{
  for (const TimelineEvent& e : sc.timeline)
    if (is_incident(e) && e.agency == agency)
      return true;
  return false;
}

void set_played(Scenario& sc, uint32_t agency) { sc.exercise_play = agency; }

ActResult act(World& w, uint32_t agency, uint32_t action, const ActionArgs& args, double t)
{
  IncidentModel& m = w.incidents();
  uint32_t chosen  = NONE;
  for (uint32_t i = 0; i < m.size(); ++i) {
    const Incident& inc = m.incident(i);
    if (inc.provider != agency)
      continue;
    if (chosen == NONE || (inc.at_s <= t && inc.at_s >= m.incident(chosen).at_s))
      chosen = i;
  }
  if (chosen == NONE)
    return {false, "the agency has no incident to answer for"};
  ActionArg arg;
  arg.level = args.level;
  if (args.category)
    arg.category = args.category < 10 ? "0" + std::to_string(args.category) : std::to_string(args.category);
  arg.sections          = args.sections;
  const ActionResult r = m.act(chosen, agency, static_cast<ResponseAction>(action), arg, t);
  return {r.accepted, r.reason};
}

double next_detection(const World& w, uint32_t agency)
{
  const IncidentModel& m = w.incidents();
  double next            = NEVER;
  for (uint32_t i = 0; i < m.size(); ++i) {
    const Incident& inc = m.incident(i);
    if (inc.provider == agency && inc.detected_s == NEVER)
      next = std::min(next, std::max(inc.at_s, m.detection_due(i)));
  }
  return next;
}

void detect_due(World& w, uint32_t agency, double t)
{
  IncidentModel& m = w.incidents();
  for (uint32_t i = 0; i < m.size(); ++i) {
    const Incident& inc = m.incident(i);
    if (inc.provider == agency && inc.detected_s == NEVER && t >= inc.at_s && m.detection_due(i) <= t)
      m.detect(i, t);
  }
}

Cost cost(const World& w, uint32_t agency)
{
  const IncidentModel& m = w.incidents();
  Cost c;
  c.contained_s = NEVER;
  c.detected_s  = NEVER;
  for (uint32_t i = 0; i < m.size(); ++i) {
    const Incident& inc = m.incident(i);
    if (inc.provider != agency)
      continue;
    c.contained_s = std::min(c.contained_s, inc.restrained_s);
    c.detected_s  = std::min(c.detected_s, inc.detected_s);
    for (const WrongProvision& p : inc.wrong) {
      ++c.wrong;
      ++(p.fetched_s < inc.restrained_s ? c.before : c.after); // as result.json /incidents counts them
      c.answered_s.push_back(p.answered_s);
      c.last.push_back({p.exchange, p.requester, p.answered_s});
      if (c.last.size() > 3)
        c.last.erase(c.last.begin());
    }
  }
  return c;
}

namespace {
struct NoticeForwarder : Subscriber<StaffNotice> {
  std::function<void(uint32_t, double, const std::string&, const std::string&)> f;
  void on(const StaffNotice& n) override { f(n.agency, n.t_s, n.kind, n.text); }
};
} // namespace

std::shared_ptr<void> on_staff_notice(Recorder& r,
                                      std::function<void(uint32_t, double, const std::string&, const std::string&)> f)
{
  auto fwd = std::make_shared<NoticeForwarder>();
  fwd->f   = std::move(f);
  r.subscribe<StaffNotice>(fwd.get());
  return fwd;
}

} // namespace linksim::exercise
