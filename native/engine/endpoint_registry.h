// The endpoints that exist: the built-in diagnostics pair and the user's loopback pairs.
// Not thread-safe on its own: Engine guards it with its mutex.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/loopback_pair.h"

namespace midiscope {

class EndpointRegistry {
 public:
  EndpointRegistry();

  // Diagnostics first, then user pairs in creation order, A before B.
  std::vector<EndpointInfo> list() const;

  struct Location {
    std::shared_ptr<LoopbackPair> pair;
    PairSide side;
  };
  std::optional<Location> find(const std::string& endpointDeviceId) const;

  struct Creation {
    std::shared_ptr<LoopbackPair> pair;  // null on failure
    std::string error;                   // why nothing was created
  };
  // Validates the whole definition first: on failure nothing is created.
  Creation createPair(const std::string& associationId, const LoopbackSideDefinition& a,
                      const LoopbackSideDefinition& b);

  // Null if no user pair has that associationId (the diagnostics pair cannot be removed).
  std::shared_ptr<LoopbackPair> removePair(const std::string& associationId);

 private:
  std::string whyInvalid(const std::string& associationId, const LoopbackSideDefinition& a,
                         const LoopbackSideDefinition& b) const;
  const Endpoint* findByUniqueId(const std::string& uniqueId) const;

  std::vector<std::shared_ptr<LoopbackPair>> pairs_;
};

}  // namespace midiscope
