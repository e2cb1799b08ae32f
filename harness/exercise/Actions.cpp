#include "harness/exercise/Actions.hpp"

#include "harness/Errors.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace linksim::exercise {

namespace {

std::vector<std::string> split_words(const std::string& s)
{
  std::vector<std::string> w;
  std::istringstream in(s);
  std::string x;
  while (in >> x)
    w.push_back(x);
  return w;
}

/// "123" → 123 (digits only, at most 9 of them).
std::optional<long> parse_count(const std::string& s)
{
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  return std::stol(s);
}

/// A JST date-time as simulated seconds.
std::optional<double> parse_at(const std::string& s, int64_t start_jst_s)
{
  if (auto t = parse_jst_datetime(s))
    return static_cast<double>(*t - start_jst_s);
  return std::nullopt;
}

std::string names_list(const std::vector<std::string>& names)
{
  std::string s;
  for (const auto& n : names)
    s += (s.empty() ? "" : ", ") + n;
  return s;
}

} // namespace

std::optional<double> parse_iso_duration(const std::string& s)
{
  auto d = parse_iso_duration_parts(s);
  return d ? std::optional<double>(d->seconds()) : std::nullopt;
}

std::optional<IsoDuration> parse_iso_duration_parts(const std::string& s)
{
  if (s.size() < 3 || s[0] != 'P')
    return std::nullopt;
  IsoDuration out;
  double total = 0;
  bool in_time = false, any = false;
  std::string num;
  for (size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      num += c;
      continue;
    }
    if (c == 'T') {
      if (in_time || !num.empty())
        return std::nullopt;
      in_time = true;
      continue;
    }
    auto n = parse_count(num);
    if (!n)
      return std::nullopt;
    num.clear();
    if (!in_time && c == 'D')
      out.days += *n;
    else if (in_time && c == 'H')
      total += *n * 3600.0;
    else if (in_time && c == 'M')
      total += *n * 60.0;
    else if (in_time && c == 'S')
      total += static_cast<double>(*n);
    else
      return std::nullopt;
    any = true;
  }
  if (!num.empty() || !any)
    return std::nullopt;
  out.rest_s = total;
  return out;
}

std::optional<double> parse_short_duration(const std::string& s)
{
  if (!s.empty() && s[0] == 'P')
    return parse_iso_duration(s);
  double total = 0;
  std::string num;
  bool any = false;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      num += c;
      continue;
    }
    auto n = parse_count(num);
    if (!n)
      return std::nullopt;
    num.clear();
    switch (c) {
    case 'd': total += *n * 86400.0; break;
    case 'h': total += *n * 3600.0; break;
    case 'm': total += *n * 60.0; break;
    case 's': total += static_cast<double>(*n); break;
    default: return std::nullopt;
    }
    any = true;
  }
  if (!num.empty() || !any)
    return std::nullopt;
  return total;
}

ArgKind arg_kind(const std::string& name)
{
  const auto a = RESPONSE_ACTIONS.parse(name);
  return a ? RESPONSE_ACTIONS[*a].arg : ArgKind::NONE;
}

std::string arg_help(const std::string& name)
{
  const auto a = RESPONSE_ACTIONS.parse(name);
  return a ? RESPONSE_ACTIONS[*a].arg_syntax : "";
}

