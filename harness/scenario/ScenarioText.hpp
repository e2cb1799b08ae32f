// A scenario file as text: reading it, parsing its JSON strictly, and naming it.
//
//   std::string text, why;
//   if (!read_file(path, text, why)) ...                  // a regular file of at most 64 MiB
//   std::optional<json> doc = parse_json(text, path, issues); // nullopt: the errors are in `issues`
#pragma once

#include "harness/scenario/JsonReader.hpp"

#include <optional>
#include <string>

namespace linksim {

/// Parses the text of `file`; nullopt (and errors in `file`) if it is not JSON, repeats a key
/// ("duplicate key", at the key's pointer) or nests more than 64 levels.
std::optional<json> parse_json(const std::string& text, const std::string& file, Issues& issues);

/// Reads a regular file of at most 64 MiB; on failure returns false and says why in `why`.
bool read_file(const std::string& path, std::string& text, std::string& why);

/// `path` without "." components, repeated slashes and "dir/.." pairs ("a/./b/../c.json" → "a/c.json"),
/// as far as that can be said from the text alone (a leading ".." stays).
std::string normal_path(const std::string& path);

} // namespace linksim
