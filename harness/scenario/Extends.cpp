#include "harness/scenario/Extends.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <sys/stat.h>

namespace linksim {

namespace {

constexpr size_t MAX_FILE_BYTES = 64u << 20; // a scenario is a description, not a data dump
constexpr int MAX_EXTENDS_DEPTH = 8;

/// The tokens of a JSON pointer, still escaped ("/a~1b/0" → {"a~1b", "0"}).
std::vector<std::string> split_pointer(const std::string& pointer)
{
  std::vector<std::string> tokens;
  size_t at = 1;
  while (at <= pointer.size()) {
    const size_t end = pointer.find('/', at);
    tokens.push_back(pointer.substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (end == std::string::npos)
      break;
    at = end + 1;
  }
  return tokens;
}

std::string unescape(const std::string& token)
{
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else
      out += token[i];
  }
  return out;
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

/// Parses the text of `file`; nullopt (and errors in `file`) if it is not JSON or repeats a key.
std::optional<json> parse_json(const std::string& text, const std::string& file, Issues& issues)
{
  try {
    KeyTracker keys;
    json doc = json::parse(text, [&keys](int depth, json::parse_event_t e, json& j) { return keys(depth, e, j); });
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

/// `patch` as RFC 7386 applies it where the target has no object: nulls in objects are dropped.
json without_nulls(const json& patch)
{
  if (!patch.is_object())
    return patch;
  json out = json::object();
  for (auto it = patch.begin(); it != patch.end(); ++it)
    if (!it->is_null())
      out[it.key()] = without_nulls(*it);
  return out;
}

} // namespace

/// Applies one file's patch to the document of its base, keeping the provenance up to date.
class PatchApplier {
public:
  PatchApplier(Provenance& provenance, const std::string& file, Issues& issues)
      : nodes_(provenance.nodes_), file_(file), issues_(issues)
  {
  }
  /// Applies `patch` (the file's document without "extends") to `doc`; false if it reported errors.
  bool apply(json& doc, const json& patch)
  {
    std::vector<std::string> path;
    merge(doc, 0, patch, "", path);
    return ok_;
  }

private:
  using Node = Provenance::Node;

  size_t add_node(const std::string& file, const std::string& pointer)
  {
    nodes_.push_back(Node{Origin{file, pointer}, false, {}, {}});
    return nodes_.size() - 1;
  }
  /// The value at node `n` is now the patch's value at `pointer`, whole.
  void written_here(size_t n, const std::string& pointer) { nodes_[n] = Node{Origin{file_, pointer}, false, {}, {}}; }
  /// Records the children of `value` below node `n` (they were written where the value was).
  void expand(size_t n, const json& value)
  {
    if (nodes_[n].expanded)
      return;
    const Origin o = nodes_[n].origin;
    std::vector<std::pair<std::string, size_t>> fields;
    std::vector<size_t> elements;
    if (value.is_object())
      for (auto it = value.begin(); it != value.end(); ++it)
        fields.emplace_back(it.key(), add_node(o.file, o.pointer + "/" + pointer_escape(it.key())));
    else if (value.is_array())
      for (size_t i = 0; i < value.size(); ++i)
        elements.push_back(add_node(o.file, o.pointer + "/" + std::to_string(i)));
    nodes_[n].fields   = std::map<std::string, size_t>(fields.begin(), fields.end());
    nodes_[n].elements = std::move(elements);
    nodes_[n].expanded = true;
  }
  void error(const std::string& pointer, const std::string& what)
  {
    issues_.error_in(file_, pointer, what);
    ok_ = false;
  }

  /// RFC 7386 at node `n` (target at `path` in the merged document, patch at `pointer` in this file).
  void merge(json& target, size_t n, const json& patch, const std::string& pointer, std::vector<std::string>& path)
  {
    if (patch.is_object()) {
      if (!target.is_object()) {
        target = without_nulls(patch);
        written_here(n, pointer);
        return;
      }
      expand(n, target);
      for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::string& key = it.key();
        const std::string at   = pointer + "/" + pointer_escape(key);
        if (it->is_null()) {
          target.erase(key);
          nodes_[n].fields.erase(key);
        } else if (auto t = target.find(key); t != target.end()) {
          path.push_back(key);
          merge(*t, nodes_[n].fields.at(key), *it, at, path);
          path.pop_back();
        } else {
          target[key]             = without_nulls(*it);
          const size_t child      = add_node(file_, at);
          nodes_[n].fields[key]   = child;
        }
      }
      return;
    }
    target = patch;
    written_here(n, pointer);
  }

  std::vector<Node>& nodes_;
  const std::string& file_;
  Issues& issues_;
  bool ok_ = true;
};

namespace {

std::optional<ScenarioDocument> resolve(const std::string& text, const std::string& file, int depth, Issues& issues)
{
  std::optional<json> patch = parse_json(text, file, issues);
  if (!patch)
    return std::nullopt;
  if (!patch->is_object() || !patch->contains("extends")) {
    return ScenarioDocument{std::move(*patch), text, Provenance(file, "")};
  }
  const json ext = (*patch)["extends"];
  patch->erase("extends");
  if (!ext.is_string()) {
    issues.error_in(file, "/extends", "expected the path of a base scenario (string), found " + type_name(ext));
    return std::nullopt;
  }
  if (depth >= MAX_EXTENDS_DEPTH) {
    issues.error_in(file, "/extends", "more than " + std::to_string(MAX_EXTENDS_DEPTH) + " levels of \"extends\" (a cycle?)");
    return std::nullopt;
  }
  const std::string& name = ext.get_ref<const std::string&>();
  const std::string dir   = file.find('/') == std::string::npos ? "" : file.substr(0, file.rfind('/') + 1);
  const std::string path  = name.rfind('/', 0) == 0 ? name : dir + name;
  std::string base_text, why;
  if (!read_file(path, base_text, why)) {
    issues.error_in(file, "/extends", "base scenario \"" + path + "\": " + why);
    return std::nullopt;
  }
  std::optional<ScenarioDocument> sd = resolve(base_text, path, depth + 1, issues);
  if (!sd)
    return std::nullopt;
  sd->hashed += text;
  PatchApplier(sd->provenance, file, issues).apply(sd->doc, *patch);
  return sd;
}

} // namespace

Provenance::Provenance(const std::string& file, const std::string& pointer)
{
  nodes_.push_back(Node{Origin{file, pointer}, false, {}, {}});
}

Origin Provenance::locate(const std::string& merged_pointer) const
{
  const std::vector<std::string> tokens = split_pointer(merged_pointer);
  size_t n = 0, used = 0;
  for (; used < tokens.size(); ++used) {
    const Node& node = nodes_[n];
    if (!node.expanded)
      break;
    const std::string key = unescape(tokens[used]);
    if (auto f = node.fields.find(key); f != node.fields.end())
      n = f->second;
    else if (!key.empty() && key.find_first_not_of("0123456789") == std::string::npos && key.size() < 10 &&
             std::stoul(key) < node.elements.size())
      n = node.elements[std::stoul(key)];
    else
      break;
  }
  Origin o = nodes_[n].origin;
  for (size_t i = used; i < tokens.size(); ++i)
    o.pointer += "/" + tokens[i];
  return o;
}

std::optional<ScenarioDocument> read_scenario_document(const std::string& text, const std::string& file, Issues& issues)
{
  return resolve(text, file, 0, issues);
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
