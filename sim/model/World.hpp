// The World of one run: everything the agents and the ledger share, built from a Scenario.
//
// It holds the ground truth (population, codes, true data via Layout/truth_epoch), the agents'
// own state that must outlive a message (each provider's replica database, each agency's code
// table overrides), the tables that change at dated times (the law's permission table, the hub's
// distributed master, manual-answer modes: sim/model/Timeline.hpp), the pools, the ledger of
// exchanges in flight and the recorder. No globals: the runner creates one World per process and
// passes it down.
//
// Whose knowledge each accessor stands for is said next to it: agents call only the ones that
// their real counterparts could know.
#pragma once

#include "sim/model/Calendar.hpp"
#include "sim/model/Codes.hpp"
#include "sim/model/Incidents.hpp"
#include "sim/model/Cycle.hpp"
#include "sim/model/IdentityInjects.hpp"
#include "sim/model/Population.hpp"
#include "sim/model/Registration.hpp"
#include "sim/model/Timeline.hpp"
#include "sim/scenario/Scenario.hpp"
#include "sim/trace/Exchange.hpp"
#include "sim/trace/Ledger.hpp"
#include "sim/trace/Recorder.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace linksim {

/// Hidden truth of the connectivity-check tool's answers: whose data they are (nobody's: fixed
/// test data). Never a person index (indices are below 10^11).
constexpr uint64_t TOOL_TEST_DATA = ~uint64_t{0};

/// What a provider's intermediate server finds for a code and an item.
struct ReplicaHit {
  bool found          = false;
  uint64_t subject    = 0; ///< hidden truth: whose data this record is
  uint32_t version    = 0;
  uint32_t version_due = 0; ///< hidden truth: the version a ready provider served on time would have used
  double extraction_s = 0;
  int64_t epoch       = 0;
  bool nondisclosure  = false;
  Record record;
};

class World {
public:
  World(const Scenario& sc, uint64_t seed, std::string run_id);

  const Scenario& scenario() const { return sc_; }
  uint64_t seed() const { return seed_; }
  const std::string& run_id() const { return run_id_; }
  const Calendar& calendar() const { return cal_; }
  const Population& population() const { return pop_; }
  const Codes& codes() const { return codes_; }
  const RegistrationSchedule& registration() const { return reg_; }
  /// The dated tables and the scheduler's agenda (what changes when).
  const ModelTimeline& timeline() const { return timeline_; }
  /// The revision cycle: servers' masters, readiness, the delegation master (sim/model/Cycle.hpp).
  const Cycle& cycle() const { return cycle_; }
  /// The distribution actor: the masters of `rev` reached `site` at t.
  void masters_received(uint32_t site, uint32_t rev, double t) { cycle_.received(site, rev, t); }
  /// The scheduler actor moves every dated table to time t (applies the changes up to t).
  void advance_to(double t) { timeline_.advance_to(t); }
  Recorder& recorder() { return recorder_; }
  Ledger& ledger() { return ledger_; }
  const Ledger& ledger() const { return ledger_; }
  Pool<Exchange>& exchanges() { return exchanges_; }
  Pool<Message>& messages() { return messages_; }
  Pool<BatchFile>& files() { return files_; }
  /// SimGrid communications started (for the run context and messages per second).
  void count_message() { ++messages_sent_; }
  uint64_t messages_sent() const { return messages_sent_; }

  // --- requester side -------------------------------------------------------------------------
  /// The requester's own code table (宛名番号 → 機関別符号): the code it holds at time now for the
  /// person its caseworker picked. Normally the person's true code; a swapped link (whole-run, or a
  /// number_swap in force) gives another's, and a resident-code error gives the code of the
  /// resident code the person's record carries (sim/model/IdentityInjects.hpp).
  uint64_t requester_code(uint32_t agency, uint64_t person, double now) const;
  /// J-LIS's derivation for a code acquisition at time now: the linkage code of the resident code
  /// the record of the person the requester's table names carries (the requester sends its
  /// acquisition number; J-LIS maps it to the resident code).
  uint64_t requester_linkage(uint32_t agency, uint64_t person, double now) const
  {
    return codes_.linkage(codes_.resident_code(injects_.resident_person(linked(agency, person, now), now)));
  }

  // --- hub side -------------------------------------------------------------------------------
  /// The hub's distributed permission master as it is now (the law's rows, plus or minus what a
  /// mis-distribution changed).
  const PermissionTable& hub_master() const { return timeline_.master.now(); }
  /// Code conversion inside the hub: requester's code → provider's code [W2].
  uint64_t convert_code(uint32_t requester, uint64_t code, uint32_t provider) const
  {
    return codes_.agency_code(provider, codes_.linkage_of_agency_code(requester, code));
  }

  /// Issue 9, case 2 ④: the requester's code derives from a resident code physically deleted on
  /// 住基全国センター, and the holders have not re-acquired yet (the hub finds no linkage code).
  bool code_deleted(uint32_t requester, uint64_t code, double now) const
  {
    if (!injects_.any_deletion())
      return false;
    return injects_.code_dead(
        codes_.person_of_resident_code(codes_.resident_of_linkage(codes_.linkage_of_agency_code(requester, code))), now);
  }

  /// The agency is the connectivity-check tool (業務疎通確認ツール): the hub answers for it.
  bool is_connectivity_tool(uint32_t agency) const { return tool_[agency] != 0; }
  /// The tool's answer for an item at time now: fixed test data in the layout version current then
  /// (the same record whoever is asked about: the tool holds no person's data).
  ReplicaHit tool_answer(uint32_t item, double now) const;

