// What the ALSA transport's receive thread, its connections' ports, its published ports and the
// JS thread share. Ports and taps keep it alive after the transport stopped; `stopped` then makes
// them fail as closed.
#pragma once

#include <cstdint>
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

// A published endpoint's own sequencer client (alsa_published_ports.h). Whoever holds the last
// reference closes it: the published entry, its tap and the receive thread's poll set each hold
// one, so the handle is never closed under a thread that polls, reads or writes it.
struct PublishedClient {
  const Library& lib;
  SeqHandle* handle = nullptr;
  int client = -1;
  int port = -1;
  bool ump = false;  // a UMP MIDI 2.0 client (kernel UMP), else a MIDI 1.0 client
  // How many UMP block slots the client has set (declareUmpInfo), so that a declaration with
  // fewer blocks clears the rest. Guarded by SharedState::mutex once published.
  std::size_t umpBlockSlots = 0;
  explicit PublishedClient(const Library& library) : lib(library) {}
  PublishedClient(const PublishedClient&) = delete;
  PublishedClient& operator=(const PublishedClient&) = delete;
  ~PublishedClient() {
    if (handle != nullptr) lib.seqClose(handle);
  }
};

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
  // The receive thread's wake-up: stop() sets stopRequested first; publish and unpublish wake it
  // to poll the clients that are published now.
  int wakeFd = -1;
  bool stopRequested = false;

  // ALSA ports seen as endpoints.
  struct Known {
    PortFacts facts;
    std::shared_ptr<Endpoint> endpoint;
    int openCount = 0;
    std::unique_ptr<Midi1ToUmp> receiver;  // MIDI 1.0 bytes -> UMP (receive thread only)
    std::vector<std::weak_ptr<PortLink>> links;
  };
  std::map<std::string, Known> known;

  // The engine's own endpoints, each shown as a sequencer client of its own (published_ports.h).
  struct Published {
    std::string endpointId;
    std::shared_ptr<Endpoint> endpoint;
    std::shared_ptr<PublishedTap> tap;
    std::shared_ptr<PublishedClient> client;
    std::unique_ptr<Midi1ToUmp> receiver;  // what MIDI 1.0 applications send (MIDI 1.0 client only)
  };
  std::map<int, Published> published;  // by client number
  // Per endpoint id: what could not be shown of an endpoint the engine asked to publish (not
  // published at all, published without its UMP endpoint info, or the MIDI 1.0-client note).
  // None when all is well; set by publish and republish, dropped by unpublish and stop.
  std::map<std::string, PublicationProblem> problems;
  // Publications that failed (in whole or in part) since the transport started; notes excluded.
  std::uint64_t publicationFailures = 0;

  // One of this transport's own clients (never listed back as an ALSA endpoint). With mutex.
  bool isOwnClientLocked(int client) const {
    return client == legacyClient || client == umpClient || published.count(client) != 0;
  }

  // Serializes output on a sequencer handle (JS thread, scheduler thread, receive thread) and
  // its closing.
  std::mutex sendMutex;
};

}  // namespace midiscope::alsa
