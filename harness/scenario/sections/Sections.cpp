// The scenario sections, in the order the loader reads them: a section may resolve references
// to what the sections before it declared (e.g. workload lines name agencies and layouts).
// A new section is a reader file in this folder (its `SectionDecl`), its place in this list,
// its entry in scenarios/schema/scenario.schema.json and scenarios/README.md, and a negative
// example per rule in scenarios/invalid/.
#include "harness/scenario/Section.hpp"

namespace linksim {

extern const SectionDecl HEADER_SECTION, CALENDAR_SECTION, NETWORK_SECTION, HUB_SECTION, SERVERS_SECTION,
    LAYOUTS_SECTION, PROCEDURES_SECTION, AGENCIES_SECTION, PERMISSIONS_SECTION, DELEGATIONS_SECTION, REVISIONS_SECTION,
    WORKLOAD_SECTION,
    TEST_CASES_SECTION, // issue 8: test cases (after workload: each case adds an internal line)
    IDENTITY_ERRORS_SECTION, MESSAGES_SECTION, TIMELINE_SECTION, EXPECT_SECTION;
extern const SectionDecl LINKAGE_TEST_SECTION; // after agencies: test persons and their holders, before workload
extern const SectionDecl VERIFICATION_SECTION; // after revisions (it names one) and test_cases
extern const SectionDecl DRILLS_SECTION; // annual notification drill: after agencies, before expect
extern const SectionDecl INCIDENTS_SECTION;    // issue 9: after timeline (its injects are the incidents)
extern const SectionDecl EXERCISE_SECTION; // issue 9: after timeline and incidents (its expectations name their injects)

const std::vector<const SectionDecl*>& scenario_sections()
{
  static const std::vector<const SectionDecl*> order = {
      &HEADER_SECTION,   &CALENDAR_SECTION,    &NETWORK_SECTION,  &HUB_SECTION,
      &SERVERS_SECTION,  &LAYOUTS_SECTION,     &PROCEDURES_SECTION, &AGENCIES_SECTION,
      &LINKAGE_TEST_SECTION,
      &PERMISSIONS_SECTION, &DELEGATIONS_SECTION, &REVISIONS_SECTION, &WORKLOAD_SECTION,
      &TEST_CASES_SECTION, &IDENTITY_ERRORS_SECTION, &MESSAGES_SECTION,
      &TIMELINE_SECTION,
      &VERIFICATION_SECTION, // after test_cases: it takes the interagency cases
      &DRILLS_SECTION, // annual notification drill (訓練): names agencies' kinds; checks name its ids
      &INCIDENTS_SECTION,    // issue 9: incidents and their response
      &EXERCISE_SECTION, // issue 9: training exercise (after timeline and incidents)
      &EXPECT_SECTION};
  return order;
}

} // namespace linksim
