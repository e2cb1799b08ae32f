// `linksim collect DIR`: merges a study whose runs ran elsewhere (a Slurm job array). The check that
// every run finished and the sweep's merge are collect() (harness/run/Merge.hpp, engine-free); the
// compare's merge (harness/run/ComparePlan.hpp) is handed to it here, where both are visible.
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/ComparePlan.hpp"
#include "harness/run/Merge.hpp"

namespace linksim::cli {

int collect_command(const std::vector<std::string>& args)
{
  po::options_description d("linksim collect DIR [--partial] [--quiet] [--max-new-failures X]\n\n"
                            "Merges the runs of a study written by `linksim sweep --slurm DIR` or\n"
                            "`linksim compare --slurm DIR` (after its job array has finished), as the\n"
                            "local command would: a sweep into DIR/summary.json, a compare into\n"
                            "DIR/compare.json, DIR/compare.html and DIR/junit.xml. It reads\n"
                            "DIR/manifest.json (its `kind` says which); a run has finished when its\n"
                            "folder holds exit_code (written by the array task, or by the local command,\n"
                            "after linksim returned). If a run has not finished, collect names it and\n"
                            "exits 3 (inconclusive) without merging; --partial merges the finished runs\n"
                            "anyway (a sweep lists the others with exit_code null and counts them as 3; a\n"
                            "compare counts them as runs without result.json, exit 70).\n"
                            "Exit code: a sweep's is the worst of the runs' (70 > 4 > 1 > 2 > 3 > 5 > 0);\n"
                            "a compare's follows compare's rule (see linksim compare --help), with the\n"
                            "threshold recorded in the manifest unless --max-new-failures is given.\n\nOptions");
  d.add_options()("help,h", "show this help")("partial", "merge the finished runs even if some have not finished")(
      "max-new-failures", po::value<std::string>(), "a compare: this threshold instead of the manifest's")(
      "quiet,q", "no summary on stdout");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, "collect", d, vm, files))
    return EXIT_PASS;
  if (files.size() != 1)
    throw UsageError("collect takes exactly one DIR (the folder given to sweep or compare --slurm; see linksim collect --help)");
  CollectOptions o;
  o.dir     = files.front();
  while (o.dir.size() > 1 && o.dir.back() == '/')
    o.dir.pop_back();
  o.partial = vm.count("partial") > 0;
  o.quiet   = vm.count("quiet") > 0;
  const std::optional<double> threshold = vm.count("max-new-failures") ? std::optional<double>(threshold_option(vm)) : std::nullopt;
  o.merges["compare"] = [&](const RunPlan& plan) { return merge_compare(plan, threshold, o.quiet); };
  return collect(o);
}

} // namespace linksim::cli
