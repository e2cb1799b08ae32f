// The verification environment (接続検証環境) and the inter-agency test (機関間試験) as actors
// (sim/scenario/Verification.hpp, domain.md §5).
//
// - VerificationHub: the environment's own hub, on its own host. It holds its own masters — the
//   permission rows in force at the go-live of the environment's revision, built once when the run
//   starts — and its own test data: it answers a permitted request in the layout version in force
//   at that go-live, and refuses one its masters do not permit. It never touches production:
//   no provision records, no replicas, no codes (test persons are not real persons).
// - VerificationDesk: the environment's desk (受付). Takes approved applications in queue order
//   (approval time, then application order) and acquires a slot for each from an s4u::Semaphore
//   with `slots` tokens; while no slot is free the desk waits, so the queue is strictly first
//   come, first served (agencies approved at the same instant keep their application order, which
//   the engine's wake-up order would not). A slot is only granted while the whole test still fits
//   before the window closes; past that, every agency still queued is told it gets none.
// - InteragencyTest: one per agency that tests. Files its application, is approved, waits for the
//   desk's grant, sends its test requests through the verification hub at their times inside its
//   window, releases the slot (the semaphore) when its test time is over, and files its
//   completion report.
//
//   auto env = std::make_shared<VerificationEnv>(world);      // masters, semaphore, test requests
//   Actor::create("verification-hub", pf.verification_host(), VerificationHub(ctx, env));
//   Actor::create("iat-jasso", pf.site_host(site), InteragencyTest(ctx, env, slot));
#pragma once

#include "agents/core/Context.hpp"
#include "sim/model/Permission.hpp"

#include <memory>
#include <vector>

namespace linksim {

/// A test request travelling to the verification hub and back.
struct TestMessage {
  uint32_t tester   = 0; ///< the agency whose test sent it
  uint32_t probe    = 0; ///< index into Verification::probes[slot of tester]
  bool permitted    = false;
  uint32_t version  = 0; ///< layout version index of the answer (permitted only)
  double sent_s     = 0;
};

struct VerificationEnv {
  explicit VerificationEnv(const World& w);
  /// The environment's masters: the rows in force at its revision's go-live.
  PermissionTable masters;
  double as_of_s = 0;             ///< that go-live
  sg4::SemaphorePtr slots;
  std::vector<TestMessage> messages;          ///< per tester slot: its one request in flight
  std::vector<uint8_t> granted;               ///< per tester slot: the desk's answer (1: a slot)
};

class VerificationDesk {
public:
  VerificationDesk(Context ctx, std::shared_ptr<VerificationEnv> env) : ctx_(ctx), env_(std::move(env)) {}
  void operator()();

private:
  Context ctx_;
  std::shared_ptr<VerificationEnv> env_;
};

class VerificationHub {
public:
  VerificationHub(Context ctx, std::shared_ptr<VerificationEnv> env) : ctx_(ctx), env_(std::move(env)) {}
  void operator()();

private:
  Context ctx_;
  std::shared_ptr<VerificationEnv> env_;
};

class InteragencyTest {
public:
  InteragencyTest(Context ctx, std::shared_ptr<VerificationEnv> env, uint32_t slot)
      : ctx_(ctx), env_(std::move(env)), slot_(slot)
  {
  }
  void operator()();

private:
  void run_probes(double start, double end);
  void probe_done(uint32_t i, ProbeFate fate, const TestMessage* m);
  Context ctx_;
  std::shared_ptr<VerificationEnv> env_;
  uint32_t slot_; ///< index into Verification::agencies
};

} // namespace linksim
