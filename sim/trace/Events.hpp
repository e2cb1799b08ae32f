// Typed trace events: what agents, the ledger and the scheduler tell the recorder. Collectors
// (harness/collect/) subscribe to the kinds they need and make result.json's sections, the CSV
// and the report's data from them; nothing else reads the run (design.md §1, §8).
//
// Adding a kind: declare its struct here (or in a header of its own), `emit` it where it
// happens, and subscribe a collector to it. No other event or collector changes.
//
//   struct MyCollector : Subscriber<ExchangeDone> { void on(const ExchangeDone& e) override; };
//   recorder.subscribe<ExchangeDone>(&my_collector);
//   recorder.emit(ExchangeDone{ex, Outcome::CORRECT, true, false});
#pragma once

#include "sim/trace/Exchange.hpp"
#include "sim/trace/Oracle.hpp"
#include "sim/scenario/Incidents.hpp" // issue 9: ResponseAction

#include <cstdint>
#include <string>

namespace linksim {

/// An exchange was issued by a requester's existing system (it has its id and issue time).
struct ExchangeIssued {
  const Exchange& ex;
};

/// A workload arrival found no person to ask about (e.g. no provider for the drawn persons).
struct ArrivalSkipped {
  uint32_t workload;
};

/// An exchange ended: fetched by an existing system, or still open when the run ended. The oracle
/// has judged it; `lagging` = correct, but answered before the nightly batch caught up with a change.
struct ExchangeDone {
  const Exchange& ex;
  Outcome outcome;
  bool fetched;
  bool lagging;
  double end_s = 0; ///< when it ended: fetched, given up, or the end of the run
};

/// A server (hub, J-LIS, intermediate server) handled one message.
struct ServerBusy {
  uint32_t site;
  double arrival_s; ///< when the message reached the inbox
  double start_s;   ///< when a worker took it (start_s - arrival_s: the wait)
  double busy_s;    ///< worker time spent on it
};

/// What every dated change of the model says about itself (the timeline list of result.json).
struct TimelineNote {
  double t_s;        ///< simulated time it applied
  std::string id;    ///< the event's id (a timeline event, or a permission row)
  std::string kind;  ///< what kind of change
  std::string what;  ///< one readable line
};

/// A table of the model changed: the law's permission table or the hub's distributed master.
struct TableChanged : TimelineNote {};
/// An agency or the operator did something (e.g. switched manual-answer mode on).
struct OperatorAction : TimelineNote {
  uint32_t agency = 0;
};
/// A fault began / ended (e.g. an agency's registration batches fail from a time).
struct FaultBegan : TimelineNote {
  uint32_t agency = 0;
};
struct FaultEnded : TimelineNote {
  uint32_t agency = 0;
};

/// The hub sent a revision's masters to an intermediate server (マスター配信); `delivered` is false
/// when a distribution fault on the server's line lost it (it is sent again later).
struct MasterSent {
  uint32_t site;
  uint32_t revision;
  double t_s;
  bool delivered;
};
/// The masters reached the server (they take effect at go-live, or at once if later).
struct MasterReceived {
  uint32_t site;
  uint32_t revision;
  double t_s;
};

// --- verification environment (接続検証環境) and inter-agency test (機関間試験) -------------------

/// A step of one agency's inter-agency test (sim/scenario/Verification.hpp).
enum class VerificationStepKind : uint8_t {
  APPLIED,  ///< 利用申請 filed
  APPROVED, ///< the application is approved
  SLOT,     ///< a slot of the environment is granted: the test starts
  RELEASED, ///< the test ends and the slot is released
  REPORTED, ///< 完了報告 filed: the test is complete
  NO_SLOT,  ///< the window closed before a slot could hold its whole test
};
struct VerificationStep {
  uint32_t agency;
  VerificationStepKind step;
  double t_s;
};

/// What became of one test request of an interagency case (agents/verification).
enum class ProbeFate : uint8_t {
  ANSWERED,       ///< the verification hub answered it
  NO_SLOT,        ///< its requester got no slot: never sent
  OUTSIDE_WINDOW, ///< its time lies outside its requester's test window: never sent
};
struct TestProbeDone {
  uint32_t slot;     ///< the tester: index into Verification::agencies
  uint32_t probe;    ///< index into Verification::probes[slot]
  ProbeFate fate;
  bool permitted;    ///< answered: the environment's masters permit it (else refused)
  uint32_t version;  ///< answered and permitted: layout version index of the test data
  double sent_s, answered_s;
};

// --- network and host faults (issue 9, point 1) -----------------------------------------------------

/// A fault lost a message: a send over a route that was down (`at_send`), or a message on a line
/// that went down or to a host that went down, or held by a worker that died with its host.
struct MessageLost {
  double t_s;
  MsgKind kind;
  uint32_t exchanges; ///< exchanges it carried (0 for a registration batch)
  bool at_send;
};
/// A requester tries an exchange again (attempt `ex.attempts`, sent at t_s).
struct ExchangeRetried {
  const Exchange& ex;
  double t_s;
};

// --- annual notification drill (訓練, sim/scenario/Drills.hpp) ----------------------------------

/// The operator posted a drill's simulated incident to the information-sharing site (the alert).
struct DrillPosted {
  uint32_t drill; ///< index into Scenario::drills
  double t_s;
};
/// The site mailed a targeted agency's registered contact: `reached` when the mail arrived in its
/// inbox (t_s: then); not reached when the contact is stale (t_s: when it was sent, to nobody).
struct Notified {
  uint32_t drill;
  uint32_t agency;
  double t_s;
  bool reached;
};
/// A staff member of the agency logged in to the site and viewed the status (inside business
/// hours, by the drill's cutoff).
struct Acknowledged {
  uint32_t drill;
  uint32_t agency;
  double t_s;
};

// --- incidents and their response (issue 9: case 1 inject, point 3 response) ------------------

/// A response action was taken (or refused) for an incident (sim/model/Incidents.hpp).
struct ResponseActionTaken {
  uint32_t incident;  ///< index into World::incidents()
  uint32_t agency;    ///< who acted
  ResponseAction action;
  double t_s;
  bool accepted;
  std::string reason; ///< why it was refused ("" when accepted)
};

/// Something an agency's staff would see (a requester's complaint about a wrong provision, a mail
/// from the information-sharing site, the operator's phone call back, a refused setting, ...): an
/// exercise shows these to the trainee playing the agency.
struct StaffNotice {
  uint32_t agency;
  double t_s;       ///< when the staff see it (a complaint is emitted when its cause happens, for later)
  std::string kind; ///< e.g. "complaint", "own_check", "operator_call", "sharing_site_mail", "refused"
  std::string text; ///< one readable line
};

} // namespace linksim
