#include "harness/exercise/ExerciseRun.hpp"

#include "agents/core/Context.hpp"
#include "harness/Errors.hpp"
#include "harness/run/OutputDir.hpp"
#include "sim/model/World.hpp"
#include "harness/exercise/Response.hpp"
#include "sim/trace/Events.hpp"

#include <simgrid/s4u.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <deque>
#include <map>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>
#include <thread>

namespace linksim {

namespace sg4 = simgrid::s4u;
using ojson   = nlohmann::ordered_json;
using namespace exercise;

namespace {
constexpr double NOT_YET = std::numeric_limits<double>::infinity();

/// "30 min", "2 h", "1 d 4 h 30 min".
std::string span(double s)
{
  const long m = std::lround(s / 60);
  std::string out;
  if (m / 1440)
    out += std::to_string(m / 1440) + " d";
  if (m % 1440 / 60)
    out += (out.empty() ? "" : " ") + std::to_string(m % 1440 / 60) + " h";
  if (m % 60 || out.empty())
    out += (out.empty() ? "" : " ") + std::to_string(m % 60) + " min";
  return out;
}

/// "2 business days 4 h of business time".
std::string span_business(long days, double rest_s)
{
  std::string out = days ? std::to_string(days) + (days == 1 ? " business day" : " business days") : "";
  if (rest_s > 0 || out.empty())
    out += (out.empty() ? "" : " ") + span(rest_s) + " of business hours";
  return out;
}

std::string args_text(const ActionArgs& a)
{
  std::string s;
  if (a.level)
    s = std::to_string(a.level);
  if (a.category)
    s = a.category < 10 ? "0" + std::to_string(a.category) : std::to_string(a.category);
  for (size_t i = 0; i < a.sections.size(); ++i)
    s += (i ? "," : "") + std::to_string(a.sections[i]);
  return s;
}
} // namespace

/// What the exercise keeps during the run: the notices its staff got, the actions planned and
/// done, and the played agency's wrong provisions (its cost).
struct ExerciseRun::State : Subscriber<FaultBegan>, Subscriber<ExchangeDone> {
  World* w           = nullptr;
  const Scenario* sc = nullptr;
  uint32_t play      = NONE;
  bool interactive   = false;
  std::istream* in   = nullptr;
  std::ostream* out  = nullptr;
  double pace        = 0;
  const std::vector<std::string>& names = action_names();

  struct Notice {
    double t_s;            ///< when the staff see it (may lie ahead of the clock when it is told)
    std::string kind, text;
    bool news   = true;    ///< tells of an inject (a complaint, the own check, an alarm), not of the trainee's own action
    bool shown  = false;
  };
  std::vector<Notice> notices; ///< in the order they were told
  double first_notice = NOT_YET; ///< the earliest notice that tells of an inject (what +DURATION counts from)
  bool acting         = false;   ///< inside act(): notices told now answer the trainee's action
  std::shared_ptr<void> notice_subscription;

  /// A planned action waiting for its time (interactive: typed; else: the actions file's lines).
  struct Pending {
    PlannedAction a;
    bool typed = false;
  };
  std::deque<Pending> pending;
  struct Done {
    TakenAction taken;
    std::string text;
    size_t line = 0;
    bool typed  = false;
  };
  std::vector<Done> done;
  bool restrained     = false;   ///< self-restraint is on now (the trainee's accepted on / off)
  ojson section;                 ///< result.json /exercise, once made

  uint64_t answered = 0;                        ///< data answers of the played agency (fetched or ended)
  std::array<uint64_t, OUTCOME_COUNT> wrong_by{}; ///< of them, correctness failures per outcome class

  sg4::MutexPtr mtx;
  sg4::ConditionVariablePtr cv;
  bool poked     = false;
  double wake_at = NOT_YET;
  bool quiet_end = false; ///< the trainee typed quit or the input ended: no more prompts
  std::chrono::steady_clock::time_point wall_anchor;
  double sim_anchor = 0;

