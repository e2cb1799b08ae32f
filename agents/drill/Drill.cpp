#include "agents/drill/Drill.hpp"

#include "sim/model/Drill.hpp"

#include <algorithm>

namespace linksim {

DrillSite::DrillSite(const World& w, uint32_t d) : drill(d)
{
  const Scenario& sc = w.scenario();
  const Drill& dr    = sc.drills[d];
  inbox.reserve(dr.targets.size());
  for (uint32_t a : dr.targets)
    inbox.push_back(sg4::Mailbox::by_name("drill-" + dr.id + "-" + sc.agencies[a].id));
  mail.resize(dr.targets.size());
  for (uint32_t k = 0; k < mail.size(); ++k)
    mail[k] = k;
}

void SharingSite::operator()()
{
  World& w        = ctx_.world;
  const uint32_t d = site_->drill;
  const Drill& dr = w.scenario().drills[d];
  sg4::this_actor::sleep_until(dr.posted_s);
  w.recorder().emit(DrillPosted{d, dr.posted_s});
  // The draws: per target in agency order, stale or not, then the mail's delay (drawn for every
  // target, so that one contact's staleness does not shift the others' delays).
  Rng rng(stream_key(w.seed(), Stream::DRILL, d));
  std::vector<std::pair<double, uint32_t>> mails; // (delivery, target)
  for (uint32_t k = 0; k < dr.targets.size(); ++k) {
    const bool stale   = rng.uniform() < dr.stale_contact_rate;
    const double delay = Context::sample(dr.mail_delay, rng);
    if (stale)
      w.recorder().emit(Notified{d, dr.targets[k], dr.posted_s, false});
    else
      mails.emplace_back(dr.posted_s + delay, k);
  }
  std::stable_sort(mails.begin(), mails.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [t, k] : mails) {
    if (t > dr.cutoff_s)
      break; // the drill has closed: the rest are never sent
    if (t > sg4::Engine::get_clock())
      sg4::this_actor::sleep_until(t);
    w.count_message();
    site_->inbox[k]->put_init(&site_->mail[k], static_cast<uint64_t>(dr.mail_bytes))->detach();
  }
  if (dr.cutoff_s > sg4::Engine::get_clock())
    sg4::this_actor::sleep_until(dr.cutoff_s);
}

void DrillStaff::operator()()
{
  World& w          = ctx_.world;
  const uint32_t d  = site_->drill;
  const Drill& dr   = w.scenario().drills[d];
  const uint32_t a  = dr.targets[target_];
  try {
    site_->inbox[target_]->get<uint32_t>();
  } catch (const simgrid::NetworkFailureException&) {
    return; // a link or host fault lost the mail on the way: never received (not reached by the cutoff)
  }
  const double received = sg4::Engine::get_clock();
  w.recorder().emit(Notified{d, a, received, true});
  Rng rng(stream_key(w.seed(), Stream::DRILL, d, uint64_t{1} + a));
  const double delay = Context::sample(dr.ack[drill_kind_index(w.scenario().agencies[a].kind)], rng);
  const double ack   = acknowledge_at(w.calendar(), received, delay);
  if (ack > dr.cutoff_s)
    return; // not by the cutoff: never
  sg4::this_actor::sleep_until(ack);
  w.recorder().emit(Acknowledged{d, a, ack});
}

} // namespace linksim
