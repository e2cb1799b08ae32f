#include "sim/model/Layout.hpp"

#include "sim/model/Hash.hpp"

#include <cmath>

namespace linksim {

Record build_record(const LayoutVersion& v, uint64_t seed, uint64_t subject, uint32_t layout, int64_t epoch,
                    bool null_error)
{
  Record r;
  r.n             = static_cast<uint8_t>(v.items.size());
  const uint64_t base = mix(seed, subject, layout, static_cast<uint64_t>(epoch));
  for (size_t i = 0; i < v.items.size(); ++i) {
    const uint64_t h = mix(base, i);
    const double u   = unit(h);
    if (u < v.items[i].empty_rate)
      r.state[i] = Record::NULL_BASE; // reason 0
    else if (u < v.items[i].empty_rate + v.items[i].zero_rate)
      r.state[i] = Record::ZERO;
    else
      r.state[i] = Record::VALUE;
  }
  for (const NullRule& rule : v.null_rules)
    if (r.state[rule.when_item] == Record::ZERO)
      r.state[rule.item] = static_cast<uint8_t>(Record::NULL_BASE + rule.reason);
  if (null_error && r.n > 0) {
    // Prefer an item that should carry a ReasonOfNull: the error is the missing attribute.
    size_t victim = mix(base, 0xb1a4cULL) % r.n;
    for (size_t i = 0; i < r.n; ++i)
      if (r.state[i] >= Record::NULL_BASE) {
        victim = i;
        break;
      }
    r.state[victim] = Record::BLANK;
  }
  return r;
}

bool violates_null_rules(const LayoutVersion& v, const Record& r)
{
  if (r.n != v.items.size())
    return true;
  for (size_t i = 0; i < r.n; ++i)
    if (r.state[i] == Record::BLANK)
      return true;
  for (const NullRule& rule : v.null_rules)
    if (r.state[rule.when_item] == Record::ZERO && r.state[rule.item] != Record::NULL_BASE + rule.reason)
      return true;
  return false;
}

uint32_t version_at(const Layout& l, double t)
{
  uint32_t v = 0;
  for (uint32_t i = 1; i < l.versions.size(); ++i)
    if (l.versions[i].valid_from_s <= t)
      v = i;
  return v;
}

uint32_t replica_version(const Layout& l, double extraction, double now, bool pattern2_reload)
{
  uint32_t v         = version_at(l, extraction);
  const uint32_t cur = version_at(l, now);
  for (uint32_t next = v + 1; next <= cur; ++next) {
    const int pattern = l.versions[next].pattern;
    if (pattern == 2 && pattern2_reload)
      v = next; // every past record was reloaded in the new layout before the cutover
    else if (pattern == 1 && v + 1 == next)
      v = next; // no effect on replicas: a record in the version before is in the new one
    // pattern 3 (no reload), or a pattern-2 reload the provider did not do: the record stays in
    // its version, and later cutovers are still looked at (a later pattern-2 reload moves it)
  }
  return v;
}

bool version_accepted(const Layout& l, uint32_t v, double t)
{
  const uint32_t cur = version_at(l, t);
  if (v > cur)
    return false;
  for (uint32_t next = v + 1; next <= cur; ++next)
    if (l.versions[next].pattern == 2)
      return false;
  return true;
}

namespace {
double truth_phase(const Layout& l, uint64_t seed, uint64_t person, uint32_t layout)
{
  return unit(mix(seed, person, layout, 0x54525554ULL /*TRUT*/)) * l.change_interval_s;
}
} // namespace

int64_t truth_epoch(const Layout& l, uint64_t seed, uint64_t person, uint32_t layout, double t)
{
  return static_cast<int64_t>(std::floor((t + truth_phase(l, seed, person, layout)) / l.change_interval_s));
}

double last_change_at(const Layout& l, uint64_t seed, uint64_t person, uint32_t layout, double t)
{
  const double phase = truth_phase(l, seed, person, layout);
  return std::floor((t + phase) / l.change_interval_s) * l.change_interval_s - phase;
}

TruthAt truth_at(const Layout& l, uint64_t seed, uint64_t person, uint32_t layout, double t)
{
  const double phase = truth_phase(l, seed, person, layout);
  const double k     = std::floor((t + phase) / l.change_interval_s); // as in the two above
  return TruthAt{static_cast<int64_t>(k), k * l.change_interval_s - phase};
}

} // namespace linksim
