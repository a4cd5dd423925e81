// An open connection on an endpoint: it receives what arrives at its endpoint (into its own
// ring) and sends to the other side of its loopback pair.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>

#include "engine/engine_listener.h"
#include "engine/loopback_pair.h"
#include "engine/receive_ring.h"
#include "engine/scheduled_message.h"
#include "engine/send_result.h"

namespace midiscope {

struct ConnectionStats {
  std::uint64_t received = 0;
  std::uint64_t dropped = 0;
  std::uint64_t pendingScheduled = 0;
};

class Connection final : public ScheduleSource {
 public:
  Connection(ConnectionId id, std::shared_ptr<LoopbackPair> pair, PairSide side,
             std::size_t ringWords, std::shared_ptr<EngineListener> listener);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  ConnectionId id() const { return id_; }
  const LoopbackPair& pair() const { return *pair_; }
  bool isOpen() const { return open_.load(std::memory_order_acquire); }

  // Attaches to the endpoint: from now on arriving messages land in the ring.
  void open();
  // Detaches, discards every scheduled message and returns how many there were. Idempotent.
  // What is already in the ring can still be drained.
  std::uint64_t close();

  // Sends validated messages to the peer endpoint now. kSucceeded (| kBufferFull when a
  // receiver dropped some), or kFailed | kEndpointConnectionClosedOrInvalid.
  SendResult sendNow(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount);

  // Scheduler thread: messages that came due; dropped silently if the connection closed since.
  void sendScheduled(const std::uint32_t* words, std::size_t wordCount,
                     std::size_t messageCount) override;

  // Endpoint::deliver, under the endpoint's lock: writes into the ring; returns drops.
  std::size_t receive(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount,
                      Timestamp arrival);

  ReceiveRing::DrainOutcome drain(std::uint32_t* words, std::size_t wordCapacity,
                                  Timestamp* timestamps, std::size_t timestampCapacity);

  ConnectionStats stats();

 private:
  const ConnectionId id_;
  const std::shared_ptr<LoopbackPair> pair_;  // keeps both endpoints alive while we exist
  const PairSide side_;
  const std::shared_ptr<EngineListener> listener_;
  ReceiveRing ring_;
  std::mutex drainMutex_;  // the ring has one consumer at a time, whoever calls drain()
  std::atomic<bool> open_{false};
};

}  // namespace midiscope
