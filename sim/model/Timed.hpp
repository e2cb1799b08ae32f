// A value that changes at dated times: a piecewise-constant function of simulated time, with a
// cursor for "now" that the scheduler actor moves as the run passes each change.
//
// Agents read `now()` (what the real system holds at this moment: O(1)); the oracle reads
// `at(t)` for any time (what held then). Both come from the same change list, so they agree.
//
//   Timed<bool> mode(false);
//   mode.change_at(3600, true);        // on from t = 3600 s
//   mode.at(10);                       // false
//   mode.advance_to(3600);  mode.now() // true
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace linksim {

template <typename T> class Timed {
public:
  explicit Timed(T initial = T()) { values_.push_back(std::move(initial)); }

  /// From time t on, the value is v (times must be added in non-decreasing order; a change at
  /// the same time as the previous one replaces it).
  void change_at(double t, T v)
  {
    if (!times_.empty() && times_.back() == t) {
      values_.back() = std::move(v);
      return;
    }
    times_.push_back(t);
    values_.push_back(std::move(v));
  }
  /// The value at the cursor (what holds now, as far as the scheduler has advanced).
  const T& now() const { return values_[cursor_]; }
  /// The value at time t (the latest change at or before t).
  const T& at(double t) const
  {
    if (times_.empty())
      return values_.front();
    const auto it = std::upper_bound(times_.begin(), times_.end(), t);
    return values_[static_cast<size_t>(it - times_.begin())];
  }
  /// Moves the cursor past every change at or before t.
  void advance_to(double t)
  {
    while (cursor_ < times_.size() && times_[cursor_] <= t)
      ++cursor_;
  }
  /// Change times, in order.
  const std::vector<double>& times() const { return times_; }
  /// The value in force from the i-th change on (0: before any change).
  const T& segment(size_t i) const { return values_[i]; }
  bool constant() const { return times_.empty(); }

private:
  std::vector<double> times_;
  std::vector<T> values_; ///< values_[i] holds from times_[i-1] (values_[0]: from the beginning)
  size_t cursor_ = 0;
};

} // namespace linksim
