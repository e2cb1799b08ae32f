// Top level: name, description, seed, format, $schema.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

#include <regex>

namespace linksim {

namespace {

/// `format`: the version of the scenario format the file is written for. Absent: the current one
/// (`linksim validate` says so); older ones are read, and a key whose meaning changed since is an
/// error that says how (the readers check ctx.sc.format); a version this linksim does not know is
/// an error.
void read_format(ObjReader& root, LoadContext& ctx)
{
  const std::string key = param_key(params::FORMAT);
  ctx.sc.format_declared = root.has(key);
  ctx.sc.format          = static_cast<int>(param_default(params::FORMAT).get<int64_t>());
  const json* v          = root.raw(key, Req::NO);
  if (!v)
    return;
  const Bounds& known = params::FORMAT.value.bounds;
  if (!v->is_number_integer())
    root.error(key, "expected the scenario format version, an integer (" + describe(known) + "), found " + type_name(*v));
  else if ((v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(*known.le)) ||
           v->get<int64_t>() < *known.ge || v->get<int64_t>() > *known.le)
    root.error(key, "unknown scenario format " + v->dump() + ": this linksim reads formats " + describe(known) + " (" +
                        std::to_string(FORMAT_CURRENT) + " is the current one; scenarios/README.md, Format versions)");
  else
    ctx.sc.format = static_cast<int>(v->get<int64_t>());
}

void read_header(ObjReader& root, LoadContext& ctx)
{
  root.string("$schema", Req::NO);
  if (auto name = root.string("name", Req::YES)) {
    static const std::regex re("[a-z0-9][a-z0-9._-]{0,63}");
    if (!std::regex_match(*name, re))
      root.error("name", "invalid name \"" + *name +
                             "\"; expected 1 to 64 of a-z 0-9 . _ - starting with a letter or digit (it names the results "
                             "folder)");
    else
      ctx.sc.name = *name;
  }
  ctx.sc.description = root.string(param_key(params::DESCRIPTION), Req::NO)
                           .value_or(param_default(params::DESCRIPTION).get<std::string>());
  ctx.sc.seed = static_cast<uint64_t>(read_integer(root, params::SEED));
  read_format(root, ctx);
}
} // namespace

extern const SectionDecl HEADER_SECTION{
    "header", {"$schema", "name", "description", "seed", "format"}, read_header,
    "what the scenario is, its default seed and the format version it is written for"};

} // namespace linksim
