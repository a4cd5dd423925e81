#include "engine/engine.h"

#include <algorithm>
#include <cmath>

#include "engine/ump_declaration.h"
#include "transports/js/js_transport.h"
#include "transports/loopback/loopback_transport.h"

namespace midiscope {

Engine::Engine(std::shared_ptr<EngineListener> listener,
               std::vector<std::shared_ptr<Transport>> platformTransports)
    : listener_(std::move(listener)) {
  addTransport(std::make_shared<LoopbackTransport>(LoopbackTransport::Kind::Diagnostics));
  loopbacks_ = std::make_shared<LoopbackTransport>(LoopbackTransport::Kind::User);
  addTransport(loopbacks_);
  for (auto& transport : platformTransports) addTransport(std::move(transport));
  std::lock_guard<std::mutex> lock(mutex_);
  announcing_ = true;
}

Engine::~Engine() { shutdown(); }

ConnectionId Engine::allocateId() {
  std::lock_guard<std::mutex> lock(mutex_);
  return nextId_++;
}

bool Engine::addTransport(std::shared_ptr<Transport> transport) {
  const std::string id = transport->id();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_ || jsTransports_.count(id) != 0) return false;
    for (const auto& existing : transports_) {
      if (existing->id() == id) return false;
    }
    transports_.push_back(transport);
  }
  transport->start(*this);
  // Show the engine's own endpoints that exist already (publish() ignores the rest).
  std::vector<EndpointInfo> changed;
  {
    std::lock_guard<std::mutex> publishing(publishMutex_);
    if (!publishing_) return true;
    std::vector<std::shared_ptr<Endpoint>> own;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (const auto& entry : registry_.entries()) {
        if (isPublished(entry.endpoint->transportId())) own.push_back(entry.endpoint);
      }
    }
    for (const auto& endpoint : own) transport->publish(endpoint);
    changed = collectPublicationProblems();
  }
  announceUpdated(changed);  // outside publishMutex_, as every listener call
  return true;
}

std::vector<EndpointInfo> Engine::publishIfEnabled(const std::shared_ptr<Endpoint>& endpoint) {
  std::lock_guard<std::mutex> publishing(publishMutex_);
  if (!publishing_) return {};
  for (const auto& transport : transportsSnapshot()) transport->publish(endpoint);
  return collectPublicationProblems();
}

std::vector<EndpointInfo> Engine::collectPublicationProblems() {
  std::unordered_map<std::string, std::vector<PublicationProblem>> now;
  for (const auto& transport : transportsSnapshot()) {
    for (PublicationProblem problem : transport->publicationProblems()) {
      problem.transportId = transport->id();
      std::string id = problem.endpointDeviceId;
      now[id].push_back(std::move(problem));
    }
  }
  std::vector<std::string> changedIds;
  std::lock_guard<std::mutex> lock(mutex_);
  if (shutDown_) return {};
  for (auto it = publicationProblems_.begin(); it != publicationProblems_.end();) {
    const bool known = registry_.find(it->first) != nullptr;
    if (known && now.count(it->first) != 0) {
      ++it;
      continue;
    }
    if (known) changedIds.push_back(it->first);  // cleared
    it = publicationProblems_.erase(it);
  }
  for (auto& [id, problems] : now) {
    if (registry_.find(id) == nullptr) continue;  // not (or no longer) an endpoint
    std::vector<PublicationProblem>& known = publicationProblems_[id];
    if (known == problems) continue;
    known = std::move(problems);
    changedIds.push_back(id);
  }
  std::vector<EndpointInfo> changed;
  for (const std::string& id : changedIds) {
    const EndpointRegistry::Entry* entry = registry_.find(id);
    if (entry != nullptr) changed.push_back(withProblemsLocked(entry->endpoint->info()));
  }
  return changed;
}

EndpointInfo Engine::withProblemsLocked(EndpointInfo info) const {
  const auto found = publicationProblems_.find(info.endpointDeviceId);
  if (found == publicationProblems_.end()) {
    info.publicationProblems.clear();
  } else {
    info.publicationProblems = found->second;
  }
  return info;
}

void Engine::announceUpdated(const std::vector<EndpointInfo>& changed, const std::string& except) {
  std::vector<EndpointChange> changes;
  for (const EndpointInfo& info : changed) {
    if (info.endpointDeviceId != except) changes.push_back({EndpointChangeKind::Updated, info});
  }
  if (changes.empty()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!announcing_ || shutDown_) return;
  }
  listener_->endpointsChanged(changes);
}

