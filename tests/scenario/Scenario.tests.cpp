// Scenario tests: every simulation runs in its own linksim process (SimGrid's engine is a
// singleton); the tests read what it wrote.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace linksim::test;
using nlohmann::json;

namespace {

std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

/// Runs a scenario into a fresh directory; returns the directory.
std::string run(const std::string& name, const std::string& tag, std::vector<std::string> extra = {}, int expect = 0)
{
  const std::string dir = fresh_dir(tag);
  std::vector<std::string> args = {"run", scenario(name), "--out", dir, "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  const ProcessResult r = run_linksim(args);
  INFO("stderr: " << r.err);
  REQUIRE(r.signal == 0);
  REQUIRE(r.exit_code == expect);
  return dir;
}

/// Writes a scenario derived from a shipped one (JSON merge patch) and returns its path.
std::string derived(const std::string& base, const json& patch, const std::string& tag)
{
  json doc = json::parse(read_text(scenario(base)));
  doc.erase("extends");
  if (base != "quickstart" && json::parse(read_text(scenario(base))).contains("extends"))
    FAIL("derived() expects a base without extends");
  doc.merge_patch(patch);
  const std::string dir  = fresh_dir(tag);
  const std::string path = dir + "/scenario.json";
  std::ofstream(path) << doc.dump(2);
  return path;
}

json without_wall(json r)
{
  r.erase("wall");
  return r;
}

/// exchanges.csv as rows of fields (header first).
std::vector<std::vector<std::string>> csv_rows(const std::string& path)
{
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(path));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, ','))
      f.push_back(cell);
    if (!line.empty() && line.back() == ',')
      f.emplace_back();
    rows.push_back(f);
  }
  return rows;
}

size_t column(const std::vector<std::string>& header, const std::string& name)
{
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name)
      return i;
  FAIL("no column " << name);
  return 0;
}

} // namespace

