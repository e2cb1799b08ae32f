// Small formatting helpers shared by the writers of results (json, junit, html, terminal).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace linksim {

/// printf-style formatting of one number.
inline std::string fmt(const char* f, double x)
{
  char buf[64];
  std::snprintf(buf, sizeof buf, f, x);
  return buf;
}

/// A number with thousands separators ("12,345").
inline std::string thousands(uint64_t v)
{
  std::string s = std::to_string(v), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0)
      out += ',';
    out += s[i];
  }
  return out;
}

/// Milliseconds in a readable unit ("86.0 ms", "1.50 s", "2.5 min", "3.00 h").
inline std::string human_ms(double v)
{
  if (v >= 3600e3)
    return fmt("%.2f h", v / 3600e3);
  if (v >= 60e3)
    return fmt("%.1f min", v / 60e3);
  if (v >= 1e3)
    return fmt("%.2f s", v / 1e3);
  return fmt("%.1f ms", v);
}

/// Escapes &, <, > and " for XML and HTML text and attributes.
inline std::string xml_escape(const std::string& s)
{
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

} // namespace linksim
