// The Linux ALSA sequencer as a transport. alsa-lib is loaded at run time (alsa_library.h).
//
// Two sequencer clients, each with one private port:
//   - "MIDI Scope" (legacy MIDI 1.0): talks to MIDI 1.0 ports. Received events become bytes
//     (alsa-lib's decoder) and then UMP through the shared Midi1ToUmp; sends are UMP -> MIDI 1.0
//     bytes (UmpToMidi1) -> events. It also listens to the system announce port for hotplug.
//   - "MIDI Scope UMP" (MIDI 2.0, only when alsa-lib >= 1.2.10 and the kernel has UMP): talks
//     to UMP clients (USB MIDI 2.0 devices, MIDI 2.0 applications) in UMP, unchanged.
// MIDI Scope's own endpoints (loopback sides, virtual devices) are published as clients of their
// own, UMP clients with endpoint info and function blocks where the kernel has UMP
// (alsa_published_ports.h).
// One thread polls both clients, the published clients and a wake-up eventfd; it converts,
// delivers into the engine and applies hotplug. Opening a connection subscribes (kernel hardware ports open their device
// only for subscribers); the last connection closing unsubscribes.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/transport.h"

namespace midiscope::alsa {

struct SharedState;

class AlsaTransport final : public Transport {
 public:
  AlsaTransport();
  ~AlsaTransport() override;
  AlsaTransport(const AlsaTransport&) = delete;
  AlsaTransport& operator=(const AlsaTransport&) = delete;

  std::string id() const override { return "alsa"; }
  TransportStatus status() const override;
  void start(TransportHost& host) override;
  void stop() override;
  PortOpening openPort(const std::shared_ptr<Endpoint>& endpoint) override;
  // MIDI Scope's loopbacks as sequencer ports other applications see (alsa_published_ports.h).
  void publish(const std::shared_ptr<Endpoint>& endpoint) override;
  void unpublish(const std::string& endpointDeviceId) override;
  // A virtual device's declaration changed: its client declares the new UMP info in place.
  void republish(const std::shared_ptr<Endpoint>& endpoint) override;
  // Endpoints not published, or published without their UMP endpoint info, and why; the note
  // for a MIDI 1.0 client that cannot show a declared endpoint info (alsa_published_ports.h).
  std::vector<PublicationProblem> publicationProblems() const override;

 private:
  void run();

  std::shared_ptr<SharedState> state_;
  std::thread thread_;
};

}  // namespace midiscope::alsa