  void poke()
  {
    poked = true;
    if (cv)
      cv->notify_all();
  }
  void on_notice(uint32_t agency, double t, const std::string& kind, const std::string& text)
  {
    if (agency != play)
      return;
    notices.push_back({t, kind, text, !acting, false});
    if (!acting && t < first_notice)
      first_notice = t;
    poke();
  }
  /// Notices the staff can see now and have not been shown.
  bool unseen(double now) const
  {
    for (const Notice& n : notices)
      if (!n.shown && n.t_s <= now)
        return true;
    return false;
  }
  /// The next notice still ahead of the clock.
  double next_notice(double now) const
  {
    double t = NOT_YET;
    for (const Notice& n : notices)
      if (n.t_s > now)
        t = std::min(t, n.t_s);
    return t;
  }
  void on(const FaultBegan& f) override
  {
    // A fault on the agency's own line raises an alarm its staff see; an incident's inject (its
    // replicas silently wrong) does not: the staff learn of it from a complaint or their own check.
    if (f.agency != play || f.kind == TIMELINE_CHANGES.name(ChangeKind::REPLICA_MISREGISTRATION))
      return;
    notices.push_back({f.t_s, "alarm: " + f.kind, f.what, true, false});
    if (f.t_s < first_notice)
      first_notice = f.t_s;
    poke();
  }
  void on(const ExchangeDone& e) override
  {
    if (e.ex.provider != play || e.ex.answer != Answer::DATA)
      return;
    ++answered;
    if (is_correctness_failure(e.outcome))
      ++wrong_by[static_cast<size_t>(e.outcome)];
  }

  std::string when(double t) const { return w->calendar().format(t); }

  /// The time a pending action is due (NOT_YET: it counts from a notice not yet received).
  double due(const Pending& p) const
  {
    switch (p.a.when.kind) {
    case When::AT: return p.a.when.s;
    case When::AFTER_NOTICE: return first_notice == NOT_YET ? NOT_YET : first_notice + p.a.when.s;
    case When::NOW: return p.a.when.s; // resolved to an absolute time when typed
    }
    return NOT_YET;
  }

