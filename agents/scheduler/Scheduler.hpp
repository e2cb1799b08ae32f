// The scheduler actor: applies the model's dated changes (the scenario's timeline and the dates
// of its permission rows) at their times, and tells the recorder what it applied.
//
// Until it moves them, every table the agents read "now" (the hub's master, manual-answer modes)
// stays as it was: the change happens in the run at its time, as an operator's or an agency's
// action would. It is a daemon (it never keeps a run alive) and is not started when a scenario
// has nothing dated, so a scenario without a timeline costs nothing.
#pragma once

#include "agents/core/Context.hpp"

namespace linksim {

class Scheduler {
public:
  explicit Scheduler(Context ctx) : ctx_(ctx) {}
  void operator()();

private:
  Context ctx_;
};

} // namespace linksim
