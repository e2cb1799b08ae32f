// A run's output folder. linksim's own files are removed when a run starts (a re-run never
// leaves an earlier run's report beside its result); exchanges.csv is written as
// exchanges.partial.csv and renamed at the end; result.json is written last, atomically, so a
// folder with a result.json is a complete run and one without is not.
#pragma once

#include <string>

namespace linksim {

/// linksim's own files in a run folder.
inline constexpr const char* RUN_FILES[] = {"result.json", "exchanges.csv", "exchanges.partial.csv", "junit.xml",
                                            "report.html", "result.json.tmp", "junit.xml.tmp", "report.html.tmp"};
/// The CSV's name while the run writes it.
inline constexpr const char* PARTIAL_CSV = "exchanges.partial.csv";

/// Creates the folder (and parents) and removes linksim's own files from it. Throws UsageError.
void prepare_run_dir(const std::string& dir);
/// Writes `text` to dir/name through dir/name.tmp and a rename (never a half-written file).
void write_file_atomic(const std::string& dir, const std::string& name, const std::string& text);
/// Renames dir/from to dir/to. Throws UsageError.
void rename_in(const std::string& dir, const std::string& from, const std::string& to);

} // namespace linksim
