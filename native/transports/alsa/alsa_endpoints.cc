#include "transports/alsa/alsa_endpoints.h"

#include <algorithm>
#include <memory>

namespace midiscope::alsa {

namespace {

template <typename T>
struct Freed {
  T* pointer = nullptr;
  void (*release)(T*) = nullptr;
  ~Freed() {
    if (pointer != nullptr && release != nullptr) release(pointer);
  }
};

std::string text(const unsigned char* value) {
  return value == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(value));
}

// The UMP endpoint info and function blocks of a UMP client, as alsa-lib reports them.
void addUmpFacts(const Library& lib, SeqHandle* seq, int client, EndpointInfo& info) {
  if (!lib.hasUmpEndpointInfo()) return;
  Freed<UmpEndpointInfo> endpoint{nullptr, lib.umpEndpointInfoFree};
  if (lib.umpEndpointInfoMalloc(&endpoint.pointer) < 0) return;
  if (lib.seqGetUmpEndpointInfo(seq, client, endpoint.pointer) < 0) return;  // a user client without one
  UmpEndpointDetails details;
  const unsigned blocks = lib.umpEndpointInfoGetNumBlocks(endpoint.pointer);
  details.functionBlockCount = static_cast<std::uint8_t>(std::min(blocks, 32u));
  if (lib.umpEndpointInfoGetVersion != nullptr) {
    const unsigned version = lib.umpEndpointInfoGetVersion(endpoint.pointer);
    details.umpVersionMajor = static_cast<std::uint8_t>(version >> 8);
    details.umpVersionMinor = static_cast<std::uint8_t>(version);
  }
  if (lib.umpEndpointInfoGetFlags != nullptr) {
    details.staticFunctionBlocks = (lib.umpEndpointInfoGetFlags(endpoint.pointer) & 0x01) != 0;
  }
  if (lib.umpEndpointInfoGetProtocolCaps != nullptr) {
    const unsigned caps = lib.umpEndpointInfoGetProtocolCaps(endpoint.pointer);
    details.supportsMidi1 = (caps & 0x0100) != 0;
    details.supportsMidi2 = (caps & 0x0200) != 0;
    details.transmitsJr = (caps & 0x0001) != 0;
    details.receivesJr = (caps & 0x0002) != 0;
  }
  if (lib.umpEndpointInfoGetProductId != nullptr) {
    details.productInstanceId = text(lib.umpEndpointInfoGetProductId(endpoint.pointer));
  }
  if (lib.umpEndpointInfoGetManufacturerId != nullptr) {
    details.manufacturerId = lib.umpEndpointInfoGetManufacturerId(endpoint.pointer);
  }
  if (lib.umpEndpointInfoGetFamilyId != nullptr) {
    details.family = static_cast<std::uint16_t>(lib.umpEndpointInfoGetFamilyId(endpoint.pointer));
  }
  if (lib.umpEndpointInfoGetModelId != nullptr) {
    details.model = static_cast<std::uint16_t>(lib.umpEndpointInfoGetModelId(endpoint.pointer));
  }
  if (lib.umpEndpointInfoGetSwRevision != nullptr) {
    const unsigned char* revision = lib.umpEndpointInfoGetSwRevision(endpoint.pointer);
    if (revision != nullptr) {
      details.softwareRevision = (std::uint32_t{revision[0]} << 24) | (std::uint32_t{revision[1]} << 16) |
                                 (std::uint32_t{revision[2]} << 8) | revision[3];
    }
  }
  const std::string endpointName = text(lib.umpEndpointInfoGetName(endpoint.pointer));
  if (!endpointName.empty()) info.details.emplace_back("UMP endpoint", endpointName);
  info.umpEndpoint = details;

  Freed<UmpBlockInfo> block{nullptr, lib.umpBlockInfoFree};
  if (lib.umpBlockInfoMalloc(&block.pointer) < 0) return;
  for (unsigned number = 0; number < details.functionBlockCount; ++number) {
    if (lib.seqGetUmpBlockInfo(seq, client, static_cast<int>(number), block.pointer) < 0) continue;
    FunctionBlockDetails fb;
    fb.number = static_cast<std::uint8_t>(number);
    fb.name = text(lib.umpBlockInfoGetName(block.pointer));
    fb.firstGroup = static_cast<std::uint8_t>(lib.umpBlockInfoGetFirstGroup(block.pointer));
    fb.groupCount = static_cast<std::uint8_t>(lib.umpBlockInfoGetNumGroups(block.pointer));
    if (lib.umpBlockInfoGetActive != nullptr) fb.active = lib.umpBlockInfoGetActive(block.pointer) != 0;
    if (lib.umpBlockInfoGetDirection != nullptr) {
      fb.direction = static_cast<std::uint8_t>(lib.umpBlockInfoGetDirection(block.pointer) & 3);
    }
    if (lib.umpBlockInfoGetUiHint != nullptr) {
      fb.uiHint = static_cast<std::uint8_t>(lib.umpBlockInfoGetUiHint(block.pointer) & 3);
    }
    if (lib.umpBlockInfoGetFlags != nullptr) {
      const unsigned flags = lib.umpBlockInfoGetFlags(block.pointer);
      fb.midi1 = (flags & 0x02) != 0 ? 2 : (flags & 0x01) != 0 ? 1 : 0;
    }
    if (lib.umpBlockInfoGetMidiCiVersion != nullptr) {
      fb.midiCiVersion = static_cast<std::uint8_t>(lib.umpBlockInfoGetMidiCiVersion(block.pointer));
    }
    if (lib.umpBlockInfoGetSysex8Streams != nullptr) {
      fb.maxSysEx8Streams = static_cast<std::uint8_t>(lib.umpBlockInfoGetSysex8Streams(block.pointer));
    }
    info.functionBlocks.push_back(fb);
  }
}

}  // namespace

