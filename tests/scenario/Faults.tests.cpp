// Scenario tests of network and host faults (issue 9, point 1): each simulation in its own linksim
// process; the tests read what it wrote (exchanges.csv, result.json).
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace linksim::test;
using nlohmann::json;

namespace {

std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

/// Runs a shipped scenario; returns its output directory.
std::string run(const std::string& name, const std::string& tag, int expect = 0)
{
  const std::string dir = fresh_dir("faults-" + tag + "-" + name);
  const ProcessResult r = run_linksim({"run", scenario(name), "--out", dir, "--quiet"});
  INFO("stderr: " << r.err << "\nstdout: " << r.out);
  REQUIRE(r.signal == 0);
  REQUIRE(r.exit_code == expect);
  return dir;
}

/// exchanges.csv rows as maps from column name to cell.
std::vector<std::map<std::string, std::string>> read_rows(const std::string& path)
{
  std::istringstream in(read_text(path));
  std::string line;
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream ls(line);
    for (std::string cell; std::getline(ls, cell, ',');)
      f.push_back(cell);
    if (!line.empty() && line.back() == ',')
      f.emplace_back();
    if (header.empty()) {
      header = f;
      continue;
    }
    REQUIRE(f.size() == header.size());
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < f.size(); ++i)
      row[header[i]] = f[i];
    rows.push_back(row);
  }
  return rows;
}

/// Seconds from the run's start (midnight JST of the same day) of "YYYY-MM-DDTHH:MM:SS+09:00".
double seconds_of_day(const std::string& t, const std::string& start)
{
  REQUIRE(t.substr(0, 10) == start.substr(0, 10));
  REQUIRE(start.substr(10, 9) == "T00:00:00");
  return std::stod(t.substr(11, 2)) * 3600 + std::stod(t.substr(14, 2)) * 60 + std::stod(t.substr(17, 2));
}

double ms(const json& link) { return link.at("latency_ms").get<double>() / 1000; }
double fixed(const json& d) { return d.at("ms").get<double>() / 1000; }

/// What the scenario's own numbers say an exchange becomes.
struct Expected {
  std::string outcome;
  unsigned attempts = 1;
  double latency_s  = 0; ///< delivered: fetched - issued
  double end_s      = 0; ///< when it ended (delivered, or given up)
  unsigned failed_sends = 0;
};

} // namespace

