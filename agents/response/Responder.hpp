// The automatic responder (issue 9 point 3): one actor per incident, playing the provider's staff
// through the response the operating rules prescribe (domain.md §6, seed p.22-23), with business
// hours (Calendar) and the step delays of the `incidents` section:
//
//   detection (first complaint or own check) → judge the level (incident-level table)
//   level >= reportable: phone the operator, self-restraint on, form 03-13 initial report, post on
//   the information-sharing site, fix, interim report (each at its delay after the step it follows)
//   → wait until the fix is re-registered → lift self-restraint → annotate every wrong provision
//   → wait until every annotation is completed by all three parties → final report.
//   Below the reportable level: judge, fix, wait for re-registration, annotate.
//
// An action refused because the agency's VPN is down is tried again every `steps.retry_hours`.
// It acts through World::incidents().act, as the exercise driver does for a played agency (the
// launcher starts no responder for Scenario::exercise_play).
#pragma once

#include "agents/core/Context.hpp"

namespace linksim {

class Responder {
public:
  /// @param wake notified whenever the incident model reports progress (detection, re-registration)
  Responder(Context ctx, uint32_t incident, sg4::ConditionVariablePtr wake) : ctx_(ctx), incident_(incident), wake_(wake) {}
  void operator()();

private:
  /// Sleeps until `t` (if it is later than now).
  static void sleep_until(double t);
  /// Business time `d` after `t` (Calendar business hours).
  double after(double t, double d) const;
  /// Takes an action now; retried while refused because the agency's VPN is down.
  ActionResult take(ResponseAction a, const ActionArg& arg = {});
  /// Waits until `done()` holds (woken by the model's progress).
  template <typename F> void wait_for(F done);

  Context ctx_;
  uint32_t incident_;
  sg4::ConditionVariablePtr wake_;
};

} // namespace linksim
