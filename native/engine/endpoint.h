// An endpoint and the connections open on it. Everything that arrives at the endpoint is copied
// into every attached connection's receive ring.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "engine/endpoint_info.h"

namespace midiscope {

class Connection;

class Endpoint {
 public:
  explicit Endpoint(EndpointInfo info);
  Endpoint(const Endpoint&) = delete;
  Endpoint& operator=(const Endpoint&) = delete;

  const EndpointInfo& info() const { return info_; }

  void attach(Connection* connection);
  void detach(Connection* connection);

  // Copies validated messages (back to back) into every attached connection's ring, stamped
  // with the arrival time. Returns true if some ring was full and dropped messages.
  bool deliver(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount);

 private:
  const EndpointInfo info_;
  // Serializes every producer (JS thread, scheduler thread, any C++ caller) writing into the
  // attached rings, which are single-producer, and guards receivers_. Connections detach
  // themselves (taking this mutex) before they are destroyed, so raw pointers are safe here.
  std::mutex mutex_;
  std::vector<Connection*> receivers_;
};

}  // namespace midiscope
