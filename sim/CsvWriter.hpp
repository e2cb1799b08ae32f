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
  void close()
  {
    if (f_) {
      flush();
      std::fclose(f_);
      f_ = nullptr;
    }
  }
  void flush()
  {
    if (f_ && !buf_.empty())
      std::fwrite(buf_.data(), 1, buf_.size(), f_);
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
  void seconds(double s)
  {
    if (std::isnan(s))
      return;
    if (s < 0) {
      buf_.push_back('-');
      s = -s;
    }
    const auto us = static_cast<uint64_t>(std::llround(s * 1e6));
    u64(us / 1000000);
    buf_.push_back('.');
    uint64_t frac = us % 1000000;
    char tmp[6];
    for (int i = 5; i >= 0; --i) {
      tmp[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    buf_.insert(buf_.end(), tmp, tmp + 6);
  }
  /// A duration in seconds written as milliseconds with 3 decimals; empty for NaN.
  void millis(double s)
  {
    if (std::isnan(s))
      return;
    if (s < 0) {
      buf_.push_back('-');
      s = -s;
    }
    const auto us = static_cast<uint64_t>(std::llround(s * 1e6));
    u64(us / 1000);
    buf_.push_back('.');
    const uint64_t frac = us % 1000;
    const char tmp[3] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                         static_cast<char>('0' + frac % 10)};
    buf_.insert(buf_.end(), tmp, tmp + 3);
  }

private:
  static constexpr size_t CAP = 1 << 20;
  std::FILE* f_ = nullptr;
  std::vector<char> buf_;
};

} // namespace linksim
