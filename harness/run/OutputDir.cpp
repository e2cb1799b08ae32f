#include "harness/run/OutputDir.hpp"

#include "harness/Errors.hpp"

#include <filesystem>
#include <fstream>

namespace linksim {

void prepare_run_dir(const std::string& dir)
{
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw UsageError("cannot create the output directory " + dir + (ec ? ": " + ec.message() : ""));
  for (const char* f : RUN_FILES) {
    std::filesystem::remove(dir + "/" + f, ec);
    if (ec)
      throw UsageError("cannot remove " + dir + "/" + f + " of an earlier run: " + ec.message());
  }
}

void write_file_atomic(const std::string& dir, const std::string& name, const std::string& text)
{
  const std::string tmp = dir + "/" + name + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    out.flush();
    if (!out)
      throw UsageError("cannot write " + tmp + " (disk full?)");
  }
  rename_in(dir, name + ".tmp", name);
}

void rename_in(const std::string& dir, const std::string& from, const std::string& to)
{
  std::error_code ec;
  std::filesystem::rename(dir + "/" + from, dir + "/" + to, ec);
  if (ec)
    throw UsageError("cannot rename " + dir + "/" + from + " to " + to + ": " + ec.message());
}

} // namespace linksim