TEST_CASE("faults: a line down for exactly 10 minutes gives exactly the retries, time-outs, unreachable queries and "
          "delays the scenario's numbers give",
          "[faults][hand]")
{
  const json sc = json::parse(read_text(scenario("link-down-10min")));
  const std::string start = sc["calendar"]["start"].get<std::string>();
  const json& fault       = sc["timeline"][0];
  REQUIRE(fault["kind"] == "link_down");
  REQUIRE(fault["agency"] == "city-a");
  const double T0 = seconds_of_day(fault["at"].get<std::string>(), start);
  const double T1 = seconds_of_day(fault["until"].get<std::string>(), start);
  REQUIRE(T1 - T0 == 600);

  // Path times from the file (empty messages: a transfer is the sum of its links' latencies).
  const json& sites = sc["network"]["sites"];
  const double line = ms(sc["network"]["vpn_device"]), lgwan = ms(sites[2]["lgwan"]), up = ms(sites[2]["uplink"]);
  const json& srv = sc["servers"][0];
  const double query = fixed(srv["query"]), lookup = fixed(srv["lookup"]), result = fixed(srv["result"]);
  const double hub_req = fixed(sc["hub"]["request"]), hub_resp = fixed(sc["hub"]["response"]);
  const double handling = fixed(sc["agencies"]["list"][0]["manual_answer"]["handling"]);
  const double local = line + lgwan; // an agency's existing system <-> its server
  // city-a -> city-b (answered from the replica): the query and the result cross city-a's line.
  const double a_deliver_send = local + query + up + hub_req + up + lookup + up + hub_resp + up + result;
  const double a_total        = a_deliver_send + local;
  // city-b -> city-a (held for city-a's staff): the hold and the manual answer cross city-a's line.
  const double b_hold_send   = local + query + up + hub_req + up + lookup;
  const double b_manual_send = b_hold_send + local + handling;
  const double b_total       = b_manual_send + local + up + hub_resp + up + result + local;
  const json& wa = sc["workload"][0];
  const json& wb = sc["workload"][1];
  REQUIRE(wa["requesters"]["agencies"][0] == "city-a");
  REQUIRE(wb["requesters"]["agencies"][0] == "city-b");
  const double a_timeout = wa["timeout_s"].get<double>(), a_retry = wa["retry_interval_s"].get<double>();
  const double b_timeout = wb["timeout_s"].get<double>(), b_retry = wb["retry_interval_s"].get<double>();
  const unsigned a_max = 1 + wa["retries"].get<unsigned>(), b_max = 1 + wb["retries"].get<unsigned>();
  auto down = [&](double t) { return T0 <= t && t < T1; };
  // A transfer on city-a's line when it goes down would be lost on the way: none here (checked).
  auto crosses_t0 = [&](double from, double to) { return from < T0 && T0 < to; };

  auto expect_a = [&](double t) {
    Expected e;
    for (double s = t;; ++e.attempts) {
      REQUIRE_FALSE(crosses_t0(s, s + local));
      REQUIRE_FALSE(crosses_t0(s + a_deliver_send, s + a_total));
      bool noticed = false;
      double next  = 0;
      if (down(s)) { // the query cannot leave: noticed at once
        ++e.failed_sends;
        if (e.attempts == a_max) {
          e.outcome = "unreachable";
          e.end_s   = s;
          return e;
        }
        noticed = true;
        next    = s + a_retry;
      } else if (down(s + a_deliver_send)) { // the result cannot reach the existing system
        ++e.failed_sends;
        if (e.attempts == a_max) {
          e.outcome = "timed_out";
          e.end_s   = s + a_timeout;
          return e;
        }
        noticed = true;
        next    = s + a_timeout + a_retry;
      }
      if (!noticed) {
        e.outcome   = "correct";
        e.latency_s = s + a_total - t;
        e.end_s     = s + a_total;
        return e;
      }
      s = next;
    }
  };
  auto expect_b = [&](double t) {
    Expected e;
    for (double s = t;; ++e.attempts) {
      REQUIRE_FALSE(crosses_t0(s + b_hold_send, s + b_hold_send + local));
      REQUIRE_FALSE(crosses_t0(s + b_manual_send, s + b_manual_send + local));
      if (down(s + b_hold_send) || down(s + b_manual_send)) { // lost: noticed at the attempt's timeout
        ++e.failed_sends;
        if (e.attempts == b_max) {
          e.outcome = "timed_out";
          e.end_s   = s + b_timeout;
          return e;
        }
        s += b_timeout + b_retry;
        continue;
      }
      e.outcome   = "correct";
      e.latency_s = s + b_total - t;
      e.end_s     = s + b_total;
      return e;
    }
  };

  const std::string dir = run("link-down-10min", "hand");
  const auto rows       = read_rows(dir + "/exchanges.csv");
  REQUIRE(rows.size() > 400); // two requesters, every 120 s of a business day
  std::map<std::string, unsigned> count;
  unsigned overlap = 0, retried = 0, delayed = 0, failed_sends = 0;
  std::vector<double> a_times, b_times;
  for (const auto& row : rows) {
    const double t   = std::stod(row.at("issued_s"));
    const bool asker = row.at("requester") == "city-a";
    const Expected e = asker ? expect_a(t) : expect_b(t);
    INFO("exchange " << row.at("exchange") << " of " << row.at("requester") << " issued at " << t);
    CHECK(row.at("outcome") == e.outcome);
    CHECK(std::stoul(row.at("attempts")) == e.attempts);
    if (e.outcome == "correct")
      CHECK(std::abs(std::stod(row.at("fetched_s")) - std::stod(row.at("issued_s")) - e.latency_s) < 1e-6);
    else
      CHECK(row.at("fetched_s").empty());
    ++count[e.outcome];
    if (t < T1 && e.end_s >= T0) {
      ++overlap;
      retried += e.attempts > 1;
      delayed += e.attempts > 1 && e.outcome == "correct";
    }
    failed_sends += e.failed_sends;
    (asker ? a_times : b_times).push_back(t);
  }
  // Regular arrivals: 120 s of business time apart (262.5 a business day of 31500 s).
  for (auto* times : {&a_times, &b_times}) {
    std::sort(times->begin(), times->end()); // exchanges.csv is in the order they ended
    for (size_t i = 1; i < times->size(); ++i)
      if ((*times)[i] - (*times)[i - 1] < 3600) // inside one business day
        CHECK(std::abs((*times)[i] - (*times)[i - 1] - 31500 / sc["workload"][0]["rate_per_day"].get<double>()) < 1e-6);
  }
  // The window holds what the hand count says: one query unreachable (its three attempts 0, 240 and
  // 480 s after it was sent in the window's first 120 s), and city-b time-outs and retries.
  CHECK(count["unreachable"] == 1);
  CHECK(count["timed_out"] >= 1);
  CHECK(retried >= 5);

  const json r = read_json(dir + "/result.json");
  const json& f = r["faults"]["city-a-line-down"];
  CHECK(f["kind"] == "link_down");
  CHECK(f["from_s"].get<double>() == T0);
  CHECK(f["until_s"].get<double>() == T1);
  CHECK(f["unreachable"].get<unsigned>() == count["unreachable"]);
  CHECK(f["timed_out"].get<unsigned>() == count["timed_out"]);
  CHECK(f["exchanges"].get<unsigned>() == overlap);
  CHECK(f["retried"].get<unsigned>() == retried);
  CHECK(f["delayed"].get<unsigned>() == delayed);
  CHECK(f["failed_sends"].get<unsigned>() == failed_sends);
  CHECK(f["lost_in_flight"].get<unsigned>() == 0);
  CHECK(r["outcomes"]["total"]["unreachable"].get<unsigned>() == count["unreachable"]);
  CHECK(r["outcomes"]["total"]["timed_out"].get<unsigned>() == count["timed_out"]);
  CHECK(r["outcomes"]["total"]["correct"].get<unsigned>() == count["correct"]);
}

