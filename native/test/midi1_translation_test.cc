// MIDI 1.0 <-> UMP against the UMP specification's default translation (M2-104-UM): the tables
// of message types (channel voice <-> type 2, system <-> type 1, SysEx <-> type 3) and the
// MIDI 2.0 -> MIDI 1.0 scaling rules. Expected words are written out by hand from the spec.
#include <cstdint>
#include <vector>

#include "engine/midi1_to_ump.h"
#include "engine/ump_size.h"
#include "engine/ump_to_midi1.h"
#include "harness/test_harness.h"

using namespace midiscope;

namespace {
using Bytes = std::vector<std::uint8_t>;
using Words = std::vector<std::uint32_t>;

Words toUmp(const Bytes& bytes, std::uint8_t group = 0) {
  Midi1ToUmp translator(group);
  Words out;
  translator.feed(bytes.data(), bytes.size(), out);
  return out;
}

Bytes toMidi1(const Words& words) {
  UmpToMidi1 translator;
  Bytes out;
  for (std::size_t i = 0; i < words.size();) {
    const std::size_t n = messageWordCount(words[i]);
    translator.translate(&words[i], n, out);
    i += n;
  }
  return out;
}
}  // namespace

TEST(channelVoiceBecomesType2InItsGroup) {
  CHECK_EQ(toUmp({0x93, 0x3C, 0x64}, 5), (Words{0x25933C64}));
  CHECK_EQ(toUmp({0x83, 0x3C, 0x00}), (Words{0x20833C00}));
  CHECK_EQ(toUmp({0xA1, 0x40, 0x7F}), (Words{0x20A1407F}));
  CHECK_EQ(toUmp({0xB2, 0x07, 0x65}), (Words{0x20B20765}));
  CHECK_EQ(toUmp({0xC4, 0x12}), (Words{0x20C41200}));  // one data byte: the last byte is 0
  CHECK_EQ(toUmp({0xD5, 0x33}), (Words{0x20D53300}));
  CHECK_EQ(toUmp({0xEF, 0x00, 0x40}), (Words{0x20EF0040}));
}

TEST(runningStatusRepeatsTheLastChannelStatus) {
  CHECK_EQ(toUmp({0x90, 0x3C, 0x64, 0x3E, 0x64, 0x40, 0x00}),
           (Words{0x20903C64, 0x20903E64, 0x20904000}));
}

TEST(systemCommonAndRealTimeBecomeType1) {
  CHECK_EQ(toUmp({0xF1, 0x25}), (Words{0x10F12500}));
  CHECK_EQ(toUmp({0xF2, 0x10, 0x20}), (Words{0x10F21020}));
  CHECK_EQ(toUmp({0xF3, 0x05}), (Words{0x10F30500}));
  CHECK_EQ(toUmp({0xF6}), (Words{0x10F60000}));
  CHECK_EQ(toUmp({0xF8, 0xFA, 0xFB, 0xFC, 0xFE, 0xFF}),
           (Words{0x10F80000, 0x10FA0000, 0x10FB0000, 0x10FC0000, 0x10FE0000, 0x10FF0000}));
}

TEST(realTimeInsideAMessageGoesFirstAndKeepsTheMessage) {
  CHECK_EQ(toUmp({0x90, 0x3C, 0xF8, 0x64}), (Words{0x10F80000, 0x20903C64}));
}

TEST(systemCommonEndsRunningStatus) {
  Midi1ToUmp translator;
  Words out;
  const Bytes bytes = {0x90, 0x3C, 0x64, 0xF6, 0x3C, 0x64};
  translator.feed(bytes.data(), bytes.size(), out);
  CHECK_EQ(out, (Words{0x20903C64, 0x10F60000}));
  CHECK_EQ(translator.counts().strayDataBytes, 2u);
  CHECK_EQ(translator.lastIssue(), std::string("offset 5: data byte with no running status (dropped) 0x64"));
}

