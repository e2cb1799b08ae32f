#include "harness/scenario/JsonReader.hpp"

#include "harness/scenario/Extends.hpp"

#include <cmath>
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

void Issues::error(const std::string& pointer, const std::string& what)
{
  if (!provenance_) {
    error_in(file_, pointer, what);
    return;
  }
  const Origin o = provenance_->locate(pointer);
  error_in(o.file, o.pointer, what);
}

void Issues::error_in(const std::string& file, const std::string& pointer, const std::string& what)
{
  list_.push_back("error: " + file + ": " + (pointer.empty() ? "/" : pointer) + ": " + what);
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
      issues_->error(ptr_, "missing required key \"" + key + "\"");
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
