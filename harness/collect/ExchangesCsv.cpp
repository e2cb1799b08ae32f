#include "harness/collect/ExchangesCsv.hpp"

namespace linksim {

bool ExchangesCsv::open(const std::string& path)
{
  if (!csv_.open(path))
    return false;
  csv_.raw(std::string("run_id,exchange,serial,workload,procedure,item,requester,provider,mode,person,outcome,"
                       "nondisclosure,records"));
  for (const auto& ts : TIMESTAMPS.entries()) {
    csv_.comma();
    csv_.raw(ts.name, std::char_traits<char>::length(ts.name));
    csv_.raw("_s", 2);
  }
  csv_.raw(std::string(",end_to_end_ms,attempts")); // attempts: 1, or more after retries (network faults)
  csv_.end_row();
  w_.recorder().subscribe<ExchangeDone>(this);
  return true;
}

void ExchangesCsv::on(const ExchangeDone& e)
{
  const Exchange& ex = e.ex;
  const Scenario& sc = w_.scenario();
  csv_.raw(w_.run_id());
  csv_.comma();
  csv_.u64(ex.id);
  csv_.comma();
  if (ex.serial)
    csv_.u64(ex.serial);
  csv_.comma();
  csv_.raw(sc.workload[ex.workload].id);
  csv_.comma();
  csv_.raw(sc.procedures[ex.procedure].code);
  csv_.comma();
  csv_.u64(sc.layouts[ex.item].number);
  csv_.comma();
  csv_.raw(sc.agencies[ex.requester].id);
  csv_.comma();
  csv_.raw(sc.agencies[ex.provider].id);
  csv_.comma();
  const char* mode = MODES.name(ex.batch);
  csv_.raw(mode, std::char_traits<char>::length(mode));
  csv_.comma();
  csv_.u64(ex.truth.person);
  csv_.comma();
  const char* name = OUTCOMES.name(e.outcome);
  csv_.raw(name, std::char_traits<char>::length(name));
  csv_.comma();
  csv_.u64(ex.nondisclosure ? 1 : 0);
  csv_.comma();
  csv_.u64(ex.records);
  for (double x : ex.t) {
    csv_.comma();
    csv_.seconds(x);
  }
  csv_.comma();
  csv_.millis(ex.t[FETCHED] - ex.t[ISSUED]);
  csv_.comma();
  csv_.u64(ex.attempts);
  csv_.end_row();
}

} // namespace linksim
