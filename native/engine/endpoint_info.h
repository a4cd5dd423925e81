// What the engine tells the outside world about an endpoint, whichever transport it lives on.
// The UMP endpoint facts (endpoint info, function blocks) are plain data that each transport
// fills in when it knows them; nothing above a transport asks which transport it talks to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace midiscope {

enum class PairSide { A, B };
inline PairSide otherSide(PairSide side) { return side == PairSide::A ? PairSide::B : PairSide::A; }

// The protocol an endpoint speaks natively: a MIDI 1.0 port (bytes, converted to and from UMP
// by its transport) or a UMP endpoint.
enum class MidiProtocol { Unknown, Midi1, Midi2 };

// UMP Endpoint Info and Device Identity, as a device (or the OS on its behalf) declares them.
struct UmpEndpointDetails {
  std::uint8_t umpVersionMajor = 1;
  std::uint8_t umpVersionMinor = 1;
  std::uint8_t functionBlockCount = 0;
  bool staticFunctionBlocks = false;
  bool supportsMidi1 = false;
  bool supportsMidi2 = false;
  bool receivesJr = false;
  bool transmitsJr = false;
  std::string productInstanceId;
  std::uint32_t manufacturerId = 0;  // SysEx id, 1 or 3 bytes
  std::uint16_t family = 0;
  std::uint16_t model = 0;
  std::uint32_t softwareRevision = 0;
};

// A Function Block as UMP 1.1 declares it.
struct FunctionBlockDetails {
  std::uint8_t number = 0;
  std::string name;
  bool active = true;
  std::uint8_t direction = 3;  // 1 input (to the device), 2 output, 3 both
  std::uint8_t firstGroup = 0;
  std::uint8_t groupCount = 1;
  std::uint8_t uiHint = 0;           // 0 unknown, 1 receiver, 2 sender, 3 both
  std::uint8_t midi1 = 0;            // 0 not MIDI 1.0, 1 MIDI 1.0, 2 MIDI 1.0 at 31.25 kb/s
  std::uint8_t midiCiVersion = 0;    // 0: no MIDI-CI
  std::uint8_t maxSysEx8Streams = 0;
};

// Why a publishing transport (Transport::publish) could not show one of the engine's own
// endpoints to the OS as it is, or shows it only in part: "not published: snd_seq_open: Cannot
// allocate memory". A note is not a failure: the endpoint is published as well as the OS allows
// (ALSA without kernel UMP: a MIDI 1.0 client, which has no place for declared UMP info).
struct PublicationProblem {
  std::string transportId;  // the publishing transport (filled in by the engine)
  std::string endpointDeviceId;
  std::string problem;
  bool note = false;
};

inline bool operator==(const PublicationProblem& a, const PublicationProblem& b) {
  return a.transportId == b.transportId && a.endpointDeviceId == b.endpointDeviceId &&
         a.problem == b.problem && a.note == b.note;
}

struct EndpointInfo {
  std::string endpointDeviceId;  // stable while the endpoint exists; chosen by its transport
  std::string transportId;       // "diagnostics", "loopback", "alsa", or a JS transport's id
  std::string name;
  std::string description;
  std::string uniqueId;
  MidiProtocol protocol = MidiProtocol::Midi2;
  // Transport-specific facts shown as they are, in order (ALSA: client, port, card, ...).
  std::vector<std::pair<std::string, std::string>> details;
  std::optional<UmpEndpointDetails> umpEndpoint;
  std::vector<FunctionBlockDetails> functionBlocks;
  // Loopback pairs (the diagnostics pair included) only; empty elsewhere.
  PairSide side = PairSide::A;
  std::string associationId;
  std::string peerEndpointDeviceId;
  // The engine's own endpoints: what publishing transports could not show of them (empty when
  // all is well). Filled in by the engine (Engine::listEndpoints, its changes), never by the
  // endpoint's transport.
  std::vector<PublicationProblem> publicationProblems;
};

// What an endpoint the engine owns says of itself as a UMP endpoint: a virtual device's
// declaration, carried by the loopback side that other applications see as the device (see
// Engine::declareEndpoint). It becomes the endpoint's umpEndpoint and functionBlocks, and what a
// publishing transport shows the OS (ALSA: the client's UMP endpoint info and blocks).
// ump_declaration.h checks it.
struct UmpDeclaration {
  UmpEndpointDetails endpoint;
  std::vector<FunctionBlockDetails> functionBlocks;
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
  // A virtual device's declaration for this side, in place from the start (nothing is shown
  // without it first); none for a plain loopback side.
  std::optional<UmpDeclaration> declaration = std::nullopt;
};

}  // namespace midiscope
