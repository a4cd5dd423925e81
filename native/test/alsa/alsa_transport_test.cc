// The ALSA transport against the real kernel, inside the test guest (scripts/alsa-guest/, the
// `alsa` stage). Peers are independent of MIDI Scope: aseqsend/aseqdump (alsa-utils), the
// kernel's rawmidi devices of snd-virmidi, snd-seq-dummy (Midi Through as a UMP MIDI 2.0 client)
// and the USB MIDI 2.0 gadget on dummy_hcd. Test names say what they need:
//   ump_*     alsa-lib >= 1.2.10 and a UMP kernel     midi1_*   any alsa-lib
//   hotplug_* alsa-utils (aseqdump) as the client that comes and goes
//   utils_*   alsa-utils (aseqdump), any kernel
//   oldlib_*  alsa-lib 1.2.8                          nolib_*   no alsa-lib at all
// The stage runs the binary once per filter.
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "alsa/alsa_peers.h"
#include "engine/endpoint.h"
#include "engine/engine.h"
#include "test_support.h"
#include "transports/alsa/alsa_transport.h"

using namespace midiscope;
using namespace midiscope::send_result;
using namespace testing;
using alsatest::ChildLines;
using alsatest::RawMidi;
using alsatest::shell;

namespace {

std::string detail(const EndpointInfo& info, const std::string& key) {
  for (const auto& [name, value] : info.details) {
    if (name == key) return value;
  }
  return "";
}

struct AlsaFixture {
  std::shared_ptr<RecordingListener> listener = std::make_shared<RecordingListener>();
  Engine engine{listener};
  std::shared_ptr<alsa::AlsaTransport> transport = std::make_shared<alsa::AlsaTransport>();
  AlsaFixture() { CHECK(engine.addTransport(transport)); }
  ~AlsaFixture() { engine.shutdown(); }

