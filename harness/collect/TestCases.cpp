#include "harness/collect/TestCases.hpp"

#include "harness/results/Format.hpp"

#include <cstdio>

namespace linksim {

namespace {

std::string seconds(double s)
{
  char b[32];
  std::snprintf(b, sizeof b, "%.3f s", s);
  return b;
}

const std::string& version_name(const Scenario& sc, uint32_t item, uint32_t v)
{
  static const std::string none = "?";
  const auto& vs = sc.layouts[item].versions;
  return v < vs.size() ? vs[v].version : none;
}

/// A data item's state in a record, as a name ("value", "zero", "blank", or its ReasonOfNull).
std::string item_state(const Scenario& sc, const Record& r, uint32_t d)
{
  if (d >= r.n)
    return "absent";
  const uint8_t s = r.state[d];
  if (s == Record::VALUE)
    return "value";
  if (s == Record::ZERO)
    return "zero";
  if (s == Record::BLANK)
    return "blank";
  const size_t k = s - Record::NULL_BASE;
  return k < sc.reasons_of_null.size() ? "null " + sc.reasons_of_null[k] : "null ?";
}

/// The item code of data item d of the layout (its latest version that has it).
std::string item_code(const Scenario& sc, uint32_t item, uint32_t d)
{
  for (auto it = sc.layouts[item].versions.rbegin(); it != sc.layouts[item].versions.rend(); ++it)
    if (d < it->items.size())
      return it->items[d].code;
  return std::to_string(d);
}

} // namespace

std::string describe_expect(const Scenario& sc, const TestCase& tc, const CaseExpect& x)
{
  std::string s = to_string(static_cast<Outcome>(x.outcome));
  if (x.version != NONE)
    s += ", version " + version_name(sc, tc.item, x.version);
  for (const auto& [d, r] : x.null_items)
    s += ", " + item_code(sc, tc.item, d) + " null " + sc.reasons_of_null[r];
  if (x.latency_max_s > 0)
    s += ", latency <= " + seconds(x.latency_max_s);
  return s;
}

TestCasesCollector::TestCasesCollector(World& w)
    : sc_(w.scenario()), cal_(w.calendar()), issued_(w.scenario().test_cases.size(), 0),
      cases_(w.scenario().test_cases.size())
{
  for (size_t c = 0; c < sc_.test_cases.size(); ++c)
    cases_[c].exchanges.resize(sc_.test_cases[c].persons.size());
  w.recorder().subscribe<ExchangeIssued>(this);
  w.recorder().subscribe<ExchangeDone>(this);
  if (sc_.verification.configured)
    w.recorder().subscribe<TestProbeDone>(this);
}

void TestCasesCollector::on(const TestProbeDone& e)
{
  const Verification& vf = sc_.verification;
  const TestProbe& p     = vf.probes[e.slot][e.probe];
  const TestCase& tc     = sc_.test_cases[p.test_case];
  CaseExchange& x        = cases_[p.test_case].exchanges[p.k];
  x.verification         = true;
  x.provider             = p.provider;
  if (e.fate != ProbeFate::ANSWERED) {
    x.reason = e.fate == ProbeFate::NO_SLOT
                   ? "not run: " + sc_.agencies[p.requester].id + " got no slot in the verification environment"
                   : "not run: its time lies outside " + sc_.agencies[p.requester].id + "'s test window";
    return;
  }
  x.issued   = true;
  x.finished = true;
  x.issued_s = e.sent_s;
  const Outcome got      = e.permitted ? Outcome::CORRECT : Outcome::DENIED;
  const CaseExpect& want = tc.expect[p.k];
  const auto want_o      = static_cast<Outcome>(want.outcome);
  x.got = to_string(got);
  if (e.permitted)
    x.got += " (" + version_name(sc_, tc.item, e.version) + ")";
  std::string why;
  if (got != want_o)
    why = "expected " + std::string(to_string(want_o)) + ", got " + to_string(got) +
          (e.permitted ? std::string() : " (the verification environment's masters do not permit it)");
  else if (want.version != NONE && (!e.permitted || e.version != want.version))
    why = "expected version " + version_name(sc_, tc.item, want.version) + ", got " +
          (e.permitted ? version_name(sc_, tc.item, e.version) : std::string("no data"));
  else if (want.latency_max_s > 0 && !(e.answered_s - e.sent_s <= want.latency_max_s))
    why = "expected latency <= " + seconds(want.latency_max_s) + ", got " + seconds(e.answered_s - e.sent_s);
  x.pass   = why.empty();
  x.reason = why;
}

void TestCasesCollector::on(const ExchangeIssued& e)
{
  const uint32_t c = sc_.workload[e.ex.workload].test_case;
  if (c == NONE)
    return;
  // A case's exchanges are issued in the order of its persons (one stream, times in order).
  const auto k = static_cast<uint32_t>(issued_[c]++);
  CaseExchange& x = cases_[c].exchanges[k];
  x.issued   = true;
  x.id       = e.ex.id;
  x.provider = e.ex.provider;
  x.issued_s = e.ex.t[ISSUED];
  slot_.emplace(e.ex.id, std::make_pair(c, k));
}

void TestCasesCollector::on(const ExchangeDone& e)
{
  const uint32_t c = sc_.workload[e.ex.workload].test_case;
  if (c == NONE)
    return;
  auto it = slot_.find(e.ex.id);
  if (it == slot_.end())
    return;
  const TestCase& tc  = sc_.test_cases[c];
  const auto k        = it->second.second;
  CaseExchange& x     = cases_[c].exchanges[k];
  const CaseExpect& want = tc.expect[k];
  const Exchange& ex  = e.ex;
  const auto want_o   = static_cast<Outcome>(want.outcome);
  const bool data     = ex.answer == Answer::DATA;
  x.got = to_string(e.outcome);
  if (data)
    x.got += " (" + version_name(sc_, tc.item, ex.version) + ")";
  // Unfetched exchanges are compared only when their class is the one expected (e.g. pending_manual).
  x.finished = e.fetched || e.outcome == want_o;
  if (!x.finished) {
    x.reason = "not finished by the end of the run (" + std::string(to_string(e.outcome)) + ")";
    slot_.erase(it);
    return;
  }
  std::string why;
  if (e.outcome != want_o) {
    why = "expected " + std::string(to_string(want_o)) + ", got " + to_string(e.outcome);
    if (want.version != NONE && data)
      why += " (" + version_name(sc_, tc.item, ex.version) + " vs " + version_name(sc_, tc.item, want.version) + ")";
  } else if (want.version != NONE && (!data || ex.version != want.version)) {
    why = "expected version " + version_name(sc_, tc.item, want.version) + ", got " +
          (data ? version_name(sc_, tc.item, ex.version) : std::string("no data"));
  } else {
    for (const auto& [d, r] : want.null_items) {
      const uint8_t need = static_cast<uint8_t>(Record::NULL_BASE + r);
      if (!data || d >= ex.record.n || ex.record.state[d] != need) {
        why = "expected item " + item_code(sc_, tc.item, d) + " null " + sc_.reasons_of_null[r] + ", got " +
              (data ? item_state(sc_, ex.record, d) : std::string("no data"));
        break;
      }
    }
    if (why.empty() && want.latency_max_s > 0) {
      const double lat = ex.t[FETCHED] - ex.t[ISSUED];
      if (!(lat <= want.latency_max_s))
        why = "expected latency <= " + seconds(want.latency_max_s) + ", got " + seconds(lat);
    }
  }
  x.pass   = why.empty();
  x.reason = why;
  slot_.erase(it);
}

const std::vector<CaseJudged>& TestCasesCollector::cases() const
{
  for (CaseJudged& cj : cases_) {
    cj.passed = cj.failed = cj.not_finished = 0;
    for (const CaseExchange& x : cj.exchanges) {
      if (!x.finished)
        ++cj.not_finished;
      else if (x.pass)
        ++cj.passed;
      else
        ++cj.failed;
    }
    const size_t n = cj.exchanges.size();
    cj.verdict     = cj.passed == n                           ? CaseVerdict::VERIFIED
                     : cj.passed + cj.failed == 0             ? CaseVerdict::NOT_RUN
                     : cj.passed > 0                          ? CaseVerdict::PARTIALLY_VERIFIED
                                                              : CaseVerdict::FAILED;
  }
  return cases_;
}

void TestCasesCollector::write(ojson& r, const RunEnd&) const
{
  if (sc_.test_cases.empty())
    return;
  const auto& judged = cases();
  ojson& out         = r["test_cases"];
  out                = ojson::object();
  std::array<uint64_t, CASE_VERDICTS.size()> by{};
  for (size_t c = 0; c < sc_.test_cases.size(); ++c) {
    const TestCase& tc  = sc_.test_cases[c];
    const CaseJudged& j = judged[c];
    ++by[static_cast<size_t>(j.verdict)];
    ojson o;
    o["title"]     = tc.title;
    o["regime"]    = to_string(tc.regime);
    o["requester"] = sc_.agencies[tc.requester].id;
    o["provider"]  = tc.provider_text;
    ojson provs    = ojson::array();
    for (uint32_t p : tc.providers)
      if (std::find(provs.begin(), provs.end(), sc_.agencies[p].id) == provs.end())
        provs.push_back(sc_.agencies[p].id);
    o["providers"] = provs;
    o["procedure"] = sc_.procedures[tc.procedure].code;
    o["item"]      = sc_.layouts[tc.item].number;
    o["mode"]      = MODES.name(tc.batch);
    o["verdict"]   = to_string(j.verdict);
    o["verified"]  = j.verdict == CaseVerdict::VERIFIED ? 1 : 0;
    o["counts"]    = {{"exchanges", j.exchanges.size()}, {"passed", j.passed}, {"failed", j.failed},
                      {"not_finished", j.not_finished}};
    ojson xs = ojson::array();
    for (size_t k = 0; k < j.exchanges.size(); ++k) {
      const CaseExchange& x = j.exchanges[k];
      ojson e;
      if (x.issued && !x.verification)
        e["id"] = x.id;
      else
        e["id"] = nullptr;
      e["person"]   = tc.persons[k];
      e["provider"] = sc_.agencies[tc.providers[k]].id;
      e["at"]       = cal_.format(x.verification && x.issued ? x.issued_s : tc.at_s[tc.batch ? 0 : k]);
      if (x.verification)
        e["environment"] = "verification"; // sent through the verification hub (no exchange id)
      e["expected"] = describe_expect(sc_, tc, tc.expect[k]);
      e["got"]      = x.issued ? x.got : "not issued";
      e["pass"]     = x.pass;
      e["reason"]   = x.issued || x.verification ? x.reason : "not issued";
      xs.push_back(std::move(e));
    }
    o["exchanges"] = std::move(xs);
    out[tc.id]     = std::move(o);
  }
  ojson s;
  s["cases"] = sc_.test_cases.size();
  for (size_t v = 0; v < by.size(); ++v)
    s[CASE_VERDICTS.entries()[v].name] = by[v];
  out["summary"] = std::move(s);
}

} // namespace linksim
