#include "transports/js/js_transport.h"

#include <vector>

#include "engine/endpoint.h"
#include "engine/endpoint_id.h"
#include "engine/ump_size.h"

namespace midiscope {

namespace {

// Sends go into the endpoint's outbox; JS drains it on its own thread.
class JsPort final : public TransportPort {
 public:
  explicit JsPort(std::shared_ptr<ConnectionInbox> outbox) : outbox_(std::move(outbox)) {}
  SendResult send(const std::uint32_t* words, std::size_t wordCount,
                  std::size_t messageCount) override {
    const std::size_t dropped = outbox_->receive(words, wordCount, messageCount);
    return dropped > 0 ? send_result::kBufferFull : send_result::kSucceeded;
  }

 private:
  const std::shared_ptr<ConnectionInbox> outbox_;
};

}  // namespace

JsTransport::JsTransport(std::string id, std::shared_ptr<EngineListener> listener,
                         std::function<ConnectionId()> allocateId)
    : id_(std::move(id)), listener_(std::move(listener)), allocateId_(std::move(allocateId)) {}

void JsTransport::start(TransportHost& host) {
  std::lock_guard<std::mutex> lock(mutex_);
  host_ = &host;
}

void JsTransport::stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  host_ = nullptr;
}

JsTransport::Added JsTransport::addEndpoint(const std::string& localId, EndpointInfo info) {
  Added added;
  if (localId.empty()) {
    added.error = "localId is empty";
    return added;
  }
  info.endpointDeviceId = transportEndpointId(id_, localId);
  info.transportId = id_;
  TransportHost* host;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    host = host_;
    if (host == nullptr) {
      added.error = "the MIDI engine has been shut down";
      return added;
    }
    if (endpoints_.count(info.endpointDeviceId) != 0) {
      added.error = "the endpoint " + info.endpointDeviceId + " exists already";
      return added;
    }
  }
  const std::string endpointDeviceId = info.endpointDeviceId;
  auto endpoint = host->addEndpoint(std::move(info));
  if (!endpoint) {
    added.error = "the endpoint " + endpointDeviceId + " exists already";
    return added;
  }
  const ConnectionId outboxId = allocateId_();
  auto outbox = std::make_shared<ConnectionInbox>(outboxId, kOutboxWords, listener_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    endpoints_[endpointDeviceId] = {std::move(endpoint), outbox};
    outboxes_[outboxId] = std::move(outbox);
  }
  added.endpointDeviceId = endpointDeviceId;
  added.outboxId = outboxId;
  return added;
}

bool JsTransport::updateEndpoint(EndpointInfo info) {
  TransportHost* host;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    host = host_;
    if (host == nullptr || endpoints_.count(info.endpointDeviceId) == 0) return false;
  }
  info.transportId = id_;
  return host->updateEndpoint(std::move(info));
}

bool JsTransport::removeEndpoint(const std::string& endpointDeviceId) {
  TransportHost* host;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    host = host_;
    const auto it = endpoints_.find(endpointDeviceId);
    if (it == endpoints_.end()) return false;
    // The outbox stays drainable until JS forgets the endpoint: what was sent before the
    // removal still reaches onSend.
    endpoints_.erase(it);
  }
  return host != nullptr && host->removeEndpoint(endpointDeviceId);
}

void JsTransport::removeAll() {
  std::vector<std::string> ids;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [id, entry] : endpoints_) ids.push_back(id);
  }
  for (const auto& id : ids) removeEndpoint(id);
  std::lock_guard<std::mutex> lock(mutex_);
  outboxes_.clear();
}

Transport::PortOpening JsTransport::openPort(const std::shared_ptr<Endpoint>& endpoint) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = endpoints_.find(endpoint->id());
  if (it == endpoints_.end() || it->second.endpoint != endpoint) {
    return {nullptr, "the endpoint " + endpoint->id() + " has been removed"};
  }
  return {std::make_shared<JsPort>(it->second.outbox), ""};
}

JsTransport::Delivery JsTransport::deliver(const std::string& endpointDeviceId,
                                           const std::uint32_t* words, std::size_t wordCount) {
  std::shared_ptr<Endpoint> endpoint;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = endpoints_.find(endpointDeviceId);
    if (it != endpoints_.end()) endpoint = it->second.endpoint;
  }
  Delivery delivery;
  if (!endpoint) {
    delivery.result = send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid;
    return delivery;
  }
  const MessageListScan scan = scanMessageList({words, wordCount});
  if (scan.messages > 0) {
    const std::size_t dropped = endpoint->deliver(words, scan.words, scan.messages);
    delivery.messagesDelivered = scan.messages;
    if (dropped > 0) delivery.result |= send_result::kBufferFull;
  }
  delivery.result |= scan.result;
  return delivery;
}

std::shared_ptr<ConnectionInbox> JsTransport::outboxFor(ConnectionId outboxId) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = outboxes_.find(outboxId);
  return it == outboxes_.end() ? nullptr : it->second;
}

bool JsTransport::ownsOutbox(ConnectionId outboxId) const { return outboxFor(outboxId) != nullptr; }

ReceiveRing::DrainOutcome JsTransport::drainOutbox(ConnectionId outboxId, std::uint32_t* words,
                                                   std::size_t wordCapacity,
                                                   Timestamp* timestamps,
                                                   std::size_t timestampCapacity) {
  const auto outbox = outboxFor(outboxId);
  if (!outbox) return {};
  return outbox->drain(words, wordCapacity, timestamps, timestampCapacity);
}

std::uint64_t JsTransport::outboxDropped(ConnectionId outboxId) const {
  const auto outbox = outboxFor(outboxId);
  return outbox ? outbox->dropped() : 0;
}

}  // namespace midiscope