  // The first ALSA endpoint whose client name contains `clientName` (and port, if given).
  std::optional<EndpointInfo> find(const std::string& clientName, int port = -1) {
    for (const EndpointInfo& info : engine.listEndpoints()) {
      if (info.transportId != "alsa") continue;
      if (detail(info, "client name").find(clientName) == std::string::npos) continue;
      if (port >= 0 && detail(info, "port") != std::to_string(port)) continue;
      return info;
    }
    return std::nullopt;
  }
  EndpointInfo waitFor(const std::string& clientName, int port = -1) {
    std::optional<EndpointInfo> found;
    WAIT_UNTIL((found = find(clientName, port)).has_value());
    return *found;
  }
  Received waitForWords(ConnectionId id, std::size_t words) {
    Received all;
    WAIT_UNTIL(([&] {
      Received more = drainAll(engine, id);
      all.words.insert(all.words.end(), more.words.begin(), more.words.end());
      all.timestamps.insert(all.timestamps.end(), more.timestamps.begin(), more.timestamps.end());
      return all.words.size() >= words;
    }()));
    return all;
  }
};

// The rawmidi device behind a virmidi sequencer client ("Virtual Raw MIDI C-D").
std::string rawmidiPathOf(const EndpointInfo& info) {
  const std::string name = detail(info, "client name");
  const auto space = name.rfind(' ');
  const std::string cardDevice = name.substr(space + 1);  // "0-0"
  const auto dash = cardDevice.find('-');
  return "/dev/snd/midiC" + cardDevice.substr(0, dash) + "D" + cardDevice.substr(dash + 1);
}

std::vector<std::uint32_t> sysEx7Packets(const std::vector<std::uint8_t>& payload) {
  std::vector<std::uint32_t> words;
  for (std::size_t at = 0; at < payload.size() || at == 0;) {
    const std::size_t n = std::min<std::size_t>(6, payload.size() - at);
    const bool first = at == 0;
    const bool last = at + n >= payload.size();
    const std::uint32_t kind = first && last ? 0 : first ? 1 : last ? 3 : 2;
    std::uint8_t b[6] = {};
    for (std::size_t i = 0; i < n; ++i) b[i] = payload[at + i];
    words.push_back(0x30000000u | (kind << 20) | (static_cast<std::uint32_t>(n) << 16) | (b[0] << 8) | b[1]);
    words.push_back((std::uint32_t{b[2]} << 24) | (std::uint32_t{b[3]} << 16) | (std::uint32_t{b[4]} << 8) | b[5]);
    at += n;
    if (n == 0) break;
  }
  return words;
}

// "" when equal; otherwise the sizes and the first offset where they differ.
template <typename T>
std::string difference(const std::vector<T>& actual, const std::vector<T>& expected) {
  if (actual == expected) return "";
  std::size_t at = 0;
  while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
  std::string text = "sizes " + std::to_string(actual.size()) + " vs " + std::to_string(expected.size()) +
                     ", first difference at " + std::to_string(at);
  if (at < actual.size()) text += ": actual " + std::to_string(actual[at]);
  if (at < expected.size()) text += ", expected " + std::to_string(expected[at]);
  return text;
}

// The kernel's own account of the sequencer's clients.
std::string procClients() {
  std::ifstream file("/proc/asound/seq/clients");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The lines /proc/asound/seq/clients has for the client called `name` (empty if none).
std::string procClient(const std::string& name) {
  const std::string all = procClients();
  const auto at = all.find(" : \"" + name + "\" [");
  if (at == std::string::npos) return "";
  const auto end = all.find("\nClient ", at);
  return all.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// An endpoint that declares its UMP endpoint info and function blocks, as a virtual device does.
std::shared_ptr<Endpoint> declaredEndpoint() {
  EndpointInfo info;
  info.endpointDeviceId = "test:declared";
  info.transportId = "test";
  info.name = "Declared Synth";
  info.uniqueId = "declared-unique";
  UmpEndpointDetails ump;
  ump.functionBlockCount = 2;
  ump.staticFunctionBlocks = true;
  ump.supportsMidi2 = true;
  ump.supportsMidi1 = false;
  ump.productInstanceId = "SYNTH-0042";
  ump.manufacturerId = 0x7D;
  ump.family = 0x1234;
  ump.model = 0x0567;
  info.umpEndpoint = ump;
  FunctionBlockDetails keys;
  keys.number = 0;
  keys.name = "Keys";
  keys.direction = 3;
  keys.firstGroup = 0;
  keys.groupCount = 2;
  keys.uiHint = 3;
  keys.midiCiVersion = 2;
  FunctionBlockDetails pads;
  pads.number = 1;
  pads.name = "Pads";
  pads.active = false;
  pads.direction = 2;
  pads.firstGroup = 4;
  pads.groupCount = 1;
  pads.uiHint = 2;
  pads.midi1 = 1;
  info.functionBlocks = {keys, pads};
  return std::make_shared<Endpoint>(info);
}

}  // namespace

TEST(nolib_statusSaysAlsaLibIsMissing) {
  AlsaFixture fixture;
  const TransportStatus status = fixture.transport->status();
  CHECK(!status.available);
  CHECK_MESSAGE(status.message.find("alsa-lib (libasound.so.2) is not installed") == 0, status.message);
  for (const EndpointInfo& info : fixture.engine.listEndpoints()) CHECK(info.transportId != "alsa");
}

TEST(oldlib_statusSaysMidi1OnlyWithTheVersionFound) {
  AlsaFixture fixture;
  const TransportStatus status = fixture.transport->status();
  CHECK(status.available);
  CHECK_EQ(status.message, std::string("alsa-lib 1.2.8: MIDI 1.0 only (UMP needs alsa-lib >= 1.2.10)"));
  // Midi Through is a UMP client, but alsa-lib 1.2.8 sees (and reaches) it as MIDI 1.0.
  CHECK(fixture.waitFor("Midi Through", 0).protocol == MidiProtocol::Midi1);
}

TEST(ump_statusSaysUmpWorks) {
  AlsaFixture fixture;
  const TransportStatus status = fixture.transport->status();
  CHECK(status.available);
  CHECK_MESSAGE(status.message.find("alsa-lib 1.2.14, kernel ") == 0, status.message);
  CHECK_MESSAGE(status.message.find(": MIDI 1.0 and UMP") != std::string::npos, status.message);
}

TEST(ump_midiThroughIsAUmpEndpointWithItsDetails) {
  AlsaFixture fixture;
  const EndpointInfo through = fixture.waitFor("Midi Through", 0);
  CHECK_EQ(through.endpointDeviceId, std::string("alsa:14:0"));
  CHECK(through.protocol == MidiProtocol::Midi2);
  CHECK_EQ(detail(through, "client"), std::string("14"));
  CHECK_EQ(detail(through, "client type"), std::string("kernel"));
  CHECK_EQ(detail(through, "MIDI"), std::string("UMP MIDI 2.0"));
}

TEST(ump_receivesWhatAseqsendSendsThroughMidiThrough) {
  AlsaFixture fixture;
  const EndpointInfo through = fixture.waitFor("Midi Through", 0);
  const ConnectionId id = openOrFail(fixture.engine, through.endpointDeviceId);
  const Timestamp before = clockNow();
  CHECK_EQ(shell("aseqsend -u 2 -p 14:0 '40913C00 C0000000'"), 0);
  const Received received = fixture.waitForWords(id, 2);
  CHECK_EQ(received.words, (std::vector<std::uint32_t>{0x40913C00, 0xC0000000}));
  CHECK(received.timestamps[0] >= before && received.timestamps[0] <= clockNow());
}

TEST(ump_sendsUmpThatAseqdumpReceives) {
  AlsaFixture fixture;
  const EndpointInfo through = fixture.waitFor("Midi Through", 0);
  ChildLines dump("stdbuf -oL aseqdump -u 2 -p 14:0");
  WAIT_UNTIL(dump.contains("Waiting for data"));
  const ConnectionId id = openOrFail(fixture.engine, through.endpointDeviceId);
  const std::vector<std::uint32_t> noteOn = {0x40923E00, 0x80000000};
  CHECK_EQ(fixture.engine.sendMessage(id, 0, wordsOf(noteOn)), kSucceeded);
  WAIT_UNTIL(dump.contains("Note on"));
  CHECK_MESSAGE(dump.contains("channel 2") || dump.contains("ch  2") || dump.contains(" 2, note 62"), dump.all());
}

TEST(midi1_virmidiPortsAreMidi1Endpoints) {
  AlsaFixture fixture;
  const EndpointInfo virmidi = fixture.waitFor("Virtual Raw MIDI 0-0", 0);
  CHECK(virmidi.protocol == MidiProtocol::Midi1);
  CHECK(!virmidi.umpEndpoint.has_value());
  CHECK_EQ(detail(virmidi, "card"), std::string("0"));
}

TEST(midi1_bytesFromTheDeviceArriveAsType2) {
  AlsaFixture fixture;
  const EndpointInfo virmidi = fixture.waitFor("Virtual Raw MIDI 0-0", 0);
  const ConnectionId id = openOrFail(fixture.engine, virmidi.endpointDeviceId);
  RawMidi device(rawmidiPathOf(virmidi));
  CHECK(device.ok());
  device.write({0x93, 0x3C, 0x64, 0xB3, 0x07, 0x50, 0xF8});
  const Received received = fixture.waitForWords(id, 3);
  CHECK_EQ(received.words, (std::vector<std::uint32_t>{0x20933C64, 0x20B30750, 0x10F80000}));
}

TEST(midi1_umpSentToAMidi1PortArrivesAsBytesScaledDown) {
  AlsaFixture fixture;
  const EndpointInfo virmidi = fixture.waitFor("Virtual Raw MIDI 0-1", 0);
  RawMidi device(rawmidiPathOf(virmidi));
  CHECK(device.ok());
  const ConnectionId id = openOrFail(fixture.engine, virmidi.endpointDeviceId);
  // A MIDI 1.0 note on (type 2) and a MIDI 2.0 note on, velocity 0x8000 -> 64 (type 4).
  const std::vector<std::uint32_t> words = {0x20913C64, 0x40923E00, 0x80000000};
  CHECK_EQ(fixture.engine.sendMessages(id, 0, wordsOf(words)).result, kSucceeded);
  CHECK_EQ(device.read(6), (std::vector<std::uint8_t>{0x91, 0x3C, 0x64, 0x92, 0x3E, 0x40}));
}

TEST(midi1_untranslatableMessagesFailTheSendInsteadOfVanishing) {
  AlsaFixture fixture;
  const EndpointInfo virmidi = fixture.waitFor("Virtual Raw MIDI 0-1", 0);
  const ConnectionId id = openOrFail(fixture.engine, virmidi.endpointDeviceId);
  const std::vector<std::uint32_t> perNotePitchBend = {0x40603C00, 0x80000000};
  const SendResult result = fixture.engine.sendMessage(id, 0, wordsOf(perNotePitchBend));
  CHECK_EQ(result, kFailed | kInvalidMessageOther);
}

TEST(midi1_sysEx64KiBCrossesAMidi1PortByteForByteBothWays) {
  AlsaFixture fixture;
  const EndpointInfo virmidi = fixture.waitFor("Virtual Raw MIDI 0-2", 0);
  RawMidi device(rawmidiPathOf(virmidi));
  CHECK(device.ok());
  const ConnectionId id = openOrFail(fixture.engine, virmidi.endpointDeviceId, 1 << 16);
  std::vector<std::uint8_t> payload(64 * 1024);
  for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<std::uint8_t>((i * 7 + i / 128) & 0x7F);
  std::vector<std::uint8_t> expected = {0xF0};
  expected.insert(expected.end(), payload.begin(), payload.end());
  expected.push_back(0xF7);

  // Out: UMP type 3 packets -> MIDI 1.0 bytes at the device.
  // The device is read while the send runs: its rawmidi buffer holds 4 KiB, as a real one would.
  const std::vector<std::uint32_t> packets = sysEx7Packets(payload);
  std::vector<std::uint8_t> atDevice;
  std::thread reader([&] { atDevice = device.read(expected.size()); });
  const SendResult sent = fixture.engine.sendMessages(id, 0, wordsOf(packets)).result;
  reader.join();
  CHECK_EQ(sent, kSucceeded);
  CHECK_MESSAGE(atDevice == expected, difference(atDevice, expected));

  // In: MIDI 1.0 bytes from the device -> the same type 3 packets.
  // The device writes 1 KiB at a time and waits for it to arrive, as a device on a wire does:
  // snd-virmidi has no flow control toward sequencer readers, and the kernel drops events that
  // overflow a reader's input pool.
  std::vector<std::uint32_t> received;
  for (std::size_t at = 0; at < expected.size(); at += 1024) {
    const std::size_t end = std::min(expected.size(), at + 1024);
    device.write(std::vector<std::uint8_t>(expected.begin() + static_cast<std::ptrdiff_t>(at),
                                           expected.begin() + static_cast<std::ptrdiff_t>(end)));
    // Bytes [0, end) are in once the packets that end before byte `end - 1` are (6 per packet).
    const std::size_t wordsDue = end == expected.size() ? packets.size() : 2 * ((end - 1) / 6 > 0 ? (end - 1) / 6 - 1 : 0);
    const bool arrived = waitUntil(
        [&] {
          const Received more = drainAll(fixture.engine, id);
          received.insert(received.end(), more.words.begin(), more.words.end());
          return received.size() >= wordsDue;
        },
        std::chrono::seconds(30));
    CHECK_MESSAGE(arrived, "received " << received.size() << " of " << packets.size() << " words after "
                                       << end << " bytes");
  }
  CHECK_MESSAGE(received == packets, difference(received, packets));
}

TEST(hotplug_aClientAppearsAndVanishesAndAnOpenConnectionCloses) {
  AlsaFixture fixture;
  auto dump = std::make_unique<ChildLines>("stdbuf -oL aseqdump");
  const EndpointInfo peer = fixture.waitFor("aseqdump");
  const ConnectionId id = openOrFail(fixture.engine, peer.endpointDeviceId);
  const std::vector<std::uint32_t> noteOn = {0x20903C64};
  CHECK_EQ(fixture.engine.sendMessage(id, 0, wordsOf(noteOn)), kSucceeded);
  WAIT_UNTIL(dump->contains("Note on"));
  dump.reset();  // the client exits: its port is announced gone
  WAIT_UNTIL(!fixture.find("aseqdump").has_value());
  const auto removedSeen = [&] {
    for (const EndpointChange& change : fixture.listener->changes()) {
      if (change.kind == EndpointChangeKind::Removed && change.endpoint.endpointDeviceId == peer.endpointDeviceId) {
        return true;
      }
    }
    return false;
  };
  WAIT_UNTIL(removedSeen());
  WAIT_UNTIL(!fixture.engine.isConnectionOpen(id));
  CHECK_EQ(fixture.engine.sendMessage(id, 0, wordsOf(noteOn)) & kEndpointConnectionClosedOrInvalid,
           kEndpointConnectionClosedOrInvalid);
}

TEST(ump_usbMidi2GadgetIsListedWithItsFunctionBlocksAndCarriesUmpBothWaysUntilUnplugged) {
  CHECK_EQ(shell("sh scripts/alsa-guest/gadget.sh create"), 0);
  AlsaFixture fixture;
  CHECK_EQ(shell("sh scripts/alsa-guest/gadget.sh plug"), 0);
  // Two clients carry the endpoint's name: the gadget's own (the device's firmware side, card
  // f_midi2) and the USB device the host enumerated (snd-usb-audio). Both appear.
  std::vector<EndpointInfo> sides;
  WAIT_UNTIL(([&] {
    sides.clear();
    for (const EndpointInfo& info : fixture.engine.listEndpoints()) {
      if (detail(info, "client name") == "Test MIDI2 EP" && detail(info, "port") == "0" &&
          !info.functionBlocks.empty() && info.functionBlocks[0].name == "Main FB") {
        sides.push_back(info);
      }
    }
    return sides.size() == 2;
  }()));
  for (const EndpointInfo& side : sides) {
    CHECK(side.protocol == MidiProtocol::Midi2);
    CHECK(side.umpEndpoint.has_value());
    CHECK_EQ(side.umpEndpoint->functionBlockCount, 1);
    CHECK_EQ(side.functionBlocks.size(), 1u);
    CHECK_EQ(side.functionBlocks[0].firstGroup, 0);
    CHECK_EQ(side.functionBlocks[0].groupCount, 2);
    CHECK(side.functionBlocks[0].active);
  }
  // Which is the USB device: the card whose /proc entry says usb.
  const auto isUsb = [](const EndpointInfo& info) {
    return shell("test -e /proc/asound/card" + detail(info, "card") + "/usbid") == 0;
  };
  const EndpointInfo usb = isUsb(sides[0]) ? sides[0] : sides[1];
  const EndpointInfo gadget = isUsb(sides[0]) ? sides[1] : sides[0];
  CHECK(isUsb(usb) && !isUsb(gadget));

  const ConnectionId host = openOrFail(fixture.engine, usb.endpointDeviceId);
  const ConnectionId device = openOrFail(fixture.engine, gadget.endpointDeviceId);
  const std::vector<std::uint32_t> toDevice = {0x40903C00, 0xC0000000};
  CHECK_EQ(fixture.engine.sendMessage(host, 0, wordsOf(toDevice)), kSucceeded);
  CHECK_EQ(fixture.waitForWords(device, 2).words, toDevice);
  const std::vector<std::uint32_t> toHost = {0x41B10700, 0x12345678};
  CHECK_EQ(fixture.engine.sendMessage(device, 0, wordsOf(toHost)), kSucceeded);
  CHECK_EQ(fixture.waitForWords(host, 2).words, toHost);

  const std::size_t changesBefore = fixture.listener->changes().size();
  CHECK_EQ(shell("sh scripts/alsa-guest/gadget.sh unplug"), 0);
  WAIT_UNTIL(!fixture.engine.isConnectionOpen(host));
  const auto removed = [&] {
    const auto changes = fixture.listener->changes();
    for (std::size_t i = changesBefore; i < changes.size(); ++i) {
      if (changes[i].kind == EndpointChangeKind::Removed && changes[i].endpoint.endpointDeviceId == usb.endpointDeviceId) return true;
    }
    return false;
  };
  WAIT_UNTIL(removed());
  CHECK_EQ(fixture.engine.sendMessage(host, 0, wordsOf(toDevice)) & kEndpointConnectionClosedOrInvalid,
           kEndpointConnectionClosedOrInvalid);
}

TEST(ump_aPublishedEndpointIsAUmpClientWithItsDeclaredEndpointInfoAndBlocks) {
  AlsaFixture fixture;
  const std::shared_ptr<Endpoint> declared = declaredEndpoint();
  fixture.transport->publish(declared);
  // The kernel's view: a user UMP MIDI 2.0 client named after the endpoint, with its blocks.
  std::string proc;
  WAIT_UNTIL(!(proc = procClient("Declared Synth")).empty());
  CHECK_MESSAGE(proc.find("[User UMP MIDI2]") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Endpoint: \"Declared Synth\"") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Block 0: \"Keys\" [Active]\n    Groups: 1-2") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Block 1: \"Pads\" [Inactive]\n    Groups: 5-5") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("Port   0 : \"Declared Synth\"") != std::string::npos, proc);
  // aconnect's view.
  CHECK_EQ(shell("aconnect -l | grep -q \"'Declared Synth' \\[type=user,UMP-MIDI2\""), 0);

  // Another client's view through snd_seq_get_ump_endpoint_info / snd_seq_get_ump_block_info:
  // a second engine with its own ALSA transport (separate sequencer clients) lists it.
  AlsaFixture other;
  const EndpointInfo seen = other.waitFor("Declared Synth", 0);
  CHECK(seen.protocol == MidiProtocol::Midi2);
  CHECK(seen.umpEndpoint.has_value());
  CHECK_EQ(seen.umpEndpoint->productInstanceId, std::string("SYNTH-0042"));
  CHECK_EQ(static_cast<int>(seen.umpEndpoint->functionBlockCount), 2);
  CHECK(seen.umpEndpoint->staticFunctionBlocks);
  CHECK(seen.umpEndpoint->supportsMidi2);
  CHECK(!seen.umpEndpoint->supportsMidi1);
  CHECK_EQ(seen.umpEndpoint->manufacturerId, 0x7Du);
  CHECK_EQ(static_cast<int>(seen.umpEndpoint->family), 0x1234);
  CHECK_EQ(static_cast<int>(seen.umpEndpoint->model), 0x0567);
  CHECK_EQ(seen.functionBlocks.size(), 2u);
  if (seen.functionBlocks.size() == 2) {
    const FunctionBlockDetails& keys = seen.functionBlocks[0];
    CHECK_EQ(keys.name, std::string("Keys"));
    CHECK(keys.active);
    CHECK_EQ(static_cast<int>(keys.direction), 3);
    CHECK_EQ(static_cast<int>(keys.firstGroup), 0);
    CHECK_EQ(static_cast<int>(keys.groupCount), 2);
    CHECK_EQ(static_cast<int>(keys.midiCiVersion), 2);
    const FunctionBlockDetails& pads = seen.functionBlocks[1];
    CHECK_EQ(pads.name, std::string("Pads"));
    CHECK(!pads.active);
    CHECK_EQ(static_cast<int>(pads.direction), 2);
    CHECK_EQ(static_cast<int>(pads.firstGroup), 4);
    CHECK_EQ(static_cast<int>(pads.groupCount), 1);
    CHECK_EQ(static_cast<int>(pads.uiHint), 2);
    CHECK_EQ(static_cast<int>(pads.midi1), 1);
  }

  // What the other engine sends to the published client arrives at the endpoint's taps' owner
  // (the host) ... and what arrives at the endpoint reaches the other engine, in UMP unchanged.
  const ConnectionId id = openOrFail(other.engine, seen.endpointDeviceId);
  const std::vector<std::uint32_t> noteOn = {0x40903C00, 0xABCD0000};
  declared->deliver(noteOn.data(), noteOn.size(), 1);
  CHECK_EQ(other.waitForWords(id, 2).words, noteOn);

  // Unpublished: the port goes at once, the client once the receive thread lets go of it.
  fixture.transport->unpublish(declared->id());
  CHECK_MESSAGE(procClient("Declared Synth").find("Port   0") == std::string::npos, procClients());
  WAIT_UNTIL(procClient("Declared Synth").empty());
  WAIT_UNTIL(!other.find("Declared Synth").has_value());
}

