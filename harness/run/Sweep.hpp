// `linksim sweep`: N replications of a scenario with consecutive seeds, one process each, J at a
// time, then a summary (mean and 95 % confidence interval of each headline figure).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace linksim {

struct SweepOptions {
  std::string scenario;
  std::string self;              ///< path of the linksim executable (argv[0] resolved)
  unsigned seeds = 1;
  unsigned jobs  = 1;
  std::optional<uint64_t> first_seed;
  std::string out_dir;           ///< empty: results/<scenario>/sweep-<first>-<n>-<sha8>
  bool quiet = false;
  bool exchanges_csv = true;
};

int run_sweep(const SweepOptions& o);

} // namespace linksim
