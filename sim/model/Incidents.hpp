// The incident model: the state of each injected incident and of its response, reachable from the
// World (`World::incidents()`). Engine-free: the responder actor (agents/response) and the
// exercise driver call `act`, the provider's server asks `misregistered` when it answers from its
// replicas, and the ledger's ExchangeDone events tell it every wrong provision (it subscribes).
//
//   IncidentModel& m = world.incidents();
//   ActionResult r = m.act(0, provider, ResponseAction::SELF_RESTRAINT_ON, ActionArg{}, now);
//   if (!r.accepted) ... r.reason ...               // e.g. the agency's VPN is down
//
// An incident is, in this branch, a `replica_misregistration` timeline event (issue 9 case 1),
// numbered 0, 1, ... in timeline order. Sparse state: which persons are affected is a hash of
// (seed, incident, person) against share = persons / the provider's population, never a per-person
// table; only wrong provisions (exchanges) are stored.
//
// Decided semantics (documented in scenarios/README.md):
// - From `at` the provider's automatic answers for an affected person and one of the incident's
//   items are wrong until a nightly registration batch extracted after `fix_replicas` has been
//   registered (the fix is re-registration, not an instant repair).
// - Under self-restraint requests are held for the provider's staff, who answer by hand from the
//   existing system: a manual answer is never wrong.
// - Wrong provisions are counted when the requester fetches them; "after containment" means fetched
//   after self-restraint went on (they were answered before it: held or in flight).
#pragma once

#include "sim/model/Calendar.hpp"
#include "sim/model/Rng.hpp"
#include "sim/scenario/Incidents.hpp"
#include "sim/scenario/Scenario.hpp"
#include "sim/trace/Events.hpp"
#include "sim/trace/Recorder.hpp"

#include <functional>
#include <string>
#include <vector>

namespace linksim {

class World;

/// One wrong provision of an incident, with its record annotation (記録の追記) by the three parties.
struct WrongProvision {
  uint64_t exchange  = 0;
  uint32_t requester = 0;
  double answered_s  = 0; ///< when the provider's server answered (PV_RESP_IN)
  double fetched_s   = 0; ///< when the requester fetched it
  double provider_annotated_s  = NEVER; ///< the provider's annotation (annotate action)
  double requester_annotated_s = NEVER; ///< the requester's part
  double hub_annotated_s       = NEVER; ///< the hub's (operator's) part
  /// Completed by all three parties (at the latest of the three times).
  double completed_s() const
  {
    double t = provider_annotated_s;
    t = requester_annotated_s > t ? requester_annotated_s : t;
    return hub_annotated_s > t ? hub_annotated_s : t;
  }
};

/// One action taken (or refused), with its deadline if the rules give one.
struct ActionTaken {
  ResponseAction action;
  double t_s        = 0;
  bool accepted     = false;
  std::string reason;
  double deadline_s = NEVER; ///< NEVER: no deadline
  ActionArg arg;
};

/// One incident and its response state.
struct Incident {
  std::string id;                 ///< the timeline event's id
  uint32_t event    = 0;          ///< index into Scenario::timeline
  uint32_t provider = 0;
  std::vector<uint32_t> items;    ///< layout indices affected
  uint64_t persons  = 0;          ///< persons affected (the count the level is judged on)
  double share      = 0;          ///< persons / the provider's population (the hash threshold)
  MisregistrationMode mode = MisregistrationMode::WRONG_VALUE;
  double at_s       = 0;          ///< the inject takes effect
  // detection
  double detected_s      = NEVER; ///< the provider knows (first complaint, or its own check)
  std::string detected_by;        ///< "requester" or "own_check"
  double complaint_s     = NEVER; ///< earliest complaint to reach the provider so far
  // response
  int level              = 0;     ///< judged level (0: not judged yet)
  bool restrained        = false; ///< self-restraint on now
  double restrained_s    = NEVER; ///< first time self-restraint went on (containment)
  double lifted_s        = NEVER;
  double fix_s           = NEVER; ///< fix_replicas accepted: batches extracted after it are right
  double reregistered_s  = NEVER; ///< the first batch after the fix registered (the fix took effect)
  bool phoned = false, reported_initial = false, reported_interim = false, reported_final = false, posted = false;
  std::vector<WrongProvision> wrong;
  std::vector<ActionTaken> actions;
};

class IncidentModel : Subscriber<ExchangeDone> {
public:
  IncidentModel() = default;
  IncidentModel(World& w, Recorder& rec);