void Engine::setPublishing(bool enabled) {
  std::vector<EndpointInfo> changed;
  {
    std::lock_guard<std::mutex> publishing(publishMutex_);
    changed = setPublishingLocked(enabled);
  }
  announceUpdated(changed);
}

std::vector<EndpointInfo> Engine::setPublishingLocked(bool enabled) {
  if (publishing_ == enabled) return {};
  publishing_ = enabled;
  std::vector<std::shared_ptr<Endpoint>> own;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return {};
    for (const auto& entry : registry_.entries()) {
      if (isPublished(entry.endpoint->transportId())) own.push_back(entry.endpoint);
    }
  }
  for (const auto& transport : transportsSnapshot()) {
    for (const auto& endpoint : own) {
      if (enabled) {
        transport->publish(endpoint);
      } else {
        transport->unpublish(endpoint->id());
      }
    }
  }
  return collectPublicationProblems();
}

bool Engine::publishing() const {
  std::lock_guard<std::mutex> publishing(publishMutex_);
  return publishing_;
}

bool Engine::isPublished(const std::string& transportId) {
  return transportId == "loopback" || transportId == "diagnostics";
}

std::vector<std::shared_ptr<Transport>> Engine::transportsSnapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return transports_;
}

std::vector<TransportSummary> Engine::transports() const {
  std::vector<std::shared_ptr<Transport>> transports;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    transports = transports_;
  }
  std::vector<TransportSummary> summaries;
  for (const auto& transport : transports) {
    summaries.push_back({transport->id(), transport->status()});
  }
  return summaries;
}

std::shared_ptr<JsTransport> Engine::jsTransport(const std::string& id) {
  std::shared_ptr<JsTransport> created;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_ || id.empty()) return nullptr;
    const auto it = jsTransports_.find(id);
    if (it != jsTransports_.end()) return it->second;
    for (const auto& existing : transports_) {
      if (existing->id() == id) return nullptr;
    }
    created = std::make_shared<JsTransport>(id, listener_, [this] { return allocateId(); });
    jsTransports_.emplace(id, created);
    transports_.push_back(created);
  }
  created->start(*this);
  return created;
}

bool Engine::removeJsTransport(const std::string& id) {
  std::shared_ptr<JsTransport> removed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = jsTransports_.find(id);
    if (it == jsTransports_.end()) return false;
    removed = it->second;
    jsTransports_.erase(it);
  }
  removed->removeAll();
  removed->stop();
  std::lock_guard<std::mutex> lock(mutex_);
  transports_.erase(std::remove(transports_.begin(), transports_.end(), removed), transports_.end());
  return true;
}

std::shared_ptr<JsTransport> Engine::jsTransportOwningOutbox(ConnectionId outboxId) const {
  std::vector<std::shared_ptr<JsTransport>> candidates;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [id, transport] : jsTransports_) candidates.push_back(transport);
  }
  for (const auto& transport : candidates) {
    if (transport->ownsOutbox(outboxId)) return transport;
  }
  return nullptr;
}

std::shared_ptr<Endpoint> Engine::addEndpoint(EndpointInfo info) {
  std::shared_ptr<Endpoint> endpoint;
  EndpointInfo announced;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return nullptr;
    Transport* owner = nullptr;
    for (const auto& transport : transports_) {
      if (transport->id() == info.transportId) owner = transport.get();
    }
    if (owner == nullptr) return nullptr;
    endpoint = registry_.add(std::move(info), owner);
    if (!endpoint) return nullptr;
    announced = endpoint->info();
  }
  std::vector<EndpointInfo> changed;
  if (isPublished(announced.transportId)) changed = publishIfEnabled(endpoint);
  bool announcing = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    announcing = announcing_;
    announced = withProblemsLocked(std::move(announced));  // what publishing it could not do
  }
  if (announcing) listener_->endpointsChanged({{EndpointChangeKind::Added, announced}});
  announceUpdated(changed, announced.endpointDeviceId);
  return endpoint;
}

