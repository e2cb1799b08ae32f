// Reading scenarios with "extends": merging, and errors that name the file they are in.
#include "Fixtures.hpp"
#include "harness/Errors.hpp"
#include "harness/scenario/Extends.hpp"
#include "harness/scenario/Sha256.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace linksim;
using test::has;
using nlohmann::json;

namespace {

/// A fresh folder for the files of one test, removed afterwards.
struct TempDir {
  std::string path;
  TempDir()
  {
    std::string tmpl = (std::filesystem::temp_directory_path() / "linksim-extends-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  /// Writes `text` to `name` in the folder; returns its path.
  std::string write(const std::string& name, const std::string& text) const
  {
    const std::string p = path + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
};

/// The loader's messages for the scenario file at `path` (empty if valid).
std::vector<std::string> errors_of_file(const std::string& path)
{
  try {
    load_scenario(path);
  } catch (const ScenarioError& e) {
    return e.messages;
  }
  return {};
}

/// The merged document of `child` (a file in `dir`), or the errors it gave.
std::optional<ScenarioDocument> read(const TempDir& dir, const std::string& child, std::vector<std::string>& errors)
{
  const std::string path = dir.path + "/" + child;
  std::string text, why;
  REQUIRE(read_file(path, text, why));
  Issues issues(path);
  auto sd = read_scenario_document(text, path, issues);
  errors  = issues.list();
  return sd;
}


} // namespace

TEST_CASE("harness::Extends: with no extends, messages are unchanged", "[extends]")
{
  auto j                    = test::small_scenario_json();
  j["hub"]["workers"]       = 0;
  j["workload"][0]["total"] = 5;
  try {
    parse_scenario(j.dump(), "x.json");
    FAIL("expected errors");
  } catch (const ScenarioError& e) {
    CHECK(has(e.messages, "error: x.json: /hub/workers: value 0 out of range: must be >= 1"));
    CHECK(has(e.messages, "error: x.json: /workload/0: expected exactly one of \"rate_per_day\""));
  }
  Issues issues("x.json");
  auto sd = read_scenario_document(j.dump(), "x.json", issues);
  REQUIRE(sd);
  CHECK(sd->doc == j);
  CHECK(sd->hashed == j.dump());
  const Origin o = sd->provenance.locate("/workload/0/provider/select");
  CHECK(o.file == "x.json");
  CHECK(o.pointer == "/workload/0/provider/select");
}

TEST_CASE("harness::Extends: an error in a base value names the base and the base's pointer", "[extends]")
{
  TempDir dir;
  auto base              = test::small_scenario_json();
  base["hub"]["workers"] = 0;
  dir.write("base.json", base.dump(2));
  dir.write("child.json", R"({"extends": "base.json", "name": "child", "calendar": {"duration_days": 1}})");
  const auto msgs = errors_of_file(dir.path + "/child.json");
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0] == "error: " + dir.path + "/base.json: /hub/workers: value 0 out of range: must be >= 1");
}

TEST_CASE("harness::Extends: an error in a value the child wrote names the child", "[extends]")
{
  TempDir dir;
  dir.write("base.json", test::small_scenario_json().dump(2));
  dir.write("child.json", R"({"extends": "base.json", "hub": {"workers": -1, "workerz": 2}})");
  const auto msgs = errors_of_file(dir.path + "/child.json");
  CHECK(has(msgs, "error: " + dir.path + "/child.json: /hub/workers: value -1 out of range"));
  CHECK(has(msgs, "error: " + dir.path + "/child.json: /hub/workerz: unknown key \"workerz\""));
}

TEST_CASE("harness::Extends: a syntax error or a repeated key in a base names the base", "[extends]")
{
  TempDir dir;
  dir.write("broken.json", "{\n  \"name\": \"x\",\n  oops\n}");
  dir.write("twice.json", R"({"name": "x", "seed": 1, "seed": 2})");
  dir.write("child.json", R"({"extends": "broken.json"})");
  dir.write("child2.json", R"({"extends": "twice.json"})");
  auto msgs = errors_of_file(dir.path + "/child.json");
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0].rfind("error: " + dir.path + "/broken.json: /: invalid JSON at line 3, column 3: syntax error", 0) == 0);
  msgs = errors_of_file(dir.path + "/child2.json");
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0] == "error: " + dir.path + "/twice.json: /seed: duplicate key (JSON keeps only the last one: remove one of them)");
}

