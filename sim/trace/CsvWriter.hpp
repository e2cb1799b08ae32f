// Buffered CSV writer for exchanges.csv: no iostreams, no per-row allocation.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace linksim {

class CsvWriter {
public:
  CsvWriter() = default;
  ~CsvWriter() { close(); }
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  /// Opens (truncates) the file; false on failure.
  bool open(const std::string& path)
  {
    f_ = std::fopen(path.c_str(), "wb");
    buf_.reserve(CAP + 1024);
    return f_ != nullptr;
  }
  bool is_open() const { return f_ != nullptr; }
  /// Flushes and closes; false if any write failed (e.g. a full disk).
  bool close()
  {
    if (f_) {
      flush();
      failed_ = std::fclose(f_) != 0 || failed_;
      f_      = nullptr;
    }
    return !failed_;
  }
  void flush()
  {
    if (f_ && !buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size())
      failed_ = true;
    buf_.clear();
  }

  void raw(const char* s, size_t n) { buf_.insert(buf_.end(), s, s + n); }
  void raw(const std::string& s) { raw(s.data(), s.size()); }
  void comma() { buf_.push_back(','); }
  void end_row()
  {
    buf_.push_back('\n');
    if (buf_.size() >= CAP)
      flush();
  }
  void u64(uint64_t v)
  {
    char tmp[24];
    int n = 0;
    do {
      tmp[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v);
    while (n)
      buf_.push_back(tmp[--n]);
  }
  /// Seconds with exactly 6 decimals (microseconds); empty field for NaN.
  void seconds(double s) { fixed(s, 1e6, 6); }
  /// A duration in seconds written as milliseconds with 3 decimals; empty for NaN.
  void millis(double s) { fixed(s, 1e6, 3); }

private:
  /// round(x * scale) as an integer part and `decimals` digits (scale = 10^6: the last
  /// 6 - decimals digits are the integer's); empty for NaN.
  void fixed(double x, double scale, int decimals)
  {
    if (std::isnan(x))
      return;
    if (x < 0) {
      buf_.push_back('-');
      x = -x;
    }
    const auto units = static_cast<uint64_t>(std::llround(x * scale));
    uint64_t div     = 1;
    for (int i = 0; i < decimals; ++i)
      div *= 10;
    u64(units / div);
    buf_.push_back('.');
    uint64_t frac = units % div;
    char tmp[8];
    for (int i = decimals - 1; i >= 0; --i) {
      tmp[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    buf_.insert(buf_.end(), tmp, tmp + decimals);
  }

  static constexpr size_t CAP = 1 << 20;
  std::FILE* f_ = nullptr;
  bool failed_  = false;
  std::vector<char> buf_;
};

} // namespace linksim
