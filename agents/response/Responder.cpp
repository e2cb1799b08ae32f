#include "agents/response/Responder.hpp"

#include <algorithm>

namespace linksim {

void Responder::sleep_until(double t)
{
  if (t > sg4::Engine::get_clock())
    sg4::this_actor::sleep_until(t);
}

double Responder::after(double t, double d) const
{
  const Calendar& cal = ctx_.world.calendar();
  return cal.from_business(cal.to_business(t) + d);
}

ActionResult Responder::take(ResponseAction a, const ActionArg& arg)
{
  World& w           = ctx_.world;
  const uint32_t who = w.incidents().incident(incident_).provider;
  for (;;) {
    ActionResult r = w.incidents().act(incident_, who, a, arg, sg4::Engine::get_clock());
    if (r.accepted || w.agency_line_up(who))
      return r;
    sleep_until(after(sg4::Engine::get_clock(), w.scenario().incidents.retry_s)); // the VPN is down: try again later
  }
}

template <typename F> void Responder::wait_for(F done)
{
  auto mutex = sg4::Mutex::create();
  std::unique_lock<sg4::Mutex> lock(*mutex);
  while (!done())
    wake_->wait(lock);
}

void Responder::operator()()
{
  World& w               = ctx_.world;
  IncidentModel& m       = w.incidents();
  const IncidentsSpec& s = w.scenario().incidents;
  const Incident& inc    = m.incident(incident_);
  sleep_until(inc.at_s);

  // Detection: the first complaint to reach the provider, or its own check.
  {
    auto mutex = sg4::Mutex::create();
    std::unique_lock<sg4::Mutex> lock(*mutex);
    for (;;) {
      const double due = m.detection_due(incident_);
      if (due <= sg4::Engine::get_clock())
        break;
      if (due == NEVER)
        wake_->wait(lock);
      else
        wake_->wait_until(lock, due);
    }
  }
  m.detect(incident_, sg4::Engine::get_clock());

  const double detected = sg4::Engine::get_clock();
  sleep_until(after(detected, s.judge_s));
  const int level = m.table_level(incident_);
  ActionArg judged;
  judged.level = level;
  take(ResponseAction::JUDGE_LEVEL, judged);
  const double judged_at = sg4::Engine::get_clock();

  if (level >= s.reportable_level) {
    // The steps that follow the judgement, each at its delay after the step it follows.
    struct Step {
      double t;
      ResponseAction a;
    };
    const double initial = after(judged_at, s.initial_s), fix = after(judged_at, s.fix_s);
    std::vector<Step> steps = {{after(judged_at, s.phone_s), ResponseAction::PHONE_OPERATOR},
                               {after(judged_at, s.restraint_s), ResponseAction::SELF_RESTRAINT_ON},
                               {initial, ResponseAction::REPORT_INITIAL},
                               {after(initial, s.post_s), ResponseAction::POST_SHARING_SITE},
                               {fix, ResponseAction::FIX_REPLICAS},
                               {after(fix, s.interim_s), ResponseAction::REPORT_INTERIM}};
    // An agenda: a step refused because the VPN is down is tried again `retry_hours` later without
    // holding back the steps that do not need the line (the phone call, form 03-13, the post).
    const uint32_t who = inc.provider;
    while (!steps.empty()) {
      auto next = std::min_element(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.t < b.t; });
      const Step st = *next;
      steps.erase(next);
      sleep_until(st.t);
      const double now     = sg4::Engine::get_clock();
      const ActionResult r = m.act(incident_, who, st.a, ActionArg{}, now);
      if (!r.accepted && !w.agency_line_up(who))
        steps.push_back({after(now, s.retry_s), st.a});
    }
  } else {
    sleep_until(after(judged_at, s.fix_s));
    take(ResponseAction::FIX_REPLICAS);
  }

  // The fix takes effect with the next nightly batch; then self-restraint is lifted and the
  // wrong provisions are annotated.
  wait_for([&inc] { return inc.reregistered_s != NEVER; });
  double last = sg4::Engine::get_clock();
  if (inc.restrained) {
    sleep_until(after(last, s.lift_s));
    take(ResponseAction::SELF_RESTRAINT_OFF);
    last = sg4::Engine::get_clock();
  }
  sleep_until(after(last, s.annotate_s));
  take(ResponseAction::ANNOTATE);
  if (level < s.reportable_level)
    return;
  // The final (completion) report once every annotation is completed by all three parties.
  double complete = sg4::Engine::get_clock();
  for (const WrongProvision& p : inc.wrong)
    complete = std::max(complete, p.completed_s());
  sleep_until(after(complete, s.final_s));
  take(ResponseAction::REPORT_FINAL);
}

} // namespace linksim
