#include "harness/collect/Records.hpp"

#include "harness/results/ResultShape.hpp"

namespace linksim {

void RecordsCollector::on(const ExchangeDone& e)
{
  const Exchange& ex = e.ex;
  for (int r = 0; r < 3; ++r)
    if (ex.records & (1u << r))
      ++written_[static_cast<size_t>(r)];
  if (!provides_data(e.outcome))
    return;
  if (ex.record_nd)
    ++nondisclosure_;
  const bool all_written = ex.records == REC_ALL;
  const bool nd_agrees   = ex.record_nd == (ex.nondisclosure ? REC_ALL : 0);
  if (!all_written || !nd_agrees)
    ++inconsistent_;
}

void RecordsCollector::write(ojson& r, const RunEnd&) const
{
  const uint64_t values[] = {written_[0], written_[1], written_[2], nondisclosure_, inconsistent_}; // RECORD_FIELDS' order
  ojson& recs             = r["records"];
  for (size_t i = 0; i < RECORD_FIELDS.size(); ++i)
    recs[RECORD_FIELDS[i]] = values[i];
}

} // namespace linksim
