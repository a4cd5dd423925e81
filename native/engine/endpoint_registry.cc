#include "engine/endpoint_registry.h"

#include <algorithm>

namespace midiscope {

std::shared_ptr<Endpoint> EndpointRegistry::add(EndpointInfo info, Transport* transport) {
  if (find(info.endpointDeviceId) != nullptr) return nullptr;
  auto endpoint = std::make_shared<Endpoint>(std::move(info));
  entries_.push_back({endpoint, transport});
  return endpoint;
}

EndpointRegistry::Entry EndpointRegistry::remove(const std::string& endpointDeviceId) {
  const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& entry) {
    return entry.endpoint->id() == endpointDeviceId;
  });
  if (it == entries_.end()) return {};
  Entry removed = *it;
  entries_.erase(it);
  return removed;
}

const EndpointRegistry::Entry* EndpointRegistry::find(const std::string& endpointDeviceId) const {
  for (const Entry& entry : entries_) {
    if (entry.endpoint->id() == endpointDeviceId) return &entry;
  }
  return nullptr;
}

std::vector<EndpointInfo> EndpointRegistry::list() const {
  std::vector<EndpointInfo> endpoints;
  endpoints.reserve(entries_.size());
  for (const Entry& entry : entries_) endpoints.push_back(entry.endpoint->info());
  return endpoints;
}

}  // namespace midiscope