TEST_CASE("harness::Extends: a missing base is an error of the file naming it, at /extends", "[extends]")
{
  TempDir dir;
  dir.write("middle.json", R"({"extends": "nowhere.json", "name": "middle"})");
  dir.write("child.json", R"({"extends": "middle.json"})");
  const auto msgs = errors_of_file(dir.path + "/child.json");
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0] == "error: " + dir.path + "/middle.json: /extends: base scenario \"" + dir.path +
                       "/nowhere.json\": cannot read the file (does it exist? is it readable?)");
}

TEST_CASE("harness::Extends: keys of a merged object belong to the file that wrote them", "[extends]")
{
  TempDir dir;
  dir.write("a.json", R"({"hub": {"site": "h", "workers": 2}, "list": [1, 2]})");
  dir.write("b.json", R"({"extends": "a.json", "hub": {"workers": 3, "batch_ms_per_person": 1}})");
  dir.write("c.json", R"({"extends": "b.json", "hub": {"site": "g", "a/b": 1}, "list": [3, 4, 5]})");
  std::vector<std::string> errors;
  auto sd = read(dir, "c.json", errors);
  REQUIRE(sd);
  CHECK(errors.empty());
  CHECK(sd->doc == json::parse(R"({"hub": {"site": "g", "workers": 3, "batch_ms_per_person": 1, "a/b": 1}, "list": [3, 4, 5]})"));
  const auto at = [&](const std::string& p) {
    const Origin o = sd->provenance.locate(p);
    return o.file.substr(dir.path.size() + 1) + ":" + o.pointer;
  };
  // The document and the hub were first written by a.json, and patched last by c.json: a rule over
  // their members is located in c.json, the last file that changed them.
  CHECK(at("") == "c.json:");
  CHECK(at("/hub") == "c.json:/hub");
  CHECK(at("/hub/site") == "c.json:/hub/site");
  CHECK(at("/hub/workers") == "b.json:/hub/workers");
  CHECK(at("/hub/batch_ms_per_person") == "b.json:/hub/batch_ms_per_person");
  CHECK(at("/hub/missing") == "c.json:/hub/missing"); // a key wanted in the hub as c.json left it
  CHECK(at("/list/7") == "c.json:/list/7");           // below a value written whole: that file
  CHECK(at("/list/2") == "c.json:/list/2");
  CHECK(at("/hub/a~1b") == "c.json:/hub/a~1b");
  CHECK(at("not a pointer") == "a.json:not a pointer");
}

TEST_CASE("harness::Extends: the hashed bytes are the base texts, deepest first, then the file's own", "[extends]")
{
  TempDir dir;
  const std::string a = test::small_scenario_json().dump(1);
  const std::string b = "{\"extends\": \"a.json\", \"name\": \"b\"}\n";
  const std::string c = "{\"extends\": \"b.json\", \"seed\": 7}\n";
  dir.write("a.json", a);
  dir.write("b.json", b);
  const std::string path = dir.write("c.json", c);
  std::vector<std::string> errors;
  auto sd = read(dir, "c.json", errors);
  REQUIRE(sd);
  CHECK(sd->hashed == a + b + c);
  const Scenario sc = load_scenario(path);
  CHECK(sc.file_sha256 == sha256_hex(a + b + c));
  CHECK(sc.name == "b");
  CHECK(sc.seed == 7);
}

