// An interop driver for AM_MIDI2.0Lib's MIDI-CI code (midi2-dev/AM_MIDI2.0Lib, C++, independent of
// MIDI Scope; built outside the repository by am-midi2-ci.sh). Two modes:
//   ci_peer build    prints the MIDI-CI messages AM_MIDI2.0Lib's CIMessage:: builders make for a
//                    fixed set of arguments, as JSON ({"name", "hex"}); MIDI Scope's parser and
//                    builders are checked against them (test/unit/midici/amMidi2Vectors.test.ts).
//   ci_peer decode   reads SysEx bodies (hex, one per line: "name hex…") that MIDI Scope built and
//                    prints what AM_MIDI2.0Lib's midiCIProcessor made of each, as JSON lines.
// The arguments here and in the unit test are the same on purpose: each side states them.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "midiCIMessageCreate.h"
#include "midiCIProcessor.h"

namespace {

constexpr uint32_t kSource = 0x0123456;
constexpr uint32_t kDestination = 0x0654321;
constexpr uint8_t kVersion = 0x02;
const std::array<uint8_t, 3> kManufacturer = {{0x7D, 0x00, 0x00}};
const std::array<uint8_t, 2> kFamily = {{0x05, 0x01}};  // LSB first: 0x85
const std::array<uint8_t, 2> kModel = {{0x09, 0x00}};
const std::array<uint8_t, 4> kRevision = {{0x01, 0x02, 0x03, 0x04}};
const std::array<uint8_t, 5> kProfile = {{0x7E, 0x21, 0x00, 0x01, 0x02}};

bool first = true;
void emit(const char* name, const uint8_t* bytes, uint16_t length) {
  std::printf("%s\n  {\"name\": \"%s\", \"hex\": \"", first ? "" : ",", name);
  for (uint16_t i = 0; i < length; ++i) std::printf(i == 0 ? "%02X" : " %02X", bytes[i]);
  std::printf("\"}");
  first = false;
}

int build() {
  uint8_t s[1024];
  uint8_t header[] = "{\"resource\":\"DeviceInfo\"}";
  const uint16_t headerLength = sizeof(header) - 1;
  uint8_t body[] = "{\"manufacturer\":\"Acme\"}";
  const uint16_t bodyLength = sizeof(body) - 1;
  uint8_t status200[] = "{\"status\":200}";
  const uint16_t status200Length = sizeof(status200) - 1;
  uint8_t details[5] = {1, 2, 3, 4, 5};
  uint8_t text[] = "busy";
  uint8_t info[] = {0x41, 0x42, 0x43};
  uint8_t profileData[] = {0x10, 0x20, 0x30};
  uint8_t enabled[] = {0x7E, 0x21, 0x00, 0x01, 0x02};
  uint8_t disabled[] = {0x7E, 0x22, 0x00, 0x01, 0x02, 0x7E, 0x23, 0x00, 0x01, 0x02};
  std::printf("[");
  emit("discovery", s, CIMessage::sendDiscoveryRequest(s, kVersion, kSource, kManufacturer, kFamily, kModel, kRevision, 0x1C, 512, 0));
  emit("discoveryReply", s, CIMessage::sendDiscoveryReply(s, kVersion, kDestination, kSource, kManufacturer, kFamily, kModel, kRevision, 0x0C, 4096, 0, 3));
  emit("endpointInformation", s, CIMessage::sendEndpointInfoRequest(s, kVersion, kSource, kDestination, 0));
  emit("endpointInformationReply", s, CIMessage::sendEndpointInfoReply(s, kVersion, kDestination, kSource, 0, sizeof(info), info));
  emit("ack", s, CIMessage::sendACK(s, kVersion, kDestination, kSource, 0x7F, 0x34, 0x10, 0x02, details, 4, text));
  emit("nak", s, CIMessage::sendNAK(s, kVersion, kDestination, kSource, 0x7F, 0x34, 0x20, 0x00, details, 4, text));
  emit("invalidateMuid", s, CIMessage::sendInvalidateMUID(s, kVersion, kSource, kDestination));
  emit("profileInquiry", s, CIMessage::sendProfileListRequest(s, kVersion, kSource, kDestination, 0x7F));
  emit("profileInquiryReply", s, CIMessage::sendProfileListResponse(s, kVersion, kDestination, kSource, 0x7F, 1, enabled, 2, disabled));
  emit("profileAddedReport", s, CIMessage::sendProfileAdd(s, kVersion, kDestination, kSource, 0x7F, kProfile));
  emit("profileRemovedReport", s, CIMessage::sendProfileRemove(s, kVersion, kDestination, kSource, 0x7F, kProfile));
  emit("setProfileOn", s, CIMessage::sendProfileOn(s, kVersion, kSource, kDestination, 0x00, kProfile, 1));
  emit("setProfileOff", s, CIMessage::sendProfileOff(s, kVersion, kSource, kDestination, 0x00, kProfile));
  emit("profileEnabledReport", s, CIMessage::sendProfileEnabled(s, kVersion, kDestination, kSource, 0x00, kProfile, 1));
  emit("profileDisabledReport", s, CIMessage::sendProfileDisabled(s, kVersion, kDestination, kSource, 0x00, kProfile, 1));
  emit("profileDetailsInquiry", s, CIMessage::sendProfileDetailsInquiry(s, kVersion, kSource, kDestination, 0x7F, kProfile, 0x01));
  emit("profileDetailsReply", s, CIMessage::sendProfileDetailsReply(s, kVersion, kDestination, kSource, 0x7F, kProfile, 0x01, sizeof(profileData), profileData));
  emit("profileSpecificData", s, CIMessage::sendProfileSpecificData(s, kVersion, kSource, kDestination, 0x00, kProfile, sizeof(profileData), profileData));
  emit("propertyExchangeCapabilities", s, CIMessage::sendPECapabilityRequest(s, kVersion, kSource, kDestination, 4, 0, 0));
  emit("propertyExchangeCapabilitiesReply", s, CIMessage::sendPECapabilityReply(s, kVersion, kDestination, kSource, 2, 0, 0));
  emit("propertyGet", s, CIMessage::sendPEGet(s, kVersion, kSource, kDestination, 5, headerLength, header));
  emit("propertyGetReply", s, CIMessage::sendPEGetReply(s, kVersion, kDestination, kSource, 5, status200Length, status200, 1, 1, bodyLength, body));
  emit("propertySet", s, CIMessage::sendPESet(s, kVersion, kSource, kDestination, 6, headerLength, header, 2, 1, bodyLength, body));
  emit("propertySetReply", s, CIMessage::sendPESetReply(s, kVersion, kDestination, kSource, 6, status200Length, status200));
  emit("propertySubscribe", s, CIMessage::sendPESub(s, kVersion, kSource, kDestination, 7, headerLength, header, 1, 1, 0, body));
  emit("propertySubscribeReply", s, CIMessage::sendPESubReply(s, kVersion, kDestination, kSource, 7, status200Length, status200));
  emit("propertyNotify", s, CIMessage::sendPENotify(s, kVersion, kDestination, kSource, 8, headerLength, header));
  emit("processInquiryCapabilities", s, CIMessage::sendPICapabilityRequest(s, kVersion, kSource, kDestination));
  emit("processInquiryCapabilitiesReply", s, CIMessage::sendPICapabilityReply(s, kVersion, kDestination, kSource, 0x01));
  emit("midiMessageReport", s, CIMessage::sendPIMMReport(s, kVersion, kSource, kDestination, 0x7F, 0x01, 0x07, 0x3F, 0x03));
  emit("midiMessageReportReply", s, CIMessage::sendPIMMReportReply(s, kVersion, kDestination, kSource, 0x7F, 0x07, 0x3F, 0x03));
  emit("midiMessageReportEnd", s, CIMessage::sendPIMMReportEnd(s, kVersion, kDestination, kSource, 0x7F));
  std::printf("\n]\n");
  return 0;
}

std::string hex(const uint8_t* bytes, size_t length) {
  std::string out;
  char cell[4];
  for (size_t i = 0; i < length; ++i) {
    std::snprintf(cell, sizeof cell, i == 0 ? "%02X" : " %02X", bytes[i]);
    out += cell;
  }
  return out;
}

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string common(const MIDICI& ci) {
  std::ostringstream o;
  o << "\"type\":" << int(ci.ciType) << ",\"version\":" << int(ci.ciVer) << ",\"source\":" << ci.remoteMUID
    << ",\"destination\":" << ci.localMUID << ",\"deviceId\":" << int(ci.deviceId);
  return o.str();
}

template <size_t N>
std::string bytesOf(const std::array<uint8_t, N>& a) {
  return "\"" + hex(a.data(), N) + "\"";
}

int decode() {
  midiCIProcessor p;
  std::string current;  // the name of the message being decoded
  auto say = [&](const std::string& fields) { std::printf("{\"name\":\"%s\",%s}\n", current.c_str(), fields.c_str()); };
  p.setRecvDiscovery([&](MIDICI ci, std::array<uint8_t, 3> m, std::array<uint8_t, 2> f, std::array<uint8_t, 2> mo,
                         std::array<uint8_t, 4> v, uint8_t cat, uint16_t max, uint8_t path) {
    say(common(ci) + ",\"manufacturer\":" + bytesOf(m) + ",\"family\":" + bytesOf(f) + ",\"model\":" + bytesOf(mo) +
        ",\"revision\":" + bytesOf(v) + ",\"categories\":" + std::to_string(cat) + ",\"maxSysEx\":" +
        std::to_string(max) + ",\"outputPath\":" + std::to_string(path));
  });
  p.setRecvDiscoveryReply([&](MIDICI ci, std::array<uint8_t, 3> m, std::array<uint8_t, 2> f, std::array<uint8_t, 2> mo,
                              std::array<uint8_t, 4> v, uint8_t cat, uint16_t max, uint8_t path, uint8_t fb) {
    say(common(ci) + ",\"manufacturer\":" + bytesOf(m) + ",\"family\":" + bytesOf(f) + ",\"model\":" + bytesOf(mo) +
        ",\"revision\":" + bytesOf(v) + ",\"categories\":" + std::to_string(cat) + ",\"maxSysEx\":" +
        std::to_string(max) + ",\"outputPath\":" + std::to_string(path) + ",\"functionBlock\":" + std::to_string(fb));
  });
  p.setRecvEndpointInfo([&](MIDICI ci, uint8_t status) { say(common(ci) + ",\"status\":" + std::to_string(status)); });
  p.setRecvEndpointInfoReply([&](MIDICI ci, uint8_t status, uint16_t length, uint8_t* data) {
    say(common(ci) + ",\"status\":" + std::to_string(status) + ",\"data\":\"" + hex(data, length) + "\"");
  });
  auto ackNak = [&](MIDICI ci, uint8_t orig, uint8_t code, uint8_t data, uint8_t* details, uint16_t length, uint8_t* text) {
    say(common(ci) + ",\"original\":" + std::to_string(orig) + ",\"statusCode\":" + std::to_string(code) +
        ",\"statusData\":" + std::to_string(data) + ",\"details\":\"" + hex(details, 5) + "\",\"text\":\"" +
        escape(std::string(reinterpret_cast<char*>(text), length)) + "\"");
  };
  p.setRecvACK(ackNak);
  p.setRecvNAK(ackNak);
  p.setRecvInvalidateMUID([&](MIDICI ci, uint32_t target) { say(common(ci) + ",\"target\":" + std::to_string(target)); });
  p.setRecvProfileInquiry([&](MIDICI ci) { say(common(ci)); });
  p.setRecvProfileEnabled([&](MIDICI ci, std::array<uint8_t, 5> profile, uint8_t channels) {
    say(common(ci) + ",\"profile\":" + bytesOf(profile) + ",\"channels\":" + std::to_string(channels));
  });
  p.setRecvProfileDisabled([&](MIDICI ci, std::array<uint8_t, 5> profile, uint8_t channels) {
    say(common(ci) + ",\"profile\":" + bytesOf(profile) + ",\"channels\":" + std::to_string(channels));
  });
  p.setRecvProfileOn([&](MIDICI ci, std::array<uint8_t, 5> profile, uint8_t channels) {
    say(common(ci) + ",\"profile\":" + bytesOf(profile) + ",\"channels\":" + std::to_string(channels));
  });
  p.setRecvProfileOff([&](MIDICI ci, std::array<uint8_t, 5> profile) { say(common(ci) + ",\"profile\":" + bytesOf(profile)); });
  p.setRecvProfileDetailsInquiry([&](MIDICI ci, std::array<uint8_t, 5> profile, uint8_t target) {
    say(common(ci) + ",\"profile\":" + bytesOf(profile) + ",\"target\":" + std::to_string(target));
  });
  p.setRecvProfileDetailsReply([&](MIDICI ci, std::array<uint8_t, 5> profile, uint8_t target, uint16_t length, uint8_t* data) {
    say(common(ci) + ",\"profile\":" + bytesOf(profile) + ",\"target\":" + std::to_string(target) + ",\"data\":\"" +
        hex(data, length) + "\"");
  });
  p.setRecvProfileSpecificData([&](MIDICI ci, std::array<uint8_t, 5> profile, uint16_t length, uint8_t* data, uint16_t part,
                                   bool last) {
    say(common(ci) + ",\"profile\":" + bytesOf(profile) + ",\"data\":\"" + hex(data, length) + "\",\"part\":" +
        std::to_string(part) + ",\"last\":" + (last ? "true" : "false"));
  });
  p.setPECapabilities([&](MIDICI ci, uint8_t n, uint8_t maj, uint8_t min) {
    say(common(ci) + ",\"simultaneous\":" + std::to_string(n) + ",\"major\":" + std::to_string(maj) + ",\"minor\":" + std::to_string(min));
  });
  p.setPECapabilitiesReply([&](MIDICI ci, uint8_t n, uint8_t maj, uint8_t min) {
    say(common(ci) + ",\"simultaneous\":" + std::to_string(n) + ",\"major\":" + std::to_string(maj) + ",\"minor\":" + std::to_string(min));
  });
  auto peHeader = [&](MIDICI ci, std::string header) {
    say(common(ci) + ",\"requestId\":" + std::to_string(ci.requestId) + ",\"header\":\"" + escape(header) + "\"");
  };
  p.setRecvPEGetInquiry(peHeader);
  p.setRecvPESetReply(peHeader);
  p.setRecvPESubReply(peHeader);
  p.setRecvPENotify(peHeader);
  auto peBody = [&](MIDICI ci, std::string header, uint16_t length, uint8_t* body, bool lastOfChunk, bool lastOfSet) {
    say(common(ci) + ",\"requestId\":" + std::to_string(ci.requestId) + ",\"header\":\"" + escape(header) +
        "\",\"body\":\"" + escape(std::string(reinterpret_cast<char*>(body), length)) + "\",\"chunks\":" +
        std::to_string(ci.totalChunks) + ",\"chunk\":" + std::to_string(ci.numChunk) + ",\"lastOfChunk\":" +
        (lastOfChunk ? "true" : "false") + ",\"lastOfSet\":" + (lastOfSet ? "true" : "false"));
  };
  p.setRecvPEGetReply(peBody);
  p.setRecvPESetInquiry(peBody);
  p.setRecvPESubInquiry(peBody);
  p.setRecvPICapabilities([&](MIDICI ci) { say(common(ci)); });
  p.setRecvPICapabilitiesReply([&](MIDICI ci, uint8_t features) { say(common(ci) + ",\"features\":" + std::to_string(features)); });
  p.setRecvPIMMReport([&](MIDICI ci, uint8_t mdc, uint8_t system, uint8_t controllers, uint8_t notes) {
    say(common(ci) + ",\"dataControl\":" + std::to_string(mdc) + ",\"system\":" + std::to_string(system) +
        ",\"controllers\":" + std::to_string(controllers) + ",\"notes\":" + std::to_string(notes));
  });
  p.setRecvPIMMReportReply([&](MIDICI ci, uint8_t system, uint8_t controllers, uint8_t notes) {
    say(common(ci) + ",\"system\":" + std::to_string(system) + ",\"controllers\":" + std::to_string(controllers) +
        ",\"notes\":" + std::to_string(notes));
  });
  p.setRecvPIMMEnd([&](MIDICI ci) { say(common(ci)); });
  p.setRecvUnknownMIDICI([&](MIDICI ci, uint8_t) { say(common(ci) + ",\"unknown\":true"); });

  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    in >> current;
    std::vector<uint8_t> bytes;
    std::string cell;
    while (in >> cell) bytes.push_back(static_cast<uint8_t>(std::stoul(cell, nullptr, 16)));
    if (bytes.size() < 2) continue;
    p.startSysex7(0, bytes[1]);
    for (uint8_t b : bytes) p.processMIDICI(b);
    p.endSysex7();
    std::printf("{\"name\":\"%s\",\"end\":true}\n", current.c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "build") return build();
  if (mode == "decode") return decode();
  std::fprintf(stderr, "usage: ci_peer build|decode\n");
  return 2;
}