  /// Applies an action of the played agency to the network, now.
  void perform(const Pending& p);
  /// The trainee actor: waits for the next due action or decision point.
  void trainee();
  /// Interactive: shows a decision point and reads commands until `wait`.
  void decide(const std::string& why);
  void show_menu() const;
  void show_status() const;
  void pace_tick();
};

void ExerciseRun::State::perform(const Pending& p)
{
  const double now   = sg4::Engine::get_clock();
  acting             = true;
  const ActResult r  = act(*w, play, p.a.action, p.a.args, now);
  acting             = false;
  Done d;
  d.taken.action   = p.a.action;
  d.taken.args     = p.a.args;
  d.taken.t_s      = now;
  d.taken.accepted = r.accepted;
  d.taken.reason   = r.reason;
  d.text           = p.a.text;
  d.line           = p.a.line;
  d.typed          = p.typed;
  done.push_back(d);
  if (r.accepted && p.a.action == self_restraint_on())
    restrained = true;
  if (r.accepted && p.a.action == self_restraint_off())
    restrained = false;
  if (interactive && out)
    *out << "[" << when(now) << "] " << names[p.a.action] << (args_text(p.a.args).empty() ? "" : " " + args_text(p.a.args))
         << ": " << (r.accepted ? "done" : "refused: " + r.reason) << "\n";
}

void ExerciseRun::State::show_menu() const
{
  *out << "Actions (type one; add \"after 30m\" or \"at YYYY-MM-DDTHH:MM:SS+09:00\" to do it later):\n";
  for (size_t i = 0; i < names.size(); ++i) {
    std::string done_at;
    for (const Done& d : done)
      if (d.taken.action == i && d.taken.accepted)
        done_at = "  [done " + when(d.taken.t_s) + "]";
    const std::string syn = names[i] + (arg_help(names[i]).empty() ? "" : " " + arg_help(names[i]));
    *out << "  " << syn << std::string(syn.size() < 44 ? 44 - syn.size() : 1, ' ') << action_help(static_cast<uint32_t>(i))
         << done_at << "\n";
  }
  *out << "  wait [DURATION]                             go on until the next decision point (or for DURATION, e.g. 2h)\n"
       << "  status                                      what your staff see now\n"
       << "  quit                                        no more decisions: the run goes on to its end\n";
}

void ExerciseRun::State::show_status() const
{
  const double now = sg4::Engine::get_clock();
  const Cost c     = cost(*w, play);
  *out << "Agency " << sc->agencies[play].id << " at " << when(now) << ": " << answered << " answers fetched so far, "
       << c.wrong << " of them wrong";
  std::string by;
  for (size_t o = 0; o < OUTCOME_COUNT; ++o)
    if (wrong_by[o])
      by += (by.empty() ? "" : ", ") + std::string(to_string(static_cast<Outcome>(o))) + " " + std::to_string(wrong_by[o]);
  *out << (by.empty() ? "" : " (" + by + ")") << "; self-restraint (manual answer): " << (restrained ? "on" : "off") << "\n";
  for (const Cost::Recent& r : c.last)
    *out << "  query result: exchange " << r.exchange << " from " << sc->agencies[r.requester].id << ", answered "
         << when(r.answered_s) << ": wrong data\n";
  for (const Pending& p : pending)
    *out << "  planned: " << names[p.a.action] << " at " << (due(p) == NOT_YET ? std::string("(after the first notice)") : when(due(p)))
         << "\n";
}

void ExerciseRun::State::decide(const std::string& why)
{
  const double now = sg4::Engine::get_clock();
  *out << "\n=== " << when(now) << " - " << why << " ===\n";
  for (Notice& n : notices)
    if (!n.shown && n.t_s <= now) {
      n.shown = true;
      *out << "Notice (" << n.kind << ", " << when(n.t_s) << "): " << n.text << "\n";
    }
  show_status();
  show_menu();
  wake_at = NOT_YET;
  for (;;) {
    *out << "> " << std::flush;
    std::string line;
    if (!std::getline(*in, line)) {
      *out << "\n(end of input: no more decisions; the run goes on to its end)\n";
      quiet_end = true;
      break;
    }
    PromptCommand c;
    const std::string err = parse_prompt(line, names, sc->start_jst_s, c);
    if (!err.empty()) {
      *out << "? " << err << "\n";
      continue;
    }
    if (c.kind == PromptCommand::EMPTY)
      continue;
    if (c.kind == PromptCommand::HELP) {
      show_menu();
      continue;
    }
    if (c.kind == PromptCommand::STATUS) {
      show_status();
      continue;
    }
    if (c.kind == PromptCommand::QUIT) {
      quiet_end = true;
      break;
    }
    if (c.kind == PromptCommand::WAIT) {
      if (c.wait_s > 0)
        wake_at = now + c.wait_s;
      break;
    }
    Pending p{c.action, true};
    if (p.a.when.kind == When::NOW)
      p.a.when.s = now + p.a.when.s;
    if (p.a.when.kind == When::AFTER_NOTICE && first_notice == NOT_YET) { // no notice yet: from now
      p.a.when = When{When::AT, now + p.a.when.s};
    }
    const double t = due(p);
    if (t < now) {
      *out << "? that time has passed (it is " << when(now) << ")\n";
      continue;
    }
    if (t == now)
      perform(p);
    else {
      pending.push_back(p);
      *out << "planned: " << names[p.a.action] << " at " << when(t) << "\n";
    }
  }
  wall_anchor = std::chrono::steady_clock::now();
  sim_anchor  = sg4::Engine::get_clock();
}

void ExerciseRun::State::trainee()
{
  mtx = sg4::Mutex::create();
  cv  = sg4::ConditionVariable::create();
  if (interactive) {
    *out << "linksim exercise: you play " << sc->agencies[play].id
         << (sc->agencies[play].name.empty() ? "" : " (" + sc->agencies[play].name + ")") << ". The simulation runs from "
         << when(0) << " and stops when your staff get a notice.\n";
  }
  for (;;) {
    const double now = sg4::Engine::get_clock();
    // the played agency's incidents are detected when a complaint reaches its staff or its own
    // check finds them (what the automatic responder does for the other agencies)
    detect_due(*w, play, now);
    // perform what is due now, in the order it was planned
    bool acted = false;
    for (size_t i = 0; i < pending.size();) {
      if (due(pending[i]) <= now) {
        const Pending p = pending[i];
        pending.erase(pending.begin() + static_cast<long>(i));
        perform(p);
        acted = true;
        i     = 0;
      } else
        ++i;
    }
    if (interactive && !quiet_end) {
      if (unseen(now))
        decide("decision point: a notice to your staff");
      else if (wake_at <= now)
        decide("decision point: the time you waited for");
      else if (acted && pending.empty())
        decide("decision point: your planned actions are done");
    }
    if (!interactive && pending.empty())
      return; // nothing more to do: the run goes on without the trainee
    double next = std::min(wake_at, next_detection(*w, play));
    if (interactive && !quiet_end)
      next = std::min(next, next_notice(now));
    for (const Pending& p : pending)
      next = std::min(next, due(p));
    std::unique_lock<sg4::Mutex> lock(*mtx);
    if (!poked) {
      if (next == NOT_YET || next >= NEVER)
        cv->wait(lock);
      else if (next > now)
        cv->wait_until(lock, next);
    }
    poked = false;
  }
}

void ExerciseRun::State::pace_tick()
{
  if (pace <= 0)
    return;
  const double sim = sg4::Engine::get_clock() - sim_anchor;
  const auto target = wall_anchor + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        std::chrono::duration<double>(sim / pace));
  if (target > std::chrono::steady_clock::now())
    std::this_thread::sleep_until(target);
}

