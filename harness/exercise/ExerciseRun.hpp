// A training exercise run (`linksim exercise SCENARIO --play AGENCY`): the run's additions to
// run_scenario (RunHooks). The trainee's agency is left out of the automatic response
// (Scenario::exercise_play); its actions come from an actions file or from the trainee at the
// prompt, and are applied to the network by the response model (World::incidents().act), so their
// effect on the run is the simulation's own. At the end, the actions are scored against the
// scenario's expectations (section `exercise`) and the run writes result.json /exercise,
// exercise.json and after-action.html.
//
// Decision points (interactive mode): a notice to the played agency's staff (StaffNotice), a
// fault on its line (FaultBegan naming it), the end of a `wait DURATION`, and the result of an
// action scheduled for later. SimGrid runs one actor at a time: while the trainee actor reads
// the terminal, the whole simulation waits.
#pragma once

#include "harness/exercise/Actions.hpp"
#include "harness/run/Runner.hpp"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace linksim {

struct ExerciseOptions {
  std::string play;           ///< the agency played (empty: the scenario's `exercise.play`)
  std::string actions_file;   ///< non-interactive: the actions file (empty: interactive)
  double pace = 0;            ///< > 0: simulated seconds per wall-clock second between decision points
  std::istream* in   = nullptr; ///< interactive: where the trainee types (std::cin)
  std::ostream* out  = nullptr; ///< interactive: where the decision points are shown (std::cout)
};

class ExerciseRun : public RunHooks {
public:
  explicit ExerciseRun(ExerciseOptions o);
  ~ExerciseRun() override;
  void loaded(Scenario& sc) override;
  void launched(World& w, Context& ctx) override;
  int finished(nlohmann::ordered_json& result, int code) override;
  void write_files(const std::string& dir, const nlohmann::ordered_json& result) override;
  void summary(const std::string& dir) override;

  struct State; ///< what the run keeps (ExerciseRun.cpp)

private:
  ExerciseOptions opts_;
  std::unique_ptr<State> st_;
};

/// after-action.html: the after-action report of an exercise (HSEEP style) from result.json's
/// /exercise and /run sections: the timeline of injects, notices and actions, the score per
/// expectation, what it cost (wrong provisions before and after containment), improvement points.
std::string after_action_html(const nlohmann::ordered_json& result);

} // namespace linksim