TEST_CASE("harness::Extends: keyed arrays merge element by element", "[extends]")
{
  TempDir dir;
  dir.write("base.json", R"({
    "workload": [{"id": "a", "rate_per_day": 10, "mode": "immediate"}, {"id": "b", "rate_per_day": 5}, {"id": "c"}],
    "layouts": [{"number": 1, "versions": [{"version": "1.0", "valid_from": "2018-01-01"}]},
                {"number": 2, "name": "tax", "versions": [
                  {"version": "4.0", "valid_from": "2018-06-18", "items": [{"code": "105"}, {"code": "106", "zero_rate": 0.3}]},
                  {"version": "4.1", "valid_from": "2019-06-16", "pattern": 3, "items": [{"code": "105"}],
                   "null_rules": [{"item": "105", "when_zero": "106", "reason": "NotAcceptable"}]}]}],
    "calendar": {"non_business_days": ["2019-01-01"]},
    "permissions": [{"procedure": "p"}, {"id": "r2", "procedure": "q"}]
  })");
  dir.write("child.json", R"({"extends": "base.json",
    "workload": [{"id": "b", "$delete": true}, {"id": "a", "rate_per_day": 20, "mode": null}, {"id": "d", "rate_per_day": 1}],
    "layouts": [{"number": 2, "versions": [
                  {"version": "4.0", "items": [{"code": "106", "zero_rate": null, "empty_rate": 0.1}, {"code": "107"}]},
                  {"version": "4.1", "valid_from": "2019-06-19", "null_rules": [{"item": "105", "$delete": true}]}]}],
    "calendar": {"non_business_days": ["2019-01-02"]},
    "permissions": [{"id": "r2", "procedure": "z"}, {"procedure": "new"}]
  })");
  std::vector<std::string> errors;
  auto sd = read(dir, "child.json", errors);
  INFO(join(errors, "\n"));
  REQUIRE(sd);
  CHECK(sd->doc["workload"] == json::parse(R"([{"id": "a", "rate_per_day": 20}, {"id": "c"}, {"id": "d", "rate_per_day": 1}])"));
  CHECK(sd->doc["layouts"][0] == json::parse(R"({"number": 1, "versions": [{"version": "1.0", "valid_from": "2018-01-01"}]})"));
  CHECK(sd->doc["layouts"][1] == json::parse(R"({"number": 2, "name": "tax", "versions": [
      {"version": "4.0", "valid_from": "2018-06-18", "items": [{"code": "105"}, {"code": "106", "empty_rate": 0.1}, {"code": "107"}]},
      {"version": "4.1", "valid_from": "2019-06-19", "pattern": 3, "items": [{"code": "105"}], "null_rules": []}]})"));
  CHECK(sd->doc["calendar"]["non_business_days"] == json::parse(R"(["2019-01-02"])")); // not keyed: replaced
  CHECK(sd->doc["permissions"] == json::parse(R"([{"procedure": "p"}, {"id": "r2", "procedure": "z"}, {"procedure": "new"}])"));
}

TEST_CASE("harness::Extends: revisions and delegations are patched by id", "[extends]")
{
  TempDir dir;
  dir.write("base.json", R"({
    "revisions": [{"id": "R1", "distribution": "2019-06-03", "go_live": "2019-06-17", "chain": {"test_days": 7}},
                  {"id": "R2", "distribution": "2019-10-01", "go_live": "2019-10-15"}],
    "delegations": [{"id": "d1", "procedure": "p", "delegator": "a", "delegate": "b"},
                    {"id": "d2", "procedure": "p", "delegator": "a", "delegate": "c"}]
  })");
  dir.write("child.json", R"({"extends": "base.json",
    "revisions": [{"id": "R1", "go_live": "2019-06-24", "chain": {"first_review_days": 3}}, {"id": "R2", "$delete": true},
                  {"id": "R3", "distribution": "2020-02-01", "go_live": "2020-02-17"}],
    "delegations": [{"id": "d2", "until": "2019-12-31"}, {"id": "d1", "$delete": true}]
  })");
  std::vector<std::string> errors;
  auto sd = read(dir, "child.json", errors);
  INFO(join(errors, "\n"));
  REQUIRE(sd);
  CHECK(sd->doc["revisions"] == json::parse(R"([
    {"id": "R1", "distribution": "2019-06-03", "go_live": "2019-06-24", "chain": {"test_days": 7, "first_review_days": 3}},
    {"id": "R3", "distribution": "2020-02-01", "go_live": "2020-02-17"}])"));
  CHECK(sd->doc["delegations"] == json::parse(R"([{"id": "d2", "procedure": "p", "delegator": "a", "delegate": "c", "until": "2019-12-31"}])"));
  const Origin o = sd->provenance.locate("/revisions/1/go_live");
  CHECK(o.file == dir.path + "/child.json");
  CHECK(o.pointer == "/revisions/2/go_live");
  dir.write("child2.json", R"({"extends": "base.json", "revisions": [{"go_live": "2019-06-24"}]})");
  CHECK_FALSE(read(dir, "child2.json", errors));
  CHECK(has(errors, "/revisions/0: an element of a keyed array needs its key \"id\""));
}

