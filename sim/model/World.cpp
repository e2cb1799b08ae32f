#include "sim/model/World.hpp"

#include "sim/model/Hash.hpp"
#include "sim/model/Timing.hpp"

#include <algorithm>
#include <cmath>

namespace linksim {

namespace {
constexpr uint64_t TAG_ND      = 0x4e4f4e44ULL; // 不開示 draw
constexpr uint64_t TAG_NULLERR = 0x4e554c4cULL; // registration error draw
constexpr uint64_t TAG_HOLDS   = 0x484f4c44ULL; // coverage draw
} // namespace

World::World(const Scenario& sc, uint64_t seed, std::string run_id)
    : sc_(sc)
    , seed_(seed)
    , run_id_(std::move(run_id))
    , cal_(sc.calendar())
    , pop_(sc, seed)
    , codes_(seed, static_cast<uint32_t>(sc.agencies.size()))
    , timeline_(sc)
    , cycle_(sc)
    , reg_(sc, cal_, seed, &timeline_)
    , injects_(sc, pop_, seed)
    , ledger_(*this, recorder_)
    , incidents_(*this, recorder_)
{
  const size_t n = sc.agencies.size();
  line_down_.assign(n, 0);
  for (const TimelineEvent& e : sc.timeline)
    if (is_network_fault(e.kind)) {
      has_network_faults_ = true;
      has_host_faults_    = has_host_faults_ || is_host_target(e.target);
    }
  replica_extraction_.resize(n);
  for (uint32_t a = 0; a < n; ++a)
    replica_extraction_[a] = reg_.last_scheduled_extraction(a, 0.0); // batches before the start all ran
  links_.resize(n);
  has_links_.assign(n, 0);
  for (const IdentityError& e : sc.identity_errors) {
    links_[e.agency][e.person_a] = e.person_b;
    links_[e.agency][e.person_b] = e.person_a;
    has_links_[e.agency]         = 1;
  }
  tool_.assign(n, 0);
  for (uint32_t a = 0; a < n; ++a)
    tool_[a] = sc.agencies[a].kind == AgencyKind::CONNECTIVITY_TOOL;
  provides_items_ = layouts_provided(sc); // for registration sizes
  arrival_rates_  = linksim::arrival_rates(sc, cal_);
}

uint64_t World::table_person(uint32_t agency, uint64_t person) const
{
  if (!has_links_[agency])
    return person;
  auto it = links_[agency].find(person);
  return it == links_[agency].end() ? person : it->second;
}

uint64_t World::requester_code(uint32_t agency, uint64_t person, double now) const
{
  const uint64_t p = injects_.resident_person(linked(agency, person, now), now);
  return codes_.agency_code(agency, codes_.linkage(codes_.resident_code(p)));
}

bool World::holds_record(uint32_t provider, uint64_t person, uint32_t item) const
{
  return holds_record(sc_, pop_, seed_, provider, person, item);
}

bool World::holds_record(const Scenario& sc, const Population& pop, uint64_t seed, uint32_t provider, uint64_t person,
                         uint32_t item)
{
  if (!pop.covered_by(provider, person))
    return false;
  if (person >= pop.size()) // a test person: test data is registered for every item it provides
    return true;
  const double coverage = sc.layouts[item].coverage;
  return coverage >= 1.0 || unit(mix(seed, person, item, provider, TAG_HOLDS)) < coverage;
}

ReplicaHit World::tool_answer(uint32_t item, double now) const
{
  ReplicaHit hit;
  const Layout& l  = sc_.layouts[item];
  hit.found        = true;
  hit.subject      = TOOL_TEST_DATA;
  hit.version      = version_at(l, now);
  hit.version_due  = hit.version;
  hit.extraction_s = now;
  hit.record       = build_record(l.versions[hit.version], seed_, TOOL_TEST_DATA, item, 0, false);
  return hit;
}

ReplicaHit World::lookup_replica(uint32_t provider, uint64_t code, uint32_t item, double now) const
{
  ReplicaHit hit;
  // The provider's own table: its code → its internal person (宛名番号) → the replica's subject.
  const uint64_t own =
      codes_.person_of_resident_code(codes_.resident_of_linkage(codes_.linkage_of_agency_code(provider, code)));
  uint64_t subject = table_person(provider, own);
  if (injects_.any()) // issue 9: a resident-code error or a number swap registered by the latest batch
    subject = injects_.replica_subject(provider, subject, replica_extraction_[provider], now,
                                       [&](uint64_t b) { return holds_record(provider, b, item); });
  if (!pop_.test_persons().exists(subject) || !holds_record(provider, subject, item))
    return hit;
  const Agency& ag    = sc_.agencies[provider];
  const Layout& l     = sc_.layouts[item];
  hit.found           = true;
  hit.subject         = subject;
  hit.extraction_s    = replica_extraction_[provider];
  const TruthAt truth = truth_at(l, seed_, subject, item, hit.extraction_s);
  hit.epoch           = truth.epoch;
  // A nightly batch carries the records that changed [W13][W14]: this record was registered by
  // the first batch after its last change, in the layout current then; later cutovers move it to
  // a new layout only as its registration pattern says (SEED p.7–9).
  const double changed    = truth.last_change_s;
  const double registered = reg_.registered_at(provider, changed, hit.extraction_s);
  if (cycle_.layout_revised(item)) {
    // A revision's version is registered from when the provider is ready and its server runs on
    // the revision's masters (Cycle.hpp); the oracle compares with a provider that was on time.
    static std::vector<double> starts; // one engine per process, one actor at a time
    cycle_.registration_starts(item, provider, ag.site, false, starts);
    hit.version = replica_version_at(l, starts, registered, now, ag.registration.pattern2_reload);
    cycle_.registration_starts(item, provider, ag.site, true, starts);
    hit.version_due = replica_version_at(l, starts, registered, now, ag.registration.pattern2_reload);
  } else {
    hit.version     = replica_version(l, registered, now, ag.registration.pattern2_reload);
    hit.version_due = hit.version;
  }
  // A blank item is an error of the existing system that registered the record (as of then).
  const double null_rate = reg_.null_error_rate(provider, registered);
  const bool null_err    = null_rate > 0 &&
                        unit(mix(seed_, subject, item, provider, static_cast<uint64_t>(hit.epoch), TAG_NULLERR)) < null_rate;
  hit.record        = build_record(l.versions[hit.version], seed_, subject, item, hit.epoch, null_err);
  hit.nondisclosure = ag.non_disclosure_rate > 0 && unit(mix(seed_, subject, provider, TAG_ND)) < ag.non_disclosure_rate;
  return hit;
}

} // namespace linksim
