// The command line as a user meets it: each command's --help gives that command's own exit codes,
// and `linksim persons` prints resident codes as the 11 digits they are.
#include "Process.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace linksim::test;

namespace {

/// The codes listed under "Exit codes of linksim CMD:" in a help text.
std::set<int> listed_codes(const std::string& help, const std::string& cmd)
{
  std::set<int> codes;
  const std::string head = "Exit codes of linksim " + cmd + ":\n";
  const size_t at        = help.find(head);
  if (at == std::string::npos)
    return codes;
  std::istringstream in(help.substr(at + head.size()));
  std::string line;
  const std::regex row(R"(^\s*(\d+)  \S.*)");
  std::smatch m;
  while (std::getline(in, line) && std::regex_match(line, m, row))
    codes.insert(std::stoi(m[1]));
  return codes;
}

} // namespace

TEST_CASE("cli: each command's --help lists its own exit codes, not run's", "[cli]")
{
  const std::map<std::string, std::set<int>> expected = {
      {"run", {0, 1, 2, 3, 4, 5, 70, 130, 143}},
      {"validate", {0, 4, 70}},
      {"sweep", {0, 1, 2, 3, 4, 5, 70, 130, 143}},
      {"compare", {0, 1, 4, 70, 130, 143}},
      {"collect", {0, 1, 2, 3, 4, 5, 70}},
      {"diff", {0, 1, 4, 70}},
      {"reference", {0, 4}},
      {"persons", {0, 4}},
      {"exercise", {0, 1, 4, 70, 130, 143}},
  };
  for (const auto& [cmd, codes] : expected) {
    INFO(cmd);
    const ProcessResult r = run_linksim({cmd, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(listed_codes(r.out, cmd) == codes);
  }
  // The overview names every command and says where the commands' own codes are.
  const ProcessResult o = run_linksim({"--help"});
  CHECK(o.exit_code == 0);
  for (const auto& [cmd, codes] : expected)
    CHECK(o.out.find("linksim " + cmd + " ") != std::string::npos);
  CHECK(o.out.find("each command's --help gives its own exit codes") != std::string::npos);
}

TEST_CASE("cli: validate exits 0 or 4 as its --help says, and refuses what exercise refuses", "[cli][exercise]")
{
  const std::string inv = source_dir() + "/scenarios/invalid/";
  CHECK(run_linksim({"validate", source_dir() + "/scenarios/quickstart.json"}).exit_code == 0);
  // An exercise whose played agency provides no incident: `linksim exercise` refuses it, so
  // validation does too.
  const ProcessResult r = run_linksim({"validate", inv + "exercise/exercise-play-without-incident.json"});
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("/exercise/play: agency \"city-b\" provides no incident") != std::string::npos);
  const ProcessResult e = run_linksim({"exercise", inv + "exercise/exercise-play-without-incident.json", "--actions",
                                       "/dev/null", "--out", fresh_dir("cli-exercise-refused"), "--quiet"});
  CHECK(e.exit_code == 4);
}

TEST_CASE("cli: persons prints resident codes (住民票コード) as 11 digits, leading zeros kept", "[cli][persons]")
{
  const std::string qs = source_dir() + "/scenarios/quickstart.json";
  // a-city-01's first 60 residents include codes below 10^10 (e.g. person 14's).
  const ProcessResult j = run_linksim({"persons", qs, "--agency", "a-city-01", "--limit", "60", "--json"});
  REQUIRE(j.exit_code == 0);
  const auto doc = nlohmann::json::parse(j.out);
  size_t short_before = 0;
  for (const auto& p : doc.at("agencies").at(0).at("first_members")) {
    const std::string rc = p.at("resident_code").get<std::string>();
    INFO(p.at("person") << " " << rc);
    CHECK(std::regex_match(rc, std::regex("[0-9]{11}")));
    short_before += rc[0] == '0';
  }
  CHECK(short_before > 0); // the sample holds codes that were printed with fewer digits before
  const ProcessResult t = run_linksim({"persons", qs, "--person", "14"});
  REQUIRE(t.exit_code == 0);
  CHECK(std::regex_search(t.out, std::regex(R"(resident_code\s+0[0-9]{10}\n)")));
}

TEST_CASE("cli: a workload line no permission row ever grants validates with a warning naming it", "[cli][permission]")
{
  // batch-and-refusal's "kyosai-refused" asks what no row grants (by design: it shows refusals).
  const ProcessResult r = run_linksim({"validate", source_dir() + "/scenarios/batch-and-refusal.json"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning: " + source_dir() + "/scenarios/batch-and-refusal.json: /workload/5: ") != std::string::npos);
  CHECK(r.err.find("\"kyosai-refused\"") != std::string::npos);
  CHECK(r.err.find("every query of it will be refused (denied)") != std::string::npos);
  // Lines that some row grants get no warning, nor does a line asking the connectivity-check tool
  // (it answers whatever the requester may ask any provider for).
  for (const char* ok : {"quickstart", "linkage-test"}) {
    INFO(ok);
    const ProcessResult q = run_linksim({"validate", source_dir() + "/scenarios/" + ok + ".json"});
    CHECK(q.exit_code == 0);
    CHECK(q.err.find("warning:") == std::string::npos);
  }
}
