// One file per command of `linksim`, each declared in Commands.cpp (name, overview lines, entry
// point, its own exit codes); main.cpp dispatches through that list and maps the typed errors to
// exit codes. Options are parsed strictly: a number that is negative, out of range or not a number
// is a usage error (exit 4), never a wrapped value.
#pragma once

#include "harness/run/SlurmScript.hpp"

#include <boost/program_options.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace linksim::cli {

namespace po = boost::program_options;

/// One exit code as one command means it.
struct CommandExit {
  int code;
  const char* meaning;
};
/// A command of `linksim`.
struct CommandDecl {
  const char* name;
  const char* usage; ///< its lines in the overview (`linksim --help`)
  int (*run)(const std::vector<std::string>& args, const char* argv0);
  std::vector<CommandExit> exits; ///< what each exit code means for it (its --help prints them)
};
/// Every command, in the overview's order.
const std::vector<CommandDecl>& commands();
/// The command of that name (nullptr: none).
const CommandDecl* find_command(const std::string& name);
/// "Exit codes of linksim NAME:" and one line per code.
std::string exit_codes_help(const CommandDecl& c);
/// `linksim --help`: what linksim is and every command's usage.
std::string overview();

/// Parses the options of `command` plus its positional files; returns false after printing the
/// command's help (with its exit codes) if --help was given.
bool parse(const std::vector<std::string>& args, const char* command, const po::options_description& d,
           po::variables_map& vm, std::vector<std::string>& files);
/// An option's value as an unsigned integer in [lo, hi]; throws UsageError naming the option.
uint64_t unsigned_option(const po::variables_map& vm, const std::string& name, uint64_t lo, uint64_t hi);
/// Prints a command's help: its options, then its exit codes.
void print_help(const char* command, const po::options_description& d);
/// Path of this executable (to start child runs).
std::string self_path(const char* argv0);

/// What --slurm DIR and its options ask of a study (sweep, compare).
struct SlurmChoice {
  bool slurm = false;            ///< --slurm given: write a job array, run nothing here
  std::string dir;               ///< its DIR (the study's folder)
  bool submit = false;           ///< --submit
  SlurmOptions options;          ///< --partition, --time, --cpus-per-task, --mem
};
/// Adds --slurm, --submit, --partition, --time, --cpus-per-task and --mem to a study's options.
void add_slurm_options(po::options_description& d);
/// Reads them with the checks of every study: --slurm excludes --out and --jobs (which must be
/// declared), the others need --slurm. Throws UsageError.
SlurmChoice slurm_choice(const po::variables_map& vm);

int run_command(const std::vector<std::string>& args);
int validate_command(const std::vector<std::string>& args);
int sweep_command(const std::vector<std::string>& args, const char* argv0);
int collect_command(const std::vector<std::string>& args);
int reference_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args, const char* argv0);
int diff_command(const std::vector<std::string>& args);
int persons_command(const std::vector<std::string>& args);
int exercise_command(const std::vector<std::string>& args);

/// The statuses, compare.json keys and exit rule of compare and diff (their --help).
std::string compare_rules();
/// --max-new-failures as a number >= 0 (default 0); throws UsageError.
double threshold_option(const po::variables_map& vm);

} // namespace linksim::cli