std::string endpointIdFor(int client, int port) {
  return "alsa:" + std::to_string(client) + ":" + std::to_string(port);
}

std::optional<PortFacts> queryPort(const Library& lib, SeqHandle* seq, int client, int port,
                                   bool umpAvailable) {
  Freed<ClientInfo> clientInfo{nullptr, lib.clientInfoFree};
  Freed<PortInfo> portInfo{nullptr, lib.portInfoFree};
  if (lib.clientInfoMalloc(&clientInfo.pointer) < 0 || lib.portInfoMalloc(&portInfo.pointer) < 0) {
    return std::nullopt;
  }
  if (lib.seqGetAnyClientInfo(seq, client, clientInfo.pointer) < 0) return std::nullopt;
  if (lib.seqGetAnyPortInfo(seq, client, port, portInfo.pointer) < 0) return std::nullopt;
  const unsigned caps = lib.portInfoGetCapability(portInfo.pointer);
  if ((caps & seq::kCapNoExport) != 0) return std::nullopt;
  PortFacts facts;
  facts.client = client;
  facts.port = port;
  facts.readable = (caps & (seq::kCapRead | seq::kCapSubsRead)) == (seq::kCapRead | seq::kCapSubsRead);
  facts.writable = (caps & (seq::kCapWrite | seq::kCapSubsWrite)) == (seq::kCapWrite | seq::kCapSubsWrite);
  if (!facts.readable && !facts.writable) return std::nullopt;
  int midiVersion = 0;
  if (umpAvailable && lib.clientInfoGetMidiVersion != nullptr) {
    midiVersion = lib.clientInfoGetMidiVersion(clientInfo.pointer);
  }
  facts.ump = midiVersion > 0;

  const std::string clientName = lib.clientInfoGetName(clientInfo.pointer);
  const std::string portName = lib.portInfoGetName(portInfo.pointer);
  EndpointInfo& info = facts.info;
  info.endpointDeviceId = endpointIdFor(client, port);
  info.transportId = "alsa";
  info.name = portName.rfind(clientName, 0) == 0 ? portName : clientName + ": " + portName;
  info.description = clientName;
  info.uniqueId = info.endpointDeviceId;
  info.protocol = facts.ump ? MidiProtocol::Midi2 : MidiProtocol::Midi1;
  info.details.emplace_back("client", std::to_string(client));
  info.details.emplace_back("port", std::to_string(port));
  info.details.emplace_back("client name", clientName);
  info.details.emplace_back("port name", portName);
  info.details.emplace_back("client type", lib.clientInfoGetType(clientInfo.pointer) == seq::kKernelClient ? "kernel" : "user");
  if (lib.clientInfoGetCard != nullptr) {
    const int card = lib.clientInfoGetCard(clientInfo.pointer);
    if (card >= 0) info.details.emplace_back("card", std::to_string(card));
  }
  info.details.emplace_back("MIDI", midiVersion == 2 ? "UMP MIDI 2.0" : midiVersion == 1 ? "UMP MIDI 1.0" : "MIDI 1.0");
  info.details.emplace_back("direction", facts.readable && facts.writable ? "in/out" : facts.readable ? "out (it sends)" : "in (it receives)");
  if (facts.ump && lib.portInfoGetUmpGroup != nullptr) {
    const int group = lib.portInfoGetUmpGroup(portInfo.pointer);
    info.details.emplace_back("UMP group", group == 0 ? "all" : std::to_string(group));
  }
  if ((caps & seq::kCapInactive) != 0) info.details.emplace_back("state", "inactive");
  if (facts.ump) addUmpFacts(lib, seq, client, info);
  return facts;
}

std::vector<PortFacts> queryAllPorts(const Library& lib, SeqHandle* seq,
                                     const std::vector<int>& skipClients, bool umpAvailable) {
  std::vector<PortFacts> all;
  Freed<ClientInfo> clientInfo{nullptr, lib.clientInfoFree};
  Freed<PortInfo> portInfo{nullptr, lib.portInfoFree};
  if (lib.clientInfoMalloc(&clientInfo.pointer) < 0 || lib.portInfoMalloc(&portInfo.pointer) < 0) {
    return all;
  }
  lib.clientInfoSetClient(clientInfo.pointer, -1);
  while (lib.seqQueryNextClient(seq, clientInfo.pointer) >= 0) {
    const int client = lib.clientInfoGetClient(clientInfo.pointer);
    if (client == seq::kClientSystem ||
        std::find(skipClients.begin(), skipClients.end(), client) != skipClients.end()) {
      continue;
    }
    lib.portInfoSetClient(portInfo.pointer, client);
    lib.portInfoSetPort(portInfo.pointer, -1);
    while (lib.seqQueryNextPort(seq, portInfo.pointer) >= 0) {
      const int port = lib.portInfoGetPort(portInfo.pointer);
      if (auto facts = queryPort(lib, seq, client, port, umpAvailable)) all.push_back(std::move(*facts));
    }
  }
  return all;
}

}  // namespace midiscope::alsa