TEST(ump_loopbackSidesArePublishedWithOneBlockOverAllGroupsAndAreNotListedBackToUs) {
  AlsaFixture fixture;
  const PairCreationResult pair =
      fixture.engine.createLoopbackPair("alsa-blocks", {"Blocks A", "", "blocks-a-unique"}, {"Blocks B", "", "blocks-b-unique"});
  CHECK(pair.success);
  std::string proc;
  WAIT_UNTIL(!(proc = procClient("Blocks A")).empty());
  CHECK_MESSAGE(proc.find("UMP Endpoint: \"Blocks A\"") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Block 0: \"Blocks A\" [Active]\n    Groups: 1-16") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Block 1") == std::string::npos, proc);
  CHECK(!procClient("Blocks B").empty());
  // Our own clients are not endpoints of our own ALSA transport.
  CHECK(!fixture.find("Blocks A").has_value());
  CHECK(!fixture.find("Diagnostics Loopback").has_value());

  AlsaFixture other;
  const EndpointInfo seen = other.waitFor("Blocks A", 0);
  CHECK(seen.umpEndpoint.has_value());
  CHECK_EQ(seen.umpEndpoint->productInstanceId, std::string("blocks-a-unique"));
  CHECK(seen.umpEndpoint->supportsMidi1 && seen.umpEndpoint->supportsMidi2);
  CHECK_EQ(seen.functionBlocks.size(), 1u);
  if (!seen.functionBlocks.empty()) {
    CHECK_EQ(static_cast<int>(seen.functionBlocks[0].firstGroup), 0);
    CHECK_EQ(static_cast<int>(seen.functionBlocks[0].groupCount), 16);
    CHECK_EQ(static_cast<int>(seen.functionBlocks[0].direction), 3);
  }
  // The other engine sends to our side A: it comes out at side B.
  const ConnectionId b = openOrFail(fixture.engine, pair.endpointDeviceIdB);
  const ConnectionId toA = openOrFail(other.engine, seen.endpointDeviceId);
  const std::vector<std::uint32_t> message = {0x41B10700, 0x12345678};
  CHECK_EQ(other.engine.sendMessage(toA, 0, wordsOf(message)), kSucceeded);
  CHECK_EQ(fixture.waitForWords(b, 2).words, message);

  CHECK(fixture.engine.removeLoopbackPair("alsa-blocks"));
  WAIT_UNTIL(procClient("Blocks A").empty() && procClient("Blocks B").empty());
}

