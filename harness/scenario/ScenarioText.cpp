// Reading a scenario file's text: the file itself, and its JSON with repeated keys and deep nesting
// refused (which bounds every recursion over a document: Extends.cpp, the readers).
#include "harness/scenario/ScenarioText.hpp"

#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <sys/stat.h>

namespace linksim {

namespace {

constexpr size_t MAX_FILE_BYTES = 64u << 20; // a scenario is a description, not a data dump
constexpr size_t MAX_NESTING    = 64;        // a scenario nests fewer than 10 levels

/// JSON pointer of where the parser is, kept by a parse callback to report duplicate keys.
struct KeyTracker {
  struct Frame {
    bool object = false;
    std::set<std::string> keys;
    std::string key;
    size_t index = 0;
  };
  std::vector<Frame> stack;
  std::vector<std::string> duplicates; ///< pointers of duplicated keys
  std::optional<std::string> too_deep; ///< pointer of the first object or array nested beyond MAX_NESTING

  /// Pointer of the value being parsed in the outermost `frames` containers.
  std::string pointer(size_t frames) const
  {
    std::string p;
    for (size_t i = 0; i < frames; ++i)
      p += "/" + (stack[i].object ? pointer_escape(stack[i].key) : std::to_string(stack[i].index));
    return p;
  }
  void container_start(bool object)
  {
    if (stack.size() >= MAX_NESTING && !too_deep)
      too_deep = pointer(stack.size());
    stack.push_back(Frame{object, {}, "", 0});
  }
  void element_done()
  {
    if (!stack.empty() && !stack.back().object)
      ++stack.back().index;
  }
  bool operator()(int, json::parse_event_t event, json& parsed)
  {
    switch (event) {
      case json::parse_event_t::object_start:
        container_start(true);
        break;
      case json::parse_event_t::array_start:
        container_start(false);
        break;
      case json::parse_event_t::key: {
        Frame& f = stack.back();
        f.key    = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second)
          duplicates.push_back(pointer(stack.size()));
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!stack.empty())
          stack.pop_back();
        element_done();
        break;
      case json::parse_event_t::value:
        element_done();
        break;
    }
    return true;
  }
};

} // namespace

std::optional<json> parse_json(const std::string& text, const std::string& file, Issues& issues)
{
  try {
    KeyTracker keys;
    json doc = json::parse(text, [&keys](int depth, json::parse_event_t e, json& j) { return keys(depth, e, j); });
    if (keys.too_deep) {
      issues.error_in(file, *keys.too_deep,
                      "nested more than " + std::to_string(MAX_NESTING) + " levels deep (a scenario needs fewer than 10)");
      return std::nullopt;
    }
    for (const std::string& p : keys.duplicates)
      issues.error_in(file, p, "duplicate key (JSON keeps only the last one: remove one of them)");
    if (!keys.duplicates.empty())
      return std::nullopt;
    return doc;
  } catch (const json::parse_error& e) {
    // Line and column from the byte offset.
    size_t line = 1, col = 1;
    for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else
        ++col;
    }
    std::string what = e.what();
    if (auto pos = what.find("parse error"); pos != std::string::npos)
      what = what.substr(pos);
    if (auto pos = what.find(": syntax error"); pos != std::string::npos)
      what = what.substr(pos + 2); // drop nlohmann's own "parse error at line L, column C"
    issues.error_in(file, "", "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(col) + ": " + what);
  } catch (const json::exception& e) { // e.g. a number too large for a double
    std::string what = e.what();
    if (auto pos = what.find("] "); pos != std::string::npos)
      what = what.substr(pos + 2);
    issues.error_in(file, "", "invalid JSON: " + what);
  }
  return std::nullopt;
}

std::string normal_path(const std::string& path)
{
  const bool absolute = !path.empty() && path[0] == '/';
  std::vector<std::string> parts;
  size_t at = 0;
  while (at <= path.size()) {
    size_t end = path.find('/', at);
    if (end == std::string::npos)
      end = path.size();
    const std::string part = path.substr(at, end - at);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..")
        parts.pop_back();
      else if (!absolute) // "/.." is "/"
        parts.push_back(part);
    } else if (!part.empty() && part != ".")
      parts.push_back(part);
    at = end + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i)
    out += (i ? "/" : "") + parts[i];
  return out.empty() ? "." : out;
}

bool read_file(const std::string& path, std::string& text, std::string& why)
{
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    why = "cannot read the file (does it exist? is it readable?)";
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    why = "not a regular file (a scenario is a JSON file)";
    return false;
  }
  if (static_cast<size_t>(st.st_size) > MAX_FILE_BYTES) {
    why = "file too large (" + std::to_string(st.st_size) + " bytes; at most " + std::to_string(MAX_FILE_BYTES) + ")";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = "cannot read the file (is it readable?)";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  text = ss.str();
  return true;
}

} // namespace linksim