std::string parse_action_words(const std::vector<std::string>& words, size_t first, const std::vector<std::string>& names,
                               PlannedAction& out)
{
  if (first >= words.size())
    return "expected an action after the time; actions: " + names_list(names);
  const std::string& name = words[first];
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    return "unknown action \"" + name + "\"; actions: " + names_list(names);
  out.action = static_cast<uint32_t>(it - names.begin());
  const std::vector<std::string> rest(words.begin() + static_cast<long>(first) + 1, words.end());
  switch (arg_kind(name)) {
  case ArgKind::NONE:
    if (!rest.empty())
      return name + " takes no argument, found \"" + rest.front() + "\"";
    break;
  case ArgKind::LEVEL: {
    auto n = rest.size() == 1 ? parse_count(rest[0]) : std::nullopt;
    if (!n || *n < 1 || *n > 5)
      return "judge_level takes one LEVEL, an integer 1 to 5 (e.g. \"judge_level 4\")";
    out.args.level = static_cast<int>(*n);
    break;
  }
  case ArgKind::CATEGORY: {
    auto n = rest.size() == 1 ? parse_count(rest[0]) : std::nullopt;
    if (!n || (*n != 5 && *n != 6))
      return "post_sharing_site takes one CATEGORY of the information-sharing site, 05 (failure status) or 06 "
             "(incident contacts)";
    out.args.category = static_cast<int>(*n);
    break;
  }
  case ArgKind::SECTIONS: {
    if (rest.size() > 1)
      return name + " takes at most one SECTIONS list (e.g. 1,2,6), found " + std::to_string(rest.size()) + " words";
    if (rest.size() == 1) {
      std::stringstream ss(rest[0]);
      std::string part;
      while (std::getline(ss, part, ',')) {
        auto n = parse_count(part);
        if (!n || *n < 1 || *n > 6)
          return name + ": SECTIONS are form 03-13's section numbers 1 to 6, comma-separated (e.g. 1,2,6), found \"" +
                 rest[0] + "\"";
        if (std::find(out.args.sections.begin(), out.args.sections.end(), *n) != out.args.sections.end())
          return name + ": section " + std::to_string(*n) + " given twice";
        out.args.sections.push_back(static_cast<int>(*n));
      }
      if (out.args.sections.empty())
        return name + ": empty SECTIONS list";
    }
    break;
  }
  }
  return "";
}

namespace {

/// "WHEN ACTION [ARGS]" (an actions-file line); error message or "".
std::string parse_timed(const std::vector<std::string>& w, const std::vector<std::string>& names, int64_t start_jst_s,
                        PlannedAction& out)
{
  const std::string& when = w[0];
  if (when[0] == '+') {
    auto d = parse_iso_duration(when.substr(1));
    if (!d)
      return "invalid relative time \"" + when + "\"; expected +DURATION in ISO-8601 (e.g. +PT45M, +PT1H30M, +P1DT2H)";
    out.when = When{When::AFTER_NOTICE, *d};
  } else if (auto t = parse_at(when, start_jst_s)) {
    out.when = When{When::AT, *t};
  } else
    return "invalid time \"" + when + "\"; expected a JST date-time YYYY-MM-DDTHH:MM:SS+09:00 or +DURATION after the first notice (e.g. +PT45M)";
  return parse_action_words(w, 1, names, out);
}

} // namespace

std::vector<PlannedAction> parse_actions_file(std::istream& in, const std::string& file, const std::vector<std::string>& names,
                                              int64_t start_jst_s)
{
  std::vector<PlannedAction> out;
  std::vector<std::string> problems;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    const auto hash = line.find('#');
    const std::string body = hash == std::string::npos ? line : line.substr(0, hash);
    const auto w = split_words(body);
    if (w.empty())
      continue;
    PlannedAction a;
    a.line = n;
    for (const auto& x : w)
      a.text += (a.text.empty() ? "" : " ") + x;
    const std::string err = parse_timed(w, names, start_jst_s, a);
    if (!err.empty())
      problems.push_back(file + ":" + std::to_string(n) + ": " + err);
    else
      out.push_back(a);
  }
  if (!problems.empty()) {
    std::string msg;
    for (const auto& p : problems)
      msg += (msg.empty() ? "" : "\nerror: ") + p;
    throw UsageError(msg);
  }
  if (out.empty())
    throw UsageError(file + ": no action in the file (one timed action a line, e.g. \"+PT30M self_restraint_on\")");
  return out;
}