TEST_CASE("quickstart: runs, passes its checks and writes every result section", "[quickstart]")
{
  const std::string dir = run("quickstart", "quickstart");
  const json r          = read_json(dir + "/result.json");
  for (const char* key : {"run", "outcomes", "latency", "records", "servers", "volume", "checks", "verdict", "wall"})
    CHECK(r.contains(key));
  for (const char* key : {"scenario", "file_sha256", "seed", "linksim_version", "simgrid_version", "network_model", "start",
                          "end", "simulated_end"})
    CHECK(r["run"].contains(key));
  CHECK(r["run"]["network_model"]["model"] == "CM02");
  CHECK(r["run"]["network_model"]["latency_factor"] == 1.0);
  for (const char* key : {"total", "by_procedure", "by_requester", "by_provider", "by_item"})
    CHECK(r["outcomes"].contains(key));
  CHECK(r["latency"]["hops"].size() == 11);
  for (const auto& [name, s] : r["latency"]["hops"].items())
    for (const char* k : {"count", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_ms"})
      CHECK(s.contains(k));
  for (const auto& c : r["checks"])
    for (const char* k : {"name", "verdict", "value", "threshold"})
      CHECK(c.contains(k));
  for (const char* k : {"seconds", "peak_rss_mib", "exchanges_per_second"})
    CHECK(r["wall"].contains(k));
  // The acceptance criteria of the foundation issue.
  const json& t = r["outcomes"]["total"];
  CHECK(t["wrong_person"] == 0);
  CHECK(t["wrong_version"] == 0);
  CHECK(t["null_rule_violation"] == 0);
  CHECK(t["unentitled"] == 0);
  CHECK(t["all"].get<int>() > 2000);
  // One CSV row per exchange, each with the run id.
  const auto rows = csv_rows(dir + "/exchanges.csv");
  REQUIRE(rows.size() == t["all"].get<size_t>() + 1);
  const size_t run_id = column(rows[0], "run_id");
  for (size_t i = 1; i < rows.size(); i += 97)
    CHECK(rows[i][run_id] == r["run"]["run_id"]);
  CHECK(std::filesystem::exists(dir + "/junit.xml"));
  CHECK(read_text(dir + "/report.html").find("<canvas") != std::string::npos);
}

TEST_CASE("determinism: the same seed twice gives byte-identical results, another seed differs", "[determinism]")
{
  const std::string a = run("quickstart", "det-a", {"--seed", "7"});
  const std::string b = run("quickstart", "det-b", {"--seed", "7"});
  const std::string c = run("quickstart", "det-c", {"--seed", "8"});
  const json ra = read_json(a + "/result.json"), rb = read_json(b + "/result.json"), rc = read_json(c + "/result.json");
  CHECK(without_wall(ra).dump() == without_wall(rb).dump());
  CHECK(read_text(a + "/exchanges.csv") == read_text(b + "/exchanges.csv"));
  // Byte-identical file up to the wall section (it is written last).
  const std::string ta = read_text(a + "/result.json"), tb = read_text(b + "/result.json");
  CHECK(ta.substr(0, ta.find("\"wall\"")) == tb.substr(0, tb.find("\"wall\"")));
  CHECK(read_text(a + "/exchanges.csv") != read_text(c + "/exchanges.csv"));
  CHECK(ra["outcomes"]["total"]["all"] != rc["outcomes"]["total"]["all"]);
}

TEST_CASE("hand-computed latency: one query on an idle network = link latencies + processing, to the microsecond",
          "[latency][hand]")
{
  const json sc = json::parse(read_text(scenario("hand-latency")));
  // Read the parameters from the scenario itself.
  auto site = [&](const std::string& id) {
    for (const auto& s : sc["network"]["sites"])
      if (s["id"] == id)
        return s;
    FAIL("no site " << id);
    return json();
  };
  const double vpn    = sc["network"]["vpn_device"]["latency_ms"].get<double>();
  const double lgwan  = site("lg-east")["lgwan"]["latency_ms"].get<double>();
  const double uplink = site("lg-east")["uplink"]["latency_ms"].get<double>();
  const json& srv     = sc["servers"][0];
  const double query = srv["query"]["ms"].get<double>(), lookup = srv["lookup"]["ms"].get<double>(),
               result = srv["result"]["ms"].get<double>();
  const double hub_req = sc["hub"]["request"]["ms"].get<double>(), hub_resp = sc["hub"]["response"]["ms"].get<double>();
  const std::map<std::string, double> expected = {
      {"es_to_req_ims", vpn + lgwan}, {"req_ims_request", query},  {"req_ims_to_hub", uplink},
      {"hub_request", hub_req},       {"hub_to_prov_ims", uplink}, {"prov_ims", lookup},
      {"prov_ims_to_hub", uplink},    {"hub_response", hub_resp},  {"hub_to_req_ims", uplink},
      {"req_ims_response", result},   {"req_ims_to_es", vpn + lgwan}};
  double total = 0;
  for (const auto& [k, v] : expected)
    total += v;
  REQUIRE(total == 86.0); // as the scenario's description computes it

  const std::string dir = run("hand-latency", "hand");
  const json r          = read_json(dir + "/result.json");
  REQUIRE(r["outcomes"]["total"]["all"] == 1);
  CHECK(r["latency"]["end_to_end"]["max_ms"].get<double>() == total); // ms with 3 decimals: exact to 1 µs
  for (const auto& [hop, ms] : expected) {
    INFO(hop);
    CHECK(r["latency"]["hops"][hop]["max_ms"].get<double>() == ms);
  }
  // And the CSV's own timestamps add up.
  const auto rows = csv_rows(dir + "/exchanges.csv");
  REQUIRE(rows.size() == 2);
  const double issued  = std::stod(rows[1][column(rows[0], "issued_s")]);
  const double fetched = std::stod(rows[1][column(rows[0], "fetched_s")]);
  CHECK(std::llround((fetched - issued) * 1e6) == std::llround(total * 1e3));
  CHECK(issued == 36000.0); // 10:00 JST on the first day
}

TEST_CASE("hand-computed latency: message sizes add size / bottleneck bandwidth on each link", "[latency][hand]")
{
  // 1,000-byte headers, 500 bytes per person, 3,000-byte records: each transfer adds its size over
  // the narrowest link (the 100 Mbps VPN device on the agency side, 1 Gbps elsewhere).
  const std::string path = derived(
      "hand-latency",
      {{"messages", {{"header_bytes", 1000}, {"request_bytes_per_person", 500}}},
       {"layouts", {{{"number", 2}, {"name", "tax"}, {"record_bytes", 3000}, {"coverage", 1.0},
                     {"versions", {{{"version", "4.1"}, {"valid_from", "2019-06-16"}, {"items", {{{"code", "106"}}}}}}}}}},
       {"expect", {{{"name", "one exchange"}, {"metric", "/outcomes/total/all"}, {"min", 1}}}}},
      "hand-sized");
  const std::string dir = fresh_dir("hand-sized-out");
  const ProcessResult p = run_linksim({"run", path, "--out", dir, "--quiet"});
  REQUIRE(p.exit_code == 0);
  const json r       = read_json(dir + "/result.json");
  const double vpn   = 100e6 / 8, gig = 1000e6 / 8; // bytes per second
  const double req   = 1500, ans = 4000;             // request and answer message sizes
  const double extra = req / vpn + req / gig + req / gig + ans / gig + ans / gig + ans / vpn;
  CHECK(r["latency"]["end_to_end"]["max_ms"].get<double>() == std::round((0.086 + extra) * 1e6) / 1e3);
  CHECK(r["latency"]["hops"]["es_to_req_ims"]["max_ms"].get<double>() == std::round((0.007 + req / vpn) * 1e6) / 1e3);
}

TEST_CASE("batch-and-refusal: a query outside the permission table is denied and no data is delivered", "[permission]")
{
  const std::string dir = run("batch-and-refusal", "refusal");
  const json r          = read_json(dir + "/result.json");
  const json& refused   = r["outcomes"]["by_workload"]["kyosai-refused"];
  REQUIRE(refused["all"].get<int>() > 0);
  CHECK(refused["denied"] == refused["all"]);
  CHECK(refused["provided"] == 0);
  CHECK(r["outcomes"]["by_workload"]["jasso-tax"]["provided"].get<int>() > 1000);
  // In the trace: refused rows never reached a provider, and only hub and requester recorded them.
  const auto rows  = csv_rows(dir + "/exchanges.csv");
  const size_t wl  = column(rows[0], "workload"), out = column(rows[0], "outcome"), pv = column(rows[0], "pv_req_in_s"),
               rec = column(rows[0], "records");
  size_t seen = 0;
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i][wl] == "kyosai-refused") {
      ++seen;
      CHECK(rows[i][out] == "denied");
      CHECK(rows[i][pv].empty());
      CHECK(rows[i][rec] == "5"); // requester (1) + hub (4), no provider record
    }
  CHECK(seen == refused["all"].get<size_t>());
}

