// The "misses go-live" table of a compare, from result.json's `revisions` section (written by the
// revision-cycle collector; absent from results of scenarios without revisions, and from results
// of linksim versions before it: then the table is absent too). The section's shape:
//
//   "revisions": { "<revision id>": { "kind": "annual", "go_live": "<iso>", (compare.json adds "go_live_variant")
//       "agencies": { "<agency id>": { "ready_at": "<iso>|null", "misses_go_live": true,
//           "why": ["not_ready", ...], "first_correct": { "procedure:<code>": "<iso>|null", ... } } } } }
#include "harness/run/Compare.hpp"

#include <map>
#include <set>

namespace linksim {

namespace {

const char* const SECTION = "revisions";

/// One agency of one revision, over one side's seeds.
struct AgencySide {
  unsigned seeds         = 0; ///< seeds whose result lists the agency
  unsigned seeds_missing = 0; ///< ... and where it misses go-live
  std::set<std::string> why;
  ojson ready_at;             ///< in the first pair's result
  std::map<std::string, unsigned> never; ///< per first_correct key: seeds where it is null
  std::map<std::string, ojson> first;    ///< per first_correct key: the first pair's value
};

struct AgencyRow {
  AgencySide side[2];
};

struct RevisionRows {
  ojson kind, go_live, go_live_variant; ///< the base's go-live, and the variant's (a schedule change may move it)
  std::map<std::string, AgencyRow> agencies;
};

/// Adds one run's revisions to the rows of side `s`; `first` marks the run of the first pair.
void add_run(const ojson& revisions, int s, bool first, std::map<std::string, RevisionRows>& rows)
{
  for (auto rit = revisions.begin(); rit != revisions.end(); ++rit) {
    RevisionRows& rev = rows[rit.key()];
    if (rev.kind.is_null())
      rev.kind = json_member(rit.value(), "kind");
    ojson& go_live = s == 0 ? rev.go_live : rev.go_live_variant;
    if (go_live.is_null())
      go_live = json_member(rit.value(), "go_live");
    const ojson& agencies = json_member(rit.value(), "agencies");
    if (!agencies.is_object())
      continue;
    for (auto ait = agencies.begin(); ait != agencies.end(); ++ait) {
      const ojson& a  = ait.value();
      AgencySide& row = rev.agencies[ait.key()].side[s];
      ++row.seeds;
      const ojson& misses = json_member(a, "misses_go_live");
      if (misses.is_boolean() && misses.get<bool>())
        ++row.seeds_missing;
      const ojson& why = json_member(a, "why");
      if (why.is_array())
        for (const ojson& w : why)
          if (w.is_string())
            row.why.insert(w.get<std::string>());
      if (first)
        row.ready_at = json_member(a, "ready_at");
      const ojson& fc = json_member(a, "first_correct");
      if (!fc.is_object())
        continue;
      for (auto kit = fc.begin(); kit != fc.end(); ++kit) {
        unsigned& never = row.never[kit.key()];
        never += !kit.value().is_string();
        if (first)
          row.first[kit.key()] = kit.value();
      }
    }
  }
}

ojson side_json(const AgencySide& s)
{
  return {{"misses_go_live", s.seeds_missing > 0},
          {"seeds_missing", s.seeds_missing},
          {"seeds", s.seeds},
          {"why", std::vector<std::string>(s.why.begin(), s.why.end())},
          {"ready_at", s.ready_at}};
}

} // namespace

ojson revisions_table(const std::vector<ojson>& base, const std::vector<ojson>& variant, std::vector<std::string>& newly_missing)
{
  newly_missing.clear();
  // The first pair: the first seed where both runs left a result (else each side's first result).
  const size_t first_pair = first_pair_index(base, variant);
  std::map<std::string, RevisionRows> rows;
  bool any = false;
  for (int s = 0; s < 2; ++s) {
    const std::vector<ojson>& side = s ? variant : base;
    bool first_taken               = false;
    for (size_t i = 0; i < side.size(); ++i) {
      const ojson& rev = json_member(side[i], SECTION);
      if (!rev.is_object())
        continue;
      any              = true;
      const bool first = first_pair < base.size() ? i == first_pair : !first_taken;
      first_taken |= first;
      add_run(rev, s, first, rows);
    }
  }
  if (!any)
    return nullptr;
  ojson out = ojson::object();
  std::set<std::string> newly_all;
  for (const auto& [id, rev] : rows) {
    ojson agencies = ojson::object();
    std::vector<std::string> newly;
    for (const auto& [agency, row] : rev.agencies) {
      ojson fc = ojson::object();
      std::set<std::string> keys;
      for (int s = 0; s < 2; ++s)
        for (const auto& [k, n] : row.side[s].never)
          keys.insert(k);
      for (const std::string& k : keys) {
        auto value = [&](int s) {
          auto it = row.side[s].first.find(k);
          return it == row.side[s].first.end() ? ojson(nullptr) : it->second;
        };
        auto never = [&](int s) {
          auto it = row.side[s].never.find(k);
          return it == row.side[s].never.end() ? 0u : it->second;
        };
        fc[k] = {{"base", value(0)}, {"variant", value(1)}, {"base_never", never(0)}, {"variant_never", never(1)}};
      }
      agencies[agency] = {{"base", side_json(row.side[0])}, {"variant", side_json(row.side[1])}, {"first_correct", fc}};
      if (row.side[1].seeds_missing > 0 && row.side[0].seeds_missing == 0) {
        newly.push_back(agency); // sorted: the map is
        newly_all.insert(agency);
      }
    }
    out[id] = {{"kind", rev.kind},
               {"go_live", rev.go_live},
               {"go_live_variant", rev.go_live_variant},
               {"newly_missing_go_live", newly},
               {"agencies", agencies}};
  }
  newly_missing.assign(newly_all.begin(), newly_all.end());
  return out;
}

} // namespace linksim
