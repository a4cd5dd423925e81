#include "engine/endpoint.h"

#include <algorithm>

#include "engine/clock.h"
#include "engine/connection.h"

namespace midiscope {

Endpoint::Endpoint(EndpointInfo info) : info_(std::move(info)) {}

void Endpoint::attach(Connection* connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  receivers_.push_back(connection);
}

void Endpoint::detach(Connection* connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  receivers_.erase(std::remove(receivers_.begin(), receivers_.end(), connection), receivers_.end());
}

bool Endpoint::deliver(const std::uint32_t* words, std::size_t wordCount,
                       std::size_t messageCount) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Read under the lock, so arrival timestamps never go backwards within a ring.
  const Timestamp arrival = clockNow();
  bool anyDropped = false;
  for (Connection* receiver : receivers_) {
    anyDropped |= receiver->receive(words, wordCount, messageCount, arrival) > 0;
  }
  return anyDropped;
}

}  // namespace midiscope
