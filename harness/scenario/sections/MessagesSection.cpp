// Section `messages`: message sizes [K].
#include "harness/scenario/Section.hpp"
#include "harness/scenario/Values.hpp"

namespace linksim {

namespace {

void read_messages(ObjReader& root, LoadContext& ctx)
{
  Messages& m = ctx.sc.messages;
  m.header_bytes             = param_default(params::HEADER_BYTES).get<double>();
  m.request_bytes_per_person = param_default(params::REQUEST_BYTES).get<double>();
  if (!root.has("messages")) {
    root.raw("messages", Req::NO);
    return;
  }
  ObjReader o = root.object("messages", Req::YES);
  if (!o.valid())
    return;
  m.header_bytes             = read_number(o, params::HEADER_BYTES);
  m.request_bytes_per_person = read_number(o, params::REQUEST_BYTES);
  o.finish();
}

} // namespace

extern const SectionDecl MESSAGES_SECTION{"messages", {"messages"}, read_messages, "message sizes [K]"};

} // namespace linksim
