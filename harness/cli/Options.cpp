#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"

#include <unistd.h>

#include <climits>
#include <iostream>

namespace linksim::cli {

void print_help(const po::options_description& d) { std::cout << d << "\n" << exit_code_help(); }

bool parse(const std::vector<std::string>& args, const po::options_description& d, po::variables_map& vm,
           std::vector<std::string>& files)
{
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(d).add(hidden);
  po::positional_options_description pos;
  pos.add("file", -1);
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    print_help(d);
    return false;
  }
  if (vm.count("file"))
    files = vm["file"].as<std::vector<std::string>>();
  return true;
}

uint64_t unsigned_option(const po::variables_map& vm, const std::string& name, uint64_t lo, uint64_t hi)
{
  const std::string s = vm[name].as<std::string>();
  const std::string range = "an integer from " + std::to_string(lo) + " to " + std::to_string(hi);
  if (s.empty() || s.size() > 20 || s.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError("--" + name + " \"" + s + "\": expected " + range);
  const unsigned long long v = std::strtoull(s.c_str(), nullptr, 10);
  if (v < lo || v > hi || (s.size() == 20 && s > "18446744073709551615"))
    throw UsageError("--" + name + " " + s + ": out of range, expected " + range);
  return v;
}

std::string self_path(const char* argv0)
{
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0)
    return std::string(buf, static_cast<size_t>(n));
  return argv0;
}

} // namespace linksim::cli
