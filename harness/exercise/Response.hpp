// The exercise's binding to the response model (sim/scenario/Incidents.hpp, World::incidents()):
// the one file that knows its names, so that the exercise's parser, scoring, driver and report
// speak only of action indices, injects and notices.
//
//   auto names = exercise::action_names();                  // "judge_level", "self_restraint_on", ...
//   auto r = exercise::act(world, agency, action, args, t); // applies it to the network: accepted, reason
#pragma once

#include "harness/exercise/Actions.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace linksim {
class World;
struct Scenario;
struct TimelineEvent;
class Recorder;
} // namespace linksim

namespace linksim::exercise {

/// The response's actions (RESPONSE_ACTIONS), in table order: an action is an index into this list.
const std::vector<std::string>& action_names();
/// One line of help on an action (from the response's table).
const char* action_help(uint32_t action);
/// The index of self_restraint_on / self_restraint_off (containment starts / ends).
uint32_t self_restraint_on();
uint32_t self_restraint_off();

/// The timeline event is an incident of the response model (a replica misregistration).
bool is_incident(const TimelineEvent& e);
/// The played agency is the provider of some incident of the scenario (else it has nothing to act on).
bool provides_incident(const Scenario& sc, uint32_t agency);
/// Leaves `agency` out of the automatic response (the trainee plays it).
void set_played(Scenario& sc, uint32_t agency);

struct ActResult {
  bool accepted = false;
  std::string reason; ///< why it was refused
};
/// Applies the played agency's action at time t (the current simulated time) to its incident: the
/// latest of its incidents that has begun by t (else its first). The response model decides.
ActResult act(World& w, uint32_t agency, uint32_t action, const ActionArgs& args, double t);

/// Detection of the played agency's incidents (which the automatic responder does for the others):
/// the earliest time one of them is due to be detected and not yet (NEVER: none known), and
/// marking those due by t detected.
double next_detection(const World& w, uint32_t agency);
void detect_due(World& w, uint32_t agency, double t);

/// The played agency's incidents' wrong provisions (counted by the response model): all, before
/// containment (fetched before self-restraint went on), and the time it went on (NEVER: never).
struct Cost {
  uint64_t wrong = 0, before = 0, after = 0;
  double contained_s = 0;
  double detected_s  = 0;
  std::vector<double> answered_s; ///< when each wrong provision was answered by the provider
  struct Recent {
    uint64_t exchange;
    uint32_t requester;
    double answered_s;
  };
  std::vector<Recent> last; ///< the last three
};
Cost cost(const World& w, uint32_t agency);

/// What the agency's staff are told: calls `f(agency, t_s, kind, text)` for every notice (t_s may
/// lie ahead: a complaint is told when its cause happens, for the time the staff will see it).
/// The subscription lives as long as the returned handle (keep it for the run).
std::shared_ptr<void> on_staff_notice(Recorder& r,
                                      std::function<void(uint32_t, double, const std::string&, const std::string&)> f);

} // namespace linksim::exercise
