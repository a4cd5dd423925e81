// MIDI 1.0 byte stream -> UMP, by the UMP specification's default translation (M2-104-UM,
// "Translation of MIDI 1.0 byte stream to UMP"): channel voice -> message type 2 (MIDI 1.0 channel
// voice in UMP), system common and real-time -> type 1, System Exclusive -> type 3 packets of up
// to 6 bytes (complete / start / continue / end). One instance per byte stream (a port, a serial
// line): it keeps running status and a SysEx in progress across calls. Shared by every path that
// meets MIDI 1.0 bytes (ALSA's legacy ports, serial, network); pure C++, device bytes are hostile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace midiscope {

// What a byte stream held that has no UMP translation. Nothing is dropped without a count here.
struct Midi1ToUmpCounts {
  std::uint64_t strayDataBytes = 0;       // data byte with no status to run on
  std::uint64_t undefinedStatusBytes = 0; // 0xF4, 0xF5, 0xF9, 0xFD
  std::uint64_t strayEndOfExclusive = 0;  // 0xF7 outside a SysEx
  std::uint64_t interruptedSysEx = 0;     // a status byte ended a SysEx without 0xF7 (closed there)
  std::uint64_t incompleteMessages = 0;   // a status byte arrived before a message's data bytes

  std::uint64_t total() const {
    return strayDataBytes + undefinedStatusBytes + strayEndOfExclusive + interruptedSysEx +
           incompleteMessages;
  }
};

class Midi1ToUmp {
 public:
  explicit Midi1ToUmp(std::uint8_t group = 0) : group_(group & 0x0F) {}

  // Appends the UMP words of every message the bytes complete to `out`; returns how many
  // messages were appended. Bytes of an unfinished message wait for the next call.
  std::size_t feed(const std::uint8_t* bytes, std::size_t count, std::vector<std::uint32_t>& out);
  // Forgets running status and any partial message (e.g. the port was reopened). A SysEx in
  // progress is counted as interrupted.
  void reset();

  const Midi1ToUmpCounts& counts() const { return counts_; }
  // The most recent problem, with the byte's offset in the stream: "offset 12: data byte 0x45 with
  // no running status (dropped)". Empty until one happens.
  const std::string& lastIssue() const { return lastIssue_; }
  std::uint64_t bytesSeen() const { return offset_; }

 private:
  void statusByte(std::uint8_t byte, std::vector<std::uint32_t>& out, std::size_t& messages);
  void dataByte(std::uint8_t byte, std::vector<std::uint32_t>& out, std::size_t& messages);
  void sysExByte(std::uint8_t byte, std::vector<std::uint32_t>& out, std::size_t& messages);
  void flushSysEx(bool last, std::vector<std::uint32_t>& out, std::size_t& messages);
  void endSysEx(std::vector<std::uint32_t>& out, std::size_t& messages);
  void issue(std::uint64_t& counter, const char* what, std::uint8_t byte);

  std::uint8_t group_;
  std::uint8_t status_ = 0;    // running status (channel voice) or the system common being read
  std::uint8_t data_[2] = {};
  std::uint8_t needed_ = 0;    // data bytes the current status takes
  std::uint8_t have_ = 0;
  bool inSysEx_ = false;
  bool sysExStarted_ = false;  // a start packet went out for the SysEx in progress
  std::uint8_t sysEx_[6] = {};
  std::uint8_t sysExCount_ = 0;
  std::uint64_t offset_ = 0;
  Midi1ToUmpCounts counts_;
  std::string lastIssue_;
};

}  // namespace midiscope
