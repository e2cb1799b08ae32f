#include "harness/scenario/JsonReader.hpp"

#include "harness/scenario/Extends.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace linksim {

std::string pointer_escape(const std::string& key)
{
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

namespace {

/// The code point of the UTF-8 sequence at s[i] and its length; length 0 if the bytes are not UTF-8.
std::pair<uint32_t, size_t> decode_utf8(const std::string& s, size_t i)
{
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  size_t n              = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size())
    return {0, 0};
  uint32_t cp = n == 1 ? b : b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      return {0, 0};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return {0, 0}; // overlong, beyond Unicode, or a surrogate
  return {cp, n};
}

/// Characters a terminal would act on or not show: they would break a message's line or hide a part of it.
bool unprintable(uint32_t cp)
{
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0x061C ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
         cp == 0xFEFF;
}

} // namespace

std::string printable(const std::string& s)
{
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto [cp, n] = decode_utf8(s, i);
    char buf[12];
    if (n == 0) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i]));
      out += buf;
      ++i;
      continue;
    }
    if (cp == '\n')
      out += "\\n";
    else if (cp == '\r')
      out += "\\r";
    else if (cp == '\t')
      out += "\\t";
    else if (unprintable(cp)) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else
      out.append(s, i, n);
    i += n;
  }
  return out;
}

Issues::Place Issues::place(const std::string& pointer) const
{
  if (!provenance_)
    return Place{file_, pointer};
  const Origin o = provenance_->locate(pointer);
  return Place{o.file, o.pointer};
}

std::string Issues::mention(const Place& other, const std::string& file)
{
  const std::string p = other.pointer.empty() ? "/" : other.pointer;
  return other.file == file ? p : p + " in " + other.file;
}

void Issues::error(const std::string& pointer, const std::string& what)
{
  const Place p = place(pointer);
  error_in(p.file, p.pointer, what);
}

void Issues::error(const std::string& pointer, const std::string& before, const std::string& other_pointer,
                   const std::string& after)
{
  const Place p = place(pointer);
  error_in(p.file, p.pointer, before + mention(place(other_pointer), p.file) + after);
}

void Issues::conflict(const Side& a, const Side& b)
{
  const Place pa = place(a.pointer), pb = place(b.pointer);
  const bool b_later = provenance_ && provenance_->rank(pb.file) > provenance_->rank(pa.file);
  const Side& at     = b_later ? b : a;
  const Place& here  = b_later ? pb : pa;
  error_in(here.file, here.pointer, at.before + mention(b_later ? pa : pb, here.file) + at.after);
}

void Issues::missing(const std::string& pointer, const std::string& key, const std::string& what)
{
  if (!provenance_) {
    error_in(file_, pointer, what);
    return;
  }
  const Origin o = provenance_->locate_missing(pointer, key);
  error_in(o.file, o.pointer, what);
}

void Issues::error_in(const std::string& file, const std::string& pointer, const std::string& what)
{
  list_.push_back(printable("error: " + file + ": " + (pointer.empty() ? "/" : pointer) + ": " + what));
}

void Issues::warning(const std::string& pointer, const std::string& what)
{
  const Place p = place(pointer);
  warnings_.push_back(printable("warning: " + p.file + ": " + (p.pointer.empty() ? "/" : p.pointer) + ": " + what));
}

std::string type_name(const json& j)
{
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    default:
      return "an unsupported value";
  }
}

std::string join(const std::vector<std::string>& v, const char* sep)
{
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i)
      out += sep;
    out += v[i];
  }
  return out;
}

ObjReader::ObjReader(const json& j, std::string pointer, Issues& issues) : ptr_(std::move(pointer)), issues_(&issues)
{
  if (j.is_object())
    obj_ = &j;
  else
    issues.error(ptr_, "expected an object, found " + type_name(j));
}

