#include "engine/connection.h"

#include <algorithm>

namespace midiscope {

Connection::Connection(ConnectionId id, std::shared_ptr<Endpoint> endpoint,
                       std::shared_ptr<TransportPort> port, std::size_t ringWords,
                       std::shared_ptr<EngineListener> listener)
    : id_(id),
      endpoint_(std::move(endpoint)),
      port_(std::move(port)),
      inbox_(std::make_shared<ConnectionInbox>(id, ringWords, std::move(listener))) {}

Connection::~Connection() { release(); }

void Connection::open() {
  if (open_.exchange(true)) return;
  if (auto inbox = currentInbox()) endpoint_->attach(std::move(inbox));
}

std::uint64_t Connection::close() {
  if (!open_.exchange(false)) return 0;
  std::shared_ptr<TransportPort> port;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (inbox_) endpoint_->detach(inbox_.get());
    port.swap(port_);
  }
  // The port is destroyed here, or by a send still using it when that send returns.
  port.reset();
  return pending().cancel();
}

std::uint64_t Connection::release() {
  const std::uint64_t cancelled = close();
  std::shared_ptr<ConnectionInbox> inbox;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (inbox_) {
      releasedReceived_ = inbox_->received();
      releasedDropped_ = inbox_->dropped();
    }
    inbox.swap(inbox_);
  }
  return cancelled;
}

std::uint64_t Connection::closeUnderneath() {
  const std::uint64_t discarded = close();
  countScheduledFailure(discarded, send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid);
  return discarded;
}

void Connection::countScheduledFailure(std::uint64_t messages, SendResult result) {
  if (messages == 0) return;
  lastScheduledFailure_.store(result, std::memory_order_relaxed);
  failedScheduled_.fetch_add(messages, std::memory_order_release);
}

std::shared_ptr<TransportPort> Connection::currentPort() {
  std::lock_guard<std::mutex> lock(mutex_);
  return port_;
}

std::shared_ptr<ConnectionInbox> Connection::currentInbox() {
  std::lock_guard<std::mutex> lock(mutex_);
  return inbox_;
}

PortSendOutcome Connection::sendNow(const std::uint32_t* words, std::size_t wordCount,
                                    std::size_t messageCount) {
  const auto port = isOpen() ? currentPort() : nullptr;
  if (!port) return {send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid, 0, 0};
  return port->sendCounting(words, wordCount, messageCount);
}

void Connection::sendScheduled(const std::uint32_t* words, std::size_t wordCount,
                               std::size_t messageCount) {
  const PortSendOutcome outcome = sendNow(words, wordCount, messageCount);
  // A failed send says how many went before the failure; a successful one sent them all.
  const std::size_t sent =
      sendSucceeded(outcome.result) ? messageCount : std::min(outcome.messagesSent, messageCount);
  if (sent > 0) sentScheduled_.fetch_add(sent, std::memory_order_relaxed);
  countScheduledFailure(messageCount - sent, outcome.result);
}

ReceiveRing::DrainOutcome Connection::drain(std::uint32_t* words, std::size_t wordCapacity,
                                            Timestamp* timestamps,
                                            std::size_t timestampCapacity, AfterDrain after) {
  const auto inbox = currentInbox();
  if (!inbox) return {};
  return inbox->drain(words, wordCapacity, timestamps, timestampCapacity, after);
}

ConnectionStats Connection::stats() {
  std::shared_ptr<ConnectionInbox> inbox;
  ConnectionStats stats;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    inbox = inbox_;
    stats.received = releasedReceived_;
    stats.dropped = releasedDropped_;
  }
  if (inbox) {
    stats.received = inbox->received();
    stats.dropped = inbox->dropped();
  }
  stats.pendingScheduled = pending().count();
  stats.sentScheduled = sentScheduled_.load(std::memory_order_relaxed);
  stats.failedScheduled = failedScheduled_.load(std::memory_order_acquire);
  stats.lastScheduledFailure = lastScheduledFailure_.load(std::memory_order_relaxed);
  return stats;
}

}  // namespace midiscope
