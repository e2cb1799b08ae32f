#include "harness/scenario/Extends.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib> // realpath

namespace linksim {

namespace {

constexpr int MAX_EXTENDS_DEPTH = 8;

/// An array patched element by element: its pointer in the merged document ('*' = any index) and
/// the key that identifies an element. Documented in scenarios/README.md ("Patching arrays by key").
struct KeyedArray {
  const char* pattern;
  const char* key;
  bool key_optional; ///< elements may lack the key: such elements are kept, and a patch appends them
};

const KeyedArray KEYED_ARRAYS[] = {
    {"/network/sites", "id", false},
    {"/servers", "site", false},
    {"/layouts", "number", false},
    {"/layouts/*/versions", "version", false},
    {"/layouts/*/versions/*/items", "code", false},
    {"/layouts/*/versions/*/null_rules", "item", false},
    {"/procedures", "code", false},
    {"/agencies/list", "id", false},
    {"/agencies/generators", "id_prefix", false},
    {"/agencies/overrides", "agency", false},
    {"/permissions", "id", true},
    {"/delegations", "id", false},
    {"/revisions", "id", false},
    {"/workload", "id", false},
    {"/expect", "name", false},
    {"/timeline", "id", false},
    {"/revisions/*/layouts", "number", false},
    {"/test_cases", "id", false}, // issue 8: a variant patches a case by its id
    {"/exercise/expectations", "id", false}, // issue 9: a variant patches an expectation by its id
};

const char* const DELETE = "$delete";
const char* const REPLACE = "$replace";

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

/// The keyed array at `path` (unescaped tokens of a merged-document pointer), or nullptr.
const KeyedArray* keyed_array(const std::vector<std::string>& path)
{
  for (const KeyedArray& k : KEYED_ARRAYS) {
    const std::vector<std::string> pattern = split_pointer(k.pattern);
    if (pattern.size() != path.size())
      continue;
    bool match = true;
    for (size_t i = 0; i < path.size() && match; ++i)
      match = pattern[i] == "*" || pattern[i] == path[i];
    if (match)
      return &k;
  }
  return nullptr;
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
    provenance.files_.push_back(file);
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
    nodes_.push_back(Node{Origin{file, pointer}, false, {}, {}, std::nullopt, {}});
    return nodes_.size() - 1;
  }
  /// The value at node `n` is now the patch's value at `pointer`, whole.
  void written_here(size_t n, const std::string& pointer)
  {
    nodes_[n] = Node{Origin{file_, pointer}, false, {}, {}, std::nullopt, {}};
  }
  /// This file has written something inside every object and array being patched.
  void wrote()
  {
    for (const auto& [n, pointer] : open_)
      nodes_[n].patched = Origin{file_, pointer};
  }
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

  /// RFC 7386 at node `n` (target at `path` in the merged document, patch at `pointer` in this file),
  /// with the arrays of KEYED_ARRAYS patched by key.
  void merge(json& target, size_t n, const json& patch, const std::string& pointer, std::vector<std::string>& path)
  {
    if (patch.is_object()) {
      if (!target.is_object()) {
        target = without_nulls(patch);
        written_here(n, pointer);
        wrote();
        return;
      }
      expand(n, target);
      open_.emplace_back(n, pointer);
      for (auto it = patch.begin(); it != patch.end(); ++it) {
        const std::string& key = it.key();
        const std::string at   = pointer + "/" + pointer_escape(key);
        if (it->is_null()) {
          target.erase(key);
          nodes_[n].fields.erase(key);
          nodes_[n].removed[key] = Origin{file_, pointer};
          wrote();
        } else if (auto t = target.find(key); t != target.end()) {
          path.push_back(key);
          merge(*t, nodes_[n].fields.at(key), *it, at, path);
          path.pop_back();
        } else {
          target[key]           = without_nulls(*it);
          const size_t child    = add_node(file_, at);
          nodes_[n].fields[key] = child;
          nodes_[n].removed.erase(key);
          wrote();
        }
      }
      open_.pop_back();
      return;
    }
    if (patch.is_array() && target.is_array())
      if (const KeyedArray* keyed = keyed_array(path)) {
        merge_by_key(target, n, patch, pointer, path, *keyed);
        return;
      }
    target = patch;
    written_here(n, pointer);
    wrote();
  }

