// The receiving half of a connection: its ring and the lock that serializes the ring's
// producers. An Endpoint holds the inboxes of the connections attached to it, and delivery
// locks one inbox at a time, so a bulk send into one receiver never holds up another.
//
// Lifetime: shared by the connection and the endpoint's receiver list. A closed connection
// drops its reference at once (its ring's memory goes with the last in-flight delivery), even
// while the scheduler still holds the connection for messages queued hours ahead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>

#include "engine/engine_listener.h"
#include "engine/receive_ring.h"

namespace midiscope {

class ConnectionInbox {
 public:
  ConnectionInbox(ConnectionId id, std::size_t ringWords, std::shared_ptr<EngineListener> listener)
      : id_(id), listener_(std::move(listener)), ring_(ringWords) {}
  ConnectionInbox(const ConnectionInbox&) = delete;
  ConnectionInbox& operator=(const ConnectionInbox&) = delete;

  // Any producer thread: writes validated messages in chunks of at most kChunkWords, each
  // chunk under the producer lock and stamped with the clock read under it (so arrival times
  // never go backwards in the ring). Returns how many messages did not fit and were dropped.
  std::size_t receive(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount);

  // The consumer (one at a time).
  ReceiveRing::DrainOutcome drain(std::uint32_t* words, std::size_t wordCapacity,
                                  Timestamp* timestamps, std::size_t timestampCapacity,
                                  AfterDrain after = AfterDrain::kRearm);

  std::uint64_t received() const { return ring_.received(); }
  std::uint64_t dropped() const { return ring_.dropped(); }

  // How many words a producer writes per lock hold: a message coming due for this ring waits
  // behind at most this much copying (4 KiB words is about a microsecond).
  static constexpr std::size_t kChunkWords = 4096;

 private:
  const ConnectionId id_;
  const std::shared_ptr<EngineListener> listener_;
  std::mutex producerMutex_;
  std::mutex consumerMutex_;
  ReceiveRing ring_;
};

}  // namespace midiscope