TEST_CASE("manual-answer: held requests are answered by staff inside business hours", "[manual]")
{
  const std::string dir = run("manual-answer", "manual");
  const json r          = read_json(dir + "/result.json");
  CHECK(r["outcomes"]["by_provider"]["a-city-03"]["correct"].get<int>() > 0);
  CHECK(r["records"]["nondisclosure"].get<int>() > 0);
  CHECK(r["records"]["inconsistent"] == 0);
  const auto rows = csv_rows(dir + "/exchanges.csv");
  const size_t prov = column(rows[0], "provider"), in = column(rows[0], "pv_req_out_s"), ans = column(rows[0], "pv_resp_in_s"),
               item = column(rows[0], "item");
  size_t manual = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][prov] != "a-city-03" || rows[i][item] != "2" || rows[i][ans].empty())
      continue;
    ++manual;
    const double answered = std::stod(rows[i][ans]);
    const double held     = std::stod(rows[i][in]);
    CHECK(answered - held >= 300.0); // at least one handling time (5 min)
    // 2019-06-17 is a Monday at t=0: business hours 08:30-17:15, Monday to Friday.
    const double day = std::floor(answered / 86400), sod = answered - day * 86400;
    CHECK(day < 5);
    CHECK(sod >= 8.5 * 3600);
    CHECK(sod <= 17.25 * 3600);
  }
  CHECK(manual > 10);
}