TEST_CASE("harness::Extends: an array starting with {\"$replace\": true} replaces the base's", "[extends]")
{
  TempDir dir;
  dir.write("base.json", R"({"expect": [{"name": "x", "max": 0}, {"name": "y", "max": 1}]})");
  dir.write("child.json", R"({"extends": "base.json", "expect": [{"$replace": true}, {"name": "y", "min": 2}, {"name": "z", "max": "bad"}]})");
  std::vector<std::string> errors;
  auto sd = read(dir, "child.json", errors);
  REQUIRE(sd);
  CHECK(sd->doc["expect"] == json::parse(R"([{"name": "y", "min": 2}, {"name": "z", "max": "bad"}])"));
  const Origin o = sd->provenance.locate("/expect/1/max");
  CHECK(o.file == dir.path + "/child.json");
  CHECK(o.pointer == "/expect/2/max"); // its index in the file, after the marker
}

TEST_CASE("harness::Extends: errors in keyed elements name the element in its own file", "[extends]")
{
  TempDir dir;
  auto base        = test::small_scenario_json();
  base["workload"] = json::parse(R"([
    {"id": "w0", "procedure": "child", "item": 2, "requesters": {"kind": "municipality"}, "subjects": "own_residents",
     "provider": {"select": "previous_residence"}, "rate_per_day": 10, "mode": "immediate"},
    {"id": "w1", "procedure": "child", "item": 2, "requesters": {"kind": "municipality"}, "subjects": "own_residents",
     "provider": {"select": "previous_residence"}, "rate_per_day": -3, "mode": "immediate"}])");
  dir.write("base.json", base.dump(1));
  // The child deletes w0 (w1 is /workload/0 of the merged document), patches w1's mode and appends w2.
  dir.write("child.json", R"({"extends": "base.json", "workload": [
    {"id": "w0", "$delete": true}, {"id": "w1", "mode": "fast"},
    {"id": "w2", "procedure": "nope", "item": 2, "requesters": {"kind": "municipality"}, "subjects": "own_residents",
     "provider": {"select": "previous_residence"}, "rate_per_day": 1, "mode": "immediate"}]})");
  const auto msgs = errors_of_file(dir.path + "/child.json");
  INFO(join(msgs, "\n"));
  CHECK(has(msgs, "error: " + dir.path + "/base.json: /workload/1/rate_per_day: value -3 out of range"));
  CHECK(has(msgs, "error: " + dir.path + "/child.json: /workload/1/mode: unknown value \"fast\""));
  CHECK(has(msgs, "error: " + dir.path + "/child.json: /workload/2/procedure: unknown procedure \"nope\""));
}

