// Reading a scenario file: its JSON, its "extends" chain, and where each merged value was written.
//
// A scenario may name a base ("extends": "base.json", relative to its own folder); this file is
// applied to the base as a JSON merge patch (RFC 7386), except that the arrays listed in
// KEYED_ARRAYS (Extends.cpp; documented in scenarios/README.md) are patched element by element,
// matched by an identifying key:
//
//   base:  "workload": [{"id": "a", "rate_per_day": 10}, {"id": "b", "rate_per_day": 5}]
//   patch: "workload": [{"id": "a", "rate_per_day": 20}, {"id": "b", "$delete": true}, {"id": "c", ...}]
//   gives: "workload": [{"id": "a", "rate_per_day": 20}, {"id": "c", ...}]
//
// and an array starting with {"$replace": true} replaces the base's array with its other elements.
// The Provenance of the result maps each pointer of the merged document back to the file and the
// pointer where the value was written, so that a validation error names the file to edit:
//
//   Issues issues("scenarios/x.json");
//   if (auto sd = read_scenario_document(text, "scenarios/x.json", issues)) {
//     issues.set_provenance(std::make_shared<Provenance>(sd->provenance));
//     issues.error("/workload/1/rate_per_day", "...");  // "error: scenarios/base.json: /workload/2/rate_per_day: ..."
//   }                                                   // if x.json deleted the base's /workload/0 and wrote no rate
//
// Provenance is per key: a value a patch sets, replaces or removes is the patch's. A problem of a
// whole object or array (a rule over its members) names the last file that wrote anything in it, at
// that file's pointer of it; a missing key names the file that removed it (`null`), else the object
// as located. A rule between two values says so (Issues::conflict) and names the later file.
#pragma once

#include "harness/scenario/JsonReader.hpp"
#include "harness/scenario/ScenarioText.hpp" // read_file, normal_path

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace linksim {

/// Where a value of the merged document was written: a file and a JSON pointer in that file.
struct Origin {
  std::string file;    ///< the scenario file (as its path was given or derived from "extends")
  std::string pointer; ///< JSON pointer in that file ("" is the whole document)
};

/// Maps pointers of a merged scenario to the file and pointer where each value was written.
/// A value that came whole from one place is one node; below it, pointers are the same in that file.
class Provenance {
public:
  /// Everything written in `file` at `pointer` (a document read from one file: Provenance(file, "")).
  Provenance(const std::string& file, const std::string& pointer);

  /// The file and the pointer in it where the value at `merged_pointer` was written. Walks as deep
  /// as the provenance goes and appends the rest of the pointer. An object or array that a later
  /// file patched is located in the last such file; a pointer to a key the merged document does not
  /// have, in the file that removed the key if one did, else where the object that would hold it is.
  Origin locate(const std::string& merged_pointer) const;
  /// Where the object at `object_pointer` lacks `key`: the object in the file that removed the key
  /// (`"key": null` in a patch), else the object as located by locate().
  Origin locate_missing(const std::string& object_pointer, const std::string& key) const;
  /// The place of `file` in the extends chain: 0 for the deepest base, then each file patching it;
  /// -1 for a file not in the chain.
  int rank(const std::string& file) const;

private:
  friend class PatchApplier; // builds the tree while patching (Extends.cpp)
  struct Node {
    Origin origin;                         ///< where the value was first written whole
    bool expanded = false;                 ///< children below are recorded (else all of it is `origin`)
    std::map<std::string, size_t> fields;  ///< object: key → node
    std::vector<size_t> elements;          ///< array: index → node
    std::optional<Origin> patched;         ///< the last later file that wrote something in it, at its pointer of it
    std::map<std::string, Origin> removed; ///< object: key a later file removed → that file's pointer of this object
  };
  /// The node at the longest prefix of `merged_pointer` the tree records, and how many tokens that took.
  std::pair<size_t, size_t> walk(const std::vector<std::string>& tokens) const;
  std::vector<Node> nodes_;        ///< nodes_[0] is the document; children by index (unreachable ones are garbage)
  std::vector<std::string> files_; ///< the files of the chain, deepest base first
};

/// A scenario document with its bases applied.
struct ScenarioDocument {
  json doc;               ///< the merged document ("extends" removed, no "$delete"/"$replace" left)
  std::string hashed;     ///< what the scenario's file_sha256 hashes: the base texts, deepest first, then this file's text
  Provenance provenance;  ///< where each value of `doc` was written
};

/// Parses `text` (the contents of `file`) and resolves its "extends" chain (at most 8 deep, no
/// cycle; a base's path is shown as the naming file's folder joined with it, normalised: no "."
/// or "dir/.." in it). Every problem goes to `issues`, in the file it is in (a base's syntax error
/// names the base; an unreadable base or a cycle is an error of the file naming it, at /extends);
/// nullopt if there was any.
std::optional<ScenarioDocument> read_scenario_document(const std::string& text, const std::string& file, Issues& issues);

} // namespace linksim