TEST_CASE("identity-swap, registration-faults: the oracle finds wrong person, stale, null-rule and version faults",
          "[oracle]")
{
  const json swap = read_json(run("identity-swap", "swap") + "/result.json");
  CHECK(swap["outcomes"]["by_workload"]["couple"]["wrong_person"].get<int>() > 0);
  CHECK(swap["outcomes"]["by_workload"]["child-tax"]["wrong_person"] == 0);
  const json faults = read_json(run("registration-faults", "faults") + "/result.json");
  CHECK(faults["outcomes"]["by_provider"]["a-city-05"]["stale"].get<int>() > 0);
  CHECK(faults["outcomes"]["by_provider"]["a-city-09"]["null_rule_violation"].get<int>() > 0);
  CHECK(faults["outcomes"]["by_provider"]["jpo"]["wrong_version"].get<int>() > 0);
  CHECK(faults["outcomes"]["total"]["wrong_person"] == 0);
}

TEST_CASE("unentitled data always fails the run (exit 1), whatever the scenario's checks", "[permission][exit]")
{
  const std::string dir = run("unentitled-master", "unentitled", {}, 1);
  const json r          = read_json(dir + "/result.json");
  CHECK(r["outcomes"]["total"]["unentitled"].get<int>() > 0);
  bool builtin_failed = false;
  for (const auto& c : r["checks"])
    if (c.value("builtin", false) && c["metric"] == "/outcomes/total/unentitled")
      builtin_failed = c["verdict"] == "fail";
  CHECK(builtin_failed);
  CHECK(read_text(dir + "/junit.xml").find("<failure") != std::string::npos);
}

TEST_CASE("exit codes: 2 for a latency failure, 3 inconclusive, 5 nothing checked", "[exit]")
{
  SECTION("latency")
  {
    const auto path = derived("quickstart",
                              {{"expect", {{{"name", "impossible"}, {"metric", "/latency/end_to_end/p50_ms"}, {"max", 1}}}}},
                              "exit2");
    CHECK(run_linksim({"run", path, "--out", fresh_dir("exit2-out"), "--quiet"}).exit_code == 2);
  }
  SECTION("correctness beats latency")
  {
    const auto path = derived("quickstart",
                              {{"expect",
                                {{{"name", "lat"}, {"metric", "/latency/end_to_end/p50_ms"}, {"max", 1}},
                                 {{"name", "corr"}, {"metric", "/outcomes/total/correct"}, {"max", 0}}}}},
                              "exit1");
    CHECK(run_linksim({"run", path, "--out", fresh_dir("exit1-out"), "--quiet"}).exit_code == 1);
  }
  SECTION("inconclusive")
  {
    const auto path = derived(
        "hand-latency", {{"expect", {{{"name", "no batches here"}, {"metric", "/latency/end_to_end_batch/p95_ms"}, {"max", 1}}}}},
        "exit3");
    CHECK(run_linksim({"run", path, "--out", fresh_dir("exit3-out"), "--quiet"}).exit_code == 3);
  }
  SECTION("nothing checked")
  {
    const auto path = derived("hand-latency", {{"expect", json::array()}}, "exit5");
    CHECK(run_linksim({"run", path, "--out", fresh_dir("exit5-out"), "--quiet"}).exit_code == 5);
  }
}

TEST_CASE("cli: --version, and usage errors exit 4", "[cli]")
{
  const ProcessResult v = run_linksim({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out.find("SimGrid 3.32") != std::string::npos);
  CHECK(run_linksim({}).exit_code == 4);
  CHECK(run_linksim({"frobnicate"}).exit_code == 4);
  CHECK(run_linksim({"run"}).exit_code == 4);
  CHECK(run_linksim({"run", scenario("quickstart"), "--seed", "x"}).exit_code == 4);
  const ProcessResult missing = run_linksim({"run", "/nonexistent/scenario.json"});
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find("error: /nonexistent/scenario.json: /: cannot read the file") != std::string::npos);
  CHECK(run_linksim({"validate", scenario("quickstart"), scenario("manual-answer")}).exit_code == 0);
}

