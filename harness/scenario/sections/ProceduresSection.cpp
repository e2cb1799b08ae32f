// Section `procedures`: the procedures (事務手続) queries are made under.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

namespace linksim {

namespace {

void read_procedures(ObjReader& root, LoadContext& ctx)
{
  const json* arr = root.array("procedures", Req::YES);
  if (!arr)
    return;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader p((*arr)[i], root.at("procedures") + "/" + std::to_string(i), ctx.issues);
    if (!p.valid())
      continue;
    Procedure pr;
    pr.code = p.string("code", Req::YES).value_or("");
    pr.name = p.string("name", Req::YES).value_or("");
    p.finish();
    if (!p.has("code") || !p.raw("code", Req::NO)->is_string())
      continue; // reported
    if (pr.code.empty())
      p.error("code", "a procedure code cannot be empty");
    else if (!valid_id(pr.code))
      p.error("code", "invalid procedure code \"" + pr.code + "\": " + ID_RULE);
    else if (ctx.procedure_ix.count(pr.code))
      p.error("code", "duplicate procedure code \"" + pr.code + "\"");
    else {
      ctx.procedure_ix[pr.code] = static_cast<uint32_t>(ctx.sc.procedures.size());
      ctx.sc.procedures.push_back(pr);
    }
  }
}

} // namespace

extern const SectionDecl PROCEDURES_SECTION{"procedures", {"procedures"}, read_procedures,
                                            "the procedures (事務手続) queries are made under"};

} // namespace linksim
