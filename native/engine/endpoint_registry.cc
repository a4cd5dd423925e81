#include "engine/endpoint_registry.h"

#include <algorithm>

#include "engine/endpoint_id.h"

namespace midiscope {

namespace {

bool isBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::shared_ptr<LoopbackPair> makePair(Transport transport, const std::string& associationId,
                                       const std::string& idA, const LoopbackSideDefinition& a,
                                       const std::string& idB, const LoopbackSideDefinition& b) {
  EndpointInfo infoA{idA, a.name, a.description, a.uniqueId, transport, PairSide::A,
                     associationId, idB};
  EndpointInfo infoB{idB, b.name, b.description, b.uniqueId, transport, PairSide::B,
                     associationId, idA};
  return std::make_shared<LoopbackPair>(std::move(infoA), std::move(infoB));
}

}  // namespace

EndpointRegistry::EndpointRegistry() {
  pairs_.push_back(makePair(
      Transport::Diagnostics, "", kDiagnosticsLoopbackAId,
      {"Diagnostics Loopback A", "Built-in loopback: messages sent out on A arrive in on B",
       kDiagnosticsLoopbackAUniqueId},
      kDiagnosticsLoopbackBId,
      {"Diagnostics Loopback B", "Built-in loopback: messages sent out on B arrive in on A",
       kDiagnosticsLoopbackBUniqueId}));
}

std::vector<EndpointInfo> EndpointRegistry::list() const {
  std::vector<EndpointInfo> endpoints;
  endpoints.reserve(pairs_.size() * 2);
  for (const auto& pair : pairs_) {
    endpoints.push_back(pair->endpoint(PairSide::A).info());
    endpoints.push_back(pair->endpoint(PairSide::B).info());
  }
  return endpoints;
}

std::optional<EndpointRegistry::Location> EndpointRegistry::find(
    const std::string& endpointDeviceId) const {
  for (const auto& pair : pairs_) {
    for (const PairSide side : {PairSide::A, PairSide::B}) {
      if (pair->endpoint(side).info().endpointDeviceId == endpointDeviceId) {
        return Location{pair, side};
      }
    }
  }
  return std::nullopt;
}

const Endpoint* EndpointRegistry::findByUniqueId(const std::string& uniqueId) const {
  for (const auto& pair : pairs_) {
    for (const PairSide side : {PairSide::A, PairSide::B}) {
      if (pair->endpoint(side).info().uniqueId == uniqueId) return &pair->endpoint(side);
    }
  }
  return nullptr;
}

std::string EndpointRegistry::whyInvalid(const std::string& associationId,
                                         const LoopbackSideDefinition& a,
                                         const LoopbackSideDefinition& b) const {
  if (isBlank(associationId)) return "associationId is empty";
  const std::pair<const char*, const LoopbackSideDefinition*> sides[] = {{"endpointA", &a},
                                                                         {"endpointB", &b}};
  for (const auto& [label, side] : sides) {
    if (isBlank(side->name)) return std::string(label) + ".name is empty";
    if (isBlank(side->uniqueId)) return std::string(label) + ".uniqueId is empty";
  }
  if (a.uniqueId == b.uniqueId) {
    return "endpointA and endpointB have the same uniqueId " + quoted(a.uniqueId);
  }
  for (const auto& pair : pairs_) {
    if (!pair->isDiagnostics() && pair->associationId() == associationId) {
      return "associationId " + quoted(associationId) + " is already used by the loopback pair " +
             quoted(pair->endpoint(PairSide::A).info().name) + " / " +
             quoted(pair->endpoint(PairSide::B).info().name);
    }
  }
  for (const auto& [label, side] : sides) {
    if (const Endpoint* existing = findByUniqueId(side->uniqueId)) {
      return std::string(label) + ".uniqueId " + quoted(side->uniqueId) +
             " is already used by endpoint " + quoted(existing->info().name) + " (" +
             existing->info().endpointDeviceId + ")";
    }
  }
  return "";
}

EndpointRegistry::Creation EndpointRegistry::createPair(const std::string& associationId,
                                                        const LoopbackSideDefinition& a,
                                                        const LoopbackSideDefinition& b) {
  Creation creation;
  creation.error = whyInvalid(associationId, a, b);
  if (!creation.error.empty()) return creation;
  creation.pair = makePair(Transport::Loopback, associationId, loopbackEndpointId(a.uniqueId), a,
                           loopbackEndpointId(b.uniqueId), b);
  pairs_.push_back(creation.pair);
  return creation;
}

std::shared_ptr<LoopbackPair> EndpointRegistry::removePair(const std::string& associationId) {
  const auto it = std::find_if(pairs_.begin(), pairs_.end(), [&](const auto& pair) {
    return !pair->isDiagnostics() && pair->associationId() == associationId;
  });
  if (it == pairs_.end()) return nullptr;
  std::shared_ptr<LoopbackPair> removed = *it;
  pairs_.erase(it);
  return removed;
}

}  // namespace midiscope
