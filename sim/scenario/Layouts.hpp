// Scenario sections `layouts` and `reasons_of_null`: data standard layouts (データ標準レイアウト),
// their versions, data items and null rules.
#pragma once

#include "sim/scenario/Common.hpp"

#include <string>
#include <vector>

namespace linksim {

/// One data item of a layout version (項番).
struct DataItem {
  std::string code;
  double empty_rate = 0; ///< share of records where the item is legitimately empty
  double zero_rate  = 0; ///< share of records where the item's value is zero
};

/// Conditional null rule: `item` must be null with `reason` when `when_item` is zero.
struct NullRule {
  uint32_t item      = 0; ///< index into LayoutVersion::items
  uint32_t when_item = 0;
  uint32_t reason    = 0; ///< index into Scenario::reasons_of_null
};

struct LayoutVersion {
  std::string version;
  double valid_from_s = 0; ///< simulated time (may be negative: before the start)
  int pattern         = 1; ///< 副本登録 pattern relative to the previous version (1, 2, 3)
  /// Providers register records in this version from here (R1.6: registered from 2019-06-16,
  /// linked from 2019-06-17 [SEED p.7]); default: valid_from_s.
  double registration_from_s = 0;
  uint32_t revision          = NONE; ///< the revision that introduces it (Scenario::revisions), if any
  std::vector<DataItem> items;
  std::vector<NullRule> null_rules;
};

/// A data standard layout (データ標準レイアウト) for one specific-personal-information number.
struct Layout {
  uint32_t number = 0; ///< 特定個人情報番号
  std::string name;
  // Set by the loader (defaults: sim/scenario/Params.hpp).
  double record_bytes      = 0;
  double change_interval_s = 0; ///< mean interval between changes of a person's true data
  double coverage          = 0; ///< share of a provider's persons it holds a record for
  std::vector<LayoutVersion> versions; ///< ordered by valid_from
};

} // namespace linksim