  // --- provider side --------------------------------------------------------------------------
  /// The provider's replica lookup by its own code and an item, at time now, from what its
  /// nightly batches registered (not from the truth).
  ReplicaHit lookup_replica(uint32_t provider, uint64_t code, uint32_t item, double now) const;
  /// Registration of a nightly batch completed at the provider's server.
  void register_replicas(uint32_t provider, double extraction_s)
  {
    if (extraction_s > replica_extraction_[provider])
      replica_extraction_[provider] = extraction_s;
  }
  double replica_extraction(uint32_t provider) const { return replica_extraction_[provider]; }
  /// Records a batch would carry (for its message size): the provider's persons × items × change share.
  uint64_t registration_records(uint32_t provider, double since_s, double until_s) const
  {
    return linksim::registration_records(sc_, provider, provides_items_[provider], since_s, until_s);
  }
  /// Arrival rates of the agency's workload lines (arrival_rates in Timing.hpp): (line, rate per
  /// second of the line's time base), in line order, lines with a positive rate only.
  const std::vector<std::pair<uint32_t, double>>& arrival_rates(uint32_t agency) const { return arrival_rates_[agency]; }
  /// The agency registers replicas: the permission table names it (or its kind) as a provider.
  bool registers(uint32_t agency) const { return provides_items_[agency] > 0; }
  /// The provider holds requests for this item for a manual answer (自動応答不可), as it is now.
  bool manual_for(uint32_t provider, uint32_t item) const
  {
    return timeline_.manual_now(provider, item) || incidents_.restrained(provider, item);
  }

  // --- network and host faults (issue 9, point 1) --------------------------------------------------
  /// The scenario has link or host faults on its timeline (sends then watch for them).
  bool has_network_faults() const { return has_network_faults_; }
  /// The scenario has host faults (workers then restart with their host and account for what they held).
  bool has_host_faults() const { return has_host_faults_; }
  /// A link or host fault is in force now (sends check their route only then).
  bool faults_active() const { return faults_active_ > 0; }
  /// The scheduler: a link or host fault begins (+1) or ends (-1).
  void fault_changed(int delta) { faults_active_ += delta; }
  /// The agency's own line (its VPN device / access line) works now. While it does not, the agency
  /// cannot set 不開示 flags, manual-answer mode (自動応答不可) or record annotation (seed case 4).
  bool agency_line_up(uint32_t agency) const { return line_down_[agency] == 0; }
  /// The scheduler: the agency's line goes down (true) or comes back (false).
  void set_agency_line_down(uint32_t agency, bool down) { line_down_[agency] = down ? 1 : 0; }

  // --- truth (ledger and oracle only) ---------------------------------------------------------
  /// The law's permission table as of time t (the oracle's reference for `unentitled`).
  const PermissionTable& law_at(double t) const { return timeline_.law.at(t); }
  /// The person whose code the requester holds for its own person at time now (differs under a
  /// swapped link, whole-run or a number_swap in force).
  uint64_t queried_person(uint32_t requester, uint64_t person, double now) const { return linked(requester, person, now); }
  /// Issue 9: the identity injects of the timeline (cases 2 and 3), with their persons.
  const IdentityInjects& identity_injects() const { return injects_; }
  bool holds_record(uint32_t provider, uint64_t person, uint32_t item) const;

  // --- incidents and their response (issue 9: case 1 inject, point 3) ---------------------------
  /// The incidents injected and the state of their response (sim/model/Incidents.hpp): the
  /// responder actor and the exercise driver act through it.
  IncidentModel& incidents() { return incidents_; }
  const IncidentModel& incidents() const { return incidents_; }

  /// The same rule without a World (the loader checks a test case's persons with it).
  static bool holds_record(const Scenario& sc, const Population& pop, uint64_t seed, uint32_t provider,
                           uint64_t person, uint32_t item);

private:
  uint64_t table_person(uint32_t agency, uint64_t person) const;
  /// table_person, then a number_swap in force at t.
  uint64_t linked(uint32_t agency, uint64_t person, double t) const
  {
    return injects_.linked_person(agency, table_person(agency, person), t);
  }

  const Scenario& sc_;
  uint64_t seed_;
  std::string run_id_;
  Calendar cal_;
  Population pop_;
  Codes codes_;
  ModelTimeline timeline_;
  Cycle cycle_;
  RegistrationSchedule reg_;
  IdentityInjects injects_; ///< issue 9: resident-code errors and number swaps (sparse)
  std::vector<double> replica_extraction_; ///< per provider: extraction time of its latest registered batch
  std::vector<std::unordered_map<uint64_t, uint64_t>> links_; ///< per agency: swapped links (sparse)
  std::vector<uint8_t> has_links_;
  std::vector<uint8_t> tool_;            ///< per agency: the connectivity-check tool
  std::vector<uint32_t> provides_items_; ///< per agency: number of layouts it may provide (for sizes)
  std::vector<std::vector<std::pair<uint32_t, double>>> arrival_rates_; ///< per agency
  Pool<Exchange> exchanges_;
  Pool<Message> messages_;
  Pool<BatchFile> files_;
  uint64_t messages_sent_ = 0;
  bool has_network_faults_ = false, has_host_faults_ = false;
  int faults_active_       = 0;
  std::vector<uint8_t> line_down_; ///< per agency: its own line is down now
  Recorder recorder_;
  Ledger ledger_;
  IncidentModel incidents_; ///< after the recorder: it subscribes to it
};

} // namespace linksim
