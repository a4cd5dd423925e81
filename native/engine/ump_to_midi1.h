// UMP -> MIDI 1.0 byte stream, by the UMP specification's default translation (M2-104-UM,
// "Translation of UMP to MIDI 1.0"): type 1 and type 2 carry their bytes; type 3 packets become
// one F0 ... F7; MIDI 2.0 channel voice (type 4) is scaled down (velocity 16 -> 7 bits with a
// Note On never reaching 0, controllers 32 -> 7 bits, pitch bend 32 -> 14 bits, program change
// with bank select as CC 0 / CC 32, registered and assignable controllers as CC 101/100 and
// 99/98 then CC 6 and CC 38). What has no MIDI 1.0 form (per-note controllers and management,
// relative controllers, SysEx 8, flex data, stream messages, JR timestamps) is counted and
// reported, never dropped silently. One instance per destination stream (it reassembles SysEx).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace midiscope {

struct UmpToMidi1Counts {
  std::uint64_t untranslatable = 0;   // a message with no MIDI 1.0 form
  std::uint64_t brokenSysEx = 0;      // continue/end without start, start inside a SysEx
  std::uint64_t total() const { return untranslatable + brokenSysEx; }
};

class UmpToMidi1 {
 public:
  // Translates one whole message (its word count as its type demands); appends its bytes to
  // `out`. False when nothing could be sent for it (counted; lastIssue() says why).
  bool translate(const std::uint32_t* words, std::size_t wordCount, std::vector<std::uint8_t>& out);
  const UmpToMidi1Counts& counts() const { return counts_; }
  const std::string& lastIssue() const { return lastIssue_; }
  bool inSysEx() const { return inSysEx_; }

 private:
  bool midi2ChannelVoice(const std::uint32_t* words, std::vector<std::uint8_t>& out);
  bool sysEx7(std::uint32_t w0, std::uint32_t w1, std::vector<std::uint8_t>& out);
  bool reject(std::uint64_t& counter, const char* why, std::uint32_t firstWord);

  bool inSysEx_ = false;
  UmpToMidi1Counts counts_;
  std::string lastIssue_;
};

// Default scaling of MIDI 2.0 values to MIDI 1.0 (M2-104-UM, "Min-Center-Max" downscaling is a
// plain shift).
inline std::uint8_t scale16To7(std::uint16_t v) { return static_cast<std::uint8_t>(v >> 9); }
inline std::uint8_t scale32To7(std::uint32_t v) { return static_cast<std::uint8_t>(v >> 25); }
inline std::uint16_t scale32To14(std::uint32_t v) { return static_cast<std::uint16_t>(v >> 18); }

}  // namespace midiscope
