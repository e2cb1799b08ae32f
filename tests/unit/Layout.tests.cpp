#include "sim/model/Layout.hpp"

#include <catch2/catch.hpp>

using namespace linksim;

namespace {
/// Tax layout 2 as in the seed: item 107 needs ReasonOfNull="NotAcceptable" when item 106 = 0.
LayoutVersion tax_version()
{
  LayoutVersion v;
  v.items      = {{"105", 0, 0}, {"106", 0, 0.5}, {"107", 0, 0}};
  v.null_rules = {{2, 1, 1}}; // item 107 null with reason 1 when item 106 is zero
  return v;
}
Layout layout_with(std::vector<std::pair<double, int>> versions)
{
  Layout l;
  for (auto [from, pattern] : versions) {
    LayoutVersion v = tax_version();
    v.valid_from_s  = from;
    v.pattern       = pattern;
    l.versions.push_back(v);
  }
  return l;
}
} // namespace

TEST_CASE("sim::Layout: records honour the conditional null rule", "[layout][null]")
{
  const LayoutVersion v = tax_version();
  int zeros             = 0;
  for (uint64_t p = 0; p < 500; ++p) {
    const Record r = build_record(v, 1, p, 2, 0, false);
    REQUIRE(r.n == 3);
    if (r.state[1] == Record::ZERO) {
      ++zeros;
      CHECK(r.state[2] == Record::NULL_BASE + 1);
    }
    CHECK_FALSE(violates_null_rules(v, r));
  }
  CHECK(zeros > 150);
  CHECK(zeros < 350);
}

TEST_CASE("sim::Layout: the oracle catches a blank item and a broken conditional rule", "[layout][null]")
{
  const LayoutVersion v = tax_version();
  Record r;
  r.n     = 3;
  r.state = {};
  CHECK_FALSE(violates_null_rules(v, r)); // all values present
  r.state[0] = Record::BLANK;             // blank with neither value nor ReasonOfNull
  CHECK(violates_null_rules(v, r));
  r.state[0] = Record::VALUE;
  r.state[1] = Record::ZERO;               // 106 = 0 ...
  r.state[2] = Record::NULL_BASE + 0;      // ... but 107 carries another reason
  CHECK(violates_null_rules(v, r));
  r.state[2] = Record::NULL_BASE + 1;
  CHECK_FALSE(violates_null_rules(v, r));
  // A registration error always produces a violation.
  for (uint64_t p = 0; p < 50; ++p)
    CHECK(violates_null_rules(v, build_record(v, 1, p, 2, 0, true)));
}

TEST_CASE("sim::Layout: registration patterns decide the replica's version and its acceptance", "[layout][version]")
{
  // v0 from t=-100, v1 from t=100 with pattern P.
  for (int pattern : {1, 2, 3}) {
    const Layout l = layout_with({{-100, 1}, {100, pattern}});
    CHECK(version_at(l, 0) == 0);
    CHECK(version_at(l, 100) == 1);
    const uint32_t v = replica_version(l, 50, 150, /*pattern2_reload=*/true);
    const uint32_t v_noreload = replica_version(l, 50, 150, false);
    if (pattern == 3) {
      CHECK(v == 0); // data registered before the cutover stays in the old layout...
      CHECK(version_accepted(l, 0, 150)); // ...and is still accepted
    } else {
      CHECK(v == 1);
    }
    if (pattern == 2) {
      CHECK(v_noreload == 0);
      CHECK_FALSE(version_accepted(l, 0, 150)); // old layout deleted at the cutover
    }
    CHECK(version_accepted(l, 0, 50));
    CHECK_FALSE(version_accepted(l, 1, 50)); // not yet valid
  }
}

TEST_CASE("sim::Layout: the true data changes once per interval", "[layout][truth]")
{
  Layout l;
  l.change_interval_s = 1000;
  const int64_t e0    = truth_epoch(l, 1, 42, 2, 0);
  CHECK(truth_epoch(l, 1, 42, 2, 999.9) - e0 <= 1);
  CHECK(truth_epoch(l, 1, 42, 2, 1000) - e0 == 1);
  CHECK(truth_epoch(l, 1, 42, 2, 10000) - e0 == 10);
}

TEST_CASE("sim::Layout: a pattern-2 reload after a pattern-3 cutover moves every record to the new version",
          "[layout][pattern][regression]")
{
  // Versions 0 (from the start), 1 (pattern 3 at day 10), 2 (pattern 2 at day 20). A record last
  // registered on day 5 stays in version 0 across the pattern-3 cutover; the provider then
  // reloads all its past data in version 2 before the pattern-2 cutover (seed p.7-9), so on
  // day 25 it answers in version 2, which is accepted. (Before the fix the record stopped at the
  // first pattern-3 cutover, stayed in version 0 and was rejected as wrong_version.)
  const Layout l = layout_with({{0, 1}, {10 * 86400.0, 3}, {20 * 86400.0, 2}});
  CHECK(replica_version(l, 5 * 86400.0, 15 * 86400.0, true) == 0); // pattern 3: stays
  CHECK(version_accepted(l, 0, 15 * 86400.0));
  const uint32_t v = replica_version(l, 5 * 86400.0, 25 * 86400.0, true);
  CHECK(v == 2);
  CHECK(version_accepted(l, v, 25 * 86400.0));
  // Without the reload the record stays in version 0 and is rejected after the pattern-2 cutover.
  CHECK(replica_version(l, 5 * 86400.0, 25 * 86400.0, false) == 0);
  CHECK_FALSE(version_accepted(l, 0, 25 * 86400.0));
  // A pattern-1 cutover after a pattern-3 one leaves a version-0 record in version 0 (still accepted).
  const Layout l1 = layout_with({{0, 1}, {10 * 86400.0, 3}, {20 * 86400.0, 1}});
  CHECK(replica_version(l1, 5 * 86400.0, 25 * 86400.0, true) == 0);
  CHECK(version_accepted(l1, 0, 25 * 86400.0));
  CHECK(replica_version(l1, 12 * 86400.0, 25 * 86400.0, true) == 2); // registered in 1: moves to 2
}
