// The production linkage test (情報連携試験): test My Numbers, the connectivity-check tool, the
// test_mixed class, and `linksim persons`.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace linksim::test;

namespace {
std::string scenario(const std::string& name) { return source_dir() + "/scenarios/" + name + ".json"; }

/// exchanges.csv as rows of column → value.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& path)
{
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> head;
  std::stringstream hs(line);
  for (std::string c; std::getline(hs, c, ',');)
    head.push_back(c);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::stringstream ls(line);
    std::map<std::string, std::string> row;
    size_t k = 0;
    for (std::string c; std::getline(ls, c, ',') && k < head.size(); ++k)
      row[head[k]] = c;
    rows.push_back(row);
  }
  return rows;
}

/// The test My Numbers `linksim persons --json` lists for an agency.
std::vector<std::string> test_numbers(const std::string& file, const std::string& agency)
{
  const ProcessResult r = run_linksim({"persons", file, "--agency", agency, "--limit", "5", "--json"});
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["agencies"].size() == 1);
  return j["agencies"][0]["test_my_numbers"].get<std::vector<std::string>>();
}
} // namespace

TEST_CASE("linkage: test My Numbers against the tool and a partner agency are correct, and never mixed",
          "[linkage]")
{
  const std::string out = fresh_dir("linkage-base");
  const ProcessResult r = run_linksim({"run", scenario("linkage-test"), "--out", out, "--quiet"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto res = read_json(out + "/result.json");
  CHECK(res["outcomes"]["total"]["test_mixed"] == 0);
  for (const char* id : {"LT-01", "LT-02", "LT-03", "LT-04"})
    CHECK(res["test_cases"][id]["verdict"] == "verified");
  const auto tests = test_numbers(scenario("linkage-test"), "city-renewed");
  const uint64_t real = res["run"]["persons"].get<uint64_t>();
  std::map<std::string, int> by_line;
  std::map<std::string, std::vector<std::string>> persons;
  for (const auto& row : read_csv(out + "/exchanges.csv")) {
    const std::string& wl = row.at("workload");
    if (wl.rfind("case:LT-", 0) != 0 && wl != "lt-training")
      continue;
    ++by_line[wl];
    persons[wl].push_back(row.at("person"));
    INFO("exchange " << row.at("exchange") << " of " << wl);
    CHECK(row.at("outcome") == (wl == "case:LT-04" ? "no_replica" : "correct"));
    CHECK(row.at("records") == "7"); // requester, provider (the tool's, with the hub's) and hub
    // Test persons are reserved at the top of the index space, above every real person.
    CHECK(std::stoull(row.at("person")) >= real);
    if (wl == "case:LT-01" || wl == "case:LT-02" || wl == "lt-training") {
      // The tool answers at the hub: nothing travels to a provider's server.
      CHECK(row.at("provider") == "nws-check");
      CHECK(row.at("hub_req_out_s") == row.at("pv_resp_out_s"));
      CHECK(std::stod(row.at("end_to_end_ms")) < 70);
    } else {
      CHECK(row.at("provider") == "jpo");
      CHECK(row.at("hub_req_out_s") != row.at("pv_resp_out_s"));
    }
  }
  CHECK(by_line["case:LT-01"] == 3);
  CHECK(by_line["case:LT-02"] == 3);
  CHECK(by_line["case:LT-03"] == 3);
  CHECK(by_line["case:LT-04"] == 1);
  CHECK(by_line["lt-training"] == 20);
  // The cases ask the test persons of the My Numbers they name, in order.
  CHECK(persons["case:LT-03"] == persons["case:LT-01"]);
  const std::string text = read_text(scenario("linkage-test"));
  for (size_t k = 0; k < 3; ++k)
    CHECK(text.find("\"" + tests[k] + "\"") != std::string::npos);
  CHECK(std::stoull(persons["case:LT-01"][0]) == 99999999999ULL); // city-renewed's test person #0 (agency 0)
}

TEST_CASE("linkage: a real person put into a linkage test fails the run with test_mixed (exit 1)", "[linkage]")
{
  const std::string out = fresh_dir("linkage-real-person");
  const ProcessResult r = run_linksim({"run", scenario("linkage-test-real-person"), "--out", out});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("FAIL  builtin: no exchange mixes a test person and a real one") != std::string::npos);
  const auto res = read_json(out + "/result.json");
  CHECK(res["outcomes"]["total"]["test_mixed"] == 1);
  CHECK(res["outcomes"]["by_workload"]["case:LT-05"]["test_mixed"] == 1);
  const auto& lt5 = res["test_cases"]["LT-05"];
  CHECK(lt5["verdict"] == "failed");
  CHECK(lt5["exchanges"][0]["reason"] == "expected correct, got test_mixed");
  CHECK(res["test_cases"]["LT-03"]["verdict"] == "verified"); // the test persons' cases are untouched
  int mixed = 0;
  for (const auto& row : read_csv(out + "/exchanges.csv"))
    if (row.at("outcome") == "test_mixed") {
      ++mixed;
      CHECK(row.at("workload") == "case:LT-05");
      CHECK(row.at("person") == "44337"); // the real resident whose My Number was typed
    }
  CHECK(mixed == 1);
  const std::string junit = read_text(out + "/junit.xml");
  CHECK(junit.find("no exchange mixes a test person and a real one") != std::string::npos);
}

TEST_CASE("linkage: linksim persons tells who a person is, by index or My Number, without running", "[linkage][persons]")
{
  const std::string file = scenario("linkage-test");
  const auto tests       = test_numbers(file, "city-renewed");
  REQUIRE(tests.size() == 5);
  // A test My Number: reserved for city-renewed, lives there, test data at city-renewed and jpo.
  ProcessResult r = run_linksim({"persons", file, "--my-number", tests[0], "--json"});
  REQUIRE(r.exit_code == 0);
  auto j          = nlohmann::json::parse(r.out);
  const auto& tp  = j["persons"][0];
  CHECK(tp["my_number"] == tests[0]);
  CHECK(tp["test"]["reserved_for"] == "city-renewed");
  CHECK(tp["test"]["rank"] == 0);
  CHECK(tp["residence"] == "city-renewed");
  CHECK(tp["previous_residence"].is_null());
  REQUIRE(tp["records"].size() == 2);
  CHECK(tp["records"][0]["item"] == 2);
  CHECK(tp["records"][0]["providers"] == nlohmann::json::array({"city-renewed"}));
  CHECK(tp["records"][1]["item"] == 53);
  CHECK(tp["records"][1]["providers"] == nlohmann::json::array({"jpo"}));
  // The real resident linkage-test-real-person.json types by mistake: jpo covers them.
  r = run_linksim({"persons", file, "--my-number", "593459943715", "--json"});
  REQUIRE(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["persons"][0]["person"] == 44337);
  CHECK(j["persons"][0]["test"].is_null());
  CHECK(j["persons"][0]["national_bodies"] == nlohmann::json::array({"jpo"}));
  // A real person by index, then by the My Number printed for them: the same person.
  r = run_linksim({"persons", file, "--person", "3", "--json"});
  REQUIRE(r.exit_code == 0);
  j                      = nlohmann::json::parse(r.out);
  const std::string mine = j["persons"][0]["my_number"].get<std::string>();
  CHECK(j["persons"][0]["test"].is_null());
  CHECK(j["persons"][0]["residence"] == "city-renewed");
  CHECK(mine == "699761853094");
  r = run_linksim({"persons", file, "--my-number", mine});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("person 3\n") != std::string::npos);
  CHECK(r.out.find("residence           city-renewed") != std::string::npos);
  // Every agency's test numbers, and who holds test data for them.
  r = run_linksim({"persons", file, "--limit", "2"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("agency city-renewed (municipality, 20000 persons)") != std::string::npos);
  CHECK(r.out.find("test data held by: city-renewed, jpo, nws-check") != std::string::npos);
  CHECK(r.out.find("test My Numbers (2 of 5): " + tests[0] + " " + tests[1]) != std::string::npos);
  CHECK(r.out.find("agency nws-check") == std::string::npos); // the tool has no persons
  // Records as of another date.
  r = run_linksim({"persons", file, "--person", "3", "--date", "2020-02-05"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("records as of 2020-02-05") != std::string::npos);
  r = run_linksim({"persons", file, "--date", "2020-02-30"});
  CHECK(r.exit_code == 4);
  // Mistakes are usage errors with the reason.
  r = run_linksim({"persons", file, "--my-number", "000000000000"});
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("neither a person's My Number nor a reserved test My Number") != std::string::npos);
  r = run_linksim({"persons", file, "--agency", "nowhere"});
  CHECK(r.exit_code == 4);
  r = run_linksim({"persons", file, "--person", "50000"});
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("neither a person (0 to 49999) nor a reserved test person") != std::string::npos);
}
