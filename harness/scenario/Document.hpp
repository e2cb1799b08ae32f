// A scenario file as one JSON document: read, parsed (duplicate keys are errors) and with
// `extends` resolved.
#pragma once

#include "harness/scenario/JsonReader.hpp"

#include <optional>
#include <string>

namespace linksim {

struct ScenarioDocument {
  json doc;           ///< the merged document, without "extends"
  std::string hashed; ///< what the scenario's SHA-256 is taken of (the bases' texts, then the file's)
};

/// Parses `text` (the file `file`) and resolves its `extends`; problems go to `issues`.
std::optional<ScenarioDocument> read_scenario_document(const std::string& text, const std::string& file, Issues& issues);
/// Reads a regular file of at most 64 MiB; false (and why) if it cannot.
bool read_scenario_file(const std::string& path, std::string& text, std::string& why);

} // namespace linksim
