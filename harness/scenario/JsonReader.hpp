// Reading a JSON document with every problem reported, not just the first.
//
// An ObjReader is a view on one JSON object at a JSON pointer. Typed accessors check presence,
// type and range and record a message "error: FILE: /pointer: what was expected" for each
// problem; finish() reports keys nobody asked for ("unknown key"). Nothing is defaulted silently:
// a key's default and range are declared with it (sim/scenario/Params.hpp) and read through
// harness/scenario/Values.hpp; these accessors take the range they are given.
//
//   Issues issues("scenarios/x.json");
//   ObjReader cal(doc["calendar"], "/calendar", issues);
//   double days = cal.number("duration_days", Req::YES, gt_le(0, 3660)).value_or(0);
//   cal.finish();
#pragma once

#include "sim/scenario/Params.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace linksim {

using json = nlohmann::json;

/// Escapes a key for a JSON pointer (RFC 6901).
std::string pointer_escape(const std::string& key);

class Provenance; // harness/scenario/Extends.hpp

/// `s` as it may be echoed into a one-line message: control characters (U+0000–U+001F, U+007F,
/// U+0080–U+009F), line and paragraph separators (U+2028, U+2029) and invisible or direction-changing
/// marks (U+061C, U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF) written as JSON escapes
/// ("\n", "\u001b"), a byte that is not UTF-8 as "\xff"; everything else unchanged.
std::string printable(const std::string& s);

/// The problems found in a scenario, each "error: FILE: /pointer: what was expected", on one line
/// (what a value could bring into it that would break the line or forge another is escaped: printable()).
class Issues {
public:
  /// Problems of `file` (the scenario given on the command line).
  explicit Issues(std::string file) : file_(std::move(file)) {}
  /// Records a problem at `pointer` of the document; with a provenance, the pointer is one of the
  /// merged document and the message names the file and the pointer where that value was written.
  void error(const std::string& pointer, const std::string& what);
  /// Records a problem at `pointer` that involves a second value: the message is `before`, where the
  /// other value is, then `after`. The other place is located like the first: "/timeline/0", or
  /// "/timeline/0 in scenarios/base.json" when another file than the message's wrote it.
  ///   issues.error(where[i], "overlaps ", where[j], " (\"f1\"): two faults of the same line at the same time");
  void error(const std::string& pointer, const std::string& before, const std::string& other_pointer,
             const std::string& after);
  /// One side of a problem between two values: its pointer, and the message said from there
  /// (`before`, where the other value is, `after`).
  struct Side {
    std::string pointer, before, after;
  };
  /// A problem between two values (a row a revision dates that has its own date): reported at the
  /// side that the later file of the extends chain wrote, since the patch that made them conflict
  /// is the file to edit; at `a` when one file wrote both.
  void conflict(const Side& a, const Side& b);
  /// Records that the object at `pointer` lacks the required `key`: located where the key was removed
  /// (a patch's `"key": null`), else where the object was written.
  void missing(const std::string& pointer, const std::string& key, const std::string& what);
  /// Records a problem at `pointer` of `file` itself (e.g. a syntax error in a base scenario).
  void error_in(const std::string& file, const std::string& pointer, const std::string& what);
  /// Records a warning at `pointer`: the file is valid, but a part of a run of it is pointless
  /// ("warning: FILE: /pointer: what", located like an error).
  void warning(const std::string& pointer, const std::string& what);
  /// Every warning, in the order found.
  const std::vector<std::string>& warnings() const { return warnings_; }
  /// From now on, error() locates merged pointers through `provenance` (Extends.hpp).
  void set_provenance(std::shared_ptr<const Provenance> provenance) { provenance_ = std::move(provenance); }
  /// Every message, in the order found.
  const std::vector<std::string>& list() const { return list_; }
  /// True if nothing was reported.
  bool empty() const { return list_.empty(); }
  /// The number of messages.
  size_t size() const { return list_.size(); }
  /// The scenario file the problems are of.
  const std::string& file() const { return file_; }

private:
  struct Place {
    std::string file, pointer;
  };
  Place place(const std::string& pointer) const;
  /// `other` as a message names it from a message about `file`.
  static std::string mention(const Place& other, const std::string& file);
  std::string file_;
  std::shared_ptr<const Provenance> provenance_;
  std::vector<std::string> list_;
  std::vector<std::string> warnings_;
};

enum class Req { NO, YES };

std::string type_name(const json& j);
std::string join(const std::vector<std::string>& v, const char* sep = ", ");

class ObjReader {
public:
  /// A reader on `j` (must be an object: otherwise one error, and every accessor returns empty).
  ObjReader(const json& j, std::string pointer, Issues& issues);
  /// A reader that reports nothing and yields nothing (for absent optional objects).
  static ObjReader absent(Issues& issues) { return ObjReader(issues); }

  bool valid() const { return obj_ != nullptr; }
  const std::string& pointer() const { return ptr_; }
  std::string at(const std::string& key) const { return ptr_ + "/" + pointer_escape(key); }
  bool has(const std::string& key) const { return obj_ && obj_->contains(key); }
  /// The raw value (marks the key as used); nullptr if absent (and an error if required).
  const json* raw(const std::string& key, Req req);

  std::optional<std::string> string(const std::string& key, Req req);
  /// A string that must be one of `allowed`.
  std::optional<std::string> choice(const std::string& key, Req req, const std::vector<std::string>& allowed);
  std::optional<double> number(const std::string& key, Req req, Bounds b = {});
  std::optional<int64_t> integer(const std::string& key, Req req, Bounds b = {});
  std::optional<bool> boolean(const std::string& key, Req req);
  /// An array (elements are the caller's to read); nullptr if absent or not an array.
  const json* array(const std::string& key, Req req);
  /// A nested object reader (absent → invalid reader; an error if required).
  ObjReader object(const std::string& key, Req req);

  /// Reports unknown keys. Call once, after every accessor.
  void finish();
  Issues& issues() { return *issues_; }
  void error(const std::string& key, const std::string& what) { issues_->error(at(key), what); }

private:
  explicit ObjReader(Issues& issues) : issues_(&issues) {}
  const json* obj_ = nullptr;
  std::string ptr_;
  Issues* issues_;
  std::set<std::string> used_;
};

} // namespace linksim
