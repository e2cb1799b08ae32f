// `linksim persons SCENARIO [--agency A] [--person N] [--my-number M] [--limit K] [--date D] [--json]`:
// who a person is in a scenario, without running it: My Number, resident code, residence and
// previous residence, insurer and national-body coverage, which providers hold a record for them
// on a date, and the test My Numbers (試験用個人番号) reserved for each agency. Everything is
// computed from the scenario and its seed (the `seed` key: `my_numbers` in a scenario resolve
// under it), the same functions the run uses (sim/model/World.hpp), so it never disagrees with one.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/scenario/Loader.hpp"
#include "sim/model/World.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace linksim::cli {

namespace {

using ojson = nlohmann::ordered_json;

ojson agency_or_null(const Scenario& sc, uint32_t a) { return a == NONE ? ojson(nullptr) : ojson(sc.agencies[a].id); }

/// The law's permission table names agency a as a provider of layout `item` at time t.
bool provides(const Scenario& sc, uint32_t a, uint32_t item, double t)
{
  for (const PermissionRow& r : sc.permissions)
    if (r.item == item && r.from_s <= t && t < r.until_s && r.provider.matches(a, sc.agencies[a].kind))
      return true;
  return false;
}

ojson describe_person(const World& w, uint64_t p, double t)
{
  const Scenario& sc    = w.scenario();
  const Population& pop = w.population();
  const TestPersons& tp = pop.test_persons();
  ojson o;
  o["person"]        = p;
  o["my_number"]     = my_number_text(w.codes().my_number(p));
  o["resident_code"] = resident_code_text(w.codes().resident_code(p));
  if (tp.is_test(p))
    o["test"] = {{"reserved_for", sc.agencies[tp.owner(p)].id}, {"rank", tp.rank(p)}};
  else
    o["test"] = nullptr;
  o["residence"]          = agency_or_null(sc, pop.residence(p));
  o["previous_residence"] = agency_or_null(sc, pop.previous_residence(p));
  o["prefecture"]         = agency_or_null(sc, pop.prefecture(p));
  o["insurer"]            = agency_or_null(sc, pop.insurer(p));
  ojson bodies            = ojson::array();
  for (uint32_t a = 0; a < sc.agencies.size(); ++a)
    if (sc.agencies[a].kind == AgencyKind::NATIONAL_BODY && pop.covered_by(a, p))
      bodies.push_back(sc.agencies[a].id);
  o["national_bodies"] = bodies;
  ojson records        = ojson::array();
  for (uint32_t i = 0; i < sc.layouts.size(); ++i) {
    ojson holders = ojson::array();
    for (uint32_t a = 0; a < sc.agencies.size(); ++a)
      if (w.is_connectivity_tool(a) ? false : provides(sc, a, i, t) && w.holds_record(a, p, i))
        holders.push_back(sc.agencies[a].id);
    if (!holders.empty())
      records.push_back({{"item", sc.layouts[i].number}, {"name", sc.layouts[i].name}, {"providers", holders}});
  }
  o["records"] = records;
  return o;
}

ojson test_numbers(const World& w, uint32_t a, uint64_t limit)
{
  const TestPersons& tp = w.population().test_persons();
  ojson list            = ojson::array();
  for (uint64_t k = 0; k < tp.per_agency() && k < limit; ++k)
    list.push_back(my_number_text(w.codes().my_number(tp.person(a, k))));
  return list;
}

ojson holders_of_tests(const Scenario& sc, const World& w, uint32_t a)
{
  ojson h = ojson::array({sc.agencies[a].id});
  for (uint32_t q : w.population().test_partners(a))
    h.push_back(sc.agencies[q].id);
  for (uint32_t q = 0; q < sc.agencies.size(); ++q)
    if (w.is_connectivity_tool(q))
      h.push_back(sc.agencies[q].id);
  return h;
}

void print_person(const ojson& o, const std::string& in = "")
{
  std::cout << in << "person " << o["person"].get<uint64_t>();
  if (!o["test"].is_null())
    std::cout << "  (test person #" << o["test"]["rank"].get<uint64_t>() << " of "
              << o["test"]["reserved_for"].get<std::string>() << ")";
  std::cout << "\n";
  auto field = [&in](const char* k, const ojson& v) {
    std::cout << in << "  " << k << std::string(20 - std::string(k).size(), ' ')
              << (v.is_null() ? std::string("-") : v.is_string() ? v.get<std::string>() : v.dump()) << "\n";
  };
  field("my_number", o["my_number"]);
  field("resident_code", o["resident_code"]);
  field("residence", o["residence"]);
  field("previous_residence", o["previous_residence"]);
  field("prefecture", o["prefecture"]);
  field("insurer", o["insurer"]);
  std::string bodies;
  for (const auto& b : o["national_bodies"])
    bodies += (bodies.empty() ? "" : ", ") + b.get<std::string>();
  field("national_bodies", bodies.empty() ? ojson(nullptr) : ojson(bodies));
  std::cout << in << "  records (providers holding one on the date):\n";
  if (o["records"].empty())
    std::cout << in << "    none\n";
  for (const auto& r : o["records"]) {
    std::string who;
    for (const auto& h : r["providers"])
      who += (who.empty() ? "" : ", ") + h.get<std::string>();
    std::cout << in << "    item " << r["item"].get<int64_t>() << " " << r["name"].get<std::string>() << ": " << who << "\n";
  }
}

} // namespace

