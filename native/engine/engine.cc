#include "engine/engine.h"

#include <cmath>

namespace midiscope {

Engine::Engine(std::shared_ptr<EngineListener> listener) : listener_(std::move(listener)) {}

Engine::~Engine() { shutdown(); }

std::vector<EndpointInfo> Engine::listEndpoints() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shutDown_) return {};
  return registry_.list();
}

PairCreationResult Engine::createLoopbackPair(const std::string& associationId,
                                              const LoopbackSideDefinition& a,
                                              const LoopbackSideDefinition& b) {
  PairCreationResult result;
  std::vector<EndpointChange> changes;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) {
      result.errorInformation = "the MIDI engine has been shut down";
      return result;
    }
    const EndpointRegistry::Creation creation = registry_.createPair(associationId, a, b);
    if (!creation.pair) {
      result.errorInformation = creation.error;
      return result;
    }
    result.success = true;
    result.endpointDeviceIdA = creation.pair->endpoint(PairSide::A).info().endpointDeviceId;
    result.endpointDeviceIdB = creation.pair->endpoint(PairSide::B).info().endpointDeviceId;
    changes.push_back({EndpointChangeKind::Added, creation.pair->endpoint(PairSide::A).info()});
    changes.push_back({EndpointChangeKind::Added, creation.pair->endpoint(PairSide::B).info()});
  }
  listener_->endpointsChanged(changes);
  return result;
}

bool Engine::removeLoopbackPair(const std::string& associationId) {
  std::vector<std::shared_ptr<Connection>> orphans;
  std::shared_ptr<LoopbackPair> removed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return false;
    removed = registry_.removePair(associationId);
    if (!removed) return false;
    for (const auto& [id, connection] : connections_) {
      if (&connection->pair() == removed.get()) orphans.push_back(connection);
    }
  }
  // The orphans stay in connections_ until their owner closes the handle: whatever is in their
  // rings can still be drained, and sends on them now fail as closed.
  for (const auto& connection : orphans) {
    scheduler_.noteCancelled(connection->close());
    listener_->connectionNeedsAttention(connection->id());
  }
  listener_->endpointsChanged({{EndpointChangeKind::Removed, removed->endpoint(PairSide::A).info()},
                               {EndpointChangeKind::Removed, removed->endpoint(PairSide::B).info()}});
  return true;
}

OpenResult Engine::openConnection(const std::string& endpointDeviceId, double ringCapacityWords) {
  OpenResult result;
  if (!(ringCapacityWords >= kMinRingWords && ringCapacityWords <= kMaxRingWords &&
        std::floor(ringCapacityWords) == ringCapacityWords)) {
    result.error = OpenResult::Error::BadCapacity;
    result.message = "ringCapacityWords must be a whole number from " +
                     std::to_string(kMinRingWords) + " to " + std::to_string(kMaxRingWords);
    return result;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (shutDown_) {
    result.error = OpenResult::Error::ShutDown;
    result.message = "the MIDI engine has been shut down";
    return result;
  }
  const auto location = registry_.find(endpointDeviceId);
  if (!location) {
    result.error = OpenResult::Error::UnknownEndpoint;
    result.message = "no MIDI endpoint has the id \"" + endpointDeviceId + "\"";
    return result;
  }
  auto connection = std::make_shared<Connection>(nextId_++, location->pair, location->side,
                                                 static_cast<std::size_t>(ringCapacityWords),
                                                 listener_);
  connection->open();
  result.id = connection->id();
  connections_.emplace(result.id, std::move(connection));
  return result;
}

void Engine::closeConnection(ConnectionId id) {
  std::shared_ptr<Connection> connection;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = connections_.find(id);
    if (it == connections_.end()) return;
    connection = std::move(it->second);
    connections_.erase(it);
  }
  scheduler_.noteCancelled(connection->close());
}

bool Engine::isConnectionOpen(ConnectionId id) const {
  const auto connection = find(id);
  return connection && connection->isOpen();
}

std::shared_ptr<Connection> Engine::find(ConnectionId id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = connections_.find(id);
  return it == connections_.end() ? nullptr : it->second;
}

ReceiveRing::DrainOutcome Engine::drain(ConnectionId id, std::uint32_t* words,
                                        std::size_t wordCapacity, Timestamp* timestamps,
                                        std::size_t timestampCapacity) {
  const auto connection = find(id);
  if (!connection) return {};
  return connection->drain(words, wordCapacity, timestamps, timestampCapacity);
}

ConnectionStats Engine::stats(ConnectionId id) const {
  const auto connection = find(id);
  return connection ? connection->stats() : ConnectionStats{};
}

std::uint64_t Engine::cancelScheduled(ConnectionId id) {
  const auto connection = find(id);
  if (!connection) return 0;
  const std::uint64_t cancelled = connection->pending().cancel();
  scheduler_.noteCancelled(cancelled);
  return cancelled;
}

void Engine::shutdown() {
  std::unordered_map<ConnectionId, std::shared_ptr<Connection>> connections;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return;
    shutDown_ = true;
    connections.swap(connections_);
  }
  scheduler_.stop();
  for (const auto& entry : connections) entry.second->close();
}

bool isValidTimestamp(Timestamp timestamp) {
  return timestamp >= 0 && timestamp <= kMaxExactTimestamp;  // false for NaN too
}

}  // namespace midiscope
