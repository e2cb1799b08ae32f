// The revision cycle as it happened (result.json /revisions and /masters; made only when the
// scenario has revisions, so others pay nothing):
// - per revision and agency taking part: its chain's dates, whether it misses go-live and why,
//   and when its first correct exchange of each new item (as provider) and procedure (as
//   requester) happened after go-live ("never": null) — what `linksim compare` puts side by side;
// - per revision and layout it changes, the layout versions each provider answered in, the week
//   before go-live and the two weeks after;
// - per intermediate server, when each revision's masters were sent (every attempt), received
//   and in force.
#pragma once

#include "harness/collect/Collector.hpp"

#include <map>
#include <string>
#include <vector>

namespace linksim {

class RevisionsCollector : public Collector,
                           Subscriber<ExchangeDone>,
                           Subscriber<MasterSent>,
                           Subscriber<VerificationStep> {
public:
  explicit RevisionsCollector(World& w);
  void on(const ExchangeDone& e) override;
  void on(const MasterSent& e) override { attempts_.push_back(e); }
  /// With a verification environment, its revision's inter-agency tests are simulated: an
  /// agency's `tested_at` is its completion report (完了報告) and `test_late` comes from it.
  void on(const VerificationStep& e) override;
  void write(ojson& result, const RunEnd& end) const override;

  /// Days around go-live in which layout use is counted.
  static constexpr double USE_BEFORE_S = 7 * 86400.0, USE_AFTER_S = 14 * 86400.0;

private:
  /// What "first correct" is tracked for: a new layout version (providers) or procedure (requesters).
  struct Key {
    std::string name;      ///< "item:<n>" or "procedure:<code>"
    bool item      = false;
    uint32_t index = 0;    ///< layout or procedure index
    uint32_t version = 0;  ///< item: the version the revision introduces
  };
  struct PerRevision {
    std::vector<Key> keys;
    std::vector<std::vector<double>> first; ///< [agency slot][key]: first correct exchange (NEVER: none)
    std::vector<std::vector<uint8_t>> concerns; ///< [agency slot][key]: the key is the agency's (it provides the item, or asks under the procedure)
    /// (layout, version) → provider → [before go-live, after] → counts per version index
    std::map<std::pair<uint32_t, uint32_t>, std::map<uint32_t, std::array<std::vector<uint64_t>, 2>>> use;
  };

  const World& w_;
  const Scenario& sc_;
  std::vector<PerRevision> revs_;
  std::vector<MasterSent> attempts_;
  std::vector<double> reported_; ///< per agency: completion report of its inter-agency test (NEVER: none)
};

} // namespace linksim
