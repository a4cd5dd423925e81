#include "engine/midi1_to_ump.h"

#include <cstdio>

namespace midiscope {

namespace {

// Data bytes that follow a status byte (MIDI 1.0 Detailed Specification, table of messages).
std::uint8_t dataBytesFor(std::uint8_t status) {
  switch (status & 0xF0) {
    case 0xC0:
    case 0xD0:
      return 1;
    case 0xF0:
      break;
    default:
      return 2;
  }
  switch (status) {
    case 0xF1:  // MTC quarter frame
    case 0xF3:  // song select
      return 1;
    case 0xF2:  // song position
      return 2;
    default:
      return 0;
  }
}

std::uint32_t packWord(std::uint8_t type, std::uint8_t group, std::uint8_t status, std::uint8_t a,
                       std::uint8_t b) {
  return (std::uint32_t{type} << 28) | (std::uint32_t{group} << 24) |
         (std::uint32_t{status} << 16) | (std::uint32_t{a} << 8) | b;
}

}  // namespace

void Midi1ToUmp::issue(std::uint64_t& counter, const char* what, std::uint8_t byte) {
  ++counter;
  char text[160];
  std::snprintf(text, sizeof text, "offset %llu: %s 0x%02X", static_cast<unsigned long long>(offset_),
                what, byte);
  lastIssue_ = text;
}

std::size_t Midi1ToUmp::feed(const std::uint8_t* bytes, std::size_t count,
                             std::vector<std::uint32_t>& out) {
  std::size_t messages = 0;
  for (std::size_t i = 0; i < count; ++i, ++offset_) {
    const std::uint8_t byte = bytes[i];
    if (byte >= 0xF8) {
      // Real-time: anywhere, even inside a SysEx or between a message's data bytes.
      if (byte == 0xF9 || byte == 0xFD) {
        issue(counts_.undefinedStatusBytes, "undefined real-time status (dropped)", byte);
      } else {
        out.push_back(packWord(1, group_, byte, 0, 0));
        ++messages;
      }
    } else if (inSysEx_) {
      sysExByte(byte, out, messages);
    } else if (byte & 0x80) {
      statusByte(byte, out, messages);
    } else {
      dataByte(byte, out, messages);
    }
  }
  return messages;
}

void Midi1ToUmp::statusByte(std::uint8_t byte, std::vector<std::uint32_t>& out,
                            std::size_t& messages) {
  if (have_ > 0 && have_ < needed_) {
    issue(counts_.incompleteMessages, "status byte cut short the message before it (dropped); status",
          byte);
  }
  have_ = 0;
  if (byte == 0xF0) {
    status_ = 0;
    inSysEx_ = true;
    sysExStarted_ = false;
    sysExCount_ = 0;
    return;
  }
  if (byte == 0xF7) {
    status_ = 0;
    issue(counts_.strayEndOfExclusive, "end of exclusive outside a SysEx (dropped)", byte);
    return;
  }
  if (byte == 0xF4 || byte == 0xF5) {
    status_ = 0;
    issue(counts_.undefinedStatusBytes, "undefined system common status (dropped)", byte);
    return;
  }
  needed_ = dataBytesFor(byte);
  if (needed_ == 0) {  // tune request: complete by itself; system common ends running status
    status_ = 0;
    out.push_back(packWord(1, group_, byte, 0, 0));
    ++messages;
    return;
  }
  status_ = byte;
}

void Midi1ToUmp::dataByte(std::uint8_t byte, std::vector<std::uint32_t>& out,
                          std::size_t& messages) {
  if (status_ == 0) {
    issue(counts_.strayDataBytes, "data byte with no running status (dropped)", byte);
    return;
  }
  data_[have_++] = byte;
  if (have_ < needed_) return;
  const std::uint8_t second = needed_ == 2 ? data_[1] : 0;
  out.push_back(packWord(status_ >= 0xF0 ? 1 : 2, group_, status_, data_[0], second));
  ++messages;
  have_ = 0;
  if (status_ >= 0xF0) status_ = 0;  // only channel messages run
}

void Midi1ToUmp::sysExByte(std::uint8_t byte, std::vector<std::uint32_t>& out,
                           std::size_t& messages) {
  if (byte == 0xF7) {
    endSysEx(out, messages);
    return;
  }
  if (byte & 0x80) {
    // Any other status ends the SysEx (MIDI 1.0): close it where it stopped, then read the status.
    issue(counts_.interruptedSysEx, "SysEx ended without 0xF7 by status", byte);
    endSysEx(out, messages);
    statusByte(byte, out, messages);
    return;
  }
  if (sysExCount_ == 6) flushSysEx(false, out, messages);
  sysEx_[sysExCount_++] = byte;
}

// Sends the buffered bytes as one type 3 packet; `last` says whether the SysEx ends with it.
void Midi1ToUmp::flushSysEx(bool last, std::vector<std::uint32_t>& out, std::size_t& messages) {
  std::uint8_t kind;
  if (!sysExStarted_) kind = last ? 0x0 : 0x1;  // complete in one packet : start
  else kind = last ? 0x3 : 0x2;                 // end : continue
  sysExStarted_ = !last;
  std::uint8_t b[6] = {};
  for (std::uint8_t i = 0; i < sysExCount_; ++i) b[i] = sysEx_[i];
  out.push_back((0x3u << 28) | (std::uint32_t{group_} << 24) | (std::uint32_t{kind} << 20) |
                (std::uint32_t{sysExCount_} << 16) | (std::uint32_t{b[0]} << 8) | b[1]);
  out.push_back((std::uint32_t{b[2]} << 24) | (std::uint32_t{b[3]} << 16) |
                (std::uint32_t{b[4]} << 8) | b[5]);
  ++messages;
  sysExCount_ = 0;
}

void Midi1ToUmp::endSysEx(std::vector<std::uint32_t>& out, std::size_t& messages) {
  flushSysEx(true, out, messages);
  inSysEx_ = false;
  sysExStarted_ = false;
}

void Midi1ToUmp::reset() {
  if (inSysEx_) issue(counts_.interruptedSysEx, "SysEx cut off by a reset after byte", sysExCount_);
  if (have_ > 0) issue(counts_.incompleteMessages, "message cut off by a reset; status", status_);
  inSysEx_ = false;
  sysExStarted_ = false;
  sysExCount_ = 0;
  status_ = 0;
  have_ = 0;
}

}  // namespace midiscope