  void merge_by_key(json& target, size_t n, const json& patch, const std::string& pointer, std::vector<std::string>& path,
                    const KeyedArray& keyed)
  {
    const std::string key   = keyed.key;
    const std::string q_key = "\"" + key + "\"";
    if (!patch.empty() && patch[0].is_object() && patch[0].contains(REPLACE)) {
      if (patch[0].size() != 1 || patch[0][REPLACE] != true) {
        error(pointer + "/0", "expected exactly {\"$replace\": true} (the rest of the array then replaces the base's)");
        return;
      }
      json replaced = json::array();
      std::vector<size_t> elements;
      for (size_t i = 1; i < patch.size(); ++i) {
        replaced.push_back(patch[i]);
        elements.push_back(add_node(file_, pointer + "/" + std::to_string(i)));
      }
      target = std::move(replaced);
      written_here(n, pointer);
      nodes_[n].elements = std::move(elements);
      nodes_[n].expanded = true;
      wrote();
      return;
    }
    expand(n, target);
    open_.emplace_back(n, pointer);
    std::vector<json> seen;
    for (size_t i = 0; i < patch.size(); ++i) {
      const json& e        = patch[i];
      const std::string at = pointer + "/" + std::to_string(i);
      if (!e.is_object()) {
        error(at, "expected an object with its key " + q_key + " (this array is patched by key), found " + type_name(e));
        continue;
      }
      if (e.contains(REPLACE)) {
        error(at, "{\"$replace\": true} must be the first element of the array");
        continue;
      }
      const bool remove = e.contains(DELETE);
      const auto id     = e.find(key);
      if (id == e.end() || id->is_null()) {
        if (keyed.key_optional && !remove) { // a row without its optional key: appended as it is
          target.push_back(e);
          const size_t child = add_node(file_, at);
          nodes_[n].elements.push_back(child);
          wrote();
        } else
          error(at, "an element of a keyed array needs its key " + q_key + " (or start the array with {\"$replace\": true})");
        continue;
      }
      if (std::find(seen.begin(), seen.end(), *id) != seen.end()) {
        error(at + "/" + pointer_escape(key),
              "duplicate " + q_key + " " + id->dump() + " in this array: patch each element once");
        continue;
      }
      seen.push_back(*id);
      size_t j = 0;
      while (j < target.size() && !(target[j].is_object() && target[j].contains(key) && target[j][key] == *id))
        ++j;
      if (remove) {
        if (e.size() != 2 || e[DELETE] != true)
          error(at, "expected exactly {" + q_key + ": " + id->dump() + ", \"$delete\": true} to delete an element");
        else if (j == target.size())
          error(at, "no element with " + q_key + ": " + id->dump() + " in the base to delete");
        else {
          target.erase(j);
          nodes_[n].elements.erase(nodes_[n].elements.begin() + static_cast<std::ptrdiff_t>(j));
          wrote();
        }
        continue;
      }
      if (j < target.size()) {
        path.push_back(std::to_string(j));
        merge(target[j], nodes_[n].elements[j], e, at, path);
        path.pop_back();
      } else {
        target.push_back(e);
        const size_t child = add_node(file_, at);
        nodes_[n].elements.push_back(child);
        wrote();
      }
    }
    open_.pop_back();
  }

