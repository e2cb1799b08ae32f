#include "sim/trace/Recorder.hpp"

namespace linksim::detail {

size_t next_event_type_index()
{
  static size_t next = 0; // numbers event types as they are first used: a registry of types, not simulation state
  return next++;
}

} // namespace linksim::detail
