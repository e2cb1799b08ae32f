// `linksim validate SCENARIO...`: check files without running them.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/scenario/Loader.hpp"

#include <iostream>

namespace linksim::cli {

int validate_command(const std::vector<std::string>& args)
{
  po::options_description d("linksim validate SCENARIO...\n\n"
                            "Checks scenario files without running them; prints every problem\n"
                            "(file, JSON pointer, what was expected). Exit 0 if all are valid, 4 if not.\n"
                            "A valid file without \"format\" gets a note: it is read as the current format.\n\nOptions");
  d.add_options()("help,h", "show this help")("quiet,q", "print only the problems (no ok lines or notes)");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "validate", d, vm, files))
    return EXIT_PASS;
  if (files.empty())
    throw UsageError("validate needs at least one SCENARIO file (see linksim validate --help)");
  int code = EXIT_PASS;
  for (const auto& f : files) {
    try {
      Scenario sc = load_scenario(f);
      for (const std::string& w : sc.warnings)
        std::cerr << w << "\n";
      if (!vm.count("quiet"))
        std::cout << "ok: " << f << " (" << sc.name << ": " << sc.agencies.size() << " agencies, " << (sc.workload.size() - sc.test_cases.size())
                  << " workload lines, " << sc.test_cases.size() << " test cases, " << sc.timeline.size() << " timeline events, " << sc.checks.size() << " checks)\n";
      // A file without `format` is read as the current format: say so, so that its author can pin
      // the meaning it was written for (scenarios/README.md, Format versions).
      if (!vm.count("quiet") && !sc.format_declared)
        std::cout << "note: " << f << ": no \"format\": read as format " << sc.format
                  << ", the current one; add \"format\": " << sc.format
                  << " to keep this meaning when a later format changes a key\n";
    } catch (const ScenarioError& e) {
      for (const auto& m : e.messages)
        std::cerr << m << "\n";
      code = EXIT_USAGE;
    }
  }
  return code;
}

} // namespace linksim::cli