namespace {

FunctionBlockDetails declaredBlock(std::uint8_t number, const std::string& name, bool active,
                                   std::uint8_t direction, std::uint8_t firstGroup, std::uint8_t groupCount) {
  FunctionBlockDetails fb;
  fb.number = number;
  fb.name = name;
  fb.active = active;
  fb.direction = direction;
  fb.firstGroup = firstGroup;
  fb.groupCount = groupCount;
  return fb;
}

// What a virtual device declares (src/virtualDevice/virtualDeviceEndpointInfo.ts makes this from
// a declaration): "Keys" on groups 1-2 both ways, "Pads" on group 5, out, inactive.
UmpDeclaration virtualSynthDeclaration() {
  UmpDeclaration declaration;
  declaration.endpoint.productInstanceId = "VSYNTH-0001";
  declaration.endpoint.supportsMidi2 = true;
  declaration.endpoint.staticFunctionBlocks = false;
  declaration.endpoint.functionBlockCount = 2;
  declaration.endpoint.manufacturerId = 0x7D0000;
  declaration.functionBlocks = {declaredBlock(0, "Keys", true, 3, 0, 2), declaredBlock(1, "Pads", false, 2, 4, 1)};
  return declaration;
}

}  // namespace

TEST(ump_aVirtualDeviceSideIsPublishedWithItsDeclaredBlocksNotTheDefaultOne) {
  AlsaFixture fixture;
  // A virtual device's pair: the host side, named after the device, declares the device.
  LoopbackSideDefinition host{"Virtual Synth", "", "vsynth-host"};
  host.declaration = virtualSynthDeclaration();
  const PairCreationResult pair =
      fixture.engine.createLoopbackPair("alsa-virtual", {"Synth firmware", "", "vsynth-device"}, host);
  CHECK_MESSAGE(pair.success, pair.errorInformation);
  std::string proc;
  WAIT_UNTIL(!(proc = procClient("Virtual Synth")).empty());
  CHECK_MESSAGE(proc.find("UMP Endpoint: \"Virtual Synth\"") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Block 0: \"Keys\" [Active]\n    Groups: 1-2") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Block 1: \"Pads\" [Inactive]\n    Groups: 5-5") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Block 2") == std::string::npos, proc);
  CHECK_MESSAGE(proc.find("Groups: 1-16") == std::string::npos, proc);  // not the default block
  // The device side declares nothing: the default block.
  WAIT_UNTIL(!(proc = procClient("Synth firmware")).empty());
  CHECK_MESSAGE(proc.find("UMP Block 0: \"Synth firmware\" [Active]\n    Groups: 1-16") != std::string::npos, proc);

  // Another client's view (snd_seq_get_ump_endpoint_info / snd_seq_get_ump_block_info).
  {
    AlsaFixture other;
    const EndpointInfo seen = other.waitFor("Virtual Synth", 0);
    CHECK(seen.umpEndpoint.has_value());
    if (seen.umpEndpoint) {
      CHECK_EQ(seen.umpEndpoint->productInstanceId, std::string("VSYNTH-0001"));
      CHECK_EQ(static_cast<int>(seen.umpEndpoint->functionBlockCount), 2);
      CHECK(!seen.umpEndpoint->staticFunctionBlocks);
      CHECK(seen.umpEndpoint->supportsMidi2 && !seen.umpEndpoint->supportsMidi1);
      CHECK_EQ(seen.umpEndpoint->manufacturerId, 0x7D0000u);
    }
    CHECK_EQ(seen.functionBlocks.size(), 2u);
    if (seen.functionBlocks.size() == 2) {
      CHECK_EQ(seen.functionBlocks[0].name, std::string("Keys"));
      CHECK(seen.functionBlocks[0].active);
      CHECK_EQ(static_cast<int>(seen.functionBlocks[0].direction), 3);
      CHECK_EQ(static_cast<int>(seen.functionBlocks[0].firstGroup), 0);
      CHECK_EQ(static_cast<int>(seen.functionBlocks[0].groupCount), 2);
      CHECK_EQ(seen.functionBlocks[1].name, std::string("Pads"));
      CHECK(!seen.functionBlocks[1].active);
      CHECK_EQ(static_cast<int>(seen.functionBlocks[1].direction), 2);
      CHECK_EQ(static_cast<int>(seen.functionBlocks[1].firstGroup), 4);
      CHECK_EQ(static_cast<int>(seen.functionBlocks[1].groupCount), 1);
    }
  }

  // The declaration changes to one block: the same client shows it, and the second block goes.
  UmpDeclaration changed = virtualSynthDeclaration();
  changed.functionBlocks = {declaredBlock(0, "Strings", true, 1, 2, 2)};
  changed.endpoint.functionBlockCount = 1;
  CHECK_EQ(fixture.engine.declareEndpoint(pair.endpointDeviceIdB, changed), std::string());
  proc = procClient("Virtual Synth");
  CHECK_MESSAGE(proc.find("UMP Block 0: \"Strings\" [Active]\n    Groups: 3-4") != std::string::npos, proc);
  CHECK_MESSAGE(proc.find("UMP Block 1") == std::string::npos, proc);
  {
    AlsaFixture later;
    const EndpointInfo seen = later.waitFor("Virtual Synth", 0);
    CHECK(seen.umpEndpoint.has_value() && seen.umpEndpoint->functionBlockCount == 1);
    CHECK_EQ(seen.functionBlocks.size(), 1u);
    if (seen.functionBlocks.size() == 1) {
      CHECK_EQ(seen.functionBlocks[0].name, std::string("Strings"));
      CHECK_EQ(static_cast<int>(seen.functionBlocks[0].direction), 1);
      CHECK_EQ(static_cast<int>(seen.functionBlocks[0].firstGroup), 2);
      CHECK_EQ(static_cast<int>(seen.functionBlocks[0].groupCount), 2);
    }
  }
  CHECK(fixture.engine.removeLoopbackPair("alsa-virtual"));
  WAIT_UNTIL(procClient("Virtual Synth").empty() && procClient("Synth firmware").empty());
}

