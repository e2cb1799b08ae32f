#include "sim/model/Timeline.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace linksim {

namespace {

std::vector<AgencyKind> kinds_of(const Scenario& sc)
{
  std::vector<AgencyKind> k;
  k.reserve(sc.agencies.size());
  for (const Agency& a : sc.agencies)
    k.push_back(a.kind);
  return k;
}

bool active(const PermissionRow& r, double t) { return r.from_s <= t && t < r.until_s; }

std::string who(const Scenario& sc, const AgencyMatch& m)
{
  return m.by_kind ? std::string("any ") + to_string(m.kind) : sc.agencies[m.agency].id;
}

/// "procedure P: requester → provider, item N" for a readable note.
std::string describe(const Scenario& sc, const PermissionRow& r)
{
  return "procedure " + sc.procedures[r.procedure].code + ": " + who(sc, r.requester) + " → " + who(sc, r.provider) +
         ", item " + std::to_string(sc.layouts[r.item].number);
}

std::string row_id(const Scenario& sc, size_t i)
{
  return sc.permissions[i].id.empty() ? "/permissions/" + std::to_string(i) : sc.permissions[i].id;
}

std::string number(double x)
{
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::string list_rows(const Scenario& sc, const std::vector<PermissionRow>& rows)
{
  std::string s;
  for (const PermissionRow& r : rows)
    s += (s.empty() ? "" : "; ") + describe(sc, r);
  return s;
}

} // namespace

std::string describe_target(const Scenario& sc, const TimelineEvent& e)
{
  switch (e.target) {
    case FaultTarget::AGENCY_LINE: return "line of " + sc.agencies[e.agency].id;
    case FaultTarget::SITE_UPLINK: return "uplink of " + sc.sites[e.site].id;
    case FaultTarget::JLIS_LINE: return "J-LIS's line";
    case FaultTarget::SITE_HOST: return "intermediate server " + sc.sites[e.site].id;
    case FaultTarget::HUB_HOST: return "the hub";
    case FaultTarget::JLIS_HOST: return "J-LIS";
    case FaultTarget::NONE: break;
  }
  return "?";
}

ModelTimeline::ModelTimeline(const Scenario& sc)
{
  const auto kinds   = kinds_of(sc);
  const size_t n_pro = sc.procedures.size(), n_items = sc.layouts.size();

  // Every time a table may change: row dates and master events.
  std::vector<double> changes;
  for (const PermissionRow& r : sc.permissions)
    for (double t : {r.from_s, r.until_s})
      if (std::isfinite(t))
        changes.push_back(t);
  std::vector<const TimelineEvent*> master_events;
  for (const TimelineEvent& e : sc.timeline)
    if (e.kind == TimelineKind::MASTER_ROWS) {
      master_events.push_back(&e);
      changes.push_back(e.at_s);
      if (std::isfinite(e.until_s))
        changes.push_back(e.until_s);
    }
  std::sort(changes.begin(), changes.end());
  changes.erase(std::unique(changes.begin(), changes.end()), changes.end());

  auto law_rows = [&](double t) {
    std::vector<PermissionRow> rows;
    for (const PermissionRow& r : sc.permissions)
      if (active(r, t))
        rows.push_back(r);
    return rows;
  };
  auto master_rows = [&](double t) {
    std::vector<PermissionRow> rows = law_rows(t);
    for (const TimelineEvent* e : master_events)
      if (e->at_s <= t && t < e->until_s)
        for (const PermissionRow& gone : e->remove)
          rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const PermissionRow& r) { return r.same_grant(gone); }),
                     rows.end());
    rows.insert(rows.end(), sc.hub.master_extra_rows.begin(), sc.hub.master_extra_rows.end());
    for (const TimelineEvent* e : master_events)
      if (e->at_s <= t && t < e->until_s)
        rows.insert(rows.end(), e->add.begin(), e->add.end());
    return rows;
  };
  law    = Timed<PermissionTable>(PermissionTable(law_rows(-NEVER), kinds, n_pro, n_items));
  master = Timed<PermissionTable>(PermissionTable(master_rows(-NEVER), kinds, n_pro, n_items));
  for (double t : changes) {
    law.change_at(t, PermissionTable(law_rows(t), kinds, n_pro, n_items));
    master.change_at(t, PermissionTable(master_rows(t), kinds, n_pro, n_items));
  }

  // Manual-answer modes and registration faults, per agency.
  manual_.reserve(sc.agencies.size());
  for (const Agency& a : sc.agencies)
    manual_.emplace_back(ManualState{a.manual.configured && a.manual.on, a.manual.items});
  faults_.resize(sc.agencies.size());
  for (const TimelineEvent& e : sc.timeline) {
    if (e.kind == TimelineKind::MANUAL_ANSWER && !e.refused)
      manual_[e.agency].change_at(e.at_s, ManualState{e.on, e.items_given ? e.items : sc.agencies[e.agency].manual.items});
    else if (e.kind == TimelineKind::REGISTRATION_FAULT)
      faults_[e.agency].push_back(FaultWindow{e.at_s, e.until_s, e.fault});
    else if (e.kind == TimelineKind::DISTRIBUTION_FAULT)
      distribution_faults_.emplace_back(e.site, e.at_s, e.until_s);
  }
  // Connection restrictions, per agency (the loader refuses overlapping windows of one agency;
  // events come sorted by `at`, so each agency's changes are in time order).
  restricted_.assign(sc.agencies.size(), Timed<uint8_t>(0));
  for (const TimelineEvent& e : sc.timeline)
    if (e.kind == TimelineKind::CONNECTION_RESTRICTION) {
      has_restrictions_ = true;
      restricted_[e.agency].change_at(e.at_s, RESTRICT_REQUESTER | (e.as_provider ? RESTRICT_PROVIDER : 0));
      if (std::isfinite(e.until_s))
        restricted_[e.agency].change_at(e.until_s, 0);
    }

  // The agenda: what the scheduler applies, with a note for the timeline list.
  using T = AgendaEntry::Type;
  auto add = [this](T type, uint32_t agency, double t, std::string id, ChangeKind kind, std::string what) {
    if (t >= 0 && std::isfinite(t))
      agenda_.push_back(AgendaEntry{type, agency, TimelineNote{t, std::move(id), TIMELINE_CHANGES.name(kind), std::move(what)}});
  };
  auto add_fault = [this](T type, uint32_t agency, double t, std::string id, ChangeKind kind, std::string what, uint32_t event) {
    if (t >= 0 && std::isfinite(t))
      agenda_.push_back(
          AgendaEntry{type, agency, TimelineNote{t, std::move(id), TIMELINE_CHANGES.name(kind), std::move(what)}, event});
  };
  for (size_t i = 0; i < sc.permissions.size(); ++i) {
    const PermissionRow& r = sc.permissions[i];
    add(T::TABLE, NONE, r.from_s, row_id(sc, i), ChangeKind::PERMISSION_FROM, "permission row in force: " + describe(sc, r));
    add(T::TABLE, NONE, r.until_s, row_id(sc, i), ChangeKind::PERMISSION_UNTIL,
        "permission row no longer in force: " + describe(sc, r));
  }
  for (uint32_t ix = 0; ix < sc.timeline.size(); ++ix) {
    const TimelineEvent& e = sc.timeline[ix];
    switch (e.kind) {
      case TimelineKind::MASTER_ROWS: {
        std::string what = "hub master";
        if (!e.add.empty())
          what += " allows " + list_rows(sc, e.add);
        if (!e.remove.empty())
          what += std::string(e.add.empty() ? "" : ",") + " refuses " + list_rows(sc, e.remove);
        add(T::TABLE, NONE, e.at_s, e.id, ChangeKind::MASTER_ROWS, what);
        add(T::TABLE, NONE, e.until_s, e.id, ChangeKind::MASTER_ROWS_END, "the hub master's change \"" + e.id + "\" ends");
        break;
      }
      case TimelineKind::MANUAL_ANSWER: {
        const Agency& a = sc.agencies[e.agency];
        if (e.refused) {
          add(T::OPERATOR, e.agency, e.at_s, e.id, ChangeKind::MANUAL_ANSWER_REFUSED,
              a.id + " could not switch manual-answer mode (自動応答不可) " + (e.on ? "on" : "off") +
                  ": its line (VPN device) is down; the mode did not change");
          break;
        }
        std::string items;
        for (uint32_t i : (e.items_given ? e.items : a.manual.items))
          items += (items.empty() ? "" : ", ") + std::to_string(sc.layouts[i].number);
        add(T::OPERATOR, e.agency, e.at_s, e.id, e.on ? ChangeKind::MANUAL_ANSWER_ON : ChangeKind::MANUAL_ANSWER_OFF,
            a.id + " manual-answer mode (自動応答不可) " + (e.on ? "on" : "off") +
                (e.on ? " for " + (items.empty() ? std::string("every item") : "items " + items) : std::string()));
        break;
      }
      case TimelineKind::REGISTRATION_FAULT: {
        const Agency& a = sc.agencies[e.agency];
        std::string what = a.id + " registration (副本登録):";
        if (e.fault.skip)
          what += " batches skipped";
        if (e.fault.failure_rate >= 0)
          what += " batches fail with probability " + number(e.fault.failure_rate);
        if (e.fault.null_error_rate >= 0)
          what += " items left blank in a share " + number(e.fault.null_error_rate) + " of records";
        add(T::FAULT_BEGAN, e.agency, e.at_s, e.id, ChangeKind::REGISTRATION_FAULT, what);
        add(T::FAULT_ENDED, e.agency, e.until_s, e.id, ChangeKind::REGISTRATION_FAULT_END, a.id + " registration fault ends");
        break;
      }
      case TimelineKind::DISTRIBUTION_FAULT: {
        const std::string& site = sc.sites[e.site].id;
        add(T::FAULT_BEGAN, NONE, e.at_s, e.id, ChangeKind::DISTRIBUTION_FAULT,
            site + ": master distributions (マスター配信) to this server are lost");
        add(T::FAULT_ENDED, NONE, e.until_s, e.id, ChangeKind::DISTRIBUTION_FAULT_END, site + ": distribution fault ends");
        break;
      }
      case TimelineKind::LINK_DOWN:
      case TimelineKind::LINK_DEGRADED:
      case TimelineKind::HOST_DOWN:
      case TimelineKind::PLANNED_OUTAGE:
      case TimelineKind::VPN_FAULT: {
        const std::string target = describe_target(sc, e);
        ChangeKind begin = ChangeKind::LINK_DOWN, end = ChangeKind::LINK_DOWN_END;
        std::string what = target + " down", back = target + " up again";
        if (e.kind == TimelineKind::LINK_DEGRADED) {
          begin = ChangeKind::LINK_DEGRADED;
          end   = ChangeKind::LINK_DEGRADED_END;
          what  = target + " slow: latency x " + number(e.latency_factor) + ", bandwidth / " + number(e.bandwidth_divisor);
          back  = target + " back to its speed";
        } else if (e.kind == TimelineKind::HOST_DOWN) {
          begin = ChangeKind::HOST_DOWN;
          end   = ChangeKind::HOST_DOWN_END;
        } else if (e.kind == TimelineKind::PLANNED_OUTAGE) {
          begin = ChangeKind::PLANNED_OUTAGE;
          end   = ChangeKind::PLANNED_OUTAGE_END;
          what  = target + " down (planned outage, 計画停止)";
        } else if (e.kind == TimelineKind::VPN_FAULT) {
          begin = ChangeKind::VPN_FAULT;
          end   = ChangeKind::VPN_FAULT_END;
          what  = target + " down (VPN device fault)";
        }
        add_fault(T::FAULT_BEGAN, e.agency, e.at_s, e.id, begin, what, ix);
        add_fault(T::FAULT_ENDED, e.agency, e.until_s, e.id, end, back, ix);
        break;
      }
      case TimelineKind::CONNECTION_RESTRICTION: { // issue 9
        const Agency& a = sc.agencies[e.agency];
        add(T::OPERATOR, e.agency, e.at_s, e.id, ChangeKind::CONNECTION_RESTRICTION,
            a.id + " connection restricted by the operator (接続規制): the hub refuses its requests" +
                (e.as_provider ? " and the requests addressed to it" : ""));
        add(T::OPERATOR, e.agency, e.until_s, e.id, ChangeKind::CONNECTION_RESTRICTION_END,
            a.id + " connection restriction lifted");
        break;
      }
      // issue 9: identity incidents (cases 2 and 3); their persons are in result.json /identity_injects
      case TimelineKind::RESIDENT_CODE_ERROR: {
        const std::string& a = sc.agencies[e.agency].id;
        const std::string persons = e.count ? std::to_string(e.count) + " drawn pair(s)" : std::to_string(e.pairs.size()) + " pair(s)";
        add(T::FAULT_BEGAN, e.agency, e.at_s, e.id, ChangeKind::RESIDENT_CODE_ERROR,
            a + " (起因機関), " + RESIDENT_CODE_SUBCASES.name(e.subcase) + ": " + persons +
                " — person B's record carries person A's resident code (住民票コード)");
        if (e.delete_shared_s != NEVER) {
          add(T::FAULT_BEGAN, e.agency, e.delete_shared_s, e.id, ChangeKind::RESIDENT_CODE_DELETED,
              "code A physically deleted on 住基全国センター: its linkage code and every agency code derived from it die");
          if (e.delete_shared_s + e.reacquire_s < sc.duration_s)
            add(T::FAULT_ENDED, e.agency, e.delete_shared_s + e.reacquire_s, e.id, ChangeKind::CODES_REACQUIRED,
                "every holder has re-acquired its agency codes (符号取得)");
        } else
          add(T::FAULT_ENDED, e.agency, e.until_s, e.id, ChangeKind::RESIDENT_CODE_FIXED,
              e.delete_code_s != NEVER ? a + ": the unused code X physically deleted, B's record corrected"
                                       : a + ": the 本人確認情報 history corrected, B carries its own code again");
        break;
      }
      case TimelineKind::NUMBER_SWAP: {
        const std::string& a = sc.agencies[e.agency].id;
        const std::string persons = e.count ? std::to_string(e.count) + " drawn pair(s)" : std::to_string(e.pairs.size()) + " pair(s)";
        add(T::FAULT_BEGAN, e.agency, e.at_s, e.id, ChangeKind::NUMBER_SWAP,
            a + ": 個人番号 ↔ 宛名番号 links swapped for " + persons);
        add(T::FAULT_ENDED, e.agency, e.until_s, e.id, ChangeKind::NUMBER_SWAP_END, a + ": the swapped links are fixed");
        break;
      }
      case TimelineKind::REPLICA_MISREGISTRATION: { // issue 9 case 1: it ends with the response's fix
        std::string items;
        for (uint32_t i : e.items)
          items += (items.empty() ? "" : ", ") + std::to_string(sc.layouts[i].number);
        add(T::FAULT_BEGAN, e.agency, e.at_s, e.id, ChangeKind::REPLICA_MISREGISTRATION,
            sc.agencies[e.agency].id + " replicas of items " + items + " misregistered (副本登録誤り, " +
                MISREGISTRATION_MODES.name(e.mode) + ") for " + std::to_string(e.persons) + " persons");
        break;
      }
    }
  }
  std::stable_sort(agenda_.begin(), agenda_.end(),
                   [](const AgendaEntry& a, const AgendaEntry& b) { return a.note.t_s < b.note.t_s; });
  advance_to(0.0); // changes before the start are in force from it
}

void ModelTimeline::advance_to(double t)
{
  law.advance_to(t);
  master.advance_to(t);
  for (auto& m : manual_)
    m.advance_to(t);
}

} // namespace linksim
