#include "transports/loopback/loopback_transport.h"

#include <algorithm>

#include "engine/endpoint.h"
#include "engine/endpoint_id.h"
#include "engine/ump_declaration.h"

namespace midiscope {

namespace {

bool isBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// Sends from one side are delivered at the other side's endpoint.
class LoopbackPort final : public TransportPort {
 public:
  explicit LoopbackPort(std::shared_ptr<Endpoint> peer) : peer_(std::move(peer)) {}
  SendResult send(const std::uint32_t* words, std::size_t wordCount,
                  std::size_t messageCount) override {
    const std::size_t dropped = peer_->deliver(words, wordCount, messageCount);
    return dropped > 0 ? send_result::kBufferFull : send_result::kSucceeded;
  }

 private:
  const std::shared_ptr<Endpoint> peer_;
};

EndpointInfo sideInfo(const std::string& transportId, const std::string& associationId,
                      const std::string& id, const LoopbackSideDefinition& side, PairSide which,
                      const std::string& peerId) {
  EndpointInfo info;
  info.endpointDeviceId = id;
  info.transportId = transportId;
  info.name = side.name;
  info.description = side.description;
  info.uniqueId = side.uniqueId;
  info.protocol = MidiProtocol::Midi2;
  info.side = which;
  info.associationId = associationId;
  info.peerEndpointDeviceId = peerId;
  applyDeclaration(info, side.declaration);
  return info;
}

}  // namespace

void LoopbackTransport::start(TransportHost& host) {
  std::lock_guard<std::mutex> lock(mutex_);
  host_ = &host;
  if (kind_ != Kind::Diagnostics) return;
  addPairLocked("", kDiagnosticsLoopbackAId,
                {"Diagnostics Loopback A", "Built-in loopback: messages sent out on A arrive in on B",
                 kDiagnosticsLoopbackAUniqueId},
                kDiagnosticsLoopbackBId,
                {"Diagnostics Loopback B", "Built-in loopback: messages sent out on B arrive in on A",
                 kDiagnosticsLoopbackBUniqueId});
}

std::string LoopbackTransport::addPairLocked(const std::string& associationId,
                                             const std::string& idA,
                                             const LoopbackSideDefinition& a,
                                             const std::string& idB,
                                             const LoopbackSideDefinition& b) {
  if (host_ == nullptr) return "the MIDI engine has been shut down";
  auto endpointA = host_->addEndpoint(sideInfo(id(), associationId, idA, a, PairSide::A, idB));
  if (!endpointA) return "an endpoint with the id " + quoted(idA) + " exists already";
  auto endpointB = host_->addEndpoint(sideInfo(id(), associationId, idB, b, PairSide::B, idA));
  if (!endpointB) {
    host_->removeEndpoint(idA);
    return "an endpoint with the id " + quoted(idB) + " exists already";
  }
  pairs_.push_back({associationId, std::move(endpointA), std::move(endpointB)});
  return "";
}

Transport::PortOpening LoopbackTransport::openPort(const std::shared_ptr<Endpoint>& endpoint) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const Pair& pair : pairs_) {
    if (pair.a == endpoint) return {std::make_shared<LoopbackPort>(pair.b), ""};
    if (pair.b == endpoint) return {std::make_shared<LoopbackPort>(pair.a), ""};
  }
  return {nullptr, "the loopback endpoint " + quoted(endpoint->id()) + " has been removed"};
}

std::string LoopbackTransport::whyInvalid(const std::string& associationId,
                                          const LoopbackSideDefinition& a,
                                          const LoopbackSideDefinition& b) const {
  if (isBlank(associationId)) return "associationId is empty";
  const std::pair<const char*, const LoopbackSideDefinition*> sides[] = {{"endpointA", &a},
                                                                         {"endpointB", &b}};
  for (const auto& [label, side] : sides) {
    if (isBlank(side->name)) return std::string(label) + ".name is empty";
    if (isBlank(side->uniqueId)) return std::string(label) + ".uniqueId is empty";
  }
  for (const auto& [label, side] : sides) {
    if (!side->declaration) continue;
    const std::string invalid = whyInvalidDeclaration(*side->declaration);
    if (!invalid.empty()) return std::string(label) + "." + invalid;
  }
  if (a.uniqueId == b.uniqueId) {
    return "endpointA and endpointB have the same uniqueId " + quoted(a.uniqueId);
  }
  for (const Pair& pair : pairs_) {
    if (pair.associationId == associationId) {
      return "associationId " + quoted(associationId) + " is already used by the loopback pair " +
             quoted(pair.a->info().name) + " / " + quoted(pair.b->info().name);
    }
  }
  for (const auto& [label, side] : sides) {
    if (side->uniqueId == kDiagnosticsLoopbackAUniqueId ||
        side->uniqueId == kDiagnosticsLoopbackBUniqueId) {
      const bool isA = side->uniqueId == kDiagnosticsLoopbackAUniqueId;
      return std::string(label) + ".uniqueId " + quoted(side->uniqueId) +
             " is already used by endpoint " +
             quoted(isA ? "Diagnostics Loopback A" : "Diagnostics Loopback B") + " (" +
             (isA ? kDiagnosticsLoopbackAId : kDiagnosticsLoopbackBId) + ")";
    }
    for (const Pair& pair : pairs_) {
      for (const auto& endpoint : {pair.a, pair.b}) {
        const EndpointInfo info = endpoint->info();
        if (info.uniqueId == side->uniqueId) {
          return std::string(label) + ".uniqueId " + quoted(side->uniqueId) +
                 " is already used by endpoint " + quoted(info.name) + " (" +
                 info.endpointDeviceId + ")";
        }
      }
    }
  }
  return "";
}

LoopbackTransport::Creation LoopbackTransport::createPair(const std::string& associationId,
                                                          const LoopbackSideDefinition& a,
                                                          const LoopbackSideDefinition& b) {
  Creation creation;
  if (kind_ == Kind::Diagnostics) {
    creation.error = "the diagnostics pair is built in";
    return creation;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  creation.error = whyInvalid(associationId, a, b);
  if (!creation.error.empty()) return creation;
  creation.endpointDeviceIdA = loopbackEndpointId(a.uniqueId);
  creation.endpointDeviceIdB = loopbackEndpointId(b.uniqueId);
  creation.error =
      addPairLocked(associationId, creation.endpointDeviceIdA, a, creation.endpointDeviceIdB, b);
  creation.success = creation.error.empty();
  if (!creation.success) creation.endpointDeviceIdA = creation.endpointDeviceIdB = "";
  return creation;
}

bool LoopbackTransport::removePair(const std::string& associationId) {
  Pair removed;
  TransportHost* host = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (kind_ == Kind::Diagnostics || host_ == nullptr) return false;
    const auto it = std::find_if(pairs_.begin(), pairs_.end(), [&](const Pair& pair) {
      return pair.associationId == associationId;
    });
    if (it == pairs_.end()) return false;
    removed = *it;
    pairs_.erase(it);
    host = host_;
  }
  host->removeEndpoint(removed.a->id());
  host->removeEndpoint(removed.b->id());
  return true;
}

}  // namespace midiscope