TEST_CASE("faults: no exchange is lost under any shipped fault scenario: issued = the sum of the outcome counts and "
          "every exchange id appears once in exchanges.csv",
          "[faults][accounting]")
{
  for (const char* name : {"link-down-10min", "vpn-after-planned-outage", "hub-outage-monday"}) {
    INFO(name);
    const std::string dir = run(name, "lost");
    const json r          = read_json(dir + "/result.json");
    const uint64_t issued = r["run"]["exchanges"].get<uint64_t>();
    uint64_t sum          = 0;
    for (const auto& [k, v] : r["outcomes"]["total"].items())
      if (k != "all" && k != "provided" && k != "lagging" && k != "manual")
        sum += v.get<uint64_t>();
    CHECK(issued > 0);
    CHECK(sum == issued);
    CHECK(r["outcomes"]["total"]["all"].get<uint64_t>() == issued);
    const auto rows = read_rows(dir + "/exchanges.csv");
    CHECK(rows.size() == issued);
    std::set<uint64_t> ids;
    for (const auto& row : rows)
      ids.insert(std::stoull(row.at("exchange")));
    CHECK(ids.size() == issued);
    CHECK(*ids.begin() == 1);
    CHECK(*ids.rbegin() == issued);
    CHECK(r["outcomes"]["total"]["unfinished"].get<uint64_t>() == 0);
  }
}

