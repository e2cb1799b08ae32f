// Reading a scenario file into one JSON document: regular files of bounded size, JSON with
// duplicate keys reported, and `extends` resolved (a JSON merge patch over the base).
#include "harness/scenario/Document.hpp"

#include "harness/scenario/Sha256.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <sys/stat.h>

namespace linksim {

namespace {

constexpr size_t MAX_FILE_BYTES = 64u << 20; // a scenario is a description, not a data dump

/// Reads a regular file of at most MAX_FILE_BYTES; on failure returns false and says why.
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

  std::string pointer() const
  {
    std::string p;
    for (const Frame& f : stack)
      p += "/" + (f.object ? pointer_escape(f.key) : std::to_string(f.index));
    return p;
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
        stack.push_back(Frame{true, {}, "", 0});
        break;
      case json::parse_event_t::array_start:
        stack.push_back(Frame{false, {}, "", 0});
        break;
      case json::parse_event_t::key: {
        Frame& f = stack.back();
        f.key    = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second)
          duplicates.push_back(pointer());
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

/// Parses text into doc; false (and an error) if it is not JSON.
static bool parse_json(const std::string& text, json& doc, const std::string& file, Issues& issues)
{
  try {
    KeyTracker keys;
    doc = json::parse(text, [&keys](int depth, json::parse_event_t e, json& j) { return keys(depth, e, j); });
    for (const std::string& p : keys.duplicates) {
      if (file == issues.file())
        issues.error(p, "duplicate key (JSON keeps only the last one: remove one of them)");
      else
        issues.error("/extends", "in the base scenario " + file + ": " + p + ": duplicate key");
    }
    return keys.duplicates.empty();
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
    Issues other(file);
    (file == issues.file() ? issues : other)
        .error("", "invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(col) + ": " + what);
    if (file != issues.file())
      for (const auto& m : other.list())
        issues.error("/extends", "in the base scenario: " + m);
    return false;
  } catch (const json::exception& e) { // e.g. a number too large for a double
    std::string what = e.what();
    if (auto pos = what.find("] "); pos != std::string::npos)
      what = what.substr(pos + 2);
    issues.error(file == issues.file() ? "" : "/extends",
                 std::string(file == issues.file() ? "" : "in the base scenario: ") + "invalid JSON: " + what);
    return false;
  }
}

/// Resolves "extends" (a base scenario, path relative to this file): the base, with this file
/// applied as a JSON merge patch (RFC 7386: objects merge key by key, arrays and values replace,
/// null deletes). Bases may extend bases (at most 8 deep).
static bool resolve_extends(json& doc, const std::string& file, std::string& hashed, int depth, Issues& issues)
{
  if (!doc.is_object() || !doc.contains("extends"))
    return true;
  const json ext = doc["extends"];
  doc.erase("extends");
  if (!ext.is_string()) {
    issues.error("/extends", "expected the path of a base scenario (string), found " + type_name(ext));
    return false;
  }
  if (depth >= 8) {
    issues.error("/extends", "more than 8 levels of \"extends\" (a cycle?)");
    return false;
  }
  const std::string dir  = file.find('/') == std::string::npos ? "" : file.substr(0, file.rfind('/') + 1);
  const std::string path = ext.get<std::string>().rfind('/', 0) == 0 ? ext.get<std::string>() : dir + ext.get<std::string>();
  std::string text, why;
  if (!read_file(path, text, why)) {
    issues.error("/extends", "base scenario \"" + path + "\": " + why);
    return false;
  }
  json base;
  if (!parse_json(text, base, path, issues))
    return false;
  if (!resolve_extends(base, path, hashed, depth + 1, issues))
    return false;
  hashed += text;
  base.merge_patch(doc);
  doc = std::move(base);
  return true;
}


std::optional<ScenarioDocument> read_scenario_document(const std::string& text, const std::string& file, Issues& issues)
{
  ScenarioDocument d;
  if (!parse_json(text, d.doc, file, issues))
    return std::nullopt;
  if (!resolve_extends(d.doc, file, d.hashed, 0, issues))
    return std::nullopt;
  d.hashed += text;
  return d;
}

bool read_scenario_file(const std::string& path, std::string& text, std::string& why) { return read_file(path, text, why); }

} // namespace linksim
