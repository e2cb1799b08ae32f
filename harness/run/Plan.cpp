#include "harness/run/Plan.hpp"

#include "harness/Errors.hpp"
#include "harness/run/OutputDir.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace linksim {

using ojson = nlohmann::ordered_json;

namespace {

/// The fields the generic part of a manifest owns; everything else is the kind's header.
const char* const GENERIC_FIELDS[] = {"kind", "linksim", "runs", "slurm"};

bool is_generic(const std::string& key)
{
  for (const char* g : GENERIC_FIELDS)
    if (key == g)
      return true;
  return false;
}

[[noreturn]] void malformed(const std::string& file, const std::string& pointer, const std::string& what)
{
  throw UsageError(file + ": " + pointer + ": " + what + " (is this a folder written by linksim sweep or compare?)");
}

const ojson& field(const ojson& j, const char* key, const std::string& file, const std::string& at)
{
  if (!j.is_object() || !j.contains(key))
    malformed(file, at + "/" + key, "missing");
  return j.at(key);
}

std::string string_field(const ojson& j, const char* key, const std::string& file, const std::string& at)
{
  const ojson& v = field(j, key, file, at);
  if (!v.is_string() || v.get<std::string>().empty())
    malformed(file, at + "/" + key, "expected a non-empty string");
  return v.get<std::string>();
}

} // namespace

std::string absolute_study_dir(const std::string& dir)
{
  std::string d = std::filesystem::absolute(dir).lexically_normal().string();
  while (d.size() > 1 && d.back() == '/')
    d.pop_back();
  return d;
}

void add_run(RunPlan& plan, const std::string& scenario, const std::string& name, uint64_t seed, const std::string& out,
             bool exchanges_csv)
{
  PlannedRun r;
  r.scenario = scenario;
  r.name     = name;
  r.seed     = seed;
  r.out      = out;
  r.argv     = {plan.linksim, "run", scenario, "--seed", std::to_string(seed), "--out", plan.dir + "/" + out, "--quiet"};
  if (!exchanges_csv)
    r.argv.push_back("--no-exchanges-csv");
  plan.runs.push_back(r);
}

ojson manifest_json(const RunPlan& plan)
{
  ojson j;
  j["kind"]    = plan.kind;
  j["linksim"] = {{"path", plan.linksim}, {"version", plan.version}};
  for (const auto& [k, v] : plan.header.items())
    if (!is_generic(k))
      j[k] = v;
  ojson runs = ojson::array();
  for (const PlannedRun& r : plan.runs) {
    ojson e = {{"scenario", r.scenario}, {"name", r.name}, {"seed", r.seed}, {"out", r.out}};
    if (!r.argv.empty())
      e["argv"] = r.argv;
    runs.push_back(e);
  }
  j["runs"] = runs;
  if (plan.slurm) {
    j["slurm"] = {{"job_id", plan.slurm->job_id.empty() ? ojson(nullptr) : ojson(plan.slurm->job_id)},
                  {"script", plan.slurm->script},
                  {"submitted", plan.slurm->submitted}};
  }
  return j;
}

RunPlan plan_from_manifest(const ojson& j, const std::string& file)
{
  if (!j.is_object())
    malformed(file, "", "expected a JSON object");
  RunPlan p;
  p.kind = string_field(j, "kind", file, "");
  if (j.contains("linksim")) {
    const ojson& l = j.at("linksim");
    p.linksim      = string_field(l, "path", file, "/linksim");
    p.version      = string_field(l, "version", file, "/linksim");
  }
  for (const auto& [k, v] : j.items())
    if (!is_generic(k))
      p.header[k] = v;
  const ojson& runs = field(j, "runs", file, "");
  if (!runs.is_array() || runs.empty())
    malformed(file, "/runs", "expected a non-empty array of runs");
  for (size_t i = 0; i < runs.size(); ++i) {
    const std::string at = "/runs/" + std::to_string(i);
    const ojson& e       = runs[i];
    PlannedRun r;
    r.scenario = string_field(e, "scenario", file, at);
    r.out      = string_field(e, "out", file, at);
    if (e.contains("name") && e["name"].is_string())
      r.name = e["name"].get<std::string>();
    const ojson& seed = field(e, "seed", file, at);
    if (!seed.is_number_unsigned())
      malformed(file, at + "/seed", "expected an integer from 0 to 2^64-1");
    r.seed = seed.get<uint64_t>();
    if (r.out.find("..") != std::string::npos || r.out.front() == '/')
      malformed(file, at + "/out", "expected a folder inside the study's folder, got \"" + r.out + "\"");
    if (e.contains("argv")) {
      const ojson& a = e["argv"];
      if (!a.is_array() || a.empty())
        malformed(file, at + "/argv", "expected a non-empty array of strings");
      for (const ojson& s : a) {
        if (!s.is_string())
          malformed(file, at + "/argv", "expected a non-empty array of strings");
        r.argv.push_back(s.get<std::string>());
      }
    }
    p.runs.push_back(r);
  }
  if (j.contains("slurm")) {
    const ojson& s = j.at("slurm");
    SlurmJob job;
    job.script = string_field(s, "script", file, "/slurm");
    if (s.contains("job_id") && s["job_id"].is_string())
      job.job_id = s["job_id"].get<std::string>();
    if (s.contains("submitted") && s["submitted"].is_boolean())
      job.submitted = s["submitted"].get<bool>();
    p.slurm = job;
  }
  return p;
}

void write_manifest(const RunPlan& plan) { write_file_atomic(plan.dir, MANIFEST_FILE, manifest_json(plan).dump(2) + "\n"); }

RunPlan read_manifest(const std::string& dir)
{
  const std::string file = dir + "/" + MANIFEST_FILE;
  std::ifstream in(file);
  if (!in)
    throw UsageError(file + ": no manifest (linksim sweep and compare write one in every study's folder; is " + dir +
                     " such a folder?)");
  ojson j;
  try {
    j = ojson::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw UsageError(file + ": not valid JSON: " + e.what());
  }
  RunPlan p = plan_from_manifest(j, file);
  p.dir     = dir;
  return p;
}

std::string run_dir(const RunPlan& plan, const PlannedRun& run) { return plan.dir + "/" + run.out; }

ojson read_run_result(const std::string& run_folder)
{
  const std::string file = run_folder + "/result.json";
  std::ifstream in(file);
  if (!in)
    return nullptr;
  try {
    return ojson::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw UsageError(file + ": not valid JSON: " + e.what());
  }
}

std::optional<int> read_exit_code(const std::string& run_folder)
{
  const std::string file = run_folder + "/" + EXIT_CODE_FILE;
  std::ifstream in(file);
  if (!in)
    return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError(file + ": expected an exit code from 0 to 255, got \"" + text + "\"");
  const int code = std::stoi(text);
  if (code > 255)
    throw UsageError(file + ": expected an exit code from 0 to 255, got " + text);
  return code;
}

void write_exit_code(const std::string& run_folder, int code)
{
  std::error_code ec;
  std::filesystem::create_directories(run_folder, ec);
  write_file_atomic(run_folder, EXIT_CODE_FILE, std::to_string(code) + "\n");
}

} // namespace linksim
