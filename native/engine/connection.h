// An open connection on an endpoint: it receives what arrives at its endpoint (into its inbox)
// and sends through the port its endpoint's transport opened for it.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>

#include "engine/connection_inbox.h"
#include "engine/endpoint.h"
#include "engine/engine_listener.h"
#include "engine/scheduled_message.h"
#include "engine/send_result.h"
#include "engine/transport.h"

namespace midiscope {

struct ConnectionStats {
  std::uint64_t received = 0;
  std::uint64_t dropped = 0;
  std::uint64_t pendingScheduled = 0;
  // Scheduled messages that went out at their due time (a kBufferFull result counts as sent:
  // the receivers' drops are counted on their connections).
  std::uint64_t sentScheduled = 0;
  // Scheduled messages that were not sent: the send at their due time failed (all of them, or
  // the part after a partial send's messagesSent), or their endpoint went away while they were
  // pending. Cancelling or closing the connection is not a failure.
  std::uint64_t failedScheduled = 0;
  // The flags of the last such failure (kFailed | reason); kSucceeded while there was none.
  SendResult lastScheduledFailure = send_result::kSucceeded;
};

class Connection final : public ScheduleSource {
 public:
  Connection(ConnectionId id, std::shared_ptr<Endpoint> endpoint,
             std::shared_ptr<TransportPort> port, std::size_t ringWords,
             std::shared_ptr<EngineListener> listener);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  ConnectionId id() const { return id_; }
  const Endpoint& endpoint() const { return *endpoint_; }
  bool isOpen() const { return open_.load(std::memory_order_acquire); }

  // Attaches to the endpoint: from now on arriving messages land in the inbox.
  void open();
  // Detaches, lets go of the port and discards every scheduled message; returns how many there
  // were. Idempotent. What is already in the inbox can still be drained (the endpoint vanished
  // under an owner that has not drained yet).
  std::uint64_t close();
  // close(), and the inbox's ring is freed too: the owner is done with this connection.
  std::uint64_t release();
  // close() because the endpoint went away: the scheduled messages it discards were not
  // cancelled by anyone, so they count as failed (kEndpointConnectionClosedOrInvalid).
  std::uint64_t closeUnderneath();

  // Sends validated messages through the port now: kSucceeded (| kBufferFull when something on
  // the way dropped some), or a failure (kEndpointConnectionClosedOrInvalid, kDestinationFull,
  // ...) with how many messages went out before it.
  PortSendOutcome sendNow(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount);

  // Scheduler thread: messages that came due; a closed connection sends nothing. What went out
  // and what failed are counted (stats()), with the last failure's flags.
  void sendScheduled(const std::uint32_t* words, std::size_t wordCount,
                     std::size_t messageCount) override;

  ReceiveRing::DrainOutcome drain(std::uint32_t* words, std::size_t wordCapacity,
                                  Timestamp* timestamps, std::size_t timestampCapacity,
                                  AfterDrain after = AfterDrain::kRearm);

  ConnectionStats stats();

 private:
  std::shared_ptr<TransportPort> currentPort();
  std::shared_ptr<ConnectionInbox> currentInbox();
  void countScheduledFailure(std::uint64_t messages, SendResult result);

  const ConnectionId id_;
  const std::shared_ptr<Endpoint> endpoint_;
  std::atomic<bool> open_{false};
  // Guards the two pointers below (not what they point to): sends and drains copy them and
  // work without the lock, so close() never waits for a long send.
  std::mutex mutex_;
  std::shared_ptr<TransportPort> port_;
  std::shared_ptr<ConnectionInbox> inbox_;
  // Counts survive release() for stats().
  std::uint64_t releasedReceived_ = 0;
  std::uint64_t releasedDropped_ = 0;
  // Written by the scheduler thread (and closeUnderneath), read by stats() on any thread. The
  // failure's flags are stored before its count grows (release), so a reader that sees the
  // count (acquire) sees flags at least that new.
  std::atomic<std::uint64_t> sentScheduled_{0};
  std::atomic<std::uint64_t> failedScheduled_{0};
  std::atomic<SendResult> lastScheduledFailure_{send_result::kSucceeded};
};

}  // namespace midiscope