std::string parse_prompt(const std::string& line, const std::vector<std::string>& names, int64_t start_jst_s,
                         PromptCommand& out)
{
  out = PromptCommand{};
  auto w = split_words(line);
  if (w.empty())
    return "";
  if (w[0] == "help" || w[0] == "?") {
    out.kind = PromptCommand::HELP;
    return w.size() == 1 ? "" : "help takes no argument";
  }
  if (w[0] == "status") {
    out.kind = PromptCommand::STATUS;
    return w.size() == 1 ? "" : "status takes no argument";
  }
  if (w[0] == "quit") {
    out.kind = PromptCommand::QUIT;
    return w.size() == 1 ? "" : "quit takes no argument";
  }
  if (w[0] == "wait") {
    out.kind = PromptCommand::WAIT;
    if (w.size() == 1)
      return "";
    auto d = w.size() == 2 ? parse_short_duration(w[1]) : std::nullopt;
    if (!d || *d <= 0)
      return "wait takes an optional DURATION (e.g. \"wait 30m\", \"wait 2h\", \"wait PT1H\")";
    out.wait_s = *d;
    return "";
  }
  out.kind = PromptCommand::ACTION;
  PlannedAction& a = out.action;
  for (const auto& x : w)
    a.text += (a.text.empty() ? "" : " ") + x;
  if (w[0][0] == '+' || std::isdigit(static_cast<unsigned char>(w[0][0])))
    return parse_timed(w, names, start_jst_s, a);
  // ACTION [ARGS] [after DURATION | at DATETIME]
  a.when = When{When::NOW, 0};
  if (w.size() >= 3 && (w[w.size() - 2] == "after" || w[w.size() - 2] == "at")) {
    const std::string& v = w.back();
    if (w[w.size() - 2] == "after") {
      auto d = parse_short_duration(v);
      if (!d)
        return "invalid duration \"" + v + "\" after \"after\" (e.g. 30m, 2h, 1h30m, PT45M)";
      a.when = When{When::NOW, *d};
    } else {
      auto t = parse_at(v, start_jst_s);
      if (!t)
        return "invalid time \"" + v + "\" after \"at\"; expected YYYY-MM-DDTHH:MM:SS+09:00";
      a.when = When{When::AT, *t};
    }
    w.resize(w.size() - 2);
  }
  return parse_action_words(w, 0, names, a);
}

const char* to_string(Verdict v)
{
  switch (v) {
  case Verdict::ON_TIME: return "on_time";
  case Verdict::LATE: return "late";
  case Verdict::MISSING: return "missing";
  }
  return "?";
}

Score score(const std::vector<ExpectationTimes>& expected, const std::vector<TakenAction>& taken, double late_credit)
{
  Score s;
  std::vector<uint8_t> used(taken.size(), 0);
  for (const ExpectationTimes& e : expected) {
    ExpectationScore es;
    for (size_t i = 0; i < taken.size(); ++i) {
      const TakenAction& a = taken[i];
      if (used[i] || !a.accepted || a.action != e.action || a.t_s < e.start_s)
        continue;
      if (e.level != 0 && a.args.level != e.level)
        continue;
      if (e.category != 0 && a.args.category != e.category)
        continue;
      used[i]   = 1;
      es.taken  = static_cast<long>(i);
      es.verdict = a.t_s <= e.due_s ? Verdict::ON_TIME : Verdict::LATE;
      es.earned = es.verdict == Verdict::ON_TIME ? e.points : e.points * late_credit;
      break;
    }
    s.earned += es.earned;
    s.points += e.points;
    s.expectations.push_back(es);
  }
  for (size_t i = 0; i < taken.size(); ++i) {
    if (!taken[i].accepted)
      s.refused.push_back(i);
    else if (!used[i])
      s.unexpected.push_back(i);
  }
  s.pct = s.points > 0 ? 100.0 * s.earned / s.points : 0;
  return s;
}

double due_after(const Calendar& cal, double anchor_s, const IsoDuration& d, bool business)
{
  if (!business)
    return anchor_s + d.seconds();
  return cal.from_business(cal.to_business(anchor_s) + static_cast<double>(d.days) * cal.business_day_seconds() + d.rest_s);
}

} // namespace linksim::exercise
