// The incidents list (issue 9 point 3): per incident injected, its detection, level and response,
// from the World's incident model at the end of the run (result.json /incidents/<id>, the report's
// incidents table). Times are hours after the inject took effect (`at`); null when it never came.
//
//   /incidents/<id>/time_to_detect_h   detection (first complaint or own check)
//   /incidents/<id>/time_to_contain_h  self-restraint on
//   /incidents/<id>/time_to_report_h   form 03-13 initial report filed
//   /incidents/<id>/time_to_fix_h      the fix re-registered (replicas right again)
//   /incidents/<id>/wrong_before_containment, wrong_after_containment (by fetch time),
//   wrong_answered_after_containment (by the provider's answer time: 0 when self-restraint works),
//   annotations_done / annotations_missing, actions_late / actions_refused / actions[]
#pragma once

#include "harness/collect/Collector.hpp"

#include <string>
#include <vector>

namespace linksim {

class IncidentsCollector : public Collector {
public:
  explicit IncidentsCollector(World& w) : w_(w) {}
  void write(ojson& result, const RunEnd& end) const override;

private:
  World& w_;
};

/// The metrics of one incident, under /incidents/<id>/ (ResultShape's <incident_metric> slot;
/// inline: the loader's result shape reads it without the collectors' library).
inline const std::vector<std::string>& incident_metrics()
{
  static const std::vector<std::string> v = {
      "detected",         "level",          "table_level",      "time_to_detect_h", "time_to_contain_h",
      "time_to_report_h", "time_to_fix_h",  "wrong_provisions", "wrong_before_containment",
      "wrong_after_containment", "wrong_answered_after_containment", "annotations_done", "annotations_missing",
      "actions_on_time",  "actions_late",   "actions_refused"};
  return v;
}

} // namespace linksim
