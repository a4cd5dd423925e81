// Two endpoints wired back to back: what goes out on one arrives in on the other.
#pragma once

#include <string>

#include "engine/endpoint.h"

namespace midiscope {

class LoopbackPair {
 public:
  LoopbackPair(EndpointInfo a, EndpointInfo b) : a_(std::move(a)), b_(std::move(b)) {}

  Endpoint& endpoint(PairSide side) { return side == PairSide::A ? a_ : b_; }
  const Endpoint& endpoint(PairSide side) const { return side == PairSide::A ? a_ : b_; }
  const std::string& associationId() const { return a_.info().associationId; }
  bool isDiagnostics() const { return a_.info().transport == Transport::Diagnostics; }

 private:
  Endpoint a_;
  Endpoint b_;
};

}  // namespace midiscope
