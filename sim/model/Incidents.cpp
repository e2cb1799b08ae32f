#include "sim/model/Incidents.hpp"

#include "sim/model/Hash.hpp"
#include "sim/model/Timing.hpp"
#include "sim/model/World.hpp"

#include <algorithm>
#include <cstdio>

namespace linksim {

namespace {
constexpr uint64_t TAG_AFFECTED  = 0x4d495352ULL; // "MISR": which persons a misregistration hits
constexpr uint64_t TAG_COMPLAINT = 0x434f4d50ULL; // "COMP": a requester complains about a provision
constexpr uint64_t TAG_DELAYS    = 0x44454c41ULL; // "DELA": complaint delays

std::vector<int> default_sections(ResponseAction a)
{
  switch (a) {
    case ResponseAction::REPORT_INITIAL:
      return {1, 2, 6}; // seed p.22: the first report fills sections 1, 2 and 6
    case ResponseAction::REPORT_INTERIM:
      return {2, 3};
    case ResponseAction::REPORT_FINAL:
      return {3, 4, 5};
    default:
      return {};
  }
}
} // namespace

int level_for(const std::vector<LevelRow>& table, uint64_t persons)
{
  int level = 1;
  for (const LevelRow& r : table)
    if (persons > r.above_persons)
      level = r.level;
  return level;
}

IncidentModel::IncidentModel(World& w, Recorder& rec) : w_(&w), rec_(&rec)
{
  const Scenario& sc = w.scenario();
  affects_.assign(sc.agencies.size(), 0);
  restrained_any_.assign(sc.agencies.size(), 0);
  for (uint32_t i = 0; i < sc.timeline.size(); ++i) {
    const TimelineEvent& e = sc.timeline[i];
    if (e.kind != TimelineKind::REPLICA_MISREGISTRATION)
      continue;
    Incident inc;
    inc.id       = e.id;
    inc.event    = i;
    inc.provider = e.agency;
    inc.items    = e.items;
    inc.persons  = e.persons;
    const double pop = static_cast<double>(sc.agencies[e.agency].population);
    inc.share    = pop > 0 ? std::min(1.0, static_cast<double>(e.persons) / pop) : 0.0;
    inc.mode     = e.mode;
    inc.at_s     = e.at_s;
    affects_[e.agency] = 1;
    rng_.emplace_back(mix(w.seed(), TAG_DELAYS, incidents_.size()));
    incidents_.push_back(std::move(inc));
  }
  if (!incidents_.empty())
    rec.subscribe<ExchangeDone>(this);
}

bool IncidentModel::affected(uint32_t incident, uint64_t subject) const
{
  const Incident& inc = incidents_[incident];
  return unit(mix(w_->seed(), TAG_AFFECTED, incident, subject)) < inc.share;
}

uint32_t IncidentModel::find_misregistered(uint32_t provider, uint64_t subject, uint32_t item, double now,
                                           double extraction) const
{
  for (uint32_t i = 0; i < incidents_.size(); ++i) {
    const Incident& inc = incidents_[i];
    if (inc.provider != provider || now < inc.at_s || extraction > inc.fix_s)
      continue; // not this provider, not yet, or the replicas were re-registered after the fix
    if (std::find(inc.items.begin(), inc.items.end(), item) == inc.items.end() || !affected(i, subject))
      continue;
    return i;
  }
  return NONE;
}

void IncidentModel::corrupt(uint32_t incident, Record& r) const
{
  if (incidents_[incident].mode != MisregistrationMode::BLANK_REASON)
    return;
  for (size_t k = 0; k < r.n; ++k)
    if (r.state[k] >= Record::NULL_BASE)
      r.state[k] = Record::BLANK; // blank instead of the ReasonOfNull value (seed: item 107 when 106 is 0)
}

bool IncidentModel::restrained_item(uint32_t provider, uint32_t item) const
{
  for (const Incident& inc : incidents_)
    if (inc.provider == provider && inc.restrained &&
        std::find(inc.items.begin(), inc.items.end(), item) != inc.items.end())
      return true;
  return false;
}

void IncidentModel::registered(uint32_t provider, double extraction, double t)
{
  for (Incident& inc : incidents_)
    if (inc.provider == provider && extraction > inc.fix_s && inc.reregistered_s == NEVER) {
      inc.reregistered_s = t;
      if (on_progress)
        on_progress();
    }
}

double IncidentModel::detection_due(uint32_t incident) const
{
  const Incident& inc    = incidents_[incident];
  const IncidentsSpec& s = w_->scenario().incidents;
  double t               = inc.complaint_s;
  if (s.own_check_s >= 0) {
    const Calendar& cal = w_->calendar();
    t = std::min(t, cal.from_business(cal.to_business(inc.at_s) + s.own_check_s));
  }
  return t;
}

void IncidentModel::detect(uint32_t incident, double t)
{
  Incident& inc = incidents_[incident];
  if (inc.detected_s != NEVER)
    return;
  inc.detected_s  = t;
  inc.detected_by = t >= inc.complaint_s ? "requester" : "own_check";
  if (inc.detected_by == "own_check")
    notice(inc.provider, t, "own_check",
           "our own check found replicas of " + std::to_string(inc.items.size()) + " item(s) misregistered for about " +
               std::to_string(inc.persons) + " persons (incident \"" + inc.id + "\")");
}

int IncidentModel::table_level(uint32_t incident) const
{
  return level_for(w_->scenario().incidents.levels, incidents_[incident].persons);
}

double IncidentModel::deadline(uint32_t incident, ResponseAction a) const
{
  const Incident& inc    = incidents_[incident];
  const IncidentsSpec& s = w_->scenario().incidents;
  if (inc.detected_s == NEVER)
    return NEVER;
  switch (a) {
    case ResponseAction::PHONE_OPERATOR:
      return inc.detected_s + s.phone_deadline_s;
    case ResponseAction::REPORT_INITIAL:
      return inc.detected_s + s.initial_deadline_s;
    case ResponseAction::REPORT_INTERIM:
      return inc.detected_s + s.interim_deadline_s;
    case ResponseAction::REPORT_FINAL:
      return inc.detected_s + s.final_deadline_s;
    default:
      return NEVER;
  }
}

void IncidentModel::notice(uint32_t agency, double t, const char* kind, std::string text)
{
  rec_->emit(StaffNotice{agency, t, kind, std::move(text)});
}

ActionResult IncidentModel::act(uint32_t incident, uint32_t agency, ResponseAction a, const ActionArg& arg, double t)
{
  const IncidentsSpec& s = w_->scenario().incidents;
  Incident& inc          = incidents_[incident];
  ActionResult r;
  // Without a responder (the agency an exercise plays) nobody calls detect(): the staff know from
  // the first complaint or own check that has reached them by now.
  if (inc.detected_s == NEVER && agency == inc.provider && detection_due(incident) <= t)
    detect(incident, detection_due(incident));
  auto refuse = [&r](std::string why) { r.reason = std::move(why); };
  const bool line_up = w_->agency_line_up(agency);
  ActionArg used     = arg;
  if (agency != inc.provider)
    refuse("only the provider (" + w_->scenario().agencies[inc.provider].id + ") answers for this incident");
  else if (t < inc.at_s)
    refuse("nothing has happened yet");
  else
    switch (a) {
      case ResponseAction::JUDGE_LEVEL:
        if (arg.level < 1 || arg.level > 5)
          refuse("a level is 1 to 5");
        else
          inc.level = arg.level;
        break;
      case ResponseAction::SELF_RESTRAINT_ON:
        if (!line_up)
          refuse("the agency's VPN is down: manual-answer mode cannot be set");
        else if (inc.restrained)
          refuse("self-restraint is already on");
        else {
          inc.restrained          = true;
          restrained_any_[agency] = 1;
          if (inc.restrained_s == NEVER)
            inc.restrained_s = t;
        }
        break;
      case ResponseAction::SELF_RESTRAINT_OFF:
        if (!line_up)
          refuse("the agency's VPN is down: manual-answer mode cannot be lifted");
        else if (!inc.restrained)
          refuse("self-restraint is not on");
        else {
          inc.restrained = false;
          inc.lifted_s   = t;
          bool any       = false;
          for (const Incident& o : incidents_)
            any = any || (o.provider == agency && o.restrained);
          restrained_any_[agency] = any;
        }
        break;
      case ResponseAction::PHONE_OPERATOR:
        if (inc.phoned)
          refuse("the operator has already been phoned");
        else {
          inc.phoned = true;
          notice(agency, t, "operator_call", "the operator took the call about incident \"" + inc.id +
                                                 "\" and asks for form 03-13 and a post on the information-sharing site");
        }
        break;
      case ResponseAction::REPORT_INITIAL:
      case ResponseAction::REPORT_INTERIM:
      case ResponseAction::REPORT_FINAL: {
        if (used.sections.empty())
          used.sections = default_sections(a);
        bool sections_ok = true;
        for (int k : used.sections)
          sections_ok = sections_ok && k >= 1 && k <= 6;
        bool& done = a == ResponseAction::REPORT_INITIAL   ? inc.reported_initial
                     : a == ResponseAction::REPORT_INTERIM ? inc.reported_interim
                                                           : inc.reported_final;
        if (!sections_ok)
          refuse("form 03-13 has sections 1 to 6");
        else if (done)
          refuse("this report has already been filed");
        else if (a != ResponseAction::REPORT_INITIAL && !inc.reported_initial)
          refuse("the initial report comes first");
        else if (a == ResponseAction::REPORT_INITIAL &&
                 !(std::count(used.sections.begin(), used.sections.end(), 1) &&
                   std::count(used.sections.begin(), used.sections.end(), 2) &&
                   std::count(used.sections.begin(), used.sections.end(), 6)))
          refuse("the initial report fills sections 1, 2 and 6");
        else if (a == ResponseAction::REPORT_FINAL && inc.reregistered_s == NEVER)
          refuse("the final (completion) report needs the fix re-registered");
        else
          done = true;
        break;
      }
      case ResponseAction::POST_SHARING_SITE:
        if (used.category.empty())
          used.category = s.post_category;
        if (used.category != "05" && used.category != "06")
          refuse("the category is 05 (failure status) or 06 (incident contacts)");
        else if (inc.posted)
          refuse("one post per provider and incident (category 06)");
        else {
          inc.posted = true;
          notice(agency, t, "sharing_site_mail",
                 "the information-sharing site (情報共有サイト) mailed the post about incident \"" + inc.id +
                     "\" in category " + used.category);
        }
        break;
      case ResponseAction::FIX_REPLICAS:
        if (inc.fix_s != NEVER)
          refuse("the fix has already been made");
        else
          inc.fix_s = t;
        break;
      case ResponseAction::ANNOTATE: {
        if (!line_up) {
          refuse("the agency's VPN is down: records cannot be annotated");
          break;
        }
        const Calendar& cal = w_->calendar();
        const double b      = cal.to_business(t);
        size_t n            = 0;
        for (WrongProvision& p : inc.wrong)
          if (p.provider_annotated_s == NEVER) {
            p.provider_annotated_s  = t;
            p.requester_annotated_s = cal.from_business(b + s.requester_annotation_s);
            p.hub_annotated_s       = cal.from_business(b + s.hub_annotation_s);
            ++n;
          }
        if (n == 0)
          refuse("no wrong provision left to annotate");
        break;
      }
    }
  r.accepted = r.reason.empty();
  inc.actions.push_back(ActionTaken{a, t, r.accepted, r.reason, deadline(incident, a), used});
  if (!r.accepted)
    notice(agency, t, "refused", std::string(RESPONSE_ACTIONS.name(a)) + " refused: " + r.reason);
  rec_->emit(ResponseActionTaken{incident, agency, a, t, r.accepted, r.reason});
  return r;
}

void IncidentModel::on(const ExchangeDone& e)
{
  const Exchange& ex = e.ex;
  if (ex.truth.incident == NONE || !e.fetched)
    return;
  if (e.outcome != Outcome::WRONG_DATA && e.outcome != Outcome::NULL_RULE_VIOLATION)
    return; // e.g. a later, worse class (another person's data)
  Incident& inc = incidents_[ex.truth.incident];
  WrongProvision p;
  p.exchange  = ex.id;
  p.requester = ex.requester;
  p.answered_s = ex.t[PV_RESP_IN];
  p.fetched_s  = ex.t[FETCHED];
  inc.wrong.push_back(p);
  // The requester's staff notice the wrong data and complain to the provider [K].
  const IncidentsSpec& s = w_->scenario().incidents;
  if (s.detect_probability > 0 && unit(mix(w_->seed(), TAG_COMPLAINT, ex.id)) < s.detect_probability) {
    const Calendar& cal = w_->calendar();
    const double at =
        cal.from_business(cal.to_business(p.fetched_s) + sample(s.complaint, rng_[ex.truth.incident]));
    notice(inc.provider, at, "complaint",
           w_->scenario().agencies[ex.requester].id + " reports that a provision of item " +
               std::to_string(w_->scenario().layouts[ex.item].number) + " carried wrong data (exchange " +
               std::to_string(ex.id) + ")");
    if (at < inc.complaint_s) {
      inc.complaint_s = at;
      if (on_progress)
        on_progress();
    }
  }
}

} // namespace linksim
