#include "harness/run/SlurmScript.hpp"

#include "harness/Errors.hpp"
#include "harness/run/Processes.hpp"

namespace linksim {

namespace {

/// `s` for an #SBATCH line (sbatch splits those at blanks and honours double quotes, no shell):
/// double-quoted if it holds a blank. Throws UsageError on what it cannot carry.
std::string sbatch_word(const std::string& what, const std::string& s, const std::string& forbidden)
{
  if (s.empty())
    throw UsageError(what + " is empty");
  for (char c : s)
    if (forbidden.find(c) != std::string::npos || c == '\n' || c == '\r' || c == '\0')
      throw UsageError(what + " \"" + s + "\" holds a character an #SBATCH line cannot carry (one of " + forbidden +
                       " or a newline)");
  return s.find_first_of(" \t") == std::string::npos ? s : "\"" + s + "\"";
}

} // namespace

std::string shell_quote(const std::string& s)
{
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string array_script(const RunPlan& plan, const SlurmOptions& o)
{
  if (plan.dir.empty() || plan.dir.front() != '/')
    throw InternalError("array_script: the study's folder must be an absolute path, got \"" + plan.dir + "\"");
  if (plan.runs.empty())
    throw InternalError("array_script: a plan without runs");
  sbatch_word("the study's folder", plan.dir, "\"\\%"); // it goes into --output below
  const std::string n = std::to_string(plan.runs.size());
  std::string s;
  s += "#!/bin/bash\n";
  s += "# linksim " + plan.kind + ": " + n + " runs as one Slurm job array, one `linksim run` per task\n";
  s += "# (written by linksim " + plan.version + "; the runs are listed in manifest.json, in task order).\n";
  s += "# Submit: " + sbatch_command(plan.dir + "/" + (plan.slurm ? plan.slurm->script : "array.sh")) + "\n";
  s += "# Then, once every task has finished: linksim collect " + shell_quote(plan.dir) + "\n";
  s += "# Task i runs manifest.json's runs[i] into its own folder and writes the folder's exit_code\n";
  s += "# (linksim's exit code and a newline) after linksim returns: collect reads those.\n";
  s += "#SBATCH --job-name=linksim-" + plan.kind + "\n";
  s += "#SBATCH --array=0-" + std::to_string(plan.runs.size() - 1) + "\n";
  s += "#SBATCH --output=" + sbatch_word("the study's folder", plan.dir + "/slurm-%A_%a.out", "\"\\") + "\n";
  s += "#SBATCH --ntasks=1\n";
  const std::string forbidden = "\"\\ \t%";
  if (!o.partition.empty())
    s += "#SBATCH --partition=" + sbatch_word("--partition", o.partition, forbidden) + "\n";
  if (!o.time.empty())
    s += "#SBATCH --time=" + sbatch_word("--time", o.time, forbidden) + "\n";
  if (o.cpus_per_task > 0)
    s += "#SBATCH --cpus-per-task=" + std::to_string(o.cpus_per_task) + "\n";
  if (!o.mem.empty())
    s += "#SBATCH --mem=" + sbatch_word("--mem", o.mem, forbidden) + "\n";
  s += "set -u\n";
  s += "case \"${SLURM_ARRAY_TASK_ID:-}\" in\n";
  for (size_t i = 0; i < plan.runs.size(); ++i) {
    const PlannedRun& r = plan.runs[i];
    if (r.argv.empty())
      throw InternalError("array_script: run " + std::to_string(i) + " has no command");
    s += "  " + std::to_string(i) + ")\n";
    s += "    out=" + shell_quote(plan.dir + "/" + r.out) + "\n";
    s += "    cmd=(";
    for (size_t k = 0; k < r.argv.size(); ++k)
      s += (k ? " " : "") + shell_quote(r.argv[k]);
    s += ") ;;\n";
  }
  s += "  *)\n";
  s += "    echo \"linksim array: no run for task '${SLURM_ARRAY_TASK_ID:-}' (expected 0 to " +
       std::to_string(plan.runs.size() - 1) + ")\" >&2\n";
  s += "    exit 4 ;;\n";
  s += "esac\n";
  s += "mkdir -p -- \"$out\" || exit 4\n";
  s += "rm -f -- \"$out/exit_code\" \"$out/exit_code.tmp\"\n";
  s += "\"${cmd[@]}\"\n";
  s += "code=$?\n";
  s += "printf '%d\\n' \"$code\" > \"$out/exit_code.tmp\" && mv -f -- \"$out/exit_code.tmp\" \"$out/exit_code\"\n";
  s += "exit \"$code\"\n";
  return s;
}

std::string sbatch_command(const std::string& script) { return "sbatch " + shell_quote(script); }

std::string submit_array(const std::string& script)
{
  const std::string sbatch = find_program("sbatch");
  if (sbatch.empty())
    throw UsageError("sbatch not found on PATH: install Slurm's client (Debian: slurm-client) or submit the array on a "
                     "machine that has it: " + sbatch_command(script));
  std::string out;
  const int code = run_capture({sbatch, "--parsable", script}, out);
  if (code != 0)
    throw UsageError(sbatch + " --parsable " + script + " failed (exit " + std::to_string(code) +
                     "); its message is above. The script and manifest are written; submit it yourself with: " +
                     sbatch_command(script));
  // --parsable prints "<job id>" or "<job id>;<cluster>".
  std::string id = out.substr(0, out.find_first_of(";\n"));
  if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError(sbatch + " --parsable printed no job id (\"" + out + "\")");
  return id;
}

} // namespace linksim