namespace {

// A destination that never reads: aseqdump, stopped. Sends fail as destination full once the
// kernel's input pool for it is full, with the counts of what the kernel took before. (The
// kernel then discards everything queued for it when it reads again: its read says the input
// overflowed. So what it prints afterwards is only what was sent after that.)
void destinationFullIsReportedWithCounts(const std::string& dumpOptions, bool ump) {
  AlsaFixture fixture;
  ChildLines dump("stdbuf -oL aseqdump " + dumpOptions);
  WAIT_UNTIL(dump.contains("Waiting for data"));
  const EndpointInfo peer = fixture.waitFor("aseqdump");
  const ConnectionId id = openOrFail(fixture.engine, peer.endpointDeviceId);
  dump.signal(SIGSTOP);
  // 20,000 note ons: more than any input pool the kernel gives a client (at most 2,000 here).
  std::vector<std::uint32_t> words;
  for (int i = 0; i < 20000; ++i) {
    if (ump) {
      words.push_back(0x40903C00u);
      words.push_back(0x80000000u);
    } else {
      words.push_back(0x20903C40u);
    }
  }
  const MultipleSendResult sent = fixture.engine.sendMessages(id, 0, wordsOf(words));
  const std::size_t wordsPerMessage = ump ? 2 : 1;
  CHECK_MESSAGE(sent.result == (kFailed | kDestinationFull | kMessageListPartiallyProcessed),
                "result " << std::hex << sent.result);
  CHECK_MESSAGE(sent.messagesSent > 0 && sent.messagesSent < 20000, "messagesSent " << sent.messagesSent);
  CHECK_EQ(sent.wordsSent, sent.messagesSent * wordsPerMessage);
  std::printf("    destination full after %zu messages\n", sent.messagesSent);
  // One more, on its own: full too, nothing sent.
  const std::vector<std::uint32_t> one(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(wordsPerMessage));
  CHECK_EQ(fixture.engine.sendMessage(id, 0, wordsOf(one)), kFailed | kDestinationFull);
  // It reads again: once its read has cleared the overflow, a send goes through and arrives.
  dump.signal(SIGCONT);
  SendResult again = kFailed;
  WAIT_UNTIL(([&] {
    again = fixture.engine.sendMessage(id, 0, wordsOf(one));
    CHECK_MESSAGE(again == kSucceeded || again == (kFailed | kDestinationFull), "result " << std::hex << again);
    return again == kSucceeded;
  }()));
  WAIT_UNTIL(dump.count("Note on") == 1);
  CHECK_MESSAGE(dump.count("Note on") == 1, dump.all());
}

}  // namespace

TEST(ump_aSendToAUmpDestinationThatNeverReadsFailsAsDestinationFullWithCounts) {
  destinationFullIsReportedWithCounts("-u 2", true);
}

TEST(utils_aSendToAMidi1DestinationThatNeverReadsFailsAsDestinationFullWithCounts) {
  destinationFullIsReportedWithCounts("", false);
}