  size_t size() const { return incidents_.size(); }
  const Incident& incident(uint32_t i) const { return incidents_[i]; }
  const std::vector<Incident>& all() const { return incidents_; }
  /// Some incident exists (skip everything on the hot path otherwise).
  bool any() const { return !incidents_.empty(); }

  /// Applies a response action of `agency` for `incident` at time t (the current clock): returns
  /// accepted, or refused with a reason; emits ResponseActionTaken (and StaffNotice where staff
  /// would see something). Only the incident's provider may act on it.
  ActionResult act(uint32_t incident, uint32_t agency, ResponseAction a, const ActionArg& arg, double t);

  /// The provider's automatic answer for (subject, item) at `now`, from replicas extracted at
  /// `extraction`, is wrong: returns the incident index, or NONE.
  uint32_t misregistered(uint32_t provider, uint64_t subject, uint32_t item, double now, double extraction) const
  {
    if (!affects_[provider])
      return NONE;
    return find_misregistered(provider, subject, item, now, extraction);
  }
  /// Applies the incident's mode to a record (wrong_value: nothing to change in the record itself,
  /// the hidden truth says it; blank_reason: items that carry a ReasonOfNull become blank).
  void corrupt(uint32_t incident, Record& r) const;
  /// A person is among the incident's affected persons (the hash rule).
  bool affected(uint32_t incident, uint64_t subject) const;

  /// Self-restraint set by a response action holds this provider's item now.
  bool restrained(uint32_t provider, uint32_t item) const
  {
    return restrained_any_[provider] && restrained_item(provider, item);
  }
  /// A registration batch extracted at `extraction` reached the provider's server at t (the fix
  /// takes effect with the first one extracted after it).
  void registered(uint32_t provider, double extraction, double t);

  /// Earliest time the provider of an incident learns of it (NEVER: not yet known to come).
  double detection_due(uint32_t incident) const;
  /// Marks the incident detected at t (the responder, or the exercise driver, at detection_due).
  void detect(uint32_t incident, double t);
  /// The level the incident-level table gives for the incident's persons.
  int table_level(uint32_t incident) const;
  /// Deadline of an action for an incident (NEVER: none, or not detected yet).
  double deadline(uint32_t incident, ResponseAction a) const;
  /// Called when something a responder waits for changed: a detection time moved earlier, or a
  /// fix was re-registered.
  std::function<void()> on_progress;

  void on(const ExchangeDone& e) override;

private:
  uint32_t find_misregistered(uint32_t provider, uint64_t subject, uint32_t item, double now, double extraction) const;
  bool restrained_item(uint32_t provider, uint32_t item) const;
  void notice(uint32_t agency, double t, const char* kind, std::string text);

  World* w_      = nullptr;
  Recorder* rec_ = nullptr;
  std::vector<Incident> incidents_;
  std::vector<uint8_t> affects_;        ///< per agency: some incident names it as provider
  std::vector<uint8_t> restrained_any_; ///< per agency: some incident holds it under self-restraint
  std::vector<Rng> rng_;                ///< per incident: complaint delays
};

/// Level from a table (ascending above_persons): the level of the last row whose threshold the
/// persons exceed; 1 if none.
int level_for(const std::vector<LevelRow>& table, uint64_t persons);

} // namespace linksim
