// Every endpoint the engine knows, from every transport, in the order they appeared, with the
// transport that owns each. Not thread-safe on its own: Engine guards it with its mutex.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/endpoint.h"

namespace midiscope {

class Transport;

class EndpointRegistry {
 public:
  struct Entry {
    std::shared_ptr<Endpoint> endpoint;
    Transport* transport = nullptr;
  };

  // Null when an endpoint with that id exists already.
  std::shared_ptr<Endpoint> add(EndpointInfo info, Transport* transport);
  // The removed entry (endpoint null if there was none).
  Entry remove(const std::string& endpointDeviceId);
  const Entry* find(const std::string& endpointDeviceId) const;

  std::vector<EndpointInfo> list() const;
  std::vector<Entry> entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

}  // namespace midiscope
