// A scenario section reader: one file per section under sections/, declared in the order they
// run in sections/Sections.cpp (a section resolves references to what earlier ones declared,
// through the LoadContext).
//
//   void read_messages(ObjReader& root, LoadContext& ctx);
//   extern const SectionDecl MESSAGES_SECTION{"messages", {"messages"}, read_messages, "message sizes [K]"};
#pragma once

#include "harness/scenario/LoadContext.hpp"

#include <vector>

namespace linksim {

struct SectionDecl {
  const char* name;               ///< the section's name (for the docs)
  std::vector<const char*> keys;  ///< top-level keys of a scenario file it reads
  void (*read)(ObjReader& root, LoadContext& ctx);
  const char* help;               ///< one line
};

/// Every section, in the order the loader runs them.
const std::vector<const SectionDecl*>& scenario_sections();

} // namespace linksim