TEST_CASE("faults: seed case 4: the VPN that did not come back makes its agency unreachable and stale from the fault "
          "on, refuses its self-restraint, and nothing shows before or elsewhere",
          "[faults][vpn]")
{
  const std::string dir = run("vpn-after-planned-outage", "vpn");
  const json r          = read_json(dir + "/result.json");
  const json& vpn       = r["faults"]["vpn-dead"];
  const double from     = vpn["from_s"].get<double>();
  CHECK(r["faults"]["planned-outage"]["kind"] == "planned_outage");
  CHECK(vpn["kind"] == "vpn_fault");
  unsigned unreachable = 0, stale = 0, before = 0;
  for (const auto& row : read_rows(dir + "/exchanges.csv")) {
    const double issued = std::stod(row.at("issued_s"));
    if (row.at("outcome") == "unreachable") {
      ++unreachable;
      CHECK(row.at("requester") == "a-city-03");
      CHECK(issued >= from);
      CHECK(std::stoul(row.at("attempts")) == 3);
    }
    if (row.at("outcome") == "stale") {
      ++stale;
      CHECK(row.at("provider") == "a-city-03");
      CHECK(issued >= r["faults"]["planned-outage"]["from_s"].get<double>());
    }
    if (row.at("requester") == "a-city-03" && issued < r["faults"]["planned-outage"]["from_s"].get<double>()) {
      ++before;
      CHECK(row.at("outcome") != "unreachable");
      CHECK(row.at("attempts") == "1");
    }
  }
  CHECK(unreachable > 0);
  CHECK(stale > 0);
  CHECK(before > 0);
  // The self-restraint was refused, and said so; the timeline lists the outage, the fault and the refusal.
  std::map<std::string, std::string> kinds;
  for (const auto& e : r["timeline"])
    kinds[e["id"].get<std::string>() + ":" + e["kind"].get<std::string>()] = e["what"].get<std::string>();
  CHECK(kinds.count("self-restraint:manual_answer_refused") == 1);
  CHECK(kinds.count("self-restraint:manual_answer_on") == 0);
  CHECK(kinds.count("planned-outage:planned_outage") == 1);
  CHECK(kinds.count("planned-outage:planned_outage_end") == 1);
  CHECK(kinds.count("vpn-dead:vpn_fault") == 1);
  CHECK(r["outcomes"]["by_provider"]["a-city-03"]["manual"].get<unsigned>() == 0);
}

TEST_CASE("faults: the hub down on a Monday morning: early queries time out, later ones are answered after it is "
          "back, and nothing outside the outage changes",
          "[faults][hub]")
{
  const std::string dir = run("hub-outage-monday", "hub");
  const json r          = read_json(dir + "/result.json");
  const json& f         = r["faults"]["hub-down"];
  const double from = f["from_s"].get<double>(), until = f["until_s"].get<double>();
  unsigned timed_out = 0, recovered = 0, outside = 0;
  for (const auto& row : read_rows(dir + "/exchanges.csv")) {
    const double issued = std::stod(row.at("issued_s"));
    const unsigned attempts = std::stoul(row.at("attempts"));
    const bool before = !row.at("fetched_s").empty() && std::stod(row.at("fetched_s")) < from;
    if (issued >= until || before) {
      ++outside; // wholly before or after the outage: untouched
      CHECK(attempts == 1);
      CHECK(row.at("outcome") != "timed_out");
    }
    if (row.at("outcome") == "timed_out") {
      ++timed_out;
      CHECK(issued < until);
      CHECK(attempts == 4);
    }
    if (attempts > 1 && row.at("outcome") == "correct") {
      ++recovered;
      CHECK(std::stod(row.at("fetched_s")) >= until); // answered once the hub was back
    }
  }
  CHECK(timed_out > 0);
  CHECK(recovered > 0);
  CHECK(outside > 0);
  CHECK(f["timed_out"].get<unsigned>() == timed_out);
  CHECK(f["failed_sends"].get<unsigned>() > 0);

  // The afternoon's degraded uplink of the pension service (latency x 50): the hub -> provider
  // crossing of its provision requests takes 50 times the uplink's latency inside the window only.
  const json sc        = json::parse(read_text(scenario("hub-outage-monday")));
  const json& slow     = r["faults"]["jpo-slow"];
  const double s_from  = slow["from_s"].get<double>(), s_until = slow["until_s"].get<double>();
  const json base      = json::parse(read_text(source_dir() + "/scenarios/" + sc["extends"].get<std::string>()));
  double uplink_s      = 0;
  for (const json& site : base["network"]["sites"])
    if (site["id"] == "jpo-ims")
      uplink_s = site["uplink"]["latency_ms"].get<double>() / 1000;
  const double factor = sc["timeline"][1]["latency_factor"].get<double>();
  REQUIRE(uplink_s > 0);
  unsigned inside = 0, outside_slow = 0;
  for (const auto& row : read_rows(dir + "/exchanges.csv")) {
    if (row.at("provider") != "jpo" || row.at("outcome") != "correct" || row.at("attempts") != "1")
      continue;
    const double sent = std::stod(row.at("hub_req_out_s")), got = std::stod(row.at("pv_req_in_s"));
    if (sent >= s_from && got < s_until) {
      ++inside;
      CHECK(got - sent >= factor * uplink_s - 1e-9);
    } else if (sent >= s_until || got < s_from) {
      ++outside_slow;
      CHECK(got - sent < 2 * uplink_s);
    }
  }
  CHECK(inside > 0);
  CHECK(outside_slow > 0);
  CHECK(slow["timed_out"].get<unsigned>() == 0);
}

