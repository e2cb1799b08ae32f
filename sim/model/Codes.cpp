#include "sim/model/Codes.hpp"

namespace linksim {

int my_number_check_digit(uint64_t first11)
{
  uint64_t sum = 0;
  for (unsigned n = 1; n <= 11; ++n) {
    const uint64_t p = first11 % 10; // n-th digit from the right
    first11 /= 10;
    const uint64_t q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const uint64_t r = sum % 11;
  return r <= 1 ? 0 : static_cast<int>(11 - r);
}

bool my_number_valid(uint64_t twelve)
{
  if (twelve >= 1'000'000'000'000ULL)
    return false;
  return my_number_check_digit(twelve / 10) == static_cast<int>(twelve % 10);
}

Codes::Codes(uint64_t seed, uint32_t n_agencies)
    : resident_(mix(seed, 0x4a4c4953ULL /*JLIS*/, 1), ELEVEN_DIGITS)
    , number_(mix(seed, 0x4a4c4953ULL, 2), ELEVEN_DIGITS)
    , linkage_(mix(seed, 0x4a4c4953ULL, 3), 0)
{
  agency_.reserve(n_agencies);
  for (uint32_t a = 0; a < n_agencies; ++a)
    agency_.emplace_back(mix(seed, 0x4855421ULL /*HUB*/, a), 0);
}

uint64_t Codes::my_number(uint64_t person) const
{
  const uint64_t body = number_.forward(person);
  return body * 10 + static_cast<uint64_t>(my_number_check_digit(body));
}

} // namespace linksim
