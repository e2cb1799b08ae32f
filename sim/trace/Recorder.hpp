// Trace recorder: dispatches typed events (Events.hpp) to the collectors that subscribed to them.
// It holds no statistics and formats nothing: collectors do (harness/collect/).
//
//   Recorder rec;
//   rec.subscribe<ExchangeDone>(&outcomes);          // outcomes : Subscriber<ExchangeDone>
//   rec.emit(ExchangeDone{ex, outcome, true, false}); // calls outcomes.on(...)
//
// Dispatch is a vector of subscribers per event type, found by a per-type index: one indirect
// call per subscriber, no lookup by name, no allocation.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace linksim {

/// Something that wants events of type E.
template <typename E> struct Subscriber {
  virtual ~Subscriber() = default;
  virtual void on(const E& event) = 0;
};

namespace detail {
/// A dense index per event type (assigned on first use; the same type always gets the same index).
size_t next_event_type_index();
template <typename E> size_t event_type_index()
{
  static const size_t index = next_event_type_index();
  return index;
}
} // namespace detail

class Recorder {
public:
  template <typename E> void subscribe(Subscriber<E>* s) { channel<E>().push_back(s); }
  template <typename E> void emit(const E& event)
  {
    const size_t i = detail::event_type_index<E>();
    if (i >= channels_.size() || !channels_[i])
      return;
    for (void* s : channels_[i]->subscribers)
      static_cast<Subscriber<E>*>(s)->on(event);
  }
  /// Someone listens to events of type E (to skip building an event nobody reads).
  template <typename E> bool wanted() const
  {
    const size_t i = detail::event_type_index<E>();
    return i < channels_.size() && channels_[i] && !channels_[i]->subscribers.empty();
  }

private:
  struct Channel {
    std::vector<void*> subscribers; ///< Subscriber<E>* for the channel's E
  };
  template <typename E> std::vector<void*>& channel()
  {
    const size_t i = detail::event_type_index<E>();
    if (i >= channels_.size())
      channels_.resize(i + 1);
    if (!channels_[i])
      channels_[i] = std::make_unique<Channel>();
    return channels_[i]->subscribers;
  }
  std::vector<std::unique_ptr<Channel>> channels_;
};

} // namespace linksim