int persons_command(const std::vector<std::string>& args)
{
  po::options_description d(
      "linksim persons SCENARIO [--agency A] [--person N] [--my-number M] [--limit K] [--date D] [--json]\n\n"
      "Prints, without running the simulation, who persons are in the scenario (under its `seed`):\n"
      "My Number, resident code (住民票コード), residence and previous residence, prefecture,\n"
      "insurer and national-body coverage, and which providers hold a record for them on a date\n"
      "(the law's permission rows in force then name them as providers of the item, and they\n"
      "hold the person's record). Without --person / --my-number / --agency it lists every\n"
      "agency with its test My Numbers (試験用個人番号; the first K of each). With --agency A: the\n"
      "agency's residents / members / covered persons (the first K) and its test My Numbers, and\n"
      "who holds test data for them.\n\nOptions");
  d.add_options()("help,h", "show this help")("agency", po::value<std::string>(), "an agency id")(
      "person", po::value<std::string>(), "a person index (a real person's, or a test person's)")(
      "my-number", po::value<std::string>(), "a My Number (12 digits): a real person's or a test My Number")(
      "limit", po::value<std::string>()->default_value("10"), "how many persons / test numbers to list (1 to 100000)")(
      "date", po::value<std::string>(), "YYYY-MM-DD: the date records are looked up on (default: the scenario's start)")(
      "json", "print JSON instead of text");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "persons", d, vm, files))
    return EXIT_PASS;
  if (files.size() != 1)
    throw UsageError("persons needs exactly one SCENARIO file (see linksim persons --help)");
  const uint64_t limit = unsigned_option(vm, "limit", 1, 100000);
  const Scenario sc    = load_scenario(files[0]);
  World w(sc, sc.seed, "persons");
  double t = 0;
  if (vm.count("date")) {
    const std::string ds = vm["date"].as<std::string>();
    auto dd              = parse_date(ds);
    if (!dd)
      throw UsageError("--date \"" + ds + "\": expected a date YYYY-MM-DD");
    t = static_cast<double>(days_from_civil(*dd) * 86400 - sc.start_jst_s);
    if (t < 0 && t > -86400)
      t = 0; // the start's own day: as of the start
  }
  const Population& pop = w.population();
  const TestPersons& tp = pop.test_persons();
  ojson out;
  out["scenario"] = {{"name", sc.name}, {"file", sc.file}, {"seed", sc.seed}, {"persons", pop.size()},
                     {"test_persons_per_agency", tp.per_agency()},
                     {"date", format_date(w.calendar().day_of(t))}};
  std::vector<uint64_t> asked;
  if (vm.count("person")) {
    const uint64_t p = unsigned_option(vm, "person", 0, TestPersons::TOP - 1);
    if (!tp.exists(p))
      throw UsageError("--person " + std::to_string(p) + ": neither a person (0 to " + std::to_string(pop.size() - 1) +
                       ") nor a reserved test person");
    asked.push_back(p);
  }
  if (vm.count("my-number")) {
    std::string why;
    auto p = person_of_my_number(vm["my-number"].as<std::string>(), w.codes(), tp, why);
    if (!p)
      throw UsageError("--my-number: " + why);
    asked.push_back(*p);
  }
  ojson persons = ojson::array();
  for (uint64_t p : asked)
    persons.push_back(describe_person(w, p, t));
  ojson agencies = ojson::array();
  std::optional<uint32_t> only;
  if (vm.count("agency")) {
    const std::string id = vm["agency"].as<std::string>();
    for (uint32_t a = 0; a < sc.agencies.size(); ++a)
      if (sc.agencies[a].id == id)
        only = a;
    if (!only)
      throw UsageError("--agency \"" + id + "\": no such agency in " + sc.file);
  }
  if (only || asked.empty())
    for (uint32_t a = 0; a < sc.agencies.size(); ++a) {
      if ((only && a != *only) || w.is_connectivity_tool(a))
        continue;
      ojson ag = {{"id", sc.agencies[a].id}, {"kind", to_string(sc.agencies[a].kind)},
                  {"members", pop.member_count(a)}, {"test_my_numbers", test_numbers(w, a, limit)},
                  {"test_data_held_by", holders_of_tests(sc, w, a)}};
      if (only) {
        ojson first = ojson::array();
        for (uint64_t j = 0; j < pop.member_count(a) && j < limit; ++j)
          first.push_back(describe_person(w, pop.member(a, j), t));
        ag["first_members"] = first;
      }
      agencies.push_back(ag);
    }
  out["persons"]  = persons;
  out["agencies"] = agencies;
  if (vm.count("json")) {
    std::cout << out.dump(2) << "\n";
    return EXIT_PASS;
  }
  std::cout << "scenario " << sc.name << " (" << sc.file << "), seed " << sc.seed << ": " << pop.size() << " persons, "
            << tp.per_agency() << " test My Numbers per agency; records as of " << out["scenario"]["date"].get<std::string>()
            << "\n";
  for (const auto& o : persons)
    print_person(o);
  for (const auto& ag : agencies) {
    std::cout << "agency " << ag["id"].get<std::string>() << " (" << ag["kind"].get<std::string>() << ", "
              << ag["members"].get<uint64_t>() << " persons)\n";
    std::string nums;
    for (const auto& n : ag["test_my_numbers"])
      nums += (nums.empty() ? "" : " ") + n.get<std::string>();
    std::cout << "  test My Numbers (" << ag["test_my_numbers"].size() << " of " << tp.per_agency() << "): "
              << (nums.empty() ? "none" : nums) << "\n";
    std::string held;
    for (const auto& h : ag["test_data_held_by"])
      held += (held.empty() ? "" : ", ") + h.get<std::string>();
    std::cout << "  test data held by: " << held << "\n";
    if (ag.contains("first_members"))
      for (const auto& m : ag["first_members"])
        print_person(m, "  ");
  }
  return EXIT_PASS;
}

} // namespace linksim::cli
