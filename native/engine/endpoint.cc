#include "engine/endpoint.h"

#include <algorithm>

#include "engine/connection_inbox.h"

namespace midiscope {

Endpoint::Endpoint(EndpointInfo info)
    : id_(info.endpointDeviceId),
      transportId_(info.transportId),
      info_(std::move(info)),
      receivers_(std::make_shared<const Receivers>()),
      taps_(std::make_shared<const Taps>()) {}

EndpointInfo Endpoint::info() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return info_;
}

void Endpoint::setInfo(EndpointInfo info) {
  std::lock_guard<std::mutex> lock(mutex_);
  // The id and the transport are what the endpoint is: they never change.
  info.endpointDeviceId = id_;
  info.transportId = transportId_;
  info_ = std::move(info);
}

void Endpoint::attach(std::shared_ptr<ConnectionInbox> inbox) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto next = std::make_shared<Receivers>(*receivers_);
  next->push_back(std::move(inbox));
  receivers_ = std::move(next);
}

void Endpoint::detach(const ConnectionInbox* inbox) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto next = std::make_shared<Receivers>(*receivers_);
  next->erase(std::remove_if(next->begin(), next->end(),
                             [inbox](const auto& each) { return each.get() == inbox; }),
              next->end());
  receivers_ = std::move(next);
}

void Endpoint::addTap(std::shared_ptr<EndpointTap> tap) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto next = std::make_shared<Taps>(*taps_);
  next->push_back(std::move(tap));
  taps_ = std::move(next);
}

void Endpoint::removeTap(const EndpointTap* tap) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto next = std::make_shared<Taps>(*taps_);
  next->erase(std::remove_if(next->begin(), next->end(),
                             [tap](const auto& each) { return each.get() == tap; }),
              next->end());
  taps_ = std::move(next);
}

std::size_t Endpoint::deliver(const std::uint32_t* words, std::size_t wordCount,
                              std::size_t messageCount) {
  std::shared_ptr<const Receivers> receivers;
  std::shared_ptr<const Taps> taps;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    receivers = receivers_;
    taps = taps_;
  }
  std::size_t dropped = 0;
  for (const auto& inbox : *receivers) dropped += inbox->receive(words, wordCount, messageCount);
  for (const auto& tap : *taps) dropped += tap->delivered(words, wordCount, messageCount);
  return dropped;
}

}  // namespace midiscope
