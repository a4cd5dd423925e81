// What the ALSA transport's receive thread, its connections' ports, its published ports and the
// JS thread share. Ports and taps keep it alive after the transport stopped; `stopped` then makes
// them fail as closed.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/midi1_to_ump.h"
#include "engine/transport.h"
#include "transports/alsa/alsa_endpoints.h"
#include "transports/alsa/alsa_library.h"

namespace midiscope::alsa {

struct PortLink;
struct PublishedTap;

struct SharedState {
  const Library& lib = library();
  // Lock order: sendMutex before mutex. `mutex` guards everything below but the handles' output.
  std::mutex mutex;
  TransportHost* host = nullptr;
  TransportStatus status;
  bool umpActive = false;
  SeqHandle* legacy = nullptr;
  int legacyClient = -1;
  int legacyPort = -1;
  SeqHandle* ump = nullptr;
  int umpClient = -1;
  int umpPort = -1;
  bool stopped = false;

  // ALSA ports seen as endpoints.
  struct Known {
    PortFacts facts;
    std::shared_ptr<Endpoint> endpoint;
    int openCount = 0;
    std::unique_ptr<Midi1ToUmp> receiver;  // MIDI 1.0 bytes -> UMP (receive thread only)
    std::vector<std::weak_ptr<PortLink>> links;
  };
  std::map<std::string, Known> known;

  // The engine's own endpoints shown as ports of the publishing client (see published_ports.h).
  struct Published {
    std::string endpointId;
    std::shared_ptr<Endpoint> endpoint;
    std::shared_ptr<PublishedTap> tap;
    std::unique_ptr<Midi1ToUmp> receiver;  // what MIDI 1.0 applications send (legacy client only)
  };
  std::map<int, Published> published;  // by port number on the publishing client

  // Serializes output on a sequencer handle (JS thread, scheduler thread, receive thread) and
  // its closing.
  std::mutex sendMutex;

  // Published ports live on the UMP client when there is one (the kernel converts for MIDI 1.0
  // applications), on the MIDI 1.0 client otherwise.
  SeqHandle* publishing() const { return umpActive ? ump : legacy; }
  int publishingClient() const { return umpActive ? umpClient : legacyClient; }
};

}  // namespace midiscope::alsa
