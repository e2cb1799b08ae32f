// Sections `reasons_of_null` and `layouts`: data standard layouts (データ標準レイアウト), their
// versions (with registration patterns 1-3), data items and null rules.
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"
#include "sim/model/Layout.hpp"

#include <algorithm>

#include <cmath>

namespace linksim {

namespace {

void read_reasons(ObjReader& root, LoadContext& ctx)
{
  std::vector<std::string>& out = ctx.sc.reasons_of_null;
  const std::string key         = param_key(params::REASONS_OF_NULL);
  const json* r                 = root.array(key, Req::NO);
  if (!r) {
    out = param_default(params::REASONS_OF_NULL).get<std::vector<std::string>>();
    return;
  }
  for (size_t i = 0; i < r->size(); ++i) {
    const std::string ptr = root.at(key) + "/" + std::to_string(i);
    if (!(*r)[i].is_string() || (*r)[i].get<std::string>().empty())
      ctx.issues.error(ptr, "expected a non-empty string");
    else if (std::find(out.begin(), out.end(), (*r)[i].get<std::string>()) != out.end())
      ctx.issues.error(ptr, "duplicate ReasonOfNull \"" + (*r)[i].get<std::string>() + "\"");
    else
      out.push_back((*r)[i].get<std::string>());
  }
  if (out.empty())
    root.error(key, "expected at least one ReasonOfNull value");
  if (out.size() > 200)
    root.error(key, "too many values (at most 200)");
}

std::optional<NullRule> read_null_rule(ObjReader& r, const std::map<std::string, uint32_t>& item_ix, LoadContext& ctx)
{
  NullRule nr;
  bool ok = true;
  for (const char* key : {"item", "when_zero"}) {
    if (auto c = r.string(key, Req::YES)) {
      auto it = item_ix.find(*c);
      if (it == item_ix.end()) {
        r.error(key, "unknown data item \"" + *c + "\" in this version");
        ok = false;
      } else
        (std::string(key) == "item" ? nr.item : nr.when_item) = it->second;
    } else
      ok = false;
  }
  if (auto c = r.string("reason", Req::YES)) {
    const auto& reasons = ctx.sc.reasons_of_null;
    auto f              = std::find(reasons.begin(), reasons.end(), *c);
    if (f == reasons.end()) {
      r.error("reason", "unknown ReasonOfNull \"" + *c + "\"; known: " + join(reasons));
      ok = false;
    } else
      nr.reason = static_cast<uint32_t>(f - reasons.begin());
  } else
    ok = false;
  if (ok && nr.item == nr.when_item) {
    r.error("when_zero", "a rule cannot make an item depend on itself");
    ok = false;
  }
  r.finish();
  return ok ? std::optional<NullRule>(nr) : std::nullopt;
}

std::optional<LayoutVersion> read_version(ObjReader& vr, bool first, LoadContext& ctx)
{
  LayoutVersion lv;
  lv.version = vr.string("version", Req::YES).value_or("");
  // A later version may leave its date to the revision that introduces it (`revisions`).
  lv.valid_from_s = std::nan("");
  if (const json* from = vr.raw("valid_from", first ? Req::YES : Req::NO))
    if (auto d = read_date(*from, vr.at("valid_from"), ctx.issues))
      lv.valid_from_s = static_cast<double>(*d * 86400 - ctx.sc.start_jst_s);
  if (first && std::isnan(lv.valid_from_s))
    lv.valid_from_s = 0; // reported
  lv.registration_from_s = lv.valid_from_s;
  if (!first)
    lv.pattern = static_cast<int>(read_given_integer(vr, params::LAYOUT_PATTERN, Req::YES).value_or(1));
  else if (vr.has("pattern")) {
    vr.error("pattern", "the first version has no registration pattern (it revises nothing)");
    vr.raw("pattern", Req::NO);
  }
  std::map<std::string, uint32_t> item_ix;
  if (const json* items = vr.array("items", Req::YES)) {
    if (items->empty())
      vr.error("items", "expected at least one data item");
    if (items->size() > MAX_ITEMS)
      vr.error("items", "at most " + std::to_string(MAX_ITEMS) + " data items per version, found " +
                            std::to_string(items->size()));
    for (size_t k = 0; k < items->size() && k < MAX_ITEMS; ++k) {
      ObjReader it((*items)[k], vr.at("items") + "/" + std::to_string(k), ctx.issues);
      if (!it.valid())
        continue;
      DataItem di;
      di.code       = it.string("code", Req::YES).value_or("");
      di.empty_rate = read_number(it, params::EMPTY_RATE);
      di.zero_rate  = read_number(it, params::ZERO_RATE);
      if (di.empty_rate + di.zero_rate > 1)
        it.error("zero_rate", "empty_rate + zero_rate must not exceed 1");
      if (it.has("code") && it.raw("code", Req::NO)->is_string() && di.code.empty())
        it.error("code", "an item code cannot be empty");
      else if (item_ix.count(di.code))
        it.error("code", "duplicate item code \"" + di.code + "\"");
      item_ix[di.code] = static_cast<uint32_t>(lv.items.size());
      lv.items.push_back(di);
      it.finish();
    }
  }
  if (const json* rules = vr.array("null_rules", Req::NO))
    for (size_t k = 0; k < rules->size(); ++k) {
      ObjReader r((*rules)[k], vr.at("null_rules") + "/" + std::to_string(k), ctx.issues);
      if (r.valid())
        if (auto nr = read_null_rule(r, item_ix, ctx))
          lv.null_rules.push_back(*nr);
    }
  vr.finish();
  return lv;
}

void read_layout(ObjReader& l, LoadContext& ctx)
{
  Layout out;
  auto number           = read_given_integer(l, params::LAYOUT_NUMBER);
  out.name              = l.string("name", Req::YES).value_or("");
  out.record_bytes      = read_number(l, params::RECORD_BYTES);
  out.change_interval_s = read_number(l, params::CHANGE_INTERVAL_DAYS) * 86400;
  out.coverage          = read_number(l, params::COVERAGE);
  if (const json* vers = l.array("versions", Req::YES)) {
    if (vers->empty())
      l.error("versions", "expected at least one version");
    for (size_t v = 0; v < vers->size(); ++v) {
      ObjReader vr((*vers)[v], l.at("versions") + "/" + std::to_string(v), ctx.issues);
      if (!vr.valid())
        continue;
      auto lv = read_version(vr, v == 0, ctx);
      if (!out.versions.empty() && lv->valid_from_s <= out.versions.back().valid_from_s) // NaN: a revision dates it
        ctx.issues.error(vr.at("valid_from"), "versions must be listed in increasing valid_from order");
      out.versions.push_back(*lv);
    }
  }
  l.finish();
  if (number) {
    out.number = static_cast<uint32_t>(*number);
    if (ctx.layout_ix.count(*number))
      l.error("number", "duplicate layout number " + std::to_string(*number));
    else {
      ctx.layout_ix[*number] = static_cast<uint32_t>(ctx.sc.layouts.size());
      ctx.sc.layouts.push_back(out);
    }
  }
}

void read_layouts(ObjReader& root, LoadContext& ctx)
{
  read_reasons(root, ctx);
  const json* arr = root.array("layouts", Req::YES);
  if (!arr)
    return;
  if (arr->empty())
    root.error("layouts", "expected at least one layout");
  for (size_t i = 0; i < arr->size(); ++i) {
    ObjReader l((*arr)[i], root.at("layouts") + "/" + std::to_string(i), ctx.issues);
    if (l.valid())
      read_layout(l, ctx);
  }
}

} // namespace

extern const SectionDecl LAYOUTS_SECTION{"layouts", {"reasons_of_null", "layouts"}, read_layouts,
                                         "data standard layouts, their versions, items and null rules"};

} // namespace linksim