TEST_CASE("harness::Extends: a keyed patch is checked before anything is merged", "[extends]")
{
  TempDir dir;
  dir.write("base.json", R"({"workload": [{"id": "a"}], "layouts": [{"number": 2, "versions": [{"version": "4.0"}]}],
                             "calendar": {"weekend": ["sat"]}})");
  const auto errors_of_patch = [&](const std::string& patch) {
    dir.write("child.json", R"({"extends": "base.json", )" + patch + "}");
    std::vector<std::string> errors;
    CHECK_FALSE(read(dir, "child.json", errors));
    return errors;
  };
  const std::string child = "error: " + dir.path + "/child.json: ";
  CHECK(errors_of_patch(R"("workload": [{"id": "a"}, {"id": "b"}, {"rate_per_day": 3}])") ==
        std::vector<std::string>{child + "/workload/2: an element of a keyed array needs its key \"id\" (or start the "
                                         "array with {\"$replace\": true})"});
  CHECK(errors_of_patch(R"("workload": [{"id": "x", "$delete": true}])") ==
        std::vector<std::string>{child + "/workload/0: no element with \"id\": \"x\" in the base to delete"});
  CHECK(errors_of_patch(R"("workload": [{"id": "a", "$delete": true, "total": 1}])") ==
        std::vector<std::string>{child + "/workload/0: expected exactly {\"id\": \"a\", \"$delete\": true} to delete an element"});
  CHECK(errors_of_patch(R"("layouts": [{"number": 2, "versions": [{"version": "4.1"}, {"$replace": true}]}])") ==
        std::vector<std::string>{child + "/layouts/0/versions/1: {\"$replace\": true} must be the first element of the array"});
  CHECK(errors_of_patch(R"("layouts": [{"number": 2.0, "x": 1}, {"number": 2}])") ==
        std::vector<std::string>{child + "/layouts/1/number: duplicate \"number\" 2 in this array: patch each element once"});
  CHECK(errors_of_patch(R"("workload": ["a"])") ==
        std::vector<std::string>{child + "/workload/0: expected an object with its key \"id\" (this array is patched by "
                                         "key), found a string"});
  CHECK(has(errors_of_patch(R"("expect": [{"name": "c", "$delete": true}])"),
            child + "/expect/0: \"$delete\" needs a base array to patch, and there is none here"));
  CHECK(has(errors_of_patch(R"("calendar": {"weekend": [{"$replace": true}, "sun"]})"),
            child + "/calendar/weekend/0: \"$replace\" only applies to the arrays patched by key"));
}

TEST_CASE("harness::Extends: a marker in a file without a base is an error of that file", "[extends]")
{
  TempDir dir;
  dir.write("base.json", R"({"workload": [{"id": "a"}, {"id": "b", "$delete": true}]})");
  dir.write("child.json", R"({"extends": "base.json", "workload": [{"id": "a", "rate_per_day": 2}]})");
  std::vector<std::string> errors;
  CHECK_FALSE(read(dir, "child.json", errors));
  REQUIRE(errors.size() == 1);
  CHECK(has(errors, "error: " + dir.path + "/base.json: /workload/1: \"$delete\" needs a base array to patch"));
  // An element the patch adds is new: nothing below it can be deleted.
  dir.write("base.json", R"({"layouts": [{"number": 1, "versions": []}]})");
  dir.write("child.json", R"({"extends": "base.json", "layouts": [{"number": 2, "versions": [{"version": "1", "$delete": true}]}]})");
  CHECK_FALSE(read(dir, "child.json", errors));
  CHECK(has(errors, "error: " + dir.path + "/child.json: /layouts/0/versions/0: \"$delete\" needs a base array to patch"));
}

TEST_CASE("harness::Extends: a document nested beyond 64 levels is refused, not recursed into", "[extends]")
{
  Issues issues("deep.json");
  CHECK_FALSE(read_scenario_document(std::string(100000, '[') + std::string(100000, ']'), "deep.json", issues));
  REQUIRE(issues.size() == 1);
  CHECK(has(issues.list(), ": nested more than 64 levels deep"));
  CHECK(issues.list()[0].rfind("error: deep.json: /0/0/", 0) == 0);
  Issues fine("ok.json");
  CHECK(read_scenario_document("{\"a\": " + std::string(63, '[') + std::string(63, ']') + "}", "ok.json", fine));
}

// ---- Provenance per key: what a patch sets, replaces or removes is the patch's ----

