// Section `permissions`: the law's permission table (別表第二 / 主務省令) [W4][W20], each row
// optionally dated (`from` / `until`: e.g. 日本年金機構 queries from 2019-04-15 and provides from
// 2019-06-17 [SEED p.6]); and the hub's whole-run mis-distributed rows
// (`hub.permission_master.extra_rows`, kept by the hub section for now: rows name agencies).
#include "harness/scenario/sections/PermissionsSection.hpp"

#include "harness/scenario/Section.hpp"

#include <set>

namespace linksim {

std::optional<PermissionRow> read_permission_row(const json& j, const std::string& ptr, LoadContext& ctx, bool dated)
{
  ObjReader r(j, ptr, ctx.issues);
  if (!r.valid())
    return std::nullopt;
  PermissionRow row;
  bool ok = true;
  if (dated && r.has("id")) {
    static const std::map<std::string, uint32_t> none;
    if (auto id = read_id(r, "id", "permission row", none))
      row.id = *id;
    else
      ok = false;
  }
  if (auto p = r.string("procedure", Req::YES)) {
    auto pi       = resolve(ctx.procedure_ix, "procedure", *p, r.at("procedure"), ctx.issues);
    ok            = ok && pi;
    row.procedure = pi.value_or(0);
  } else
    ok = false;
  auto rq = read_match(r, "requester", ctx);
  auto pv = read_match(r, "provider", ctx);
  ok      = ok && rq && pv;
  if (rq)
    row.requester = *rq;
  if (pv)
    row.provider = *pv;
  if (const json* it = r.raw("item", Req::YES)) {
    auto li  = resolve_layout(*it, r.at("item"), ctx);
    ok       = ok && li;
    row.item = li.value_or(0);
  } else
    ok = false;
  if (dated)
    ok = read_window(r, row.from_s, row.until_s, "a row", ctx) && ok;
  r.finish();
  if (!ok)
    return std::nullopt;
  return row;
}

namespace {

void read_permissions(ObjReader& root, LoadContext& ctx)
{
  std::set<std::string> ids;
  if (const json* arr = root.array("permissions", Req::YES))
    for (size_t i = 0; i < arr->size(); ++i) {
      const std::string ptr = root.at("permissions") + "/" + std::to_string(i);
      if (auto row = read_permission_row((*arr)[i], ptr, ctx, true)) {
        if (!row->id.empty() && !ids.insert(row->id).second) {
          ctx.issues.error(ptr + "/id", "duplicate permission row id \"" + row->id + "\"");
          continue;
        }
        if (!row->id.empty())
          ctx.permission_ix[row->id] = static_cast<uint32_t>(ctx.sc.permissions.size());
        ctx.sc.permissions.push_back(*row);
      }
    }
  if (const json* extra = ctx.master_extra_rows)
    for (size_t i = 0; i < extra->size(); ++i)
      if (auto row = read_permission_row((*extra)[i], ctx.master_extra_ptr + "/" + std::to_string(i), ctx, false))
        ctx.sc.hub.master_extra_rows.push_back(*row);
}

} // namespace

extern const SectionDecl PERMISSIONS_SECTION{"permissions", {"permissions"}, read_permissions,
                                             "the law's permission table, rows dated with from / until"};

} // namespace linksim
