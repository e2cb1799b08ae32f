// Starts every actor of a scenario on its host, and the closer that ends the run.
//
// All agents are daemons; the closer is the only ordinary actor: it sleeps until the end of the
// workload window, then waits until every exchange has finished or is held for a manual answer
// (or the drain limit passes). When it returns, SimGrid ends the simulation.
#pragma once

#include "agents/core/Context.hpp"
#include "agents/hub/Hub.hpp"

namespace linksim {

struct LaunchCounts {
  size_t actors = 0;
};

LaunchCounts launch_agents(Context ctx, HubState& hub);

} // namespace linksim
