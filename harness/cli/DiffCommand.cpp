// `linksim diff RESULT_A RESULT_B`: the comparison of `compare` over folders that already hold
// results (run folders, sweeps, or one scenario's folder of a compare); nothing is run.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/CompareRun.hpp"

#include <filesystem>

namespace linksim::cli {

int diff_command(const std::vector<std::string>& args)
{
  po::options_description d(std::string("linksim diff RESULT_A RESULT_B [options]\n\n"
                                         "Compares finished results, A as the base and B as the variant, with the\n"
                                         "same merge and verdicts as `linksim compare`, and writes DIR/compare.json,\n"
                                         "DIR/compare.html and DIR/junit.xml. A and B are run folders (result.json)\n"
                                         "or folders of runs (seed-<s>/result.json: a sweep, or one scenario's folder\n"
                                         "of a compare). Two folders of runs are paired by seed (the seeds both hold);\n"
                                         "otherwise one pair (a run folder with the other's run of the same seed, else\n"
                                         "its lowest seed).\n\n") +
                            compare_rules() + "\nOptions");
  d.add_options()("help,h", "show this help")(
      "out", po::value<std::string>(), "output directory (default: results/diff-<name of A>-vs-<name of B>)")(
      "max-new-failures", po::value<std::string>(), "threshold on the mean new correctness failures per seed (default 0)")(
      "quiet,q", "no summary");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "diff", d, vm, files))
    return EXIT_PASS;
  if (files.size() != 2)
    throw UsageError("diff takes exactly two result folders, RESULT_A RESULT_B (see linksim diff --help)");
  CompareOptions o;
  o.max_new_failures = threshold_option(vm);
  auto leaf          = [](const std::string& p) { return std::filesystem::path(p).lexically_normal().filename().string(); };
  const std::string out =
      vm.count("out") ? vm["out"].as<std::string>() : "results/diff-" + leaf(files[0] + "/.") + "-vs-" + leaf(files[1] + "/.");
  return run_diff(files[0], files[1], out, o, vm.count("quiet") > 0);
}

} // namespace linksim::cli