  std::vector<Node>& nodes_;
  const std::string& file_;
  Issues& issues_;
  std::vector<std::pair<size_t, std::string>> open_; ///< the objects and arrays being patched, outermost first, with this file's pointer of each
  bool ok_ = true;
};

namespace {

/// Reports every "$delete"/"$replace" left in `doc` (one that patched nothing), in the file it is in.
void report_markers(const json& doc, std::vector<std::string>& path, const std::string& pointer,
                    const Provenance& provenance, Issues& issues, bool& found)
{
  if (doc.is_object()) {
    for (const char* marker : {DELETE, REPLACE}) {
      if (!doc.contains(marker))
        continue;
      const bool in_keyed = !path.empty() && [&] {
        std::vector<std::string> parent(path.begin(), path.end() - 1);
        return keyed_array(parent) != nullptr;
      }();
      const Origin o = provenance.locate(pointer);
      issues.error_in(o.file, o.pointer,
                      std::string("\"") + marker + "\" " +
                          (in_keyed ? "needs a base array to patch, and there is none here: no \"extends\", no such "
                                      "array in the base, or the array or element is new in this file"
                                    : "only applies to the arrays patched by key (listed in scenarios/README.md); "
                                      "this is not one of them"));
      found = true;
    }
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      path.push_back(it.key());
      report_markers(*it, path, pointer + "/" + pointer_escape(it.key()), provenance, issues, found);
      path.pop_back();
    }
  } else if (doc.is_array()) {
    for (size_t i = 0; i < doc.size(); ++i) {
      path.push_back(std::to_string(i));
      report_markers(doc[i], path, pointer + "/" + path.back(), provenance, issues, found);
      path.pop_back();
    }
  }
}

bool no_markers_left(const ScenarioDocument& sd, Issues& issues)
{
  std::vector<std::string> path;
  bool found = false;
  report_markers(sd.doc, path, "", sd.provenance, issues, found);
  return !found;
}

/// The files of the extends chain being read, the file given first: their shown names, and what
/// identifies each file (its canonical path, else its name) to recognise a cycle.
struct Chain {
  std::vector<std::string> shown;
  std::vector<std::string> identity;
};

std::string identity_of(const std::string& path)
{
  char* real = ::realpath(path.c_str(), nullptr);
  if (!real)
    return normal_path(path);
  std::string out = real;
  std::free(real);
  return out;
}

/// The first control character (U+0000–U+001F, U+007F) in `s`, or -1.
int control_character(const std::string& s)
{
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return static_cast<unsigned char>(c);
  return -1;
}

std::optional<ScenarioDocument> resolve(const std::string& text, const std::string& file, Chain& chain, Issues& issues)
{
  std::optional<json> patch = parse_json(text, file, issues);
  if (!patch)
    return std::nullopt;
  if (!patch->is_object()) { // before looking for markers: an array's "$delete" is not the problem
    issues.error_in(file, "", "expected an object, found " + type_name(*patch));
    return std::nullopt;
  }
  if (!patch->contains("extends")) {
    ScenarioDocument sd{std::move(*patch), text, Provenance(file, "")};
    if (!no_markers_left(sd, issues))
      return std::nullopt;
    return sd;
  }
  const json ext = (*patch)["extends"];
  patch->erase("extends");
  if (!ext.is_string()) {
    issues.error_in(file, "/extends", "expected the path of a base scenario (string), found " + type_name(ext));
    return std::nullopt;
  }
  const std::string& name = ext.get_ref<const std::string&>();
  if (const int c = control_character(name); c >= 0) { // a NUL would cut the path short where the system reads it
    char code[8];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(c));
    issues.error_in(file, "/extends", std::string("the path of the base contains a control character (U+") + code +
                                          "): not allowed in a base's path");
    return std::nullopt;
  }
  if (name.empty()) {
    issues.error_in(file, "/extends", "expected the path of a base scenario, found an empty string");
    return std::nullopt;
  }
  const std::string dir  = file.find('/') == std::string::npos ? "" : file.substr(0, file.rfind('/') + 1);
  const std::string path = normal_path(name.rfind('/', 0) == 0 ? name : dir + name);
  std::string base_text, why;
  if (!read_file(path, base_text, why)) {
    issues.error_in(file, "/extends", "base scenario \"" + path + "\": " + why);
    return std::nullopt;
  }
  const std::string identity = identity_of(path);
  if (const auto seen = std::find(chain.identity.begin(), chain.identity.end(), identity); seen != chain.identity.end()) {
    std::string cycle;
    for (auto i = seen - chain.identity.begin(); i < static_cast<std::ptrdiff_t>(chain.shown.size()); ++i)
      cycle += chain.shown[static_cast<size_t>(i)] + " → ";
    issues.error_in(file, "/extends", "\"extends\" makes a cycle: " + cycle + path);
    return std::nullopt;
  }
  if (static_cast<int>(chain.shown.size()) > MAX_EXTENDS_DEPTH) {
    issues.error_in(file, "/extends", "more than " + std::to_string(MAX_EXTENDS_DEPTH) + " levels of \"extends\"");
    return std::nullopt;
  }
  chain.shown.push_back(path);
  chain.identity.push_back(identity);
  std::optional<ScenarioDocument> sd = resolve(base_text, path, chain, issues);
  if (!sd)
    return std::nullopt;
  sd->hashed += text;
  const bool applied = PatchApplier(sd->provenance, file, issues).apply(sd->doc, *patch);
  if (!no_markers_left(*sd, issues) || !applied) // markers are reported even when an element could not be applied
    return std::nullopt;
  return sd;
}

} // namespace

Provenance::Provenance(const std::string& file, const std::string& pointer)
{
  nodes_.push_back(Node{Origin{file, pointer}, false, {}, {}, std::nullopt, {}});
  files_.push_back(file);
}

std::pair<size_t, size_t> Provenance::walk(const std::vector<std::string>& tokens) const
{
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
  return {n, used};
}

Origin Provenance::locate(const std::string& merged_pointer) const
{
  if (!merged_pointer.empty() && merged_pointer[0] != '/') // not a JSON pointer: nothing to walk
    return Origin{nodes_[0].origin.file, merged_pointer};
  const std::vector<std::string> tokens = split_pointer(merged_pointer);
  const auto [n, used]                  = walk(tokens);
  const Node& node                      = nodes_[n];
  if (used == tokens.size())
    return node.patched ? *node.patched : node.origin;
  // Below a value written whole: that place. A key the merged document lacks: where it was removed,
  // else in the last file that changed the object (the key is wanted because of what is there now).
  Origin o = node.patched ? *node.patched : node.origin;
  if (auto r = node.removed.find(unescape(tokens[used])); r != node.removed.end())
    o = r->second;
  for (size_t i = used; i < tokens.size(); ++i)
    o.pointer += "/" + tokens[i];
  return o;
}

Origin Provenance::locate_missing(const std::string& object_pointer, const std::string& key) const
{
  if (!object_pointer.empty() && object_pointer[0] != '/')
    return locate(object_pointer);
  const std::vector<std::string> tokens = split_pointer(object_pointer);
  const auto [n, used]                  = walk(tokens);
  if (used < tokens.size())
    return locate(object_pointer);
  const Node& node = nodes_[n];
  if (auto r = node.removed.find(key); r != node.removed.end())
    return r->second;
  return node.patched ? *node.patched : node.origin;
}

int Provenance::rank(const std::string& file) const
{
  for (size_t i = files_.size(); i-- > 0;)
    if (files_[i] == file)
      return static_cast<int>(i);
  return -1;
}

std::optional<ScenarioDocument> read_scenario_document(const std::string& text, const std::string& file, Issues& issues)
{
  Chain chain{{file}, {identity_of(file)}};
  return resolve(text, file, chain, issues);
}

} // namespace linksim