ExerciseRun::ExerciseRun(ExerciseOptions o) : opts_(std::move(o)), st_(std::make_unique<State>()) {}
ExerciseRun::~ExerciseRun() = default;

void ExerciseRun::loaded(Scenario& sc)
{
  if (!sc.exercise.configured)
    throw UsageError(sc.file + ": the scenario has no `exercise` section: nothing to score (see scenarios/README.md, "
                               "section exercise)");
  uint32_t play = sc.exercise.play;
  if (!opts_.play.empty()) {
    play = NONE;
    std::vector<std::string> ids;
    for (uint32_t a = 0; a < sc.agencies.size(); ++a) {
      if (sc.agencies[a].id == opts_.play)
        play = a;
      if (ids.size() < 12)
        ids.push_back(sc.agencies[a].id);
    }
    if (play == NONE)
      throw UsageError("--play: unknown agency \"" + opts_.play + "\" in " + sc.file + "; agencies: " + [&ids] {
        std::string s;
        for (const auto& i : ids)
          s += (s.empty() ? "" : ", ") + i;
        return s;
      }() + (sc.agencies.size() > ids.size() ? ", ..." : ""));
  }
  if (!provides_incident(sc, play))
    throw UsageError((opts_.play.empty() ? sc.file + ": /exercise/play" : std::string("--play")) + ": agency \"" +
                     sc.agencies[play].id + "\" provides no incident of the scenario (a replica_misregistration timeline "
                     "event): the trainee's actions would have nothing to answer for");
  set_played(sc, play);
  st_->sc          = &sc;
  st_->play        = play;
  st_->interactive = opts_.actions_file.empty();
  st_->in          = opts_.in ? opts_.in : &std::cin;
  st_->out         = opts_.out ? opts_.out : &std::cout;
  st_->pace        = opts_.pace;
  if (!st_->interactive) {
    std::ifstream f(opts_.actions_file);
    if (!f)
      throw UsageError("cannot read the actions file " + opts_.actions_file);
    const auto planned = parse_actions_file(f, opts_.actions_file, st_->names, sc.start_jst_s);
    std::string bad;
    for (const PlannedAction& a : planned) {
      if (a.when.kind == When::AT && (a.when.s < 0 || a.when.s > sc.duration_s))
        bad += (bad.empty() ? "" : "\nerror: ") + opts_.actions_file + ":" + std::to_string(a.line) + ": " +
               Calendar(sc.start_jst_s, 0, 86400, 0, {}).format(a.when.s) + " is outside the run's window (" +
               Calendar(sc.start_jst_s, 0, 86400, 0, {}).format(0) + " to " +
               Calendar(sc.start_jst_s, 0, 86400, 0, {}).format(sc.duration_s) + ")";
      st_->pending.push_back({a, false});
    }
    if (!bad.empty())
      throw UsageError(bad);
  }
}

