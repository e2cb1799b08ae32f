// Section `verification`: the verification environment (接続検証環境) and who takes the
// inter-agency test (機関間試験) in it (sim/scenario/Verification.hpp, domain.md §5). It names the
// revision whose masters the environment runs, so it is read after `revisions`; its window lies
// inside the run (the queue is simulated, not computed).
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

#include <algorithm>

namespace linksim {

namespace {

/// A list of agency ids at `key` (each known, none twice).
std::vector<uint32_t> read_agency_list(ObjReader& v, const char* key, const json& arr, LoadContext& ctx)
{
  std::vector<uint32_t> out;
  for (size_t i = 0; i < arr.size(); ++i) {
    const std::string ptr = v.at(key) + "/" + std::to_string(i);
    if (!arr[i].is_string()) {
      ctx.issues.error(ptr, "expected an agency id as a string, found " + type_name(arr[i]));
      continue;
    }
    if (auto a = resolve(ctx.agency_ix, "agency", arr[i].get<std::string>(), ptr, ctx.issues)) {
      if (std::find(out.begin(), out.end(), *a) != out.end())
        ctx.issues.error(ptr, "agency \"" + arr[i].get<std::string>() + "\" is listed twice");
      else
        out.push_back(*a);
    }
  }
  return out;
}

/// The test cases of regime `interagency` run in the verification environment, not in production:
/// each person of a case becomes a test request of its requester's inter-agency test (sent at its
/// `at` if that falls inside the requester's window, or at the window's first business moment for
/// "next_business_slot"), and the case's internal production workload line is removed.
void take_interagency_cases(ObjReader& root, LoadContext& ctx)
{
  Scenario& sc     = ctx.sc;
  Verification& vf = sc.verification;
  vf.probes.assign(vf.agencies.size(), {});
  const json* raw = root.raw("test_cases", Req::NO);
  std::vector<uint8_t> drop(sc.workload.size(), 0);
  for (uint32_t c = 0; c < sc.test_cases.size(); ++c) {
    TestCase& tc = sc.test_cases[c];
    if (tc.regime != Regime::INTERAGENCY)
      continue;
    size_t i = 0; // the case's element in the file (cases are read in file order; ids are unique)
    while (raw && i < raw->size() && !((*raw)[i].is_object() && (*raw)[i].value("id", "") == tc.id))
      ++i;
    const std::string ptr = "/test_cases/" + std::to_string(i);
    const uint32_t slot   = vf.agency_slot[tc.requester];
    if (slot == NONE) {
      ctx.issues.error(ptr + "/requester", "interagency test case \"" + tc.id + "\": its requester \"" +
                                               sc.agencies[tc.requester].id +
                                               "\" does not take the inter-agency test (it is not in verification.agencies)");
      continue;
    }
    for (size_t k = 0; k < tc.expect.size(); ++k)
      if (!tc.expect[k].null_items.empty()) {
        ctx.issues.error(ptr + "/expect", "interagency test case \"" + tc.id + "\": the verification environment's test "
                                          "data carries no item values, so null items cannot be expected");
        break;
      }
    const bool next = raw && i < raw->size() && (*raw)[i].contains("at") && (*raw)[i]["at"] == "next_business_slot";
    for (uint32_t k = 0; k < tc.persons.size(); ++k) {
      TestProbe p;
      p.test_case     = c;
      p.k             = k;
      p.requester     = tc.requester;
      p.provider      = tc.providers[k];
      p.procedure     = tc.procedure;
      p.item          = tc.item;
      p.at_s          = tc.at_s[tc.batch ? 0 : k];
      p.next_business = next;
      vf.probes[slot].push_back(p);
    }
    drop[tc.workload] = 1;
  }
  // Remove the taken cases' production lines and renumber the others.
  std::vector<Workload> kept;
  for (uint32_t w = 0; w < sc.workload.size(); ++w) {
    if (drop[w]) {
      sc.test_cases[sc.workload[w].test_case].workload = NONE;
      ctx.workload_ix.erase(sc.workload[w].id);
      continue;
    }
    if (sc.workload[w].test_case != NONE)
      sc.test_cases[sc.workload[w].test_case].workload = static_cast<uint32_t>(kept.size());
    ctx.workload_ix[sc.workload[w].id] = static_cast<uint32_t>(kept.size());
    kept.push_back(std::move(sc.workload[w]));
  }
  sc.workload = std::move(kept);
}

void read_verification(ObjReader& root, LoadContext& ctx)
{
  ObjReader v = root.object("verification", Req::NO);
  if (!v.valid())
    return;
  Scenario& sc      = ctx.sc;
  Verification& vf  = sc.verification;
  vf.configured     = true;
  // The environment's desk and testers do not handle messages a fault loses yet (issue 9): refuse
  // the combination rather than let a lost test request stop the run.
  for (size_t i = 0; i < sc.timeline.size(); ++i)
    if (is_network_fault(sc.timeline[i].kind)) {
      size_t k = 0; // the event's element in the file (events are read in file order; ids are unique)
      const json* tl = root.raw("timeline", Req::NO);
      while (tl && k < tl->size() && !((*tl)[k].is_object() && (*tl)[k].value("id", "") == sc.timeline[i].id))
        ++k;
      const std::string fault = "a network or host fault (timeline event \"" + sc.timeline[i].id + "\"";
      ctx.issues.conflict({v.pointer(), "a verification environment and " + fault + ", ", ") in one scenario are not supported yet: run them apart"},
                          {"/timeline/" + std::to_string(k), fault + ") and a verification environment (",
                           ") in one scenario are not supported yet: run them apart"});
      break;
    }
  if (auto id = v.string("revision", Req::YES)) {
    for (uint32_t r = 0; r < sc.revisions.size(); ++r)
      if (sc.revisions[r].id == *id)
        vf.revision = r;
    if (vf.revision == NONE) {
      std::vector<std::string> known;
      for (const Revision& r : sc.revisions)
        known.push_back("\"" + r.id + "\"");
      v.error("revision", "unknown revision \"" + *id + "\"; known: " + (known.empty() ? "none (the scenario has no revisions)" : join(known)));
    } else
      vf.revision_id = *id;
  }
  std::optional<double> opens, closes;
  if (const json* j = v.raw("opens", Req::YES))
    opens = read_when(*j, v.at("opens"), ctx);
  if (const json* j = v.raw("closes", Req::YES))
    closes = read_when(*j, v.at("closes"), ctx);
  if (opens && *opens < 0)
    v.error("opens", "the verification window must open inside the run (the run starts " + sc.start_text +
                         "): the queue is simulated, not computed");
  if (opens && closes && *closes <= *opens)
    v.error("closes", "the verification window must close after it opens");
  if (closes && *closes > sc.duration_s)
    v.error("closes", "the verification window must close by the end of the run (calendar.duration_days)");
  vf.opens_s    = opens.value_or(0);
  vf.closes_s   = closes.value_or(0);
  vf.slots      = static_cast<unsigned>(read_integer(v, params::VERIFICATION_SLOTS));
  vf.approval_s = read_number(v, params::VERIFICATION_APPROVAL_DAYS) * 86400;
  vf.test_s     = read_number(v, params::VERIFICATION_TEST_DAYS) * 86400;
  vf.report_s   = read_number(v, params::VERIFICATION_REPORT_DAYS) * 86400;
  vf.answer_s   = read_number(v, params::VERIFICATION_ANSWER_MS) * MS;
  if (opens && closes && vf.test_s > *closes - *opens)
    v.error("test_days", "a test (" + json(vf.test_s / 86400).dump() + " days) does not fit in the window (" +
                             json((*closes - *opens) / 86400).dump() + " days)");
  {
    ObjReader l = v.object("link", Req::NO);
    vf.link     = LinkSpec{read_number(l, params::VERIFICATION_LATENCY_MS) * MS,
                       read_number(l, params::VERIFICATION_BANDWIDTH_MBPS) * 1e6 / 8};
    l.finish();
  }
  // Who tests: a list of ids, or the revision's agencies of one role.
  std::vector<uint32_t> testers;
  if (const json* a = v.raw("agencies", Req::YES)) {
    if (a->is_array()) {
      testers = read_agency_list(v, "agencies", *a, ctx);
      if (a->empty())
        v.error("agencies", "expected at least one agency");
    } else if (a->is_object()) {
      ObjReader g = v.object("agencies", Req::YES);
      auto sel    = read_given_choice(g, params::VERIFICATION_SELECT, VERIFICATION_SELECTS);
      g.finish();
      if (sel && vf.revision != NONE) {
        for (const RevisionAgency& ra : sc.revisions[vf.revision].agencies)
          if (*sel == VerificationSelect::ALL || (*sel == VerificationSelect::PROVIDERS && ra.provider) ||
              (*sel == VerificationSelect::REQUESTERS && ra.requester))
            testers.push_back(ra.agency);
        if (testers.empty())
          g.error("revision", "revision \"" + vf.revision_id + "\" concerns no agency of this role");
      }
    } else
      v.error("agencies", "expected a list of agency ids or {\"revision\": \"all|providers|requesters\"}, found " +
                              type_name(*a));
  }
  std::vector<uint32_t> fresh;
  if (const json* n = v.array("new_connections", Req::NO))
    fresh = read_agency_list(v, "new_connections", *n, ctx);
  // Applications: listed, else the second review of the agency's change application (the chain
  // puts the test after it), else so that approval comes when the window opens.
  std::map<uint32_t, double> applied;
  if (const json* obj = v.raw("applications", Req::NO)) {
    if (!obj->is_object())
      v.error("applications", "expected an object {\"<agency id>\": \"<date>\"}, found " + type_name(*obj));
    else
      for (const auto& [id, d] : obj->items()) {
        const std::string ptr = v.at("applications") + "/" + pointer_escape(id);
        auto a                = resolve(ctx.agency_ix, "agency", id, ptr, ctx.issues);
        auto t                = read_when(d, ptr, ctx);
        if (a && std::find(testers.begin(), testers.end(), *a) == testers.end())
          ctx.issues.conflict({ptr, "agency \"" + id + "\" does not take the inter-agency test (it is not in ", ")"},
                              {v.at("agencies"), "agency \"" + id + "\" is not listed, and does not take the inter-agency test it applies for (", ")"});
        else if (a && t) {
          if (*t < 0)
            ctx.issues.error(ptr, "an application must be filed inside the run (the run starts " + sc.start_text + ")");
          else if (closes && *t >= *closes)
            ctx.issues.error(ptr, "an application filed when the window has closed can never be served");
          applied[*a] = *t;
        }
      }
  }
  v.finish();
  vf.agency_slot.assign(sc.agencies.size(), NONE);
  for (uint32_t a : testers) {
    VerificationAgency va;
    va.agency = a;
    if (applied.count(a))
      va.application_s = applied.at(a);
    else {
      va.application_s = vf.opens_s - vf.approval_s;
      if (vf.revision != NONE) {
        const Revision& rev = sc.revisions[vf.revision];
        if (rev.agency_slot[a] != NONE)
          va.application_s = std::max(va.application_s, rev.agencies[rev.agency_slot[a]].reviewed_s);
      }
      va.application_s = std::max(va.application_s, 0.0); // filed before the run: seen at its start
    }
    va.new_connection = std::find(fresh.begin(), fresh.end(), a) != fresh.end();
    vf.agencies.push_back(va);
  }
  // First come, first served: the queue's order is the order of applications (ties: file order).
  std::stable_sort(vf.agencies.begin(), vf.agencies.end(),
                   [](const VerificationAgency& x, const VerificationAgency& y) { return x.application_s < y.application_s; });
  for (uint32_t k = 0; k < vf.agencies.size(); ++k)
    vf.agency_slot[vf.agencies[k].agency] = k;
  vf.new_connections = fresh;
  take_interagency_cases(root, ctx);
}

} // namespace

extern const SectionDecl VERIFICATION_SECTION{"verification", {"verification"}, read_verification,
                                              "the verification environment (接続検証環境): its revision's masters, "
                                              "slots, window, and the agencies that take the inter-agency test"};

} // namespace linksim
