#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"

#include <unistd.h>

#include <climits>
#include <iostream>

namespace linksim::cli {

void print_help(const char* command, const po::options_description& d)
{
  std::cout << d << "\n" << exit_codes_help(*find_command(command));
}

bool parse(const std::vector<std::string>& args, const char* command, const po::options_description& d,
           po::variables_map& vm, std::vector<std::string>& files)
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
    print_help(command, d);
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

void add_slurm_options(po::options_description& d)
{
  d.add_options()("slurm", po::value<std::string>(), "write a Slurm job array into DIR instead of running (DIR as --out)")(
      "submit", "with --slurm: submit it with sbatch (exit 4 if sbatch is missing or refuses it)")(
      "partition", po::value<std::string>(), "with --slurm: #SBATCH --partition")(
      "time", po::value<std::string>(), "with --slurm: #SBATCH --time per task (e.g. 00:10:00)")(
      "cpus-per-task", po::value<std::string>(), "with --slurm: #SBATCH --cpus-per-task, 1 to 1024")(
      "mem", po::value<std::string>(), "with --slurm: #SBATCH --mem per task (e.g. 2G)");
}

SlurmChoice slurm_choice(const po::variables_map& vm)
{
  SlurmChoice c;
  c.slurm = vm.count("slurm") > 0;
  if (!c.slurm) {
    for (const char* only : {"submit", "partition", "time", "cpus-per-task", "mem"})
      if (vm.count(only))
        throw UsageError(std::string("--") + only + " needs --slurm DIR");
    return c;
  }
  if (vm.count("out"))
    throw UsageError("--slurm DIR is the output directory: give --out or --slurm, not both");
  if (!vm["jobs"].defaulted())
    throw UsageError("--jobs has no meaning with --slurm (Slurm runs the tasks)");
  c.dir = vm["slurm"].as<std::string>();
  if (c.dir.empty())
    throw UsageError("--slurm needs a directory");
  c.submit = vm.count("submit") > 0;
  if (vm.count("partition"))
    c.options.partition = vm["partition"].as<std::string>();
  if (vm.count("time"))
    c.options.time = vm["time"].as<std::string>();
  if (vm.count("cpus-per-task"))
    c.options.cpus_per_task = static_cast<unsigned>(unsigned_option(vm, "cpus-per-task", 1, 1024));
  if (vm.count("mem"))
    c.options.mem = vm["mem"].as<std::string>();
  return c;
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
