#include "harness/results/ResultShape.hpp"

#include "harness/collect/Incidents.hpp"
#include "harness/scenario/JsonReader.hpp"
#include "sim/trace/Hops.hpp"
#include "sim/trace/Oracle.hpp"

#include <algorithm>

namespace linksim {

const std::vector<std::string> COUNT_EXTRAS   = {"all", "provided", "lagging", "manual"};
const std::vector<std::string> BREAKDOWNS     = {"by_procedure", "by_requester", "by_provider", "by_item", "by_workload"};
const std::vector<std::string> LATENCY_SERIES = {"end_to_end", "end_to_end_immediate", "end_to_end_batch",
                                                 "hub_queue_wait"};
const std::vector<std::string> LATENCY_STATS  = {"count", "mean_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_ms"};
const std::vector<std::string> RECORD_FIELDS  = {"requester", "provider", "hub", "nondisclosure", "inconsistent"};
const std::vector<std::string> SERVER_FIELDS  = {"messages", "utilisation", "mean_wait_ms", "max_wait_ms"};
const std::string SKIPPED                     = "skipped";
// network and host faults (issue 9)
const std::vector<std::string> FAULT_COUNTS = {"exchanges", "timed_out",      "unreachable", "retried",
                                               "delayed",   "lost_in_flight", "failed_sends"};
// issue 9: identity injects (cases 2 and 3)
const std::vector<std::string> INJECT_COUNTS = {"exchanges", "affected", "affected_before_at", "holders_hit",
                                                "holders_failed"};
// annual notification drill (訓練)
const std::vector<std::string> DRILL_COUNTS    = {"targeted",        "reached",          "acknowledged",
                                                  "stale_contacts",  "not_reached_by_cutoff", "no_ack_by_cutoff",
                                                  "never_acknowledged", "reach"};
const std::vector<std::string> DRILL_ACK_STATS = {"count", "mean", "p50", "p90", "p95", "max"};
const std::vector<std::string> DRILL_TIMES     = {"mttd_minutes", "mtta_minutes", "mttr_minutes"};
const std::vector<std::string> DRILL_WHY       = {"stale_contact", "not_reached_by_cutoff", "no_ack_by_cutoff"};


std::string shape::pointer(std::initializer_list<std::string> segments)
{
  std::string p;
  for (const std::string& s : segments)
    p += "/" + s;
  return p;
}

std::string outcome_total_pointer(Outcome o)
{
  const std::vector<std::string> form = split_pointer(metric_patterns().front().form); // /outcomes/total/<outcome>
  return shape::pointer({form[0], form[1], OUTCOMES.name(o)});
}

const std::vector<MetricPattern>& metric_patterns()
{
  using K = CheckKind;
  static const std::vector<MetricPattern> list = {
      {"/outcomes/total/<outcome>", K::CORRECTNESS, true, "exchanges of a class (or all, provided, lagging, manual)"},
      {"/outcomes/skipped", K::CORRECTNESS, false, "workload arrivals that found no person to ask about"},
      {"/outcomes/<breakdown>/<key>/<outcome>", K::CORRECTNESS, false,
       "the same, for one procedure, requester, provider, item or workload line"},
      {"/latency/<series>/<statistic>", K::LATENCY, true, "end-to-end latency and the hub's queue wait"},
      {"/latency/hops/<hop>/<statistic>", K::LATENCY, false, "latency of one hop of the path"},
      {"/records/<record>", K::CORRECTNESS, false, "provision records (情報提供等の記録) written, and their consistency"},
      {"/servers/<site>/<server_metric>", K::LATENCY, true, "load and waits of one site's server"},
      {"/denials/total/<deny_reason>", K::CORRECTNESS, false, "refused requests, by why they were refused"},
      {"/denials/by_workload/<workload>/<deny_reason>", K::CORRECTNESS, false, "the same, for one workload line"},
      {"/revisions/<revision>/missing_go_live", K::CORRECTNESS, false,
       "agencies that miss the revision's go-live (not ready, application or inter-agency test late)"},
      {"/masters/<site>/late", K::CORRECTNESS, false,
       "revisions whose masters were not in force at the server by their go-live (a distribution it missed)"},
      // issue 8: test cases (when the scenario has any)
      {"/test_cases/summary/<case_grade>", K::CORRECTNESS, false, "test cases per grade (and `cases`: all of them, `with_failures`: with an exchange other than expected, `unfinished`: with none such but one that never finished)"},
      {"/test_cases/<test_case>/verified", K::CORRECTNESS, false, "1 if the test case is verified, else 0"},
      {"/test_cases/<test_case>/counts/<case_count>", K::CORRECTNESS, false,
       "a test case's exchanges: all, passed, failed, not finished"},
      // verification environment (接続検証環境) and inter-agency test (機関間試験)
      {"/verification/missing_go_live", K::CORRECTNESS, false,
       "agencies whose inter-agency test is not complete (completion report filed) by the revision's go-live"},
      {"/verification/completed_before_go_live", K::CORRECTNESS, false,
       "agencies whose inter-agency test is complete by the revision's go-live"},
      {"/verification/untested_new_connections", K::CORRECTNESS, false,
       "new connections that started production linkage without a completed inter-agency test"},
      {"/verification/slot_utilisation", K::CORRECTNESS, false,
       "share of the environment's slot-time in use over its window"},
      {"/verification/max_wait_days", K::LATENCY, false, "the longest wait for a slot after approval"},
      {"/verification/test_requests", K::CORRECTNESS, false, "test requests the verification hub answered"},
      {"/verification/agencies/<agency>/misses_go_live", K::CORRECTNESS, false,
       "1 if this agency's inter-agency test is not complete by go-live, else 0"},
      {"/verification/agencies/<agency>/wait_days", K::LATENCY, false, "this agency's wait for a slot"},
      // network and host faults (issue 9, point 1)
      {"/faults/<fault>/<fault_count>", K::CORRECTNESS, false,
       "what one link or host fault did to the exchanges whose life overlapped its window: exchanges, timed_out, "
       "unreachable, retried (tried more than once), delayed (delivered after a retry); and the messages it lost: "
       "lost_in_flight (on the way or in a dying worker's hands), failed_sends (sent over a route that was down)"},
      // issue 9: connection restriction (接続規制), when the scenario has any
      {"/restrictions/outside", K::CORRECTNESS, false,
       "restricted exchanges the hub refused at a time no connection_restriction window covered (0: only inside)"},
      {"/restrictions/events/<restriction>/<restriction_field>", K::CORRECTNESS, false,
       "one restriction: exchanges refused inside its window, and when the first and the last were refused (s)"},
      // issue 9: identity incidents injected on the timeline (cases 2 and 3)
      {"/identity_injects/<identity_inject>/<inject_count>", K::CORRECTNESS, false,
       "an identity inject's exchanges about its persons (`exchanges`), those wrong_person or code_deleted "
       "(`affected`, `affected_before_at`), the holders of codes a deletion killed (`holders_hit`) and those "
       "with a query refused (`holders_failed`)"},
      {"/identity_injects/<identity_inject>/by_class/<outcome_class>", K::CORRECTNESS, false,
       "an identity inject's exchanges about its persons, by outcome class"},
      // annual notification drill (訓練), when the scenario has drills
      {"/drills/<drill>/<drill_count>", K::CORRECTNESS, false,
       "a drill's agencies targeted, reached (mail arrived by the cutoff), acknowledged, never acknowledged and why; "
       "reach = acknowledged / targeted"},
      {"/drills/<drill>/time_to_ack_minutes/<ack_stat>", K::LATENCY, false,
       "time from the post (the alert) to an agency's acknowledgement, over the agencies that acknowledged"},
      {"/drills/<drill>/<drill_time>", K::LATENCY, false,
       "MTTD (occurred → posted), MTTA (mean posted → acknowledged), MTTR (occurred → resolved), apart"},
      {"/drills/<drill>/by_kind/<drill_kind>/<drill_count>", K::CORRECTNESS, false, "the same counts, for one agency kind"},
      {"/drills/<drill>/by_kind/<drill_kind>/time_to_ack_minutes/<ack_stat>", K::LATENCY, false,
       "the time to acknowledge, for one agency kind"},
      // issue 9: incidents and their response (when the scenario injects one)
      {"/incidents/<incident>/<incident_metric>", K::CORRECTNESS, false,
       "an incident's detection, level, times to detect / contain / report / fix (hours after the inject), wrong "
       "provisions before and after containment, annotations done and missing, actions on time, late, refused"},
  };
  return list;
}

namespace {

std::vector<std::string> outcome_names()
{
  std::vector<std::string> v = OUTCOMES.names();
  v.insert(v.end(), COUNT_EXTRAS.begin(), COUNT_EXTRAS.end());
  return v;
}

bool is_slot(const std::string& s) { return s.size() > 2 && s.front() == '<' && s.back() == '>'; }
/// Slots whose values are the scenario's ids (any segment in the regex).
bool open_slot(const std::string& name)
{
  return name == "key" || name == "site" || name == "workload" || name == "revision" || name == "test_case" ||
         name == "agency" || name == "fault" || name == "restriction" || name == "identity_inject" || name == "drill" ||
         name == "incident";
}

/// A form with its small fixed slots spelt out ("/records/<requester|provider|...>").
std::string render(const std::string& form, const Scenario& sc)
{
  std::string out;
  std::vector<std::string> before;
  for (const std::string& seg : split_pointer(form)) {
    out += "/";
    if (is_slot(seg)) {
      const std::string name = seg.substr(1, seg.size() - 2);
      const bool fixed       = !open_slot(name);
      const auto values      = fixed ? slot_values(name, before, sc) : std::vector<std::string>();
      out += fixed && values.size() <= 6 ? "<" + join(values, "|") + ">" : seg;
    } else
      out += seg;
    before.push_back(seg);
  }
  return out;
}

} // namespace

std::vector<std::string> slot_values(const std::string& slot, const std::vector<std::string>& before, const Scenario& sc)
{
  if (slot == "outcome") {
    auto v = outcome_names();
    if (before.size() == 3 && before[1] == BREAKDOWNS.back()) // by_workload
      v.push_back(SKIPPED);
    return v;
  }
  if (slot == "breakdown")
    return BREAKDOWNS;
  if (slot == "key") {
    std::vector<std::string> v;
    const std::string by = before.size() > 1 ? before[1] : "";
    if (by == "by_procedure")
      for (const Procedure& p : sc.procedures)
        v.push_back(p.code);
    else if (by == "by_requester" || by == "by_provider")
      for (const Agency& a : sc.agencies)
        v.push_back(a.id);
    else if (by == "by_item")
      for (const Layout& l : sc.layouts)
        v.push_back(std::to_string(l.number));
    else if (by == "by_workload")
      for (const Workload& w : sc.workload)
        v.push_back(w.id);
    return v;
  }
  if (slot == "series")
    return LATENCY_SERIES;
  if (slot == "statistic")
    return LATENCY_STATS;
  if (slot == "hop") {
    std::vector<std::string> v;
    for (const HopDef& h : HOPS)
      v.emplace_back(h.name);
    return v;
  }
  if (slot == "record")
    return RECORD_FIELDS;
  if (slot == "site") {
    std::vector<std::string> v;
    for (const Site& s : sc.sites)
      v.push_back(s.id);
    return v;
  }
  if (slot == "server_metric")
    return SERVER_FIELDS;
  if (slot == "deny_reason")
    return DENY_REASONS.names();
  if (slot == "workload") {
    std::vector<std::string> v;
    for (const Workload& w : sc.workload)
      v.push_back(w.id);
    return v;
  }
  if (slot == "case_grade") {
    std::vector<std::string> v = {"cases", "with_failures", "unfinished"};
    for (const std::string& n : CASE_VERDICTS.names())
      v.push_back(n);
    return v;
  }
  if (slot == "test_case") {
    std::vector<std::string> v;
    for (const TestCase& t : sc.test_cases)
      v.push_back(t.id);
    return v;
  }
  if (slot == "case_count")
    return {"exchanges", "passed", "failed", "not_finished"};
  if (slot == "agency") { // the agencies that take the inter-agency test
    std::vector<std::string> v;
    for (const VerificationAgency& a : sc.verification.agencies)
      v.push_back(sc.agencies[a.agency].id);
    return v;
  }
  if (slot == "fault") { // issue 9: the timeline's link and host faults
    std::vector<std::string> v;
    for (const TimelineEvent& e : sc.timeline)
      if (is_network_fault(e.kind))
        v.push_back(e.id);
    return v;
  }
  if (slot == "fault_count")
    return FAULT_COUNTS;
  if (slot == "restriction") { // issue 9: connection_restriction events
    std::vector<std::string> v;
    for (const TimelineEvent& e : sc.timeline)
      if (e.kind == TimelineKind::CONNECTION_RESTRICTION)
        v.push_back(e.id);
    return v;
  }
  if (slot == "restriction_field")
    return {"refused", "first_s", "last_s"};
  if (slot == "identity_inject") { // issue 9: cases 2 and 3
    std::vector<std::string> v;
    for (const TimelineEvent& e : sc.timeline)
      if (e.kind == TimelineKind::RESIDENT_CODE_ERROR || e.kind == TimelineKind::NUMBER_SWAP)
        v.push_back(e.id);
    return v;
  }
  if (slot == "inject_count")
    return INJECT_COUNTS;
  if (slot == "outcome_class") // the classes only (no all, provided, ...)
    return OUTCOMES.names();
  // annual notification drill (訓練)
  if (slot == "drill") {
    std::vector<std::string> v;
    for (const Drill& d : sc.drills)
      v.push_back(d.id);
    return v;
  }
  if (slot == "drill_count")
    return DRILL_COUNTS;
  if (slot == "ack_stat")
    return DRILL_ACK_STATS;
  if (slot == "drill_time")
    return DRILL_TIMES;
  if (slot == "drill_kind") {
    std::vector<std::string> v;
    for (AgencyKind k : DRILL_KINDS)
      v.emplace_back(AGENCY_KINDS.name(k));
    return v;
  }
  if (slot == "incident_metric") // issue 9
    return incident_metrics();
  if (slot == "incident") {
    std::vector<std::string> v;
    for (const TimelineEvent& e : sc.timeline)
      if (e.kind == TimelineKind::REPLICA_MISREGISTRATION)
        v.push_back(e.id);
    return v;
  }
  if (slot == "revision") {
    std::vector<std::string> v;
    for (const Revision& r : sc.revisions)
      v.push_back(r.id);
    return v;
  }
  return {};
}

std::vector<std::string> split_pointer(const std::string& p)
{
  std::vector<std::string> parts;
  std::string cur;
  for (size_t i = 1; i <= p.size(); ++i) {
    if (i == p.size() || p[i] == '/') {
      std::string un;
      for (size_t k = 0; k < cur.size(); ++k) {
        if (cur[k] == '~' && k + 1 < cur.size()) {
          un += cur[k + 1] == '1' ? '/' : '~';
          ++k;
        } else
          un += cur[k];
      }
      parts.push_back(un);
      cur.clear();
    } else
      cur += p[i];
  }
  return parts;
}

std::string metric_problem(const std::string& pointer, const Scenario& sc)
{
  if (pointer.empty() || pointer[0] != '/')
    return "a metric is a JSON pointer into result.json, starting with \"/\"";
  const auto parts = split_pointer(pointer);
  std::vector<std::string> sections, forms;
  for (const MetricPattern& m : metric_patterns()) {
    const std::string section = split_pointer(m.form)[0];
    if (std::find(sections.begin(), sections.end(), section) == sections.end())
      sections.push_back(section);
    if (section == parts[0])
      forms.push_back(render(m.form, sc));
  }
  if (forms.empty()) {
    std::vector<std::string> listed;
    for (const auto& s : sections)
      listed.push_back("/" + s);
    return "unknown section \"" + parts[0] + "\"; checks read " + join(listed);
  }
  // The pattern of the same length that matches deepest says what is wrong.
  size_t best_depth = 0;
  std::string best_why;
  for (const MetricPattern& m : metric_patterns()) {
    const auto segs = split_pointer(m.form);
    if (segs[0] != parts[0] || segs.size() != parts.size())
      continue;
    size_t k = 0;
    std::string why;
    for (; k < segs.size(); ++k) {
      if (!is_slot(segs[k])) {
        if (segs[k] != parts[k])
          break;
        continue;
      }
      const std::string slot = segs[k].substr(1, segs[k].size() - 2);
      const std::vector<std::string> before(parts.begin(), parts.begin() + static_cast<long>(k));
      const auto values = slot_values(slot, before, sc);
      if (std::find(values.begin(), values.end(), parts[k]) == values.end()) {
        why = slot == "key" ? "unknown key \"" + parts[k] + "\" for /" + parts[0] + "/" + parts[1]
                            : "unknown " + slot + " \"" + parts[k] + "\"; known: " + join(values);
        break;
      }
    }
    if (k == segs.size())
      return "";
    if (!why.empty() && k + 1 > best_depth) {
      best_depth = k + 1;
      best_why   = why;
    }
  }
  return best_why.empty() ? "expected " + join(forms, " or ") : best_why;
}

namespace {
void collect_headlines(const nlohmann::ordered_json& node, const std::vector<std::string>& segs, size_t k,
                       const std::string& ptr, const Scenario& none, std::map<std::string, double>& out)
{
  if (k == segs.size()) {
    if (node.is_number())
      out[ptr] = node.get<double>();
    return;
  }
  if (!node.is_object())
    return;
  if (!is_slot(segs[k])) {
    if (auto it = node.find(segs[k]); it != node.end())
      collect_headlines(*it, segs, k + 1, ptr + "/" + segs[k], none, out);
    return;
  }
  const std::string slot = segs[k].substr(1, segs[k].size() - 2);
  const auto fixed       = open_slot(slot) ? std::vector<std::string>() : slot_values(slot, {}, none);
  for (auto it = node.begin(); it != node.end(); ++it)
    if (fixed.empty() || std::find(fixed.begin(), fixed.end(), it.key()) != fixed.end())
      collect_headlines(it.value(), segs, k + 1, ptr + "/" + it.key(), none, out);
}
} // namespace

std::map<std::string, double> headline_values(const nlohmann::ordered_json& result)
{
  std::map<std::string, double> out;
  const Scenario none; // the headline slots do not depend on the scenario
  for (const MetricPattern& m : metric_patterns())
    if (m.headline)
      collect_headlines(result, split_pointer(m.form), 0, "", none, out);
  return out;
}

std::string metric_regex()
{
  const Scenario none; // keys are any segment: only the fixed slots are spelt out
  auto alternatives = [](const std::vector<std::string>& v) { return "(?:" + join(v, "|") + ")"; };
  std::vector<std::string> forms;
  for (const MetricPattern& m : metric_patterns()) {
    const auto segs = split_pointer(m.form);
    // One form per breakdown: the outcomes of by_workload also have "skipped".
    std::vector<std::vector<std::string>> expanded = {segs};
    for (size_t k = 0; k < segs.size(); ++k)
      if (segs[k] == "<breakdown>") {
        expanded.clear();
        for (const std::string& b : BREAKDOWNS) {
          auto e = segs;
          e[k]   = b;
          expanded.push_back(e);
        }
      }
    for (const auto& e : expanded) {
      std::string re;
      for (size_t k = 0; k < e.size(); ++k) {
        re += "/";
        if (!is_slot(e[k])) {
          re += e[k];
          continue;
        }
        const std::string slot = e[k].substr(1, e[k].size() - 2);
        if (open_slot(slot))
          re += "[^/]*";
        else
          re += alternatives(slot_values(slot, std::vector<std::string>(e.begin(), e.begin() + static_cast<long>(k)), none));
      }
      forms.push_back(re);
    }
  }
  return "^(?:" + join(forms, "|") + ")$";
}

CheckKind default_check_kind(const std::string& pointer)
{
  const auto parts = split_pointer(pointer);
  for (const MetricPattern& m : metric_patterns())
    if (!parts.empty() && split_pointer(m.form)[0] == parts[0])
      return m.kind;
  return CheckKind::CORRECTNESS;
}

} // namespace linksim
