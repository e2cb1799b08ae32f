// Identity codes of the virtual population: My Number, resident code, linkage and agency codes.
//
// A person is an index. Their My Number (個人番号, 12 digits with the legal check digit) and
// resident-record code (住民票コード, 11 digits) are keyed bijections of the index. J-LIS derives
// the linkage code (連携用符号) from the resident code [SEED p.18]; the hub derives one agency code
// (機関別符号) per (agency, person) from the linkage code [W3]. All are keyed permutations, so the
// hub can convert a requester's code into the provider's without a table, and no agency can
// match codes across agencies without the hub's key [W1][W2].
//
//   linksim::Codes codes(seed, n_agencies);
//   uint64_t c = codes.agency_code(a, codes.linkage(codes.resident_code(person)));
//   assert(codes.resident_of_linkage(codes.linkage_of_agency_code(a, c)) == codes.resident_code(person));
#pragma once

#include "sim/model/Hash.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace linksim {

/// Check digit of a My Number from its first 11 digits (個人番号の検査用数字, 総務省令):
/// 11 − (Σ Pn·Qn mod 11), Pn the n-th digit from the right, Qn = n+1 (n ≤ 6) or n−5 (n ≥ 7);
/// 0 when the remainder is 0 or 1.
int my_number_check_digit(uint64_t first11);
/// True when a 12-digit number carries a valid check digit.
bool my_number_valid(uint64_t twelve_digits);

/// Remembers the latest (output → input) pairs of a few keyed permutations, so that inverting a
/// code computed forward a moment ago costs a table probe instead of Feistel rounds with cycle
/// walking. A pure memo: a probe that misses computes the inverse, so results never depend on it.
/// An exchange's codes are derived forward at the requester and the hub and inverted at the
/// provider a few simulated seconds later, so a small table hits almost always.
class InverseMemo {
public:
  explicit InverseMemo(unsigned bits = 13) : mask_((uint64_t{1} << bits) - 1), slots_(size_t{1} << bits) {}
  void remember(uint32_t perm, uint64_t out, uint64_t in)
  {
    Slot& s = slots_[index(perm, out)];
    s.out   = out;
    s.in    = in;
    s.perm  = perm + 1;
  }
  /// The input whose image under permutation `perm` is `out`, if remembered.
  bool recall(uint32_t perm, uint64_t out, uint64_t& in) const
  {
    const Slot& s = slots_[index(perm, out)];
    if (s.perm != perm + 1 || s.out != out)
      return false;
    in = s.in;
    return true;
  }

private:
  struct Slot {
    uint64_t out  = 0;
    uint64_t in   = 0;
    uint64_t perm = 0; ///< permutation id + 1 (0: empty)
  };
  size_t index(uint32_t perm, uint64_t out) const { return static_cast<size_t>((out ^ (perm * 0x9e3779b97f4a7c15ULL)) & mask_); }
  uint64_t mask_;
  std::vector<Slot> slots_;
};

class Codes {
public:
  Codes() = default;
  Codes(uint64_t seed, uint32_t n_agencies);

  static constexpr uint64_t ELEVEN_DIGITS = 100'000'000'000ULL;

  /// 住民票コード of a person (11 digits, held by J-LIS / 住基ネット).
  uint64_t resident_code(uint64_t person) const { return forward(resident_, resident_id(), person); }
  uint64_t person_of_resident_code(uint64_t rc) const { return inverse(resident_, resident_id(), rc); }
  /// 個人番号 of a person: 11 digits plus the check digit. Never sent over the network.
  uint64_t my_number(uint64_t person) const;
  /// The person whose My Number this is (the inverse of my_number; the check digit is not checked).
  uint64_t person_of_my_number(uint64_t number) const { return number_.inverse(number / 10); }
  /// 連携用符号 (J-LIS derives it from the resident code).
  uint64_t linkage(uint64_t rc) const { return forward(linkage_, linkage_id(), rc); }
  uint64_t resident_of_linkage(uint64_t link) const { return inverse(linkage_, linkage_id(), link); }
  /// 機関別符号 of an agency for a linkage code (the hub derives it).
  uint64_t agency_code(uint32_t agency, uint64_t link) const { return forward(agency_[agency], agency, link); }
  uint64_t linkage_of_agency_code(uint32_t agency, uint64_t code) const { return inverse(agency_[agency], agency, code); }

private:
  uint32_t resident_id() const { return static_cast<uint32_t>(agency_.size()); }
  uint32_t linkage_id() const { return static_cast<uint32_t>(agency_.size()) + 1; }
  uint64_t forward(const Permutation& p, uint32_t id, uint64_t x) const
  {
    const uint64_t y = p.forward(x);
    memo_.remember(id, y, x);
    return y;
  }
  uint64_t inverse(const Permutation& p, uint32_t id, uint64_t y) const
  {
    uint64_t x;
    return memo_.recall(id, y, x) ? x : p.inverse(y);
  }

  Permutation resident_;
  Permutation number_;
  Permutation linkage_;
  std::vector<Permutation> agency_;
  mutable InverseMemo memo_; ///< not part of the codes' state: a cache of pure functions
};

} // namespace linksim
