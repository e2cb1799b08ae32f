// Section `expect`: the checks the run is judged by; each names a metric of result.json
// (harness/results/ResultShape.hpp) and a threshold.
#include "harness/results/ResultShape.hpp"
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

namespace linksim {

namespace {

void read_check(ObjReader& e, std::map<std::string, int>& names, LoadContext& ctx)
{
  Check c;
  bool ok    = true;
  auto cname = e.string("name", Req::YES);
  c.name     = cname.value_or("");
  if (cname && cname->empty())
    e.error("name", "a check needs a name");
  else if (!c.name.empty() && names[c.name]++)
    e.error("name", "duplicate check name \"" + c.name + "\"");
  if (auto m = e.string("metric", Req::YES)) {
    c.metric = *m;
    if (auto why = metric_problem(*m, ctx.sc); !why.empty()) {
      e.error("metric", why);
      ok = false;
    }
  } else
    ok = false;
  if (auto per = e.string("per", Req::NO)) {
    c.per = *per;
    if (auto why = metric_problem(*per, ctx.sc); !why.empty()) {
      e.error("per", why);
      ok = false;
    }
  }
  auto mn   = e.number("min", Req::NO);
  auto mx   = e.number("max", Req::NO);
  c.has_min = mn.has_value();
  c.has_max = mx.has_value();
  c.min     = mn.value_or(0);
  c.max     = mx.value_or(0);
  if (!e.has("min") && !e.has("max")) {
    ctx.issues.error(e.pointer(), "a check needs a threshold: \"min\", \"max\" or both");
    ok = false;
  }
  if (mn && mx && *mn > *mx) {
    e.error("max", "max is below min: the check could never pass");
    ok = false;
  }
  const auto kind = read_given_choice(e, params::CHECK_KIND, CHECK_KINDS);
  c.kind          = kind.value_or(default_check_kind(c.metric));
  e.finish();
  if (ok)
    ctx.sc.checks.push_back(c);
}

void read_expect(ObjReader& root, LoadContext& ctx)
{
  const json* arr = root.array("expect", Req::YES);
  if (!arr)
    return;
  std::map<std::string, int> names;
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader e((*arr)[i], root.at("expect") + "/" + std::to_string(i), ctx.issues);
    if (e.valid())
      read_check(e, names, ctx);
  }
}

} // namespace

extern const SectionDecl EXPECT_SECTION{"expect", {"expect"}, read_expect, "the checks the run is judged by"};

} // namespace linksim
