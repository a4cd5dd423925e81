// Universal MIDI Packet sizes and the checks every send runs before anything is delivered.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "engine/send_result.h"

namespace midiscope {

constexpr std::size_t kMaxMessageWords = 4;

// Words per message type 0x0..0xF (UMP specification, table of message types).
constexpr std::array<std::uint8_t, 16> kWordsPerMessageType = {1, 1, 1, 2, 2, 4, 1, 1,
                                                               2, 2, 2, 3, 3, 4, 4, 4};

inline std::size_t messageWordCount(std::uint32_t firstWord) {
  return kWordsPerMessageType[firstWord >> 28];
}

// A span of words inside a caller's array, after its bounds were checked.
struct WordSpan {
  const std::uint32_t* words = nullptr;
  std::size_t count = 0;
};

// Checks that [start, start + count) lies inside an array of `length` words. start and count
// arrive from JavaScript as doubles: NaN, negative and fractional values are out of range too.
bool wordSpanInBounds(const std::uint32_t* array, std::size_t length, double start, double count,
                      WordSpan& span);

// One message: its word count must be the size its first word's message type demands.
SendResult validateSingleMessage(const WordSpan& span);

// Back-to-back messages: how far the list is well formed.
struct MessageListScan {
  // kSucceeded when every word belongs to a whole message; otherwise
  // kFailed | kInvalidMessageTypeForWordCount (| kMessageListPartiallyProcessed if messages > 0).
  SendResult result = send_result::kSucceeded;
  std::size_t messages = 0;  // whole messages before the first bad one
  std::size_t words = 0;     // words those messages take
};

MessageListScan scanMessageList(const WordSpan& span);

}  // namespace midiscope