bool Engine::updateEndpoint(EndpointInfo info) {
  EndpointInfo announced;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return false;
    const EndpointRegistry::Entry* entry = registry_.find(info.endpointDeviceId);
    if (entry == nullptr || entry->endpoint->transportId() != info.transportId) return false;
    entry->endpoint->setInfo(std::move(info));
    announced = withProblemsLocked(entry->endpoint->info());
  }
  listener_->endpointsChanged({{EndpointChangeKind::Updated, announced}});
  return true;
}

bool Engine::removeEndpoint(const std::string& endpointDeviceId) {
  std::vector<std::shared_ptr<Connection>> orphans;
  EndpointRegistry::Entry removed;
  std::shared_ptr<TransportPort> publishedPort;  // released outside the lock
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return false;
    removed = registry_.remove(endpointDeviceId);
    if (!removed.endpoint) return false;
    for (const auto& [id, connection] : connections_) {
      if (&connection->endpoint() == removed.endpoint.get()) orphans.push_back(connection);
    }
    const auto port = publishedPorts_.find(endpointDeviceId);
    if (port != publishedPorts_.end()) {
      publishedPort = std::move(port->second);
      publishedPorts_.erase(port);
    }
  }
  if (isPublished(removed.endpoint->transportId())) {
    std::vector<EndpointInfo> changed;
    {
      std::lock_guard<std::mutex> publishing(publishMutex_);
      for (const auto& transport : transportsSnapshot()) transport->unpublish(endpointDeviceId);
      changed = collectPublicationProblems();  // drops the removed endpoint's problems
    }
    announceUpdated(changed);
  }
  // The orphans stay in connections_ until their owner closes the handle: whatever is in their
  // rings can still be drained, and sends on them now fail as closed. What they had scheduled
  // is discarded and counted as failed (stats().failedScheduled): nobody cancelled it.
  for (const auto& connection : orphans) {
    scheduler_.noteCancelled(connection->closeUnderneath());
    listener_->connectionNeedsAttention(connection->id());
  }
  listener_->endpointsChanged({{EndpointChangeKind::Removed, removed.endpoint->info()}});
  return true;
}

SendResult Engine::sendOnEndpoint(const std::string& endpointDeviceId, const std::uint32_t* words,
                                  std::size_t wordCount, std::size_t messageCount) {
  constexpr SendResult kGone = send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid;
  std::shared_ptr<TransportPort> port;
  std::shared_ptr<Endpoint> endpoint;
  std::shared_ptr<Transport> transport;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return kGone;
    const EndpointRegistry::Entry* entry = registry_.find(endpointDeviceId);
    if (entry == nullptr || !isPublished(entry->endpoint->transportId())) return kGone;
    const auto known = publishedPorts_.find(endpointDeviceId);
    if (known != publishedPorts_.end()) {
      port = known->second;
    } else {
      endpoint = entry->endpoint;
      for (const auto& each : transports_) {
        if (each.get() == entry->transport) transport = each;
      }
    }
  }
  if (!port) {
    if (!transport) return kGone;
    // Outside the lock, as openConnection does.
    port = transport->openPort(endpoint).port;
    if (!port) return kGone;
    std::lock_guard<std::mutex> lock(mutex_);
    const EndpointRegistry::Entry* entry = registry_.find(endpointDeviceId);
    if (shutDown_ || entry == nullptr || entry->endpoint != endpoint) return kGone;
    port = publishedPorts_.emplace(endpointDeviceId, port).first->second;
  }
  return port->send(words, wordCount, messageCount);
}

std::vector<EndpointInfo> Engine::listEndpoints() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shutDown_) return {};
  std::vector<EndpointInfo> endpoints = registry_.list();
  for (EndpointInfo& info : endpoints) {
    if (!publicationProblems_.empty()) info = withProblemsLocked(std::move(info));
  }
  return endpoints;
}

PairCreationResult Engine::createLoopbackPair(const std::string& associationId,
                                              const LoopbackSideDefinition& a,
                                              const LoopbackSideDefinition& b) {
  PairCreationResult result;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) {
      result.errorInformation = "the MIDI engine has been shut down";
      return result;
    }
  }
  const LoopbackTransport::Creation creation = loopbacks_->createPair(associationId, a, b);
  result.success = creation.success;
  result.endpointDeviceIdA = creation.endpointDeviceIdA;
  result.endpointDeviceIdB = creation.endpointDeviceIdB;
  result.errorInformation = creation.error;
  return result;
}

bool Engine::removeLoopbackPair(const std::string& associationId) {
  return loopbacks_->removePair(associationId);
}

