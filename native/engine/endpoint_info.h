// What the registry tells the outside world about an endpoint.
#pragma once

#include <string>

namespace midiscope {

enum class Transport { Diagnostics, Loopback };
enum class PairSide { A, B };

inline PairSide otherSide(PairSide side) { return side == PairSide::A ? PairSide::B : PairSide::A; }

struct EndpointInfo {
  std::string endpointDeviceId;
  std::string name;
  std::string description;
  std::string uniqueId;
  Transport transport = Transport::Loopback;
  PairSide side = PairSide::A;
  std::string associationId;  // empty for the diagnostics pair
  std::string peerEndpointDeviceId;
};

enum class EndpointChangeKind { Added, Removed, Updated };

struct EndpointChange {
  EndpointChangeKind kind;
  EndpointInfo endpoint;
};

// One side of a loopback pair as the caller defines it.
struct LoopbackSideDefinition {
  std::string name;
  std::string description;
  std::string uniqueId;
};

}  // namespace midiscope
