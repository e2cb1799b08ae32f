// A small valid scenario for unit tests (parsed with the real loader).
#pragma once

#include "harness/scenario/Loader.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace linksim::test {

inline nlohmann::json small_scenario_json()
{
  return nlohmann::json::parse(R"({
  "name": "unit",
  "calendar": {"start": "2019-06-17T00:00:00+09:00", "duration_days": 2},
  "network": {"model": "CM02", "vpn_device": {"latency_ms": 2, "bandwidth_mbps": 100},
    "sites": [{"id": "hub", "kind": "hub"},
              {"id": "jlis", "kind": "jlis", "uplink": {"latency_ms": 1, "bandwidth_mbps": 1000}},
              {"id": "east", "kind": "lg_platform", "uplink": {"latency_ms": 3, "bandwidth_mbps": 1000},
               "lgwan": {"latency_ms": 5, "bandwidth_mbps": 1000}},
              {"id": "ins", "kind": "insurer_server", "uplink": {"latency_ms": 3, "bandwidth_mbps": 1000},
               "access": {"latency_ms": 5, "bandwidth_mbps": 100}},
              {"id": "nb", "kind": "dedicated_server", "uplink": {"latency_ms": 3, "bandwidth_mbps": 1000},
               "access": {"latency_ms": 1, "bandwidth_mbps": 1000}}]},
  "hub": {"site": "hub", "workers": 2, "request": {"dist": "fixed", "ms": 10}, "response": {"dist": "fixed", "ms": 5}},
  "jlis": {"site": "jlis", "workers": 1, "processing": {"dist": "fixed", "ms": 10}},
  "servers": [{"site": "east", "workers": 2, "query": {"dist": "fixed", "ms": 1}, "lookup": {"dist": "fixed", "ms": 1}, "result": {"dist": "fixed", "ms": 1}},
              {"site": "ins", "workers": 2, "query": {"dist": "fixed", "ms": 1}, "lookup": {"dist": "fixed", "ms": 1}, "result": {"dist": "fixed", "ms": 1}},
              {"site": "nb", "workers": 2, "query": {"dist": "fixed", "ms": 1}, "lookup": {"dist": "fixed", "ms": 1}, "result": {"dist": "fixed", "ms": 1}}],
  "layouts": [{"number": 2, "name": "tax", "versions": [{"version": "4.0", "valid_from": "2018-06-18",
    "items": [{"code": "106", "zero_rate": 0.3}, {"code": "107"}],
    "null_rules": [{"item": "107", "when_zero": "106", "reason": "NotAcceptable"}]}]}],
  "procedures": [{"code": "child", "name": "児童手当"}],
  "agencies": {"list": [
    {"id": "pref", "kind": "prefecture", "site": "east"},
    {"id": "m1", "kind": "municipality", "site": "east", "population": 1000, "prefecture": "pref"},
    {"id": "m2", "kind": "municipality", "site": "east", "population": 3000, "prefecture": "pref"},
    {"id": "ins1", "kind": "insurer", "site": "ins", "population": 1500},
    {"id": "ins2", "kind": "insurer", "site": "ins", "population": 500},
    {"id": "nb1", "kind": "national_body", "site": "nb", "population": 2500}]},
  "permissions": [{"procedure": "child", "requester": {"kind": "municipality"}, "provider": {"kind": "municipality"}, "item": 2}],
  "workload": [{"id": "w", "procedure": "child", "item": 2, "requesters": {"kind": "municipality"}, "subjects": "own_residents",
    "provider": {"select": "previous_residence"}, "rate_per_day": 10, "mode": "immediate"}],
  "expect": [{"name": "no wrong person", "metric": "/outcomes/total/wrong_person", "max": 0}]
})");
}

inline Scenario small_scenario() { return parse_scenario(small_scenario_json().dump(), "unit.json"); }

/// One of the messages contains `fragment`.
inline bool has(const std::vector<std::string>& msgs, const std::string& fragment)
{
  for (const auto& m : msgs)
    if (m.find(fragment) != std::string::npos)
      return true;
  return false;
}

} // namespace linksim::test