TEST_CASE("harness::Extends: a key the child removes is missing in the child", "[extends][provenance]")
{
  TempDir dir;
  dir.write("base.json", test::small_scenario_json().dump(2));
  dir.write("child.json", R"({"extends": "base.json", "hub": {"site": null}})");
  CHECK(errors_of_file(dir.path + "/child.json") ==
        std::vector<std::string>{"error: " + dir.path + "/child.json: /hub: missing required key \"site\""});
  // Removed in an element the child patches by key: the child's pointer of that element.
  dir.write("child2.json", R"({"extends": "base.json", "agencies": {"list": [{"id": "nb1", "population": 1}, {"id": "m2", "site": null}]}})");
  CHECK(errors_of_file(dir.path + "/child2.json") ==
        std::vector<std::string>{"error: " + dir.path + "/child2.json: /agencies/list/1: missing required key \"site\""});
  // A key no file ever wrote: missing where the object was written, or in the last file that
  // changed the object (the key may be wanted because of what that file wrote: "mode": "batch").
  auto base = test::small_scenario_json();
  base["hub"].erase("workers");
  dir.write("base2.json", base.dump(2));
  dir.write("child3.json", R"({"extends": "base2.json", "calendar": {"duration_days": 1}})");
  CHECK(has(errors_of_file(dir.path + "/child3.json"), "error: " + dir.path + "/base2.json: /hub: missing required key \"workers\""));
  dir.write("child4.json", R"({"extends": "base.json", "workload": [{"id": "w", "mode": "batch"}]})");
  CHECK(has(errors_of_file(dir.path + "/child4.json"), "error: " + dir.path + "/child4.json: /workload/0: missing required key \"batch_size\""));
  // A middle file removes, the last one patches something else: the middle file removed it.
  dir.write("middle.json", R"({"extends": "base.json", "hub": {"site": null}})");
  dir.write("last.json", R"({"extends": "middle.json", "hub": {"workers": 3}})");
  CHECK(has(errors_of_file(dir.path + "/last.json"), "error: " + dir.path + "/middle.json: /hub: missing required key \"site\""));
  // ...and a later file that writes it again makes it present.
  dir.write("again.json", R"({"extends": "middle.json", "hub": {"site": "hub"}})");
  CHECK(errors_of_file(dir.path + "/again.json").empty());
}

TEST_CASE("harness::Extends: a rule over an object the child patched names the child", "[extends][provenance]")
{
  TempDir dir;
  dir.write("base.json", test::small_scenario_json().dump(2));
  // The child adds a key to the base's hub and another to its request: the rule over the request's
  // members is the child's, at the child's pointer (the child's own keys are the child's as before).
  dir.write("child.json", R"({"extends": "base.json", "hub": {"request": {"dist": "uniform", "min_ms": 5, "max_ms": 1, "ms": null}}})");
  CHECK(has(errors_of_file(dir.path + "/child.json"), "error: " + dir.path + "/child.json: /hub/request/max_ms: must be >= min_ms"));
  // An element the child patches by key is the child's element 0, the merged document's 3.
  dir.write("child2.json", R"({"extends": "base.json", "agencies": {"list": [{"id": "ins1", "kind": "municipality", "prefecture": "pref"}]},
                               "network": {"sites": [{"id": "jlis", "kind": "hub", "uplink": null}]}})");
  const auto msgs = errors_of_file(dir.path + "/child2.json");
  INFO(join(msgs, "\n"));
  CHECK(has(msgs, "error: " + dir.path + "/child2.json: /network/sites: expected exactly one site of kind \"hub\", found 2"));
  // An element the child deletes: the array is the child's.
  dir.write("child3.json", R"({"extends": "base.json", "network": {"sites": [{"id": "hub", "$delete": true}]}, "hub": {"site": "east"}})");
  CHECK(has(errors_of_file(dir.path + "/child3.json"),
            "error: " + dir.path + "/child3.json: /network/sites: expected exactly one site of kind \"hub\", found 0"));
}

TEST_CASE("harness::Extends: an unknown key the child adds inside a base object names the child", "[extends][provenance]")
{
  TempDir dir;
  dir.write("base.json", test::small_scenario_json().dump(2));
  dir.write("child.json", R"({"extends": "base.json", "workload": [{"id": "w", "provider": {"selekt": "x"}}]})");
  const auto msgs = errors_of_file(dir.path + "/child.json");
  INFO(join(msgs, "\n"));
  CHECK(has(msgs, "error: " + dir.path + "/child.json: /workload/0/provider/selekt: unknown key \"selekt\""));
}

