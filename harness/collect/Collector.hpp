// A collector turns typed trace events (sim/trace/Events.hpp) into one part of the results: a
// section of result.json, exchanges.csv, or the report's data. It subscribes to what it needs
// when it is made and never changes the model (design.md §8).
#pragma once

#include "sim/model/World.hpp"

#include <nlohmann/json.hpp>

namespace linksim {

using ojson = nlohmann::ordered_json;

/// Facts about the run that are not events (set by the runner once the engine has stopped).
struct RunEnd {
  double end_s = 0; ///< simulated time at which the run ended
};

class Collector {
public:
  virtual ~Collector() = default;
  /// Adds its section(s) to result.json.
  virtual void write(ojson& result, const RunEnd& end) const = 0;
};

} // namespace linksim
