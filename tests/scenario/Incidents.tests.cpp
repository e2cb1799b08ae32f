// Issue 9 case 1 and point 3: replica-error-level4.json run end to end, its exchanges read back
// from exchanges.csv: the inject takes effect at its time, self-restraint stops wrong answers, and
// a later self-restraint gives more wrong provisions.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace linksim::test;

namespace {

struct Row {
  std::string outcome, provider;
  double answered_s = 0, fetched_s = 0;
};

std::vector<Row> read_exchanges(const std::string& path)
{
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::map<std::string, size_t> col;
  {
    std::stringstream ss(line);
    std::string c;
    for (size_t i = 0; std::getline(ss, c, ','); ++i)
      col[c] = i;
  }
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, ','))
      f.push_back(c);
    Row r;
    r.outcome  = f.at(col.at("outcome"));
    r.provider = f.at(col.at("provider"));
    const std::string& a = f.at(col.at("pv_resp_in_s"));
    const std::string& b = f.at(col.at("fetched_s"));
    r.answered_s = a.empty() ? -1 : std::stod(a);
    r.fetched_s  = b.empty() ? -1 : std::stod(b);
    rows.push_back(r);
  }
  return rows;
}

/// Runs the shipped scenario (or a patch on it) and returns its result.json.
nlohmann::json run(const std::string& name, const std::string& patch, std::vector<Row>* rows, int expect_exit)
{
  const std::string dir = fresh_dir(name);
  std::string file      = source_dir() + "/scenarios/replica-error-level4.json";
  if (!patch.empty()) {
    file = dir + "/variant.json";
    std::ofstream(file) << "{\"extends\": \"" << source_dir() << "/scenarios/replica-error-level4.json\", \"name\": \""
                        << name << "\", " << patch << "}";
  }
  const ProcessResult r = run_linksim({"run", file, "--out", dir + "/out", "--quiet"});
  INFO(r.err);
  REQUIRE(r.exit_code == expect_exit);
  if (rows)
    *rows = read_exchanges(dir + "/out/exchanges.csv");
  return read_json(dir + "/out/result.json");
}

constexpr double AT = 9 * 3600.0; // the inject: Mon 2019-06-17 09:00, the run's first day

} // namespace

TEST_CASE("incidents: replica-error-level4 - wrong data only after the inject and none answered after containment",
          "[incidents][scenario]")
{
  std::vector<Row> rows;
  const auto res       = run("incident-l4", "", &rows, 0);
  const auto& inc      = res["incidents"]["tax-misregistered"];
  const double contain = AT + inc["time_to_contain_h"].get<double>() * 3600;
  uint64_t wrong = 0, before_at = 0, after_contain_answered = 0, in_flight = 0, right_from_01 = 0;
  for (const Row& r : rows) {
    if (r.outcome != "wrong_data") {
      right_from_01 += r.provider == "a-city-01" && r.outcome == "correct" && r.answered_s >= AT;
      continue;
    }
    ++wrong;
    CHECK(r.provider == "a-city-01");
    before_at += r.answered_s < AT;
    after_contain_answered += r.answered_s >= contain;
    in_flight += r.fetched_s >= contain;
  }
  CHECK(wrong == inc["wrong_provisions"].get<uint64_t>());
  CHECK(wrong > 10);
  CHECK(before_at == 0);              // the inject takes effect at its time
  CHECK(after_contain_answered == 0); // self-restraint holds every later request for staff
  CHECK(in_flight == inc["wrong_after_containment"].get<uint64_t>()); // fetched later: answered before
  CHECK(right_from_01 > wrong);       // persons not affected (and manual answers) stay right
  CHECK(inc["level"] == 4);
  CHECK(inc["detected"] == 1);
  CHECK(inc["annotations_missing"] == 0);
  CHECK(inc["annotations_done"] == wrong);
  // every action accepted, in the order of the rules, deadlines met
  std::vector<std::string> order;
  for (const auto& a : inc["actions"]) {
    CHECK(a["accepted"] == true);
    if (!a["on_time"].is_null())
      CHECK(a["on_time"] == true);
    order.push_back(a["action"].get<std::string>());
  }
  REQUIRE(order.size() == 10);
  CHECK(order.front() == "judge_level");
  CHECK(order.back() == "report_final");
  CHECK(inc["time_to_detect_h"].get<double>() < inc["time_to_contain_h"].get<double>());
  CHECK(inc["time_to_contain_h"].get<double>() < inc["time_to_fix_h"].get<double>());
}

TEST_CASE("incidents: a later self-restraint gives more wrong provisions", "[incidents][scenario]")
{
  const auto soon = run("incident-l4-soon", "", nullptr, 0)["incidents"]["tax-misregistered"];
  // exit 1: the scenario's check "containment within 3 days" fails, as it should
  const auto late = run("incident-l4-late", "\"incidents\": {\"steps\": {\"self_restraint_hours\": 24}}", nullptr, 1)["incidents"]["tax-misregistered"];
  CHECK(late["time_to_contain_h"].get<double>() > soon["time_to_contain_h"].get<double>() + 24);
  CHECK(late["wrong_provisions"].get<uint64_t>() > soon["wrong_provisions"].get<uint64_t>());
  CHECK(late["wrong_before_containment"].get<uint64_t>() > soon["wrong_before_containment"].get<uint64_t>());
}