const json* ObjReader::raw(const std::string& key, Req req)
{
  if (!obj_)
    return nullptr;
  used_.insert(key);
  auto it = obj_->find(key);
  if (it == obj_->end()) {
    if (req == Req::YES)
      issues_->missing(ptr_, key, "missing required key \"" + key + "\"");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> ObjReader::string(const std::string& key, Req req)
{
  const json* v = raw(key, req);
  if (!v)
    return std::nullopt;
  if (!v->is_string()) {
    issues_->error(at(key), "expected a string, found " + type_name(*v));
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> ObjReader::choice(const std::string& key, Req req, const std::vector<std::string>& allowed)
{
  auto s = string(key, req);
  if (!s)
    return std::nullopt;
  for (const auto& a : allowed)
    if (a == *s)
      return s;
  issues_->error(at(key), "unknown value \"" + *s + "\"; expected one of: " + join(allowed));
  return std::nullopt;
}

static std::string fmt_num(double x)
{
  std::ostringstream o;
  o << x;
  return o.str();
}

static bool in_bounds(double x, const Bounds& b, std::string& why)
{
  if (b.ge && !(x >= *b.ge))
    why = "must be >= " + fmt_num(*b.ge);
  else if (b.gt && !(x > *b.gt))
    why = "must be > " + fmt_num(*b.gt);
  else if (b.le && !(x <= *b.le))
    why = "must be <= " + fmt_num(*b.le);
  else if (b.lt && !(x < *b.lt))
    why = "must be < " + fmt_num(*b.lt);
  else
    return true;
  return false;
}

std::optional<double> ObjReader::number(const std::string& key, Req req, Bounds b)
{
  const json* v = raw(key, req);
  if (!v)
    return std::nullopt;
  if (!v->is_number()) {
    issues_->error(at(key), "expected a number, found " + type_name(*v));
    return std::nullopt;
  }
  const double x = v->get<double>();
  std::string why;
  if (!std::isfinite(x) || !in_bounds(x, b, why)) {
    issues_->error(at(key), "value " + fmt_num(x) + " out of range: " + why);
    return std::nullopt;
  }
  return x;
}

std::optional<int64_t> ObjReader::integer(const std::string& key, Req req, Bounds b)
{
  const json* v = raw(key, req);
  if (!v)
    return std::nullopt;
  if (!v->is_number_integer()) {
    issues_->error(at(key), "expected an integer, found " + type_name(*v));
    return std::nullopt;
  }
  if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
    issues_->error(at(key), "integer too large");
    return std::nullopt;
  }
  const int64_t x = v->get<int64_t>();
  std::string why;
  if (!in_bounds(static_cast<double>(x), b, why)) {
    issues_->error(at(key), "value " + std::to_string(x) + " out of range: " + why);
    return std::nullopt;
  }
  return x;
}

std::optional<bool> ObjReader::boolean(const std::string& key, Req req)
{
  const json* v = raw(key, req);
  if (!v)
    return std::nullopt;
  if (!v->is_boolean()) {
    issues_->error(at(key), "expected a boolean (true or false), found " + type_name(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

const json* ObjReader::array(const std::string& key, Req req)
{
  const json* v = raw(key, req);
  if (!v)
    return nullptr;
  if (!v->is_array()) {
    issues_->error(at(key), "expected an array, found " + type_name(*v));
    return nullptr;
  }
  return v;
}

ObjReader ObjReader::object(const std::string& key, Req req)
{
  const json* v = raw(key, req);
  if (!v)
    return ObjReader(*issues_);
  return ObjReader(*v, at(key), *issues_);
}

void ObjReader::finish()
{
  if (!obj_)
    return;
  std::vector<std::string> known(used_.begin(), used_.end());
  for (auto it = obj_->begin(); it != obj_->end(); ++it)
    if (!used_.count(it.key()))
      issues_->error(at(it.key()), "unknown key \"" + it.key() + "\"; known keys here: " + join(known));
}

} // namespace linksim