TEST_CASE("harness::Extends: a message naming a second value locates it too", "[extends][provenance]")
{
  TempDir dir;
  dir.write("a.json", R"({"timeline": [{"id": "f1", "at": 1}, {"id": "f2", "at": 2}]})");
  dir.write("b.json", R"({"extends": "a.json", "timeline": [{"id": "f3", "at": 3}, {"id": "f2", "at": 4}]})");
  std::vector<std::string> errors;
  auto sd = read(dir, "b.json", errors);
  REQUIRE(sd);
  const std::string a = dir.path + "/a.json", b = dir.path + "/b.json";
  Issues issues(b);
  issues.set_provenance(std::make_shared<const Provenance>(sd->provenance));
  issues.error("/timeline/2", "overlaps ", "/timeline/0", " (\"f1\")");
  issues.error("/timeline/2", "overlaps ", "/timeline/1", " (\"f2\")");
  issues.error("/timeline/1", "overlaps ", "/timeline/0", " (\"f1\")");
  CHECK(issues.list() == std::vector<std::string>{
                             "error: " + b + ": /timeline/0: overlaps /timeline/0 in " + a + " (\"f1\")",
                             "error: " + b + ": /timeline/0: overlaps /timeline/1 (\"f2\")",
                             "error: " + b + ": /timeline/1: overlaps /timeline/0 in " + a + " (\"f1\")"});
  // A conflict is reported at the side the later file wrote, said from there.
  Issues conflicts(b);
  conflicts.set_provenance(std::make_shared<const Provenance>(sd->provenance));
  const Issues::Side first{"/timeline/0", "f1 is at odds with ", ""}, appended{"/timeline/2", "f3 is at odds with ", ""};
  conflicts.conflict(first, appended);
  conflicts.conflict(appended, first);
  CHECK(conflicts.list() == std::vector<std::string>{"error: " + b + ": /timeline/0: f3 is at odds with /timeline/0 in " + a,
                                                     "error: " + b + ": /timeline/0: f3 is at odds with /timeline/0 in " + a});
  // Without a provenance (one file), the first side.
  Issues plain("x.json");
  plain.conflict(first, appended);
  CHECK(plain.list() == std::vector<std::string>{"error: x.json: /timeline/0: f1 is at odds with /timeline/2"});
}

// ---- Bad paths and shapes in "extends" ----

TEST_CASE("harness::Extends: a cycle of extends is named, with normalised paths", "[extends]")
{
  TempDir dir;
  dir.write("a.json", R"({"extends": "./b.json"})");
  dir.write("b.json", R"({"extends": "././a.json"})");
  dir.write("self.json", R"({"extends": "./self.json"})");
  CHECK(errors_of_file(dir.path + "/a.json") ==
        std::vector<std::string>{"error: " + dir.path + "/b.json: /extends: \"extends\" makes a cycle: " + dir.path +
                                 "/a.json → " + dir.path + "/b.json → " + dir.path + "/a.json"});
  CHECK(errors_of_file(dir.path + "/self.json") ==
        std::vector<std::string>{"error: " + dir.path + "/self.json: /extends: \"extends\" makes a cycle: " + dir.path +
                                 "/self.json → " + dir.path + "/self.json"});
  // A chain deeper than 8 without a cycle is refused as too deep.
  for (int i = 0; i < 10; ++i)
    dir.write("d" + std::to_string(i) + ".json", "{\"extends\": \"sub/../d" + std::to_string(i + 1) + ".json\"}");
  std::filesystem::create_directory(dir.path + "/sub");
  const auto deep = errors_of_file(dir.path + "/d0.json");
  REQUIRE(deep.size() == 1);
  CHECK(deep[0] == "error: " + dir.path + "/d8.json: /extends: more than 8 levels of \"extends\"");
}

