// MIDI Scope's own endpoints (loopback sides, the diagnostics pair) as ALSA sequencer ports, so
// other applications (aconnect -l, aseqdump, a DAW) see them and use them as they would
// Windows MIDI Services' loopbacks: what an application sends to the port of side A is sent out
// on A (it arrives at side B); what arrives at A reaches the port's subscribers.
//
// The ports live on the transport's UMP client when the kernel has UMP (the kernel converts for
// MIDI 1.0 applications both ways), otherwise on its MIDI 1.0 client (UMP <-> MIDI 1.0 through
// the shared translators, what has no MIDI 1.0 form counted as a drop of the delivery).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/endpoint.h"
#include "transports/alsa/alsa_shared_state.h"

namespace midiscope::alsa {

// Creates the port and taps the endpoint. Nothing if the transport is not running or the
// endpoint is published already.
void publishEndpoint(const std::shared_ptr<SharedState>& state,
                     const std::shared_ptr<Endpoint>& endpoint);
// Deletes the port and removes the tap. Nothing if it was not published.
void unpublishEndpoint(SharedState& state, const std::string& endpointId);
// On stop, with sendMutex and mutex held: every tap goes quiet (the handles close next).
void closeAllPublishedLocked(SharedState& state);

// The receive thread: what an application sent to one of our ports. False if `port` is not a
// published port (then it is our private port and the event is a device's).
bool receivedUmpAtPublished(SharedState& state, int port, const std::uint32_t* words,
                            std::size_t wordCount);
bool receivedBytesAtPublished(SharedState& state, int port, const std::uint8_t* bytes,
                              std::size_t byteCount);

}  // namespace midiscope::alsa
