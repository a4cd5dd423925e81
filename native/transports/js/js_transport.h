// A transport written in JavaScript (Network MIDI 2.0 today), seen by the engine like any
// other. JS declares endpoints and delivers what it receives; what connections send to those
// endpoints (now, or when the scheduler makes it due, on any thread) goes into one outbox per
// endpoint, a ring that wakes the JS thread once and is drained in batches, the same machinery
// as a connection's receive path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "engine/connection_inbox.h"
#include "engine/engine_listener.h"
#include "engine/transport.h"

namespace midiscope {

class JsTransport final : public Transport {
 public:
  // `allocateId` hands out wake-up ids from the engine's connection id space.
  JsTransport(std::string id, std::shared_ptr<EngineListener> listener,
              std::function<ConnectionId()> allocateId);

  std::string id() const override { return id_; }
  TransportStatus status() const override { return {true, ""}; }
  void start(TransportHost& host) override;
  void stop() override;
  PortOpening openPort(const std::shared_ptr<Endpoint>& endpoint) override;

  // The endpoint's id is "midiscope://<transport id>/" + localId, percent-encoded.
  struct Added {
    std::string endpointDeviceId;  // empty on failure
    ConnectionId outboxId = 0;     // wakes JS when sends for this endpoint wait in its outbox
    std::string error;
  };
  Added addEndpoint(const std::string& localId, EndpointInfo info);
  bool updateEndpoint(EndpointInfo info);
  bool removeEndpoint(const std::string& endpointDeviceId);
  // Removes every endpoint (their connections close).
  void removeAll();

  struct Delivery {
    SendResult result = send_result::kSucceeded;
    std::size_t messagesDelivered = 0;
  };
  // Validates `words` as whole UMP messages and delivers them to the endpoint's connections;
  // stops at the first bad message (which is reported, nothing after it is delivered).
  Delivery deliver(const std::string& endpointDeviceId, const std::uint32_t* words,
                   std::size_t wordCount);

  // The JS thread drains what connections sent to the endpoint whose outbox this is.
  bool ownsOutbox(ConnectionId outboxId) const;
  ReceiveRing::DrainOutcome drainOutbox(ConnectionId outboxId, std::uint32_t* words,
                                        std::size_t wordCapacity, Timestamp* timestamps,
                                        std::size_t timestampCapacity);
  // Messages sent to an endpoint whose outbox was full (dropped and counted).
  std::uint64_t outboxDropped(ConnectionId outboxId) const;

  static constexpr std::size_t kOutboxWords = std::size_t{1} << 20;

 private:
  struct Entry {
    std::shared_ptr<Endpoint> endpoint;
    std::shared_ptr<ConnectionInbox> outbox;
  };
  std::shared_ptr<ConnectionInbox> outboxFor(ConnectionId outboxId) const;

  const std::string id_;
  const std::shared_ptr<EngineListener> listener_;
  const std::function<ConnectionId()> allocateId_;
  mutable std::mutex mutex_;  // guards the fields below; never held while calling the host
  TransportHost* host_ = nullptr;
  std::unordered_map<std::string, Entry> endpoints_;  // by endpointDeviceId
  std::unordered_map<ConnectionId, std::shared_ptr<ConnectionInbox>> outboxes_;
};

}  // namespace midiscope
