// Top level: name, description, seed, $schema.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

#include <regex>

namespace linksim {

namespace {
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
}
} // namespace

extern const SectionDecl HEADER_SECTION{
    "header", {"$schema", "name", "description", "seed"}, read_header, "what the scenario is, and its default seed"};

} // namespace linksim
