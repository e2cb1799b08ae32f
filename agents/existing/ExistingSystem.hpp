// Existing system (既存システム) of one agency: issues queries and runs the nightly replica
// registration batch (副本登録).
//
// Queries arrive as Poisson processes, one per workload line the agency takes part in, counted
// in business time (arrivals only inside business hours) or in calendar time. Each query picks
// its subject(s) by the line's rule, names the provider, and goes to the agency's own
// intermediate server [domain.md §2 hop 1]. A batch query carries batch_size persons.
#pragma once

#include "agents/core/Context.hpp"

#include <vector>

namespace linksim {

class ExistingSystem {
public:
  ExistingSystem(Context ctx, uint32_t agency);
  void operator()();

private:
  struct Arrivals {
    uint32_t workload;
    double rate_per_s;   ///< arrivals per second of (business or calendar) time
    double clock;        ///< time of the next arrival, in that stream's time base
    bool business;
    size_t next_at = 0; ///< explicit arrival times: index of the next one
    bool regular   = false; ///< evenly spaced (period 1/rate) instead of Poisson
    double next_t  = 0;     ///< calendar time of the next arrival (cached)
  };
  double next_arrival(const Arrivals& s) const;
  void issue(Arrivals& s);
  bool choose(const Workload& w, uint64_t& person, uint32_t& provider);
  void register_batch(int64_t night);

  Context ctx_;
  uint32_t agency_;
  Rng rng_;
  std::vector<Arrivals> streams_;
  bool registers_ = false;
  double last_extraction_ = 0;
};

/// Receives results on the agency's fetch inbox and hands each exchange to the recorder
/// (情報提供内容の取得: the existing system pulls the result from its server [W12]).
class Fetcher {
public:
  Fetcher(Context ctx, uint32_t agency) : ctx_(ctx), agency_(agency) {}
  void operator()();

private:
  Context ctx_;
  uint32_t agency_;
};

/// Collects finished batch result files on the existing system's schedule (`fetch_at`: e.g. the
/// morning run of a batch job; one-shot results "the same or the next day" [K]).
class Collector {
public:
  Collector(Context ctx, uint32_t agency) : ctx_(ctx), agency_(agency) {}
  void operator()();

private:
  Context ctx_;
  uint32_t agency_;
};

} // namespace linksim
