// Loopback pairs as a transport: two endpoints wired back to back, so what a connection on one
// sends arrives at the other. One instance holds the built-in diagnostics pair (transport id
// "diagnostics", always there), another the user's pairs ("loopback", created and removed at
// run time, as Windows MIDI Services' MidiLoopbackEndpointManager does).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/transport.h"

namespace midiscope {

class LoopbackTransport final : public Transport {
 public:
  enum class Kind { Diagnostics, User };
  explicit LoopbackTransport(Kind kind) : kind_(kind) {}

  std::string id() const override { return kind_ == Kind::Diagnostics ? "diagnostics" : "loopback"; }
  TransportStatus status() const override { return {true, ""}; }
  void start(TransportHost& host) override;
  void stop() override {}
  PortOpening openPort(const std::shared_ptr<Endpoint>& endpoint) override;

  struct Creation {
    bool success = false;
    std::string endpointDeviceIdA;
    std::string endpointDeviceIdB;
    std::string error;  // why nothing was created
  };
  // Validates the whole definition first: on failure nothing is created. User pairs only.
  Creation createPair(const std::string& associationId, const LoopbackSideDefinition& a,
                      const LoopbackSideDefinition& b);
  // False if no user pair has that associationId. The pair's connections close.
  bool removePair(const std::string& associationId);

 private:
  struct Pair {
    std::string associationId;
    std::shared_ptr<Endpoint> a;
    std::shared_ptr<Endpoint> b;
  };
  std::string whyInvalid(const std::string& associationId, const LoopbackSideDefinition& a,
                         const LoopbackSideDefinition& b) const;
  std::string addPairLocked(const std::string& associationId, const std::string& idA,
                            const LoopbackSideDefinition& a, const std::string& idB,
                            const LoopbackSideDefinition& b);

  const Kind kind_;
  TransportHost* host_ = nullptr;
  mutable std::mutex mutex_;  // guards pairs_; never held while the engine holds its own lock
  std::vector<Pair> pairs_;
};

}  // namespace midiscope
