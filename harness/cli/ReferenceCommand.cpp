// `linksim reference [--json]`: the tables every fact is declared in (enums, parameters with their
// defaults, ranges and names, scenario sections, result metrics, exit codes), printed from the
// code itself. The docs
// (scenarios/README.md "Reference") and the schema test are checked against it.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/results/ResultShape.hpp"
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"
#include "sim/scenario/Reference.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace linksim::cli {

namespace {

using ojson = nlohmann::ordered_json;

std::vector<EnumInfo> every_enum()
{
  std::vector<EnumInfo> out = model_enums();
  EnumInfo codes{EXIT_CODES.id(), EXIT_CODES.what(), {}};
  for (const auto& e : EXIT_CODES.entries())
    codes.values.emplace_back(std::to_string(static_cast<int>(e.value)), e.help);
  out.push_back(codes);
  return out;
}

/// A bound as JSON: an integer when it is one (as the schema writes it), else a number.
ojson bound_json(double x)
{
  if (std::floor(x) == x && std::fabs(x) < 9007199254740992.0)
    return static_cast<int64_t>(x);
  return x;
}

/// The names a CHOICE parameter allows: its declared subset, or its table's.
std::vector<std::string> param_names(const Param& p, const std::vector<EnumInfo>& enums)
{
  std::vector<std::string> all;
  if (p.value.table) {
    auto it = std::find_if(enums.begin(), enums.end(), [&](const EnumInfo& e) { return e.id == p.value.table; });
    if (it == enums.end())
      throw std::logic_error(std::string("parameter ") + p.pointer + " names an unknown table " + p.value.table);
    for (const auto& [name, help] : it->values)
      all.push_back(name);
  }
  return choice_names(p, p.value.table ? p.value.table : "", all);
}

ojson param_json(const Param& p, const std::vector<EnumInfo>& enums)
{
  ojson o{{"pointer", p.pointer}};
  if (has_default(p))
    o["default"] = ojson::parse(p.default_json);
  o["required"] = p.default_json == REQUIRED;
  o["unit"]     = p.unit;
  o["source"]   = p.source;
  o["help"]     = p.help;
  const Bounds& b = p.value.bounds;
  switch (p.value.kind) {
    case ValueKind::NUMBER:
    case ValueKind::INTEGER:
      // JSON Schema's keywords, so that the schema test compares them as they are.
      o["type"] = p.value.kind == ValueKind::INTEGER ? "integer" : "number";
      if (b.ge)
        o["minimum"] = bound_json(*b.ge);
      if (b.gt)
        o["exclusiveMinimum"] = bound_json(*b.gt);
      if (b.le)
        o["maximum"] = bound_json(*b.le);
      if (b.lt)
        o["exclusiveMaximum"] = bound_json(*b.lt);
      break;
    case ValueKind::CHOICE:
      o["enum"] = param_names(p, enums);
      if (p.value.table)
        o["enum_table"] = p.value.table;
      break;
    case ValueKind::OTHER:
      break;
  }
  return o;
}

ojson as_json()
{
  ojson r;
  ojson enums = ojson::object();
  const std::vector<EnumInfo> all = every_enum();
  for (const EnumInfo& e : all) {
    ojson values = ojson::array();
    for (const auto& [name, help] : e.values)
      values.push_back({{"name", name}, {"help", help}});
    enums[e.id] = {{"what", e.what}, {"values", values}};
  }
  r["enums"]    = enums;
  ojson params  = ojson::array();
  for (const Param* p : all_params())
    params.push_back(param_json(*p, all));
  r["params"]   = params;
  r["format"]   = FORMAT_CURRENT;
  ojson sections = ojson::array();
  for (const SectionDecl* s : scenario_sections())
    sections.push_back({{"name", s->name}, {"keys", s->keys}, {"help", s->help}});
  r["sections"] = sections;
  ojson metrics = ojson::array();
  for (const MetricPattern& m : metric_patterns())
    metrics.push_back(
        {{"pointer", m.form}, {"kind", CHECK_KINDS.name(m.kind)}, {"headline", m.headline}, {"help", m.help}});
  r["metrics"]      = metrics;
  r["metric_regex"] = metric_regex();
  ojson classes = ojson::array(), rules = ojson::array();
  for (const OutcomeRow& o : OUTCOMES.entries())
    classes.push_back({{"name", o.name},
                       {"ja", o.ja},
                       {"provides_data", o.provides_data},
                       {"correctness_failure", o.correctness_failure},
                       {"builtin_check", o.builtin_check}});
  for (const auto& [o, when] : oracle_rules())
    rules.push_back({{"outcome", OUTCOMES.name(o)}, {"when", when}});
  r["oracle"] = {{"classes", classes}, {"rules", rules}};
  return r;
}

std::string cell(std::string s)
{
  for (size_t i = 0; (i = s.find('|', i)) != std::string::npos; i += 2)
    s.replace(i, 1, "\\|");
  return s;
}

/// A parameter's range ("integer 1 to 5", "> 0", ">= 0, <= 1e+09") or names, for the docs.
std::string values_text(const Param& p, const std::vector<EnumInfo>& enums)
{
  switch (p.value.kind) {
    case ValueKind::NUMBER:
      return describe(p.value.bounds);
    case ValueKind::INTEGER:
      return "integer " + describe(p.value.bounds);
    case ValueKind::CHOICE: {
      if (!p.value.names)
        return std::string("see ") + p.value.table;
      std::string out;
      for (const std::string& n : param_names(p, enums))
        out += (out.empty() ? "`" : ", `") + n + "`";
      return out;
    }
    case ValueKind::OTHER:
      break;
  }
  return "";
}

std::string as_markdown()
{
  std::ostringstream o;
  o << "### Sections, in the order they are read\n\n| section | top-level keys | what |\n|---|---|---|\n";
  for (const SectionDecl* s : scenario_sections()) {
    std::string keys;
    for (const char* k : s->keys)
      keys += (keys.empty() ? "" : ", ") + std::string("`") + k + "`";
    o << "| " << s->name << " | " << keys << " | " << cell(s->help) << " |\n";
  }
  o << "\n### Parameters\n\nEvery key with a default, a range or a set of names (`<type>/key`: a key of that value "
       "type wherever it is used).\n\n| key | default | range or values | unit | source | what |\n"
       "|---|---|---|---|---|---|\n";
  const std::vector<EnumInfo> all = every_enum();
  for (const Param* p : all_params())
    o << "| `" << cell(p->pointer) << "` | " << (has_default(*p) ? "`" + cell(p->default_json) + "`" : p->default_json)
      << " | " << cell(values_text(*p, all)) << " | " << p->unit << " | " << p->source << " | " << cell(p->help)
      << " |\n";
  o << "\n### Enumerations\n";
  for (const EnumInfo& e : every_enum()) {
    o << "\n**" << e.id << "**: " << cell(e.what) << "\n\n| value | meaning |\n|---|---|\n";
    for (const auto& [name, help] : e.values)
      o << "| `" << name << "` | " << cell(help) << " |\n";
  }
  o << "\n### Metrics a check may name (`expect[].metric`, `per`)\n\n| pointer | kind | summarised by sweep | what "
       "|\n|---|---|---|---|\n";
  for (const MetricPattern& m : metric_patterns())
    o << "| `" << m.form << "` | " << CHECK_KINDS.name(m.kind) << " | " << (m.headline ? "yes" : "") << " | "
      << cell(m.help) << " |\n";
  o << "\n### The oracle: outcome classes and their precedence\n\n"
       "An exchange gets the class of the first rule whose condition holds.\n\n"
       "| rule | class | when | provides data | correctness failure | always fails the run |\n|---|---|---|---|---|---|\n";
  size_t k = 0;
  for (const auto& [c, when] : oracle_rules()) {
    const OutcomeRow& row = OUTCOMES[c];
    o << "| " << ++k << " | `" << row.name << "` " << row.ja << " | " << cell(when) << " | "
      << (row.provides_data ? "yes" : "") << " | " << (row.correctness_failure ? "yes" : "") << " | "
      << (*row.builtin_check ? "yes" : "") << " |\n";
  }
  return o.str();
}

} // namespace

int reference_command(const std::vector<std::string>& args)
{
  po::options_description d("linksim reference [--json]\n\n"
                            "Prints the tables linksim declares each fact in, from the code: the scenario\n"
                            "sections, every parameter (its default, range or names), every enumeration\n"
                            "(kinds, outcome classes, hops, exit codes, ...) with its meaning, and the\n"
                            "metrics a check may name. Markdown by default (scenarios/README.md's Reference\n"
                            "section is this output).\n\nOptions");
  d.add_options()("help,h", "show this help")("json", "as JSON (what the schema test reads)");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "reference", d, vm, files))
    return EXIT_PASS;
  if (!files.empty())
    throw UsageError("reference takes no file (see linksim reference --help)");
  if (vm.count("json"))
    std::cout << as_json().dump(2) << "\n";
  else
    std::cout << as_markdown();
  return EXIT_PASS;
}

} // namespace linksim::cli