TEST_CASE("faults: a host that goes down loses what its worker holds and what waits in its inbox, and its worker "
          "restarts with it",
          "[faults][host]")
{
  // hand-latency's idle network with a slow hub (one worker, 60 s a request) and two queries, at
  // 10:00:00 and 10:00:20; the hub is down 10:00:30-10:05:00. The first request is in the worker's
  // hands, the second waits in the hub's inbox: both are lost (lost_in_flight 2). Each requester
  // notices at its timeout (200 s), tries again 60 s later while the hub is still down (the server's
  // send fails: failed_sends 2), notices again, and its third attempt, after the hub restarted, is
  // answered within its timeout (the second waits 60 s behind the first at the one hub worker).
  json doc         = json::parse(read_text(scenario("hand-latency")));
  doc["name"]      = "hub-down-holding";
  doc["hub"]["request"] = {{"dist", "fixed"}, {"ms", 60000}};
  json& wl         = doc["workload"][0];
  wl["at"]         = {"2019-06-17T10:00:00+09:00", "2019-06-17T10:00:20+09:00"};
  wl["timeout_s"]  = 200;
  wl["retries"]    = 2;
  wl["retry_interval_s"] = 60;
  doc["timeline"] = {{{"id", "hub-down"}, {"kind", "host_down"}, {"host", "hub"}, {"at", "2019-06-17T10:00:30+09:00"},
                      {"until", "2019-06-17T10:05:00+09:00"}}};
  doc["expect"] = {{{"name", "both answered in the end"}, {"metric", "/outcomes/total/correct"}, {"min", 2}, {"max", 2}}};
  const std::string path = fresh_dir("faults-host-scenario") + "/scenario.json";
  {
    std::ofstream(path) << doc.dump(2);
  }
  const std::string dir = fresh_dir("faults-host-out");
  const ProcessResult p = run_linksim({"run", path, "--out", dir, "--quiet"});
  INFO("stderr: " << p.err);
  REQUIRE(p.signal == 0);
  REQUIRE(p.exit_code == 0);
  const json r  = read_json(dir + "/result.json");
  const json& f = r["faults"]["hub-down"];
  CHECK(f["lost_in_flight"].get<unsigned>() == 2);
  CHECK(f["failed_sends"].get<unsigned>() == 2);
  CHECK(f["retried"].get<unsigned>() == 2);
  CHECK(f["delayed"].get<unsigned>() == 2);
  const auto rows = read_rows(dir + "/exchanges.csv");
  REQUIRE(rows.size() == 2);
  for (const auto& row : rows) {
    CHECK(row.at("outcome") == "correct");
    CHECK(row.at("attempts") == "3");
    const double issued = std::stod(row.at("issued_s"));
    // third attempt: issued + 2 x (timeout 200 + retry 60), then 20 ms to the hub
    CHECK(std::stod(row.at("hub_req_in_s")) == Approx(issued + 520 + 0.020).margin(1e-6));
  }
}
