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

class Codes {
public:
  Codes() = default;
  Codes(uint64_t seed, uint32_t n_agencies);

  static constexpr uint64_t ELEVEN_DIGITS = 100'000'000'000ULL;

  /// 住民票コード of a person (11 digits, held by J-LIS / 住基ネット).
  uint64_t resident_code(uint64_t person) const { return resident_.forward(person); }
  uint64_t person_of_resident_code(uint64_t rc) const { return resident_.inverse(rc); }
  /// 個人番号 of a person: 11 digits plus the check digit. Never sent over the network.
  uint64_t my_number(uint64_t person) const;
  /// 連携用符号 (J-LIS derives it from the resident code).
  uint64_t linkage(uint64_t rc) const { return linkage_.forward(rc); }
  uint64_t resident_of_linkage(uint64_t link) const { return linkage_.inverse(link); }
  /// 機関別符号 of an agency for a linkage code (the hub derives it).
  uint64_t agency_code(uint32_t agency, uint64_t link) const { return agency_[agency].forward(link); }
  uint64_t linkage_of_agency_code(uint32_t agency, uint64_t code) const { return agency_[agency].inverse(code); }

private:
  Permutation resident_;
  Permutation number_;
  Permutation linkage_;
  std::vector<Permutation> agency_;
};

} // namespace linksim
