#include "sim/model/Codes.hpp"
#include "sim/model/Hash.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace linksim;

TEST_CASE("sim::my_number_check_digit: the legal formula on a published example", "[codes][mynumber]")
{
  // 123456789018 is the commonly published valid example (check digit 8).
  CHECK(my_number_check_digit(12345678901ULL) == 8);
  CHECK(my_number_valid(123456789018ULL));
  CHECK_FALSE(my_number_valid(123456789017ULL));
  // Remainder 0 or 1 gives check digit 0: all zeros sum to 0.
  CHECK(my_number_check_digit(0) == 0);
  CHECK(my_number_valid(0));
  CHECK_FALSE(my_number_valid(1'000'000'000'000ULL)); // 13 digits
}

namespace {
/// Weighted sum mod 11 of the legal formula, computed independently of the code under test.
int remainder11(uint64_t first11)
{
  const int q[11] = {2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6}; // Qn for n = 1..11 (n-th digit from the right)
  int sum = 0;
  for (int n = 0; n < 11; ++n, first11 /= 10)
    sum += static_cast<int>(first11 % 10) * q[n];
  return sum % 11;
}
} // namespace

TEST_CASE("sim::my_number_check_digit: catches single-digit errors except between remainders 0 and 1",
          "[codes][mynumber]")
{
  // The formula maps remainders 0 and 1 both to check digit 0, so a substitution that moves the
  // weighted sum's remainder from 0 to 1 (or back) goes unseen; every other one is caught.
  const Codes codes(7, 1);
  int caught = 0, unseen = 0;
  for (uint64_t p = 0; p < 300; ++p) {
    const uint64_t n = codes.my_number(p * 1'000'003);
    REQUIRE(my_number_valid(n));
    uint64_t pow10 = 10;
    for (int d = 0; d < 11; ++d, pow10 *= 10) {
      const uint64_t digit = (n / pow10) % 10;
      const uint64_t other = n - digit * pow10 + ((digit + 3) % 10) * pow10;
      if (my_number_valid(other)) {
        ++unseen;
        const int a = remainder11(n / 10), b = remainder11(other / 10);
        CHECK(((a == 0 && b == 1) || (a == 1 && b == 0)));
      } else {
        ++caught;
      }
    }
  }
  CHECK(caught > 20 * unseen); // about 1 in 11 numbers has remainder 0 or 1
}

TEST_CASE("sim::Permutation: a bijection on 0..n-1 for awkward sizes", "[codes][hash]")
{
  for (uint64_t n : {1ULL, 2ULL, 7ULL, 100ULL, 1000ULL, 4097ULL}) {
    Permutation p(42, n);
    std::set<uint64_t> seen;
    for (uint64_t x = 0; x < n; ++x) {
      const uint64_t y = p.forward(x);
      REQUIRE(y < n);
      REQUIRE(p.inverse(y) == x);
      seen.insert(y);
    }
    CHECK(seen.size() == n);
  }
  Permutation full(9, 0); // whole 64-bit range
  for (uint64_t x : {0ULL, 1ULL, 0xffffffffffffffffULL, 0x123456789abcdefULL})
    CHECK(full.inverse(full.forward(x)) == x);
}

TEST_CASE("sim::Codes: codes differ per agency and convert through the hub", "[codes]")
{
  const Codes codes(1, 5);
  const uint64_t person = 123456;
  const uint64_t rc     = codes.resident_code(person);
  CHECK(rc < Codes::ELEVEN_DIGITS);
  CHECK(codes.person_of_resident_code(rc) == person);
  const uint64_t link = codes.linkage(rc);
  CHECK(codes.resident_of_linkage(link) == rc);
  std::set<uint64_t> per_agency;
  for (uint32_t a = 0; a < 5; ++a)
    per_agency.insert(codes.agency_code(a, link));
  CHECK(per_agency.size() == 5); // no agency can match another's code without the hub
  // The hub's conversion: requester 1's code → linkage → provider 3's code.
  const uint64_t c1 = codes.agency_code(1, link);
  CHECK(codes.agency_code(3, codes.linkage_of_agency_code(1, c1)) == codes.agency_code(3, link));
}

TEST_CASE("sim::Codes: a different seed gives different codes for the same person", "[codes]")
{
  const Codes a(1, 1), b(2, 1);
  CHECK(a.my_number(5) != b.my_number(5));
  CHECK(a.resident_code(5) != b.resident_code(5));
}
