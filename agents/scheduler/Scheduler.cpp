#include "agents/scheduler/Scheduler.hpp"

#include "agents/core/Faults.hpp"

namespace linksim {

void Scheduler::operator()()
{
  World& w = ctx_.world;
  for (const AgendaEntry& e : w.timeline().agenda()) {
    if (e.note.t_s > sg4::Engine::get_clock())
      sg4::this_actor::sleep_until(e.note.t_s);
    w.advance_to(e.note.t_s);
    switch (e.type) {
      case AgendaEntry::Type::TABLE:
        w.recorder().emit(TableChanged{e.note});
        break;
      case AgendaEntry::Type::OPERATOR: {
        OperatorAction a{e.note};
        a.agency = e.agency;
        w.recorder().emit(a);
        break;
      }
      case AgendaEntry::Type::FAULT_BEGAN: {
        if (e.event != NONE) // a network or host fault: applied through SimGrid
          apply_fault(ctx_, w.scenario().timeline[e.event], true);
        FaultBegan f{e.note};
        f.agency = e.agency;
        w.recorder().emit(f);
        break;
      }
      case AgendaEntry::Type::FAULT_ENDED: {
        if (e.event != NONE)
          apply_fault(ctx_, w.scenario().timeline[e.event], false);
        FaultEnded f{e.note};
        f.agency = e.agency;
        w.recorder().emit(f);
        break;
      }
    }
  }
}

} // namespace linksim
