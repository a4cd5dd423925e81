#include "engine/ump_to_midi1.h"

#include <cstdio>

#include "engine/ump_size.h"

namespace midiscope {

namespace {

std::uint8_t byteAt(std::uint32_t word, int index) {  // index 0 = most significant
  return static_cast<std::uint8_t>(word >> (24 - 8 * index));
}

void controlChange(std::uint8_t channel, std::uint8_t index, std::uint8_t value,
                   std::vector<std::uint8_t>& out) {
  out.insert(out.end(), {static_cast<std::uint8_t>(0xB0 | channel), index, value});
}

}  // namespace

bool UmpToMidi1::reject(std::uint64_t& counter, const char* why, std::uint32_t firstWord) {
  ++counter;
  char text[160];
  std::snprintf(text, sizeof text, "%s (message 0x%08X)", why, firstWord);
  lastIssue_ = text;
  return false;
}

bool UmpToMidi1::translate(const std::uint32_t* words, std::size_t wordCount,
                           std::vector<std::uint8_t>& out) {
  if (wordCount == 0) return reject(counts_.untranslatable, "empty message", 0);
  const std::uint32_t w0 = words[0];
  if (wordCount != messageWordCount(w0)) {
    return reject(counts_.untranslatable, "word count does not match the message type", w0);
  }
  const std::uint8_t type = w0 >> 28;
  const std::uint8_t status = byteAt(w0, 1);
  switch (type) {
    case 0x0:
      if (((w0 >> 20) & 0xF) == 0) return true;  // NOOP: nothing to send, nothing lost
      return reject(counts_.untranslatable, "utility message (JR clock/timestamp) has no MIDI 1.0 form", w0);
    case 0x1: {
      if (status < 0xF0 || status == 0xF0 || status == 0xF7 || status == 0xF4 || status == 0xF5 ||
          status == 0xF9 || status == 0xFD) {
        return reject(counts_.untranslatable, "system message with an undefined status", w0);
      }
      out.push_back(status);
      const int data = status == 0xF2 ? 2 : (status == 0xF1 || status == 0xF3) ? 1 : 0;
      for (int i = 0; i < data; ++i) out.push_back(byteAt(w0, 2 + i) & 0x7F);
      return true;
    }
    case 0x2: {
      if (status < 0x80 || status >= 0xF0) {
        return reject(counts_.untranslatable, "MIDI 1.0 channel voice with a bad status", w0);
      }
      out.push_back(status);
      out.push_back(byteAt(w0, 2) & 0x7F);
      const std::uint8_t kind = status & 0xF0;
      if (kind != 0xC0 && kind != 0xD0) out.push_back(byteAt(w0, 3) & 0x7F);
      return true;
    }
    case 0x3:
      return sysEx7(w0, words[1], out);
    case 0x4:
      return midi2ChannelVoice(words, out);
    case 0x5:
      return reject(counts_.untranslatable, "SysEx 8 / Mixed Data Set has no MIDI 1.0 form", w0);
    case 0xD:
      return reject(counts_.untranslatable, "flex data has no MIDI 1.0 form", w0);
    case 0xF:
      return reject(counts_.untranslatable, "UMP stream message has no MIDI 1.0 form", w0);
    default:
      return reject(counts_.untranslatable, "reserved message type", w0);
  }
}

bool UmpToMidi1::sysEx7(std::uint32_t w0, std::uint32_t w1, std::vector<std::uint8_t>& out) {
  const std::uint8_t kind = (w0 >> 20) & 0xF;
  const std::uint8_t count = (w0 >> 16) & 0xF;
  if (count > 6) return reject(counts_.brokenSysEx, "SysEx packet claims more than 6 bytes", w0);
  if (kind > 3) return reject(counts_.brokenSysEx, "SysEx packet with a reserved status", w0);
  const bool starts = kind == 0x0 || kind == 0x1;
  if (starts && inSysEx_) {
    // The one in progress never ended: close it so the receiver sees whole messages.
    out.push_back(0xF7);
    reject(counts_.brokenSysEx, "SysEx start inside a SysEx (the previous one closed early)", w0);
  }
  if (!starts && !inSysEx_) {
    return reject(counts_.brokenSysEx, "SysEx continue/end without a start", w0);
  }
  if (starts) out.push_back(0xF0);
  const std::uint8_t bytes[6] = {byteAt(w0, 2), byteAt(w0, 3), byteAt(w1, 0),
                                 byteAt(w1, 1), byteAt(w1, 2), byteAt(w1, 3)};
  for (std::uint8_t i = 0; i < count; ++i) out.push_back(bytes[i] & 0x7F);
  inSysEx_ = kind == 0x1 || kind == 0x2;
  if (!inSysEx_) out.push_back(0xF7);
  return true;
}

bool UmpToMidi1::midi2ChannelVoice(const std::uint32_t* words, std::vector<std::uint8_t>& out) {
  const std::uint32_t w0 = words[0];
  const std::uint32_t w1 = words[1];
  const std::uint8_t kind = (w0 >> 20) & 0xF;
  const std::uint8_t channel = (w0 >> 16) & 0xF;
  const std::uint8_t index = byteAt(w0, 2) & 0x7F;
  const std::uint8_t index2 = byteAt(w0, 3) & 0x7F;
  switch (kind) {
    case 0x8:  // note off
      out.insert(out.end(), {static_cast<std::uint8_t>(0x80 | channel), index,
                             scale16To7(static_cast<std::uint16_t>(w1 >> 16))});
      return true;
    case 0x9: {  // note on: velocity 0 would mean note off in MIDI 1.0
      std::uint8_t velocity = scale16To7(static_cast<std::uint16_t>(w1 >> 16));
      if (velocity == 0) velocity = 1;
      out.insert(out.end(), {static_cast<std::uint8_t>(0x90 | channel), index, velocity});
      return true;
    }
    case 0xA:  // poly pressure
      out.insert(out.end(), {static_cast<std::uint8_t>(0xA0 | channel), index, scale32To7(w1)});
      return true;
    case 0xB:  // control change
      controlChange(channel, index, scale32To7(w1), out);
      return true;
    case 0xC:  // program change, bank select first when the bank is valid
      if (w0 & 1) {
        controlChange(channel, 0, byteAt(w1, 2) & 0x7F, out);
        controlChange(channel, 32, byteAt(w1, 3) & 0x7F, out);
      }
      out.insert(out.end(), {static_cast<std::uint8_t>(0xC0 | channel),
                             static_cast<std::uint8_t>(byteAt(w1, 0) & 0x7F)});
      return true;
    case 0xD:  // channel pressure
      out.insert(out.end(), {static_cast<std::uint8_t>(0xD0 | channel), scale32To7(w1)});
      return true;
    case 0xE: {  // pitch bend
      const std::uint16_t bend = scale32To14(w1);
      out.insert(out.end(), {static_cast<std::uint8_t>(0xE0 | channel),
                             static_cast<std::uint8_t>(bend & 0x7F),
                             static_cast<std::uint8_t>(bend >> 7)});
      return true;
    }
    case 0x2:    // registered controller (RPN)
    case 0x3: {  // assignable controller (NRPN)
      const bool registered = kind == 0x2;
      const std::uint16_t value = scale32To14(w1);
      controlChange(channel, registered ? 101 : 99, index, out);
      controlChange(channel, registered ? 100 : 98, index2, out);
      controlChange(channel, 6, static_cast<std::uint8_t>(value >> 7), out);
      controlChange(channel, 38, static_cast<std::uint8_t>(value & 0x7F), out);
      return true;
    }
    case 0x0:
    case 0x1:
      return reject(counts_.untranslatable, "per-note controller has no MIDI 1.0 form", w0);
    case 0x4:
    case 0x5:
      return reject(counts_.untranslatable, "relative RPN/NRPN has no MIDI 1.0 form", w0);
    case 0x6:
      return reject(counts_.untranslatable, "per-note pitch bend has no MIDI 1.0 form", w0);
    case 0xF:
      return reject(counts_.untranslatable, "per-note management has no MIDI 1.0 form", w0);
    default:
      return reject(counts_.untranslatable, "MIDI 2.0 channel voice with a reserved status", w0);
  }
}

}  // namespace midiscope
