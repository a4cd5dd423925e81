// MidiSendMessageResults bit flags. The numbers mirror src/engine/sendResults.ts exactly:
// change both or neither.
#pragma once

#include <cstdint>

namespace midiscope {

using SendResult = std::uint32_t;

namespace send_result {
constexpr SendResult kSucceeded = 0x0000'0000;
constexpr SendResult kFailed = 0x8000'0000;
// Informational (never with kFailed): a receiving ring was full and dropped the message.
constexpr SendResult kBufferFull = 0x0001'0000;
// With kFailed: the destination outside MIDI Scope had no room (an ALSA port whose application
// does not read: the kernel's input pool for it is full). Nothing from the failing message on
// was sent; a multiple send's counts say how many went before it.
constexpr SendResult kDestinationFull = 0x0002'0000;
constexpr SendResult kEndpointConnectionClosedOrInvalid = 0x0004'0000;
constexpr SendResult kInvalidMessageTypeForWordCount = 0x0010'0000;
constexpr SendResult kInvalidMessageOther = 0x0020'0000;
constexpr SendResult kDataIndexOutOfRange = 0x0040'0000;
constexpr SendResult kTimestampOutOfRange = 0x0080'0000;
constexpr SendResult kMessageListPartiallyProcessed = 0x0100'0000;
constexpr SendResult kOther = 0x0200'0000;
}  // namespace send_result

inline bool sendSucceeded(SendResult result) { return (result & send_result::kFailed) == 0; }

}  // namespace midiscope
