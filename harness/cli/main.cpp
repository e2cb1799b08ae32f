// linksim: command-line entry point. One file per command in this folder; user mistakes are
// typed exceptions, caught here once and mapped to the exit codes of design.md §5
// (harness/Errors.hpp).
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/Runner.hpp"

#include <xbt/base.h>
#include <simgrid/version.h>

#include <iostream>

using namespace linksim;

int main(int argc, char** argv)
{
  std::vector<std::string> rest(argv + 1, argv + argc);
  try {
    if (rest.empty() || rest[0] == "--help" || rest[0] == "-h" || rest[0] == "help") {
      std::cout << cli::overview() << cli::exit_codes_help(*cli::find_command("run"))
                << "(each command's --help gives its own exit codes)\n";
      return rest.empty() ? EXIT_USAGE : EXIT_PASS;
    }
    if (rest[0] == "--version" || rest[0] == "-V") {
      std::cout << "linksim " << linksim_version() << " (SimGrid " << SIMGRID_VERSION_MAJOR << "." << SIMGRID_VERSION_MINOR
                << "." << SIMGRID_VERSION_PATCH << ")\n";
      return EXIT_PASS;
    }
    const std::string cmd = rest[0];
    rest.erase(rest.begin());
    if (const cli::CommandDecl* c = cli::find_command(cmd))
      return c->run(rest, argv[0]);
    std::string names;
    for (const cli::CommandDecl& c : cli::commands())
      names += (names.empty() ? "" : ", ") + std::string(c.name);
    throw UsageError("unknown command \"" + cmd + "\"; commands: " + names + " (see linksim --help)");
  } catch (const ScenarioError& e) {
    for (const auto& m : e.messages)
      std::cerr << m << "\n";
    return EXIT_USAGE;
  } catch (const cli::po::error& e) {
    std::cerr << "error: " << e.what() << " (see linksim --help)\n";
    return EXIT_USAGE;
  } catch (const UsageError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return EXIT_USAGE;
  } catch (const InternalError& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return EXIT_INTERNAL;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "\n";
    return EXIT_INTERNAL;
  }
}
