// Test My Numbers (試験用個人番号) of the production linkage test (情報連携試験) [SEED p.25–26].
//
// Persons are indices and a My Number is a keyed bijection of the index over the 11-digit body
// (Codes::my_number). Real persons are [0, population); every agency a has `per_agency` reserved
// persons at the top of the index space, counted down from 10^11 − 1: test person k of agency a
// is the index 10^11 − 1 − (a·per_agency + k). The population is at most 10^10 persons and the
// reserved block at most 2·10^10 indices, so the two never overlap: a test My Number has a valid
// check digit and is provably never a real person's number. Nothing is stored per test person.
//
//   linksim::TestPersons tp(population, n_agencies, 100);
//   uint64_t p = tp.person(a, 0);            // agency a's first test person
//   assert(tp.is_test(p) && tp.owner(p) == a);
#pragma once

#include "sim/model/Codes.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace linksim {

class TestPersons {
public:
  TestPersons() = default;
  TestPersons(uint64_t population, uint32_t n_agencies, uint64_t per_agency)
      : population_(population), n_agencies_(n_agencies), per_agency_(per_agency)
  {
  }
  /// One past the largest person index (the My Number body has 11 digits).
  static constexpr uint64_t TOP = Codes::ELEVEN_DIGITS;

  uint64_t per_agency() const { return per_agency_; }
  uint64_t reserved() const { return per_agency_ * n_agencies_; }
  /// Test person k (0-based, k < per_agency) of agency a.
  uint64_t person(uint32_t a, uint64_t k) const { return TOP - 1 - (a * per_agency_ + k); }
  /// The index is a reserved test person (of some agency).
  bool is_test(uint64_t p) const { return p < TOP && TOP - 1 - p < reserved(); }
  /// The agency a test person is reserved for.
  uint32_t owner(uint64_t p) const { return static_cast<uint32_t>((TOP - 1 - p) / per_agency_); }
  /// Its rank k among its agency's test persons.
  uint64_t rank(uint64_t p) const { return (TOP - 1 - p) % per_agency_; }
  /// A real person or a reserved test person.
  bool exists(uint64_t p) const { return p < population_ || is_test(p); }

private:
  uint64_t population_ = 0;
  uint32_t n_agencies_ = 0;
  uint64_t per_agency_ = 0;
};

/// The person whose My Number `text` is (12 digits, check digit valid) among the real and test
/// persons, under `codes`; otherwise nullopt and `why` says what is wrong.
std::optional<uint64_t> person_of_my_number(const std::string& text, const Codes& codes, const TestPersons& tp,
                                            std::string& why);
/// A My Number as its 12-digit text (leading zeros kept).
std::string my_number_text(uint64_t number);
/// A resident code (住民票コード) as its 11-digit text (leading zeros kept).
std::string resident_code_text(uint64_t code);

} // namespace linksim
