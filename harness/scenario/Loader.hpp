// Scenario loader: JSON file → validated, typed Scenario (sim/Scenario.hpp).
//
// Every problem is reported (file, JSON pointer, what was expected) before anything runs; unknown
// keys are errors; references must resolve. The format is documented in scenarios/README.md and
// described by scenarios/schema/scenario.schema.json.
//
//   Scenario sc = load_scenario("scenarios/quickstart.json");   // throws ScenarioError
#pragma once

#include "sim/scenario/Scenario.hpp"

#include <string>

namespace linksim {

/// Reads and validates a scenario file. Throws ScenarioError with every problem found.
Scenario load_scenario(const std::string& path);
/// Same, from text (the file name is used in messages).
Scenario parse_scenario(const std::string& text, const std::string& file);

} // namespace linksim
