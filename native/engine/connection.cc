#include "engine/connection.h"

namespace midiscope {

Connection::Connection(ConnectionId id, std::shared_ptr<LoopbackPair> pair, PairSide side,
                       std::size_t ringWords, std::shared_ptr<EngineListener> listener)
    : id_(id),
      pair_(std::move(pair)),
      side_(side),
      listener_(std::move(listener)),
      ring_(ringWords) {}

Connection::~Connection() { close(); }

void Connection::open() {
  if (!open_.exchange(true)) pair_->endpoint(side_).attach(this);
}

std::uint64_t Connection::close() {
  if (!open_.exchange(false)) return 0;
  pair_->endpoint(side_).detach(this);
  return pending().cancel();
}

SendResult Connection::sendNow(const std::uint32_t* words, std::size_t wordCount,
                               std::size_t messageCount) {
  if (!isOpen()) {
    return send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid;
  }
  const bool dropped = pair_->endpoint(otherSide(side_)).deliver(words, wordCount, messageCount);
  return dropped ? send_result::kBufferFull : send_result::kSucceeded;
}

void Connection::sendScheduled(const std::uint32_t* words, std::size_t wordCount,
                               std::size_t messageCount) {
  sendNow(words, wordCount, messageCount);
}

std::size_t Connection::receive(const std::uint32_t* words, std::size_t wordCount,
                                std::size_t messageCount, Timestamp arrival) {
  const ReceiveRing::WriteOutcome outcome = ring_.write(words, wordCount, messageCount, arrival);
  if (outcome.becameReadable) listener_->connectionNeedsAttention(id_);
  return outcome.dropped;
}

ReceiveRing::DrainOutcome Connection::drain(std::uint32_t* words, std::size_t wordCapacity,
                                            Timestamp* timestamps,
                                            std::size_t timestampCapacity) {
  std::lock_guard<std::mutex> lock(drainMutex_);
  return ring_.drain(words, wordCapacity, timestamps, timestampCapacity);
}

ConnectionStats Connection::stats() {
  return {ring_.received(), ring_.dropped(), pending().count()};
}

}  // namespace midiscope
