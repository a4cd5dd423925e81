// MIDI Scope's own endpoints (loopback sides, virtual devices' sides, the diagnostics pair) as
// ALSA sequencer clients, so other applications (aconnect -l, aseqdump, a DAW) see them and use
// them as they would Windows MIDI Services' loopbacks: what an application sends to the port of
// side A is sent out on A (it arrives at side B); what arrives at A reaches the port's
// subscribers.
//
// Each published endpoint is a client of its own, named after the endpoint, with one port (0,
// the same name; all 16 groups). When the kernel has UMP the client is a UMP MIDI 2.0 client
// (the kernel converts for MIDI 1.0 applications both ways) and declares its UMP endpoint info
// and function blocks (alsa-lib >= 1.2.10 with the setters; see declareUmpInfo): the endpoint's
// name, its product instance id (the declared one, else the endpoint's unique id), MIDI 2.0 and
// MIDI 1.0 protocols, and the function blocks the engine knows for it: a virtual device's side
// carries the device's declaration (Engine::declareEndpoint), endpoint info and blocks as
// declared, re-declared on the same client when the declaration changes (republishEndpoint).
// An endpoint that declares nothing (a plain loopback side, no umpEndpoint) gets one block
// named after it over groups 1-16, both directions: a loopback carries every group both ways,
// and UMP applications then see a block to pick.
// Without kernel UMP the client is a MIDI 1.0 client (UMP <-> MIDI 1.0 through the shared
// translators, what has no MIDI 1.0 form counted as a drop of the delivery).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/endpoint.h"
#include "transports/alsa/alsa_shared_state.h"

namespace midiscope::alsa {

// What could not be done is never dropped: each publish and republish records the endpoint's
// publication problem in SharedState::problems (and clears it when all went well), which the
// engine reads through Transport::publicationProblems:
//   "not published: <call>: <strerror>"                     no client (snd_seq_open failed: the
//                                                            kernel's 64 user clients are taken)
//   "published without its UMP endpoint info: <reason>"     declareUmpInfo refused
//   a note (not a failure) when a MIDI 1.0 client cannot show a declared endpoint info / blocks.

// Creates the client and its port and taps the endpoint. Nothing if the transport is not
// running or the endpoint is published already.
void publishEndpoint(const std::shared_ptr<SharedState>& state,
                     const std::shared_ptr<Endpoint>& endpoint);
// The endpoint's info changed (a virtual device's declaration): its client declares the UMP
// endpoint info and blocks of endpoint->info() again, in place (the kernel replaces them; block
// slots beyond the new count are cleared); on a MIDI 1.0 client (which has no UMP info to show)
// only the note is updated. An endpoint whose publication failed is published again (the
// failure may have passed). Nothing if it was never published (publishing off, not running).
void republishEndpoint(const std::shared_ptr<SharedState>& state,
                       const std::shared_ptr<Endpoint>& endpoint);
// Deletes the port (at once: applications no longer see it), removes the tap and lets the
// client close (when the receive thread lets go of it); drops its problem. Nothing else if it
// was not published.
void unpublishEndpoint(SharedState& state, const std::string& endpointId);
// On stop, with sendMutex and mutex held: every tap goes quiet (the clients close next).
void closeAllPublishedLocked(SharedState& state);
// The problems recorded now, one per endpoint (see above). Takes mutex.
std::vector<PublicationProblem> publicationProblems(SharedState& state);

// The receive thread: what an application sent to the published client `client`.
void receivedUmpAtPublished(SharedState& state, int client, const std::uint32_t* words,
                            std::size_t wordCount);
void receivedBytesAtPublished(SharedState& state, int client, const std::uint8_t* bytes,
                              std::size_t byteCount);

// The UMP endpoint info and function blocks a published endpoint's client declares (see above).
// `blockSlots`: how many block slots the client had set before (those beyond the new blocks are
// cleared), and then has set. Empty when declared; otherwise why not (the client still works,
// without them).
std::string declareUmpInfo(const Library& lib, SeqHandle* handle, const EndpointInfo& info,
                           std::size_t& blockSlots);

}  // namespace midiscope::alsa