void ExerciseRun::launched(World& w, Context& ctx)
{
  State* st = st_.get();
  st->w     = &w;
  st->notice_subscription = on_staff_notice(
      w.recorder(), [st](uint32_t a, double t, const std::string& k, const std::string& x) { st->on_notice(a, t, k, x); });
  w.recorder().subscribe<FaultBegan>(st);
  w.recorder().subscribe<ExchangeDone>(st);
  st->wall_anchor = std::chrono::steady_clock::now();
  if (st->pace > 0)
    sg4::Engine::on_time_advance_cb([st](double) { st->pace_tick(); });
  sg4::ActorPtr a = sg4::Actor::create("trainee-" + w.scenario().agencies[st->play].id,
                                       ctx.platform.agency_host(st->play), [st]() { st->trainee(); });
  a->daemonize(); // the run ends when the workload ends, whatever the trainee still plans
}

int ExerciseRun::finished(ojson& result, int /*code*/)
{
  const State& st           = *st_;
  const Scenario& sc        = *st.sc;
  const ExerciseSpec& spec  = sc.exercise;
  const Calendar& cal       = st.w->calendar();
  auto when = [&](double t) { return t == NOT_YET ? ojson(nullptr) : ojson(cal.format(t)); };

  // each expectation's window, from its inject and the first notice after it
  std::vector<ExpectationTimes> times;
  std::vector<double> anchors;
  for (const ExerciseExpectation& x : spec.expectations) {
    double notice = NOT_YET; // the first notice telling of an inject at or after this one
    for (const auto& n : st.notices)
      if (n.news && n.t_s >= x.inject_s)
        notice = std::min(notice, n.t_s);
    const double anchor = x.from == ExerciseAnchor::INJECT || notice == NOT_YET ? x.inject_s : notice;
    anchors.push_back(anchor);
    ExpectationTimes e;
    e.action   = x.action;
    e.level    = x.level;
    e.category = x.category;
    e.start_s  = x.inject_s;
    e.due_s    = x.absolute ? x.by_s : due_after(cal, anchor, IsoDuration{x.within_days, x.within_s}, x.business_time);
    e.points   = x.points;
    times.push_back(e);
  }
  std::vector<TakenAction> taken;
  for (const auto& d : st.done)
    taken.push_back(d.taken);
  const Score s = score(times, taken, spec.late_credit);

  ojson ex;
  ex["play"]        = sc.agencies[st.play].id;
  ex["mode"]        = st.interactive ? "interactive" : "actions_file";
  ex["score_pct"]   = std::round(s.pct * 100.0) / 100.0;
  ex["earned"]      = s.earned;
  ex["points"]      = s.points;
  ex["late_credit"] = spec.late_credit;
  ojson counts      = {{"on_time", 0}, {"late", 0}, {"missing", 0}};
  ojson exp         = ojson::array();
  std::vector<std::string> met_by(taken.size());
  for (size_t i = 0; i < spec.expectations.size(); ++i) {
    const ExerciseExpectation& x = spec.expectations[i];
    const ExpectationScore& es   = s.expectations[i];
    counts[to_string(es.verdict)] = counts[to_string(es.verdict)].get<int>() + 1;
    ojson o;
    o["id"]     = x.id;
    o["inject"] = x.inject;
    o["action"] = st.names[x.action];
    if (x.level)
      o["level"] = x.level;
    if (x.category)
      o["category"] = x.category < 10 ? "0" + std::to_string(x.category) : std::to_string(x.category);
    o["inject_at"] = cal.format(x.inject_s);
    o["inject_t_s"] = x.inject_s;
    if (x.absolute)
      o["deadline"] = "by " + cal.format(x.by_s);
    else
      o["deadline"] = "within " + (x.business_time ? span_business(x.within_days, x.within_s) : span(x.within_days * 86400.0 + x.within_s)) + " after the " + EXERCISE_ANCHORS.name(x.from) + " (" + cal.format(anchors[i]) + ")";
    o["due"]     = cal.format(times[i].due_s);
    o["done_at"] = es.taken >= 0 ? ojson(cal.format(taken[static_cast<size_t>(es.taken)].t_s)) : ojson(nullptr);
    o["late_s"]  = es.taken >= 0 && es.verdict == Verdict::LATE ? ojson(taken[static_cast<size_t>(es.taken)].t_s - times[i].due_s)
                                                                : ojson(nullptr);
    o["verdict"] = to_string(es.verdict);
    o["points"]  = x.points;
    o["earned"]  = es.earned;
    if (es.taken >= 0)
      met_by[static_cast<size_t>(es.taken)] = x.id;
    exp.push_back(o);
  }
  ex["verdicts"]     = counts;
  ex["expectations"] = exp;
  ojson acts         = ojson::array();
  for (size_t i = 0; i < st.done.size(); ++i) {
    const auto& d = st.done[i];
    ojson o;
    o["at"]     = cal.format(d.taken.t_s);
    o["t_s"]    = d.taken.t_s;
    o["action"] = st.names[d.taken.action];
    if (!args_text(d.taken.args).empty())
      o["args"] = args_text(d.taken.args);
    o["accepted"] = d.taken.accepted;
    if (!d.taken.accepted)
      o["reason"] = d.taken.reason;
    o["expectation"] = met_by[i].empty() ? ojson(nullptr) : ojson(met_by[i]);
    o["as_written"]  = d.text;
    if (d.line)
      o["line"] = d.line;
    acts.push_back(o);
  }
  ex["actions"]    = acts;
  ex["unexpected"] = s.unexpected.size();
  ex["refused"]    = s.refused.size();
  ojson not_done   = ojson::array();
  for (const auto& p : st.pending)
    not_done.push_back({{"action", st.names[p.a.action]}, {"as_written", p.a.text}});
  ex["not_done"] = not_done; // planned for after the run's end (or after a notice that never came)
  ojson notices  = ojson::array();
  std::vector<const State::Notice*> told;
  for (const auto& n : st.notices)
    told.push_back(&n);
  std::stable_sort(told.begin(), told.end(), [](const State::Notice* a, const State::Notice* b) { return a->t_s < b->t_s; });
  for (const State::Notice* n : told)
    if (n->t_s <= sg4::Engine::get_clock()) // the run's end: later complaints were never seen
      notices.push_back({{"at", cal.format(n->t_s)}, {"t_s", n->t_s}, {"kind", n->kind}, {"text", n->text}});
  ex["notices"] = notices;
  // what it cost: the played agency's wrong provisions, before and after it contained the incident
  const Cost c = exercise::cost(*st.w, st.play);
  ojson cost;
  cost["answers"]                   = st.answered;
  cost["wrong_provisions"]          = c.wrong;
  cost["before_containment"]        = c.before;
  cost["after_containment"]         = c.after;
  cost["contained_at"]              = when(c.contained_s >= NEVER ? NOT_YET : c.contained_s);
  cost["detected_at"]               = when(c.detected_s >= NEVER ? NOT_YET : c.detected_s);
  cost["first_notice_at"]           = when(st.first_notice);
  cost["notice_to_containment_min"] = c.contained_s < NEVER && st.first_notice != NOT_YET
                                          ? ojson(std::round((c.contained_s - st.first_notice) / 60.0 * 100) / 100)
                                          : ojson(nullptr);
  ojson by = ojson::object();
  for (size_t o = 0; o < OUTCOME_COUNT; ++o)
    if (st.wrong_by[o])
      by[to_string(static_cast<Outcome>(o))] = st.wrong_by[o];
  cost["by_outcome"] = by;
  // per clock hour (JST) that had any: when the played agency's server gave the wrong answers
  std::map<int64_t, uint64_t> hours;
  for (double t : c.answered_s)
    ++hours[static_cast<int64_t>(std::floor((static_cast<double>(sc.start_jst_s) + t) / 3600.0))];
  ojson per_hour = ojson::array();
  for (const auto& [h, n] : hours) {
    const double t0 = static_cast<double>(h * 3600 - sc.start_jst_s);
    per_hour.push_back({{"hour", cal.format(t0)}, {"t_s", t0}, {"wrong", n}});
  }
  cost["wrong_by_hour"] = per_hour;
  ex["cost"]         = cost;
  result["exercise"] = ex;
  st_->section       = ex;
  // 0: every expectation met on time; 1: any late or missing
  return s.earned == s.points ? EXIT_PASS : EXIT_CORRECTNESS;
}

