// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex: the scenario file hash in result.json.
#pragma once

#include <string>

namespace linksim {
std::string sha256_hex(const std::string& data);
}
