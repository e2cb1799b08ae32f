#include "sim/model/Permission.hpp"

#include <catch2/catch.hpp>

using namespace linksim;

TEST_CASE("sim::PermissionTable: rows by kind and by agency, everything else refused", "[permission]")
{
  // agencies: 0,1 municipalities; 2 national body; 3 insurer
  const std::vector<AgencyKind> kinds = {AgencyKind::MUNICIPALITY, AgencyKind::MUNICIPALITY, AgencyKind::NATIONAL_BODY,
                                         AgencyKind::INSURER};
  PermissionRow by_kind;
  by_kind.procedure = 0;
  by_kind.item      = 1;
  by_kind.requester = {true, AgencyKind::MUNICIPALITY, NONE};
  by_kind.provider  = {true, AgencyKind::MUNICIPALITY, NONE};
  PermissionRow by_agency;
  by_agency.procedure = 1;
  by_agency.item      = 0;
  by_agency.requester = {false, AgencyKind::MUNICIPALITY, 2};
  by_agency.provider  = {true, AgencyKind::INSURER, NONE};
  const PermissionTable t({by_kind, by_agency}, kinds, 2, 2);
  CHECK(t.allows(0, 1, 0, 1));
  CHECK(t.allows(0, 1, 1, 0));
  CHECK_FALSE(t.allows(0, 0, 0, 1)); // other item
  CHECK_FALSE(t.allows(1, 1, 0, 1)); // other procedure
  CHECK_FALSE(t.allows(0, 1, 2, 1)); // national body is not a municipality
  CHECK(t.allows(1, 0, 2, 3));
  CHECK_FALSE(t.allows(1, 0, 0, 3)); // only agency 2 may
  CHECK_FALSE(t.allows(1, 0, 2, 1)); // provider must be an insurer
  CHECK(t.size() == 2);
}