TEST_CASE("harness::Extends: paths are shown normalised", "[extends]")
{
  CHECK(normal_path("a/./b/../c.json") == "a/c.json");
  CHECK(normal_path("scenarios/invalid/workload/../bases/small.json") == "scenarios/invalid/bases/small.json");
  CHECK(normal_path("./x.json") == "x.json");
  CHECK(normal_path("../x/./y.json") == "../x/y.json");
  CHECK(normal_path("/a/../../b.json") == "/b.json");
  CHECK(normal_path("a//b.json") == "a/b.json");
  TempDir dir;
  std::filesystem::create_directory(dir.path + "/sub");
  auto base              = test::small_scenario_json();
  base["hub"]["workers"] = 0;
  dir.write("base.json", base.dump(2));
  dir.write("sub/child.json", R"({"extends": "../base.json"})");
  CHECK(errors_of_file(dir.path + "/sub/child.json") ==
        std::vector<std::string>{"error: " + dir.path + "/base.json: /hub/workers: value 0 out of range: must be >= 1"});
}

TEST_CASE("harness::Extends: a control character in the path of a base is refused", "[extends]")
{
  TempDir dir;
  dir.write("base.json", test::small_scenario_json().dump(2));
  // Truncated at the NUL, this would read base.json and validate.
  dir.write("nul.json", "{\"extends\": \"base.json\\u0000junk\"}");
  CHECK(errors_of_file(dir.path + "/nul.json") ==
        std::vector<std::string>{"error: " + dir.path +
                                 "/nul.json: /extends: the path of the base contains a control character (U+0000): not "
                                 "allowed in a base's path"});
  dir.write("newline.json", "{\"extends\": \"base.json\\n\"}");
  CHECK(has(errors_of_file(dir.path + "/newline.json"), "/extends: the path of the base contains a control character (U+000A)"));
  dir.write("empty.json", "{\"extends\": \"\"}");
  CHECK(has(errors_of_file(dir.path + "/empty.json"), "/extends: expected the path of a base scenario, found an empty string"));
}

TEST_CASE("harness::Extends: a root that is not an object is said so, in a base or a child", "[extends]")
{
  TempDir dir;
  dir.write("array.json", R"([{"id": "a", "$delete": true}])");
  dir.write("child.json", R"({"extends": "array.json"})");
  CHECK(errors_of_file(dir.path + "/array.json") ==
        std::vector<std::string>{"error: " + dir.path + "/array.json: /: expected an object, found an array"});
  CHECK(errors_of_file(dir.path + "/child.json") ==
        std::vector<std::string>{"error: " + dir.path + "/array.json: /: expected an object, found an array"});
  dir.write("number.json", "42");
  CHECK(errors_of_file(dir.path + "/number.json") ==
        std::vector<std::string>{"error: " + dir.path + "/number.json: /: expected an object, found an integer"});
}

// ---- Messages stay one line whatever a value holds ----

TEST_CASE("harness::Issues: a value is echoed with its control characters escaped", "[extends][messages]")
{
  CHECK(printable("a\nb\tc\r") == "a\\nb\\tc\\r");
  CHECK(printable(std::string("nul\0x", 5)) == "nul\\u0000x");
  CHECK(printable("\x1b[31mred") == "\\u001b[31mred");
  CHECK(printable("line\u2028para\u2029") == "line\\u2028para\\u2029");
  CHECK(printable("\u202Eevil\u200B\xC2\x85") == "\\u202eevil\\u200b\\u0085");
  CHECK(printable("\xff\xfe ok") == "\\xff\\xfe ok");
  CHECK(printable("児童手当 – ok") == "児童手当 – ok");
  // Through the loader: a forged second "error:" line stays inside the first.
  auto j                       = test::small_scenario_json();
  j["workload"][0]["mode"]     = "fast\nerror: x.json: /: all is well";
  j["workload"][0]["subjects"] = std::string("own\0\x1b[2J\u2028", 11);
  try {
    parse_scenario(j.dump(), "x.json");
    FAIL("expected errors");
  } catch (const ScenarioError& e) {
    REQUIRE(e.messages.size() == 2);
    for (const std::string& m : e.messages) {
      INFO(m);
      CHECK(m.find_first_of(std::string("\n\r\0\x1b", 4)) == std::string::npos);
      CHECK(m.find("\u2028") == std::string::npos);
    }
    CHECK(has(e.messages, "/workload/0/mode: unknown value \"fast\\nerror: x.json: /: all is well\""));
    CHECK(has(e.messages, "/workload/0/subjects: unknown value \"own\\u0000\\u001b[2J\\u2028\""));
  }
}