void ExerciseRun::write_files(const std::string& dir, const ojson& result)
{
  ojson e;
  e["scenario"] = result["run"]["scenario"];
  e["seed"]     = result["run"]["seed"];
  e["run_id"]   = result["run"]["run_id"];
  e["exercise"] = result["exercise"];
  write_file_atomic(dir, "exercise.json", e.dump(2) + "\n");
  write_file_atomic(dir, "after-action.html", after_action_html(result));
}

void ExerciseRun::summary(const std::string& dir)
{
  const ojson& ex = st_->section;
  std::printf("\nexercise: %s played; score %.2f %% (%g of %g points): %d on time, %d late, %d missing; %zu actions (%zu not "
              "expected, %zu refused)\n",
              ex["play"].get<std::string>().c_str(), ex["score_pct"].get<double>(), ex["earned"].get<double>(),
              ex["points"].get<double>(), ex["verdicts"]["on_time"].get<int>(), ex["verdicts"]["late"].get<int>(),
              ex["verdicts"]["missing"].get<int>(), ex["actions"].size(), ex["unexpected"].get<size_t>(),
              ex["refused"].get<size_t>());
  const ojson& c = ex["cost"];
  std::printf("cost: %llu wrong provisions (%llu before containment, %llu after); contained at %s\n",
              static_cast<unsigned long long>(c["wrong_provisions"].get<uint64_t>()),
              static_cast<unsigned long long>(c["before_containment"].get<uint64_t>()),
              static_cast<unsigned long long>(c["after_containment"].get<uint64_t>()),
              c["contained_at"].is_null() ? "never" : c["contained_at"].get<std::string>().c_str());
  std::printf("after-action report: %s/after-action.html\n", dir.c_str());
  std::printf("exit %d: %s\n", ex["earned"] == ex["points"] ? 0 : 1,
              ex["earned"] == ex["points"] ? "the exercise scored 100 %" : "the exercise scored below 100 %");
}

} // namespace linksim
