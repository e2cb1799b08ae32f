#include "sim/model/TestPersons.hpp"

#include <cstdio>

namespace linksim {

std::optional<uint64_t> person_of_my_number(const std::string& text, const Codes& codes, const TestPersons& tp,
                                            std::string& why)
{
  if (text.size() != 12 || text.find_first_not_of("0123456789") != std::string::npos) {
    why = "expected a My Number of 12 digits, found \"" + text + "\"";
    return std::nullopt;
  }
  const uint64_t n = std::stoull(text);
  if (!my_number_valid(n)) {
    why = "\"" + text + "\" has a wrong check digit (expected " + std::to_string(my_number_check_digit(n / 10)) + ")";
    return std::nullopt;
  }
  const uint64_t p = codes.person_of_my_number(n);
  if (!tp.exists(p)) {
    why = "\"" + text + "\" is neither a person's My Number nor a reserved test My Number in this scenario (see linksim persons)";
    return std::nullopt;
  }
  return p;
}

std::string my_number_text(uint64_t number)
{
  char buf[24];
  std::snprintf(buf, sizeof buf, "%012llu", static_cast<unsigned long long>(number));
  return buf;
}

std::string resident_code_text(uint64_t code)
{
  char buf[24];
  std::snprintf(buf, sizeof buf, "%011llu", static_cast<unsigned long long>(code));
  return buf;
}

} // namespace linksim
