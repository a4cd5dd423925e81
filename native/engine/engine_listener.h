// How the engine tells its host (the addon) that something needs the host's attention.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/endpoint_info.h"

namespace midiscope {

using ConnectionId = std::uint64_t;

class EngineListener {
 public:
  virtual ~EngineListener() = default;
  // A connection's ring became readable, or the connection was closed underneath its owner.
  // Called from any thread, possibly with engine locks held: must not block or call back into
  // the engine; the host wakes its consumer asynchronously.
  virtual void connectionNeedsAttention(ConnectionId id) = 0;
  // Endpoints were added or removed. Called on the thread that changed the registry, with no
  // engine lock held.
  virtual void endpointsChanged(const std::vector<EndpointChange>& changes) = 0;
};

}  // namespace midiscope
