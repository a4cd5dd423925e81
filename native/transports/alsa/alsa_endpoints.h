// What the ALSA sequencer knows about a port, as the engine's transport-neutral EndpointInfo:
// name, MIDI 1.0 or UMP, client/port/card details, and for UMP clients the UMP endpoint info
// and function blocks that alsa-lib reports (>= 1.2.10).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/endpoint_info.h"
#include "transports/alsa/alsa_library.h"

namespace midiscope::alsa {

// One sequencer port seen as an endpoint.
struct PortFacts {
  int client = 0;
  int port = 0;
  bool readable = false;  // it sends: we can subscribe to it
  bool writable = false;  // it receives: we can send to it
  bool ump = false;       // the port's client speaks UMP (sends go out as UMP)
  EndpointInfo info;
};

std::string endpointIdFor(int client, int port);

// Facts about client:port, or nothing if the port is not one to list (gone, not subscribable,
// private). `umpAvailable`: this process can read UMP info (alsa-lib and kernel both able).
std::optional<PortFacts> queryPort(const Library& lib, SeqHandle* seq, int client, int port,
                                   bool umpAvailable);

// Every listable port of every client except `skipClients`.
std::vector<PortFacts> queryAllPorts(const Library& lib, SeqHandle* seq,
                                     const std::vector<int>& skipClients, bool umpAvailable);

}  // namespace midiscope::alsa