std::string Engine::declareEndpoint(const std::string& endpointDeviceId,
                                    const std::optional<UmpDeclaration>& declaration) {
  if (declaration) {
    const std::string invalid = whyInvalidDeclaration(*declaration);
    if (!invalid.empty()) return invalid;
  }
  std::shared_ptr<Endpoint> endpoint;
  EndpointInfo announced;
  bool announcing = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return "the MIDI engine has been shut down";
    const EndpointRegistry::Entry* entry = registry_.find(endpointDeviceId);
    if (entry == nullptr) return "no MIDI endpoint has the id \"" + endpointDeviceId + "\"";
    // Only the user's pairs: the diagnostics pair is fixed, and other transports' endpoints say
    // what their devices declare.
    if (entry->endpoint->transportId() != "loopback") {
      return "the endpoint \"" + endpointDeviceId + "\" is on the " +
             entry->endpoint->transportId() + " transport: only a loopback pair's side takes a declaration";
    }
    endpoint = entry->endpoint;
    EndpointInfo info = endpoint->info();
    applyDeclaration(info, declaration);
    endpoint->setInfo(std::move(info));
    announcing = announcing_;
  }
  std::vector<EndpointInfo> changed;
  {
    std::lock_guard<std::mutex> publishing(publishMutex_);
    if (publishing_) {
      for (const auto& transport : transportsSnapshot()) transport->republish(endpoint);
      changed = collectPublicationProblems();
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    announced = withProblemsLocked(endpoint->info());  // what showing it could not do
  }
  if (announcing) listener_->endpointsChanged({{EndpointChangeKind::Updated, announced}});
  announceUpdated(changed, announced.endpointDeviceId);
  return "";
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
  std::shared_ptr<Endpoint> endpoint;
  std::shared_ptr<Transport> transport;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) {
      result.error = OpenResult::Error::ShutDown;
      result.message = "the MIDI engine has been shut down";
      return result;
    }
    const EndpointRegistry::Entry* entry = registry_.find(endpointDeviceId);
    if (entry != nullptr) {
      endpoint = entry->endpoint;
      for (const auto& each : transports_) {
        if (each.get() == entry->transport) transport = each;
      }
    }
  }
  if (!endpoint || !transport) {
    result.error = OpenResult::Error::UnknownEndpoint;
    result.message = "no MIDI endpoint has the id \"" + endpointDeviceId + "\"";
    return result;
  }
  // Outside the engine's lock: a transport may take its time (ALSA subscribes).
  Transport::PortOpening opening = transport->openPort(endpoint);
  if (!opening.port) {
    result.error = OpenResult::Error::PortFailed;
    result.message = opening.error;
    return result;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const EndpointRegistry::Entry* entry = registry_.find(endpointDeviceId);
  if (shutDown_ || entry == nullptr || entry->endpoint != endpoint) {
    result.error = OpenResult::Error::UnknownEndpoint;
    result.message = "the MIDI endpoint \"" + endpointDeviceId + "\" went away while opening";
    return result;
  }
  auto connection =
      std::make_shared<Connection>(nextId_++, endpoint, std::move(opening.port),
                                   static_cast<std::size_t>(ringCapacityWords), listener_);
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
  // release(), not close(): the ring's memory goes now, even if the scheduler keeps the
  // connection object for messages queued far ahead (they are dead and skipped).
  scheduler_.noteCancelled(connection->release());
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
                                        std::size_t timestampCapacity, AfterDrain after) {
  const auto connection = find(id);
  if (!connection) return {};
  return connection->drain(words, wordCapacity, timestamps, timestampCapacity, after);
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
  std::vector<std::shared_ptr<Transport>> transports;
  std::unordered_map<std::string, std::shared_ptr<TransportPort>> publishedPorts;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutDown_) return;
    shutDown_ = true;
    connections.swap(connections_);
    transports.swap(transports_);
    jsTransports_.clear();
    publishedPorts.swap(publishedPorts_);
  }
  publishedPorts.clear();
  scheduler_.stop();
  // Transports stop before connections go: no device thread delivers into a freed ring.
  for (const auto& transport : transports) transport->stop();
  for (const auto& entry : connections) entry.second->release();
}

bool isValidTimestamp(Timestamp timestamp) {
  return timestamp >= 0 && timestamp <= kMaxExactTimestamp;  // false for NaN too
}

}  // namespace midiscope