TEST(sysExOfSixBytesOrLessIsOneCompletePacket) {
  CHECK_EQ(toUmp({0xF0, 0x7E, 0x7F, 0x06, 0x01, 0xF7}, 2), (Words{0x32047E7F, 0x06010000}));
  CHECK_EQ(toUmp({0xF0, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xF7}), (Words{0x30060102, 0x03040506}));
  CHECK_EQ(toUmp({0xF0, 0xF7}), (Words{0x30000000, 0x00000000}));
}

TEST(longSysExIsSegmentedIntoStartContinueEnd) {
  Bytes bytes = {0xF0};
  for (std::uint8_t i = 1; i <= 14; ++i) bytes.push_back(i);
  bytes.push_back(0xF7);
  CHECK_EQ(toUmp(bytes), (Words{0x30160102, 0x03040506, 0x30260708, 0x090A0B0C, 0x30320D0E, 0x00000000}));
}

TEST(sysExSplitAcrossCallsAndRealTimeInsideIt) {
  Midi1ToUmp translator;
  Words out;
  const Bytes first = {0xF0, 0x01, 0x02, 0x03};
  const Bytes second = {0xF8, 0x04, 0x05, 0x06, 0x07, 0xF7};
  translator.feed(first.data(), first.size(), out);
  CHECK(out.empty());
  translator.feed(second.data(), second.size(), out);
  CHECK_EQ(out, (Words{0x10F80000, 0x30160102, 0x03040506, 0x30310700, 0x00000000}));
  CHECK_EQ(translator.counts().total(), 0u);
}

TEST(statusInsideSysExClosesItAndIsCounted) {
  Midi1ToUmp translator;
  Words out;
  const Bytes bytes = {0xF0, 0x01, 0x02, 0x90, 0x3C, 0x64};
  translator.feed(bytes.data(), bytes.size(), out);
  CHECK_EQ(out, (Words{0x30020102, 0x00000000, 0x20903C64}));
  CHECK_EQ(translator.counts().interruptedSysEx, 1u);
}

TEST(undefinedAndStrayBytesAreCountedNotSent) {
  Midi1ToUmp translator;
  Words out;
  const Bytes bytes = {0x40, 0xF4, 0xF5, 0xF9, 0xFD, 0xF7, 0x90, 0x3C, 0x80, 0x3C, 0x00};
  translator.feed(bytes.data(), bytes.size(), out);
  CHECK_EQ(out, (Words{0x20803C00}));
  CHECK_EQ(translator.counts().strayDataBytes, 1u);
  CHECK_EQ(translator.counts().undefinedStatusBytes, 4u);
  CHECK_EQ(translator.counts().strayEndOfExclusive, 1u);
  CHECK_EQ(translator.counts().incompleteMessages, 1u);  // 0x90 0x3C cut short by 0x80
}

TEST(type1And2GoBackToTheirBytes) {
  CHECK_EQ(toMidi1({0x25933C64, 0x20C41200, 0x20D53300, 0x10F21020, 0x10F12500, 0x10F80000}),
           (Bytes{0x93, 0x3C, 0x64, 0xC4, 0x12, 0xD5, 0x33, 0xF2, 0x10, 0x20, 0xF1, 0x25, 0xF8}));
}

TEST(type3PacketsReassembleIntoOneSysEx) {
  CHECK_EQ(toMidi1({0x30160102, 0x03040506, 0x30260708, 0x090A0B0C, 0x30320D0E, 0x00000000}),
           (Bytes{0xF0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0xF7}));
}

TEST(brokenSysExSequencesAreCounted) {
  UmpToMidi1 translator;
  Bytes out;
  const Words orphan = {0x30320D0E, 0};
  CHECK(!translator.translate(orphan.data(), 2, out));
  CHECK(out.empty());
  const Words start = {0x30160102, 0x03040506};
  CHECK(translator.translate(start.data(), 2, out));
  CHECK(translator.translate(start.data(), 2, out));  // a new start closes the first one
  CHECK_EQ(out, (Bytes{0xF0, 1, 2, 3, 4, 5, 6, 0xF7, 0xF0, 1, 2, 3, 4, 5, 6}));
  CHECK_EQ(translator.counts().brokenSysEx, 2u);
}

