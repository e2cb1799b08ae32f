// `linksim collect DIR`: merges a study whose runs ran elsewhere (a Slurm job array).
#include "harness/Errors.hpp"
#include "harness/cli/Command.hpp"
#include "harness/run/Merge.hpp"

namespace linksim::cli {

int collect_command(const std::vector<std::string>& args)
{
  po::options_description d("linksim collect DIR [--partial] [--quiet]\n\n"
                            "Merges the runs of a study written by `linksim sweep --slurm DIR` (after its\n"
                            "job array has finished) into DIR/summary.json, the same file a local sweep\n"
                            "writes. It reads DIR/manifest.json; a run has finished when its folder holds\n"
                            "exit_code (written by the array task after linksim returned). If a run has\n"
                            "not finished, collect names it and exits 3 (inconclusive) without writing a\n"
                            "summary; --partial merges the finished runs anyway (the others are listed\n"
                            "with exit_code null and count as 3 in the exit code). Exit code: the worst\n"
                            "of the runs', as the sweep's (70 > 4 > 1 > 2 > 3 > 5 > 0).\n\nOptions");
  d.add_options()("help,h", "show this help")("partial", "merge the finished runs even if some have not finished")(
      "quiet,q", "no summary on stdout");
  po::variables_map vm;
  std::vector<std::string> files;
  if (!parse(args, d, vm, files))
    return EXIT_PASS;
  if (files.size() != 1)
    throw UsageError("collect takes exactly one DIR (the folder given to sweep --slurm; see linksim collect --help)");
  CollectOptions o;
  o.dir     = files.front();
  while (o.dir.size() > 1 && o.dir.back() == '/')
    o.dir.pop_back();
  o.partial = vm.count("partial") > 0;
  o.quiet   = vm.count("quiet") > 0;
  return collect(o);
}

} // namespace linksim::cli