TEST_CASE("invalid scenarios: every file in scenarios/invalid has an expectation, and the reverse", "[invalid]")
{
  // The negative examples are grouped in a folder per section; bases/ holds what they extend.
  const std::string dir = source_dir() + "/scenarios/invalid";
  std::set<std::string> files, listed;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string rel = std::filesystem::relative(e.path(), dir).generic_string();
    if (e.path().extension() == ".json" && rel.rfind("bases/", 0) != 0)
      files.insert(rel);
  }
  std::istringstream tsv(read_text(dir + "/expected.tsv"));
  std::string line;
  while (std::getline(tsv, line))
    if (!line.empty())
      listed.insert(line.substr(0, line.find('\t')));
  CHECK(files == listed);
  CHECK(files.size() >= 20);
}

TEST_CASE("invalid scenarios: each is a short patch on a base, not a copy of one", "[invalid]")
{
  // A negative example shows its rule in a few lines; what a scenario needs besides is in bases/
  // (scenarios/tools/invalid_rebase.py turns a whole copy into such a patch). Lists of many values
  // (a rule on "at most N") are the longest.
  const std::string dir = source_dir() + "/scenarios/invalid";
  size_t longest = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string rel = std::filesystem::relative(e.path(), dir).generic_string();
    if (e.path().extension() != ".json" || rel.rfind("bases/", 0) == 0)
      continue;
    const std::string text = read_text(e.path().string());
    const size_t lines     = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    INFO(rel << ": " << lines << " lines");
    CHECK(lines <= 25);
    // Only a file whose rule is about its own text or shape (a syntax error, nesting, an array) stands alone.
    static const std::set<std::string> alone = {"document/json-syntax-error.json", "document/too-deep.json",
                                                "document/root-not-object.json"};
    if (!alone.count(rel))
      CHECK(text.find("\"extends\"") != std::string::npos);
    longest = std::max(longest, lines);
  }
  CHECK(longest > 0);
}

TEST_CASE("robustness: hostile inputs give exit 4, never a crash or a hang", "[invalid][robustness]")
{
  const std::string dir = fresh_dir("hostile");
  std::map<std::string, std::string> inputs = {
      {"empty.json", ""},
      {"binary.json", std::string("\x00\xff\xfe\x01{", 5)},
      {"deep.json", std::string(100000, '[') + std::string(100000, ']')},
      {"huge-number.json", "{\"name\": \"x\", \"seed\": 1e400}"},
      {"array.json", "[1, 2, 3]"},
      {"string.json", "\"quickstart\""},
      {"nul.json", "{\"name\": \"a\\u0000b\"}"},
  };
  for (const auto& [name, text] : inputs) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
    const ProcessResult r = run_linksim({"validate", dir + "/" + name}, 30);
    INFO(name << ": " << r.err);
    CHECK(r.signal == 0);
    CHECK(r.exit_code == 4);
  }
  const ProcessResult d = run_linksim({"validate", dir}, 30); // a directory
  CHECK(d.exit_code == 4);
}

TEST_CASE("validate: a file without \"format\" is read as the current format and says so, a format-1 file is read as it is", "[format]")
{
  const std::string dir = fresh_dir("format");
  json doc              = read_json(scenario("quickstart"));
  REQUIRE(doc.at("format") == 2);
  const auto write = [&](const std::string& name, const json& d) {
    std::ofstream(dir + "/" + name) << d.dump(1);
    return dir + "/" + name;
  };
  // Declared: no note.
  const ProcessResult declared = run_linksim({"validate", write("declared.json", doc)});
  CHECK(declared.exit_code == 0);
  CHECK(declared.out.find("note:") == std::string::npos);
  // Absent: read as the current format, with a note on stdout (not with -q).
  doc.erase("format");
  const std::string absent = write("absent.json", doc);
  const ProcessResult a    = run_linksim({"validate", absent});
  CHECK(a.exit_code == 0);
  CHECK(a.out.find("note: " + absent + ": no \"format\": read as format 2, the current one") != std::string::npos);
  CHECK(run_linksim({"validate", "-q", absent}).out.empty());
  // Format 1 without the keys whose meaning changed is read as it is.
  doc["format"]         = 1;
  const ProcessResult o = run_linksim({"validate", write("format-1.json", doc)});
  CHECK(o.exit_code == 0);
  CHECK(o.err.empty());
  CHECK(o.out.find("note:") == std::string::npos);
}