TEST_CASE("incidents: below the reportable level there is no self-restraint and no report", "[incidents][scenario]")
{
  const auto inc = run("incident-l3", "\"timeline\": [{\"id\": \"tax-misregistered\", \"persons\": 5000}]", nullptr, 1)["incidents"]["tax-misregistered"];
  CHECK(inc["level"] == 3);
  CHECK(inc["time_to_contain_h"].is_null());
  CHECK(inc["time_to_report_h"].is_null());
  std::vector<std::string> order;
  for (const auto& a : inc["actions"])
    order.push_back(a["action"].get<std::string>());
  CHECK(order == std::vector<std::string>{"judge_level", "fix_replicas", "annotate"});
}

TEST_CASE("incidents: blank_reason answers break the null rule (107 without NotAcceptable) instead of carrying wrong values",
          "[incidents][scenario]")
{
  // exit 1: quickstart's "every empty item carries its ReasonOfNull" fails, as it should
  const auto res = run("incident-blank", "\"timeline\": [{\"id\": \"tax-misregistered\", \"mode\": \"blank_reason\"}]", nullptr, 1);
  const auto& by = res["outcomes"]["by_provider"]["a-city-01"];
  CHECK(by["wrong_data"] == 0);
  CHECK(by["null_rule_violation"].get<uint64_t>() > 0);
  CHECK(res["outcomes"]["total"]["null_rule_violation"] == by["null_rule_violation"]); // only the misregistered provider
  const auto& inc = res["incidents"]["tax-misregistered"];
  CHECK(inc["wrong_provisions"] == by["null_rule_violation"]);
  CHECK(inc["wrong_answered_after_containment"] == 0);
}

TEST_CASE("incidents: replica-error-vpn-down - self-restraint and annotation refused exactly while the VPN is down (seed case 4)",
          "[incidents][scenario][faults]")
{
  const std::string dir = fresh_dir("incident-vpn-down");
  const ProcessResult p =
      run_linksim({"run", source_dir() + "/scenarios/replica-error-vpn-down.json", "--out", dir, "--quiet"});
  INFO(p.err);
  REQUIRE(p.exit_code == 0);
  const auto vpn  = read_json(dir + "/result.json");
  const auto base = run("incident-vpn-base", "", nullptr, 0);
  // The VPN windows, from the timeline (t_s of each fault's begin and end).
  std::vector<std::pair<double, double>> down;
  for (const auto& e : vpn["timeline"])
    if (e["kind"] == "vpn_fault")
      down.emplace_back(e["t_s"].get<double>(), 0);
    else if (e["kind"] == "vpn_fault_end")
      down.back().second = e["t_s"].get<double>();
  REQUIRE(down.size() == 2);
  const auto& inc = vpn["incidents"]["tax-misregistered"];
  size_t refused = 0, restraint_refused = 0, annotate_refused = 0;
  for (const auto& a : inc["actions"]) {
    const double t   = a["t_s"].get<double>();
    const bool in_down = (t >= down[0].first && t < down[0].second) || (t >= down[1].first && t < down[1].second);
    const bool needs_line = a["action"] == "self_restraint_on" || a["action"] == "self_restraint_off" || a["action"] == "annotate";
    if (!a["accepted"].get<bool>()) {
      ++refused;
      CHECK(in_down);    // refused only while the line is down
      CHECK(needs_line); // and only what needs it
      restraint_refused += a["action"] == "self_restraint_on";
      annotate_refused += a["action"] == "annotate";
    } else if (needs_line) {
      CHECK_FALSE(in_down); // nothing that needs the line is done while it is down
    }
  }
  CHECK(refused == inc["actions_refused"].get<size_t>());
  CHECK(restraint_refused >= 1);
  CHECK(annotate_refused >= 1);
  // Containment waits for the line: later than without the fault, and more wrong provisions before it.
  const auto& b = base["incidents"]["tax-misregistered"];
  CHECK(inc["time_to_contain_h"].get<double>() * 3600 + 9 * 3600.0 >= down[0].second);
  CHECK(inc["time_to_contain_h"].get<double>() > b["time_to_contain_h"].get<double>());
  CHECK(inc["wrong_before_containment"].get<uint64_t>() > b["wrong_before_containment"].get<uint64_t>());
  CHECK(inc["annotations_missing"].get<uint64_t>() == 0);
  CHECK(inc["wrong_answered_after_containment"].get<uint64_t>() == 0);
  // What does not need the line is not held back by a refused self-restraint: the initial report
  // (filed inside the first VPN window) goes at the same time as without the fault.
  const double report = 9 * 3600.0 + inc["time_to_report_h"].get<double>() * 3600;
  CHECK(report > down[0].first);
  CHECK(report < down[0].second);
  CHECK(inc["time_to_report_h"].get<double>() == Approx(b["time_to_report_h"].get<double>()));
  CHECK(inc["actions_late"].get<uint64_t>() == 0);
}