TEST(midi2ChannelVoiceIsScaledDown) {
  // Note on, velocity 0xFFFF -> 127; note off velocity 0x8000 -> 64.
  CHECK_EQ(toMidi1({0x40913C00, 0xFFFF0000, 0x40823C00, 0x80000000}),
           (Bytes{0x91, 0x3C, 0x7F, 0x82, 0x3C, 0x40}));
  // A note on whose velocity scales to 0 is sent with velocity 1, never as a note off.
  CHECK_EQ(toMidi1({0x40903C00, 0x01000000}), (Bytes{0x90, 0x3C, 0x01}));
  // Control change and pressures: 32 -> 7 bits.
  CHECK_EQ(toMidi1({0x40B10700, 0x80000000, 0x40A23C00, 0xFE000000, 0x40D30000, 0x02000000}),
           (Bytes{0xB1, 0x07, 0x40, 0xA2, 0x3C, 0x7F, 0xD3, 0x01}));
  // Pitch bend: 32 -> 14 bits (center 0x80000000 -> 0x2000).
  CHECK_EQ(toMidi1({0x40E40000, 0x80000000}), (Bytes{0xE4, 0x00, 0x40}));
}

TEST(midi2ProgramChangeSendsBankSelectWhenValid) {
  CHECK_EQ(toMidi1({0x40C50001, 0x12003405}), (Bytes{0xB5, 0x00, 0x34, 0xB5, 0x20, 0x05, 0xC5, 0x12}));
  CHECK_EQ(toMidi1({0x40C50000, 0x12003405}), (Bytes{0xC5, 0x12}));
}

TEST(midi2RegisteredAndAssignableControllersBecomeParameterNumbers) {
  // RPN 0/0 (pitch bend sensitivity), value 0x04000000 -> 14 bits 0x0100: MSB 2, LSB 0.
  CHECK_EQ(toMidi1({0x40200000, 0x04000000}),
           (Bytes{0xB0, 101, 0, 0xB0, 100, 0, 0xB0, 6, 2, 0xB0, 38, 0}));
  CHECK_EQ(toMidi1({0x40310203, 0xFFFFFFFF}),
           (Bytes{0xB1, 99, 2, 0xB1, 98, 3, 0xB1, 6, 0x7F, 0xB1, 38, 0x7F}));
}

TEST(whatHasNoMidi1FormIsCountedAndReported) {
  UmpToMidi1 translator;
  Bytes out;
  const Words samples[] = {
      {0x40003C01, 0x12345678},                          // per-note registered controller
      {0x40603C00, 0x80000000},                          // per-note pitch bend
      {0x40F03C00, 0x00000000},                          // per-note management
      {0x40400102, 0x00000001},                          // relative RPN
      {0x50010102, 0x03040506, 0, 0},                    // SysEx 8
      {0xD0100100, 0, 0, 0},                             // flex data
      {0xF0010101, 0, 0, 0},                             // stream: endpoint discovery
      {0x00201234},                                      // JR timestamp
      {0x60000000},                                      // reserved type 6
  };
  for (const Words& message : samples) {
    CHECK(!translator.translate(message.data(), message.size(), out));
  }
  CHECK(out.empty());
  CHECK_EQ(translator.counts().untranslatable, 9u);
  CHECK(translator.lastIssue().find("0x60000000") != std::string::npos);
  const std::uint32_t noop = 0x00000000;
  CHECK(translator.translate(&noop, 1, out));  // NOOP carries nothing: not a loss
  CHECK_EQ(translator.counts().untranslatable, 9u);
}

TEST(bytesSurviveARoundTripThroughUmp) {
  Bytes bytes = {0x90, 0x3C, 0x64, 0xB0, 0x07, 0x10, 0xF8, 0xF0};
  for (int i = 0; i < 1000; ++i) bytes.push_back(static_cast<std::uint8_t>(i % 128));
  bytes.insert(bytes.end(), {0xF7, 0xE1, 0x7F, 0x7F, 0xF2, 0x01, 0x02});
  CHECK_EQ(toMidi1(toUmp(bytes)), bytes);
}
