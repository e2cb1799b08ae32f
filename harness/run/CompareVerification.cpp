// The "test queue" table of a compare, from result.json's `verification` section (written by the
// verification collector; absent from results of scenarios without a verification environment:
// then the table is absent too). Per agency that tests, on each side: whether it completes its
// inter-agency test before go-live (in how many seeds), and the first pair's slot date, wait and
// completion report; the agencies that miss go-live only in the variant, and those that no longer
// miss it (a variant with more slots, or a window opening earlier). The section's shape:
//
//   "verification": { "revision": "R2.6", "slots": 2, "go_live": "<iso>",
//       "agencies": { "<agency id>": { "slot_at": "<iso>|null", "wait_days": 7.0|null,
//           "reported_at": "<iso>|null", "before_go_live": true, "why": null|"no_slot"|... } } }
#include "harness/run/Compare.hpp"

#include <map>
#include <set>

namespace linksim {

namespace {

const char* const SECTION = "verification";

struct QueueSide {
  unsigned seeds = 0, seeds_missing = 0;
  ojson slot_at, wait_days, reported_at, why; ///< in the first pair's result
};

} // namespace

ojson verification_table(const std::vector<ojson>& base, const std::vector<ojson>& variant)
{
  const size_t first_pair = first_pair_index(base, variant);
  std::map<std::string, QueueSide[2]> rows;
  ojson head[2];
  bool any = false;
  for (int s = 0; s < 2; ++s) {
    const std::vector<ojson>& side = s ? variant : base;
    bool first_taken               = false;
    for (size_t i = 0; i < side.size(); ++i) {
      const ojson& v = json_member(side[i], SECTION);
      if (!v.is_object())
        continue;
      any              = true;
      const bool first = first_pair < base.size() ? i == first_pair : !first_taken;
      first_taken |= first;
      if (first)
        head[s] = {{"revision", json_member(v, "revision")}, {"go_live", json_member(v, "go_live")}, {"slots", json_member(v, "slots")},
                   {"opens", json_member(v, "opens")},       {"closes", json_member(v, "closes")},   {"slot_utilisation", json_member(v, "slot_utilisation")}};
      const ojson& agencies = json_member(v, "agencies");
      if (!agencies.is_object())
        continue;
      for (auto it = agencies.begin(); it != agencies.end(); ++it) {
        QueueSide& q = rows[it.key()][s];
        ++q.seeds;
        const ojson& before = json_member(it.value(), "before_go_live");
        if (before.is_boolean() && !before.get<bool>())
          ++q.seeds_missing;
        if (first) {
          q.slot_at     = json_member(it.value(), "slot_at");
          q.wait_days   = json_member(it.value(), "wait_days");
          q.reported_at = json_member(it.value(), "reported_at");
          q.why         = json_member(it.value(), "why");
        }
      }
    }
  }
  if (!any)
    return nullptr;
  ojson agencies = ojson::object();
  std::vector<std::string> missing[2], newly, no_longer;
  for (const auto& [id, q] : rows) {
    ojson a = ojson::object();
    for (int s = 0; s < 2; ++s) {
      a[s ? "variant" : "base"] = {{"misses_go_live", q[s].seeds_missing > 0}, {"seeds_missing", q[s].seeds_missing},
                                   {"seeds", q[s].seeds},  {"slot_at", q[s].slot_at},
                                   {"wait_days", q[s].wait_days}, {"reported_at", q[s].reported_at}, {"why", q[s].why}};
      if (q[s].seeds_missing > 0)
        missing[s].push_back(id);
    }
    if (q[1].seeds_missing > 0 && q[0].seeds_missing == 0)
      newly.push_back(id);
    if (q[0].seeds_missing > 0 && q[1].seeds_missing == 0 && q[1].seeds > 0)
      no_longer.push_back(id);
    agencies[id] = a;
  }
  return {{"base", head[0]},
          {"variant", head[1]},
          {"missing_go_live_base", missing[0]},
          {"missing_go_live_variant", missing[1]},
          {"newly_missing_go_live", newly},
          {"no_longer_missing_go_live", no_longer},
          {"agencies", agencies}};
}

} // namespace linksim
