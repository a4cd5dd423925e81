#include "engine/ump_size.h"

#include <cmath>

namespace midiscope {

namespace {

bool isIndex(double value) {
  return std::isfinite(value) && value >= 0 && std::floor(value) == value;
}

}  // namespace

bool wordSpanInBounds(const std::uint32_t* array, std::size_t length, double start, double count,
                      WordSpan& span) {
  if (!isIndex(start) || !isIndex(count)) return false;
  const auto arrayLength = static_cast<double>(length);
  // Both are ≤ 2^53 here when they pass, so the sum is exact.
  if (start > arrayLength || count > arrayLength - start) return false;
  span.words = array + static_cast<std::size_t>(start);
  span.count = static_cast<std::size_t>(count);
  return true;
}

SendResult validateSingleMessage(const WordSpan& span) {
  if (span.count == 0 || span.count > kMaxMessageWords ||
      messageWordCount(span.words[0]) != span.count) {
    return send_result::kFailed | send_result::kInvalidMessageTypeForWordCount;
  }
  return send_result::kSucceeded;
}

MessageListScan scanMessageList(const WordSpan& span) {
  MessageListScan scan;
  while (scan.words < span.count) {
    const std::size_t size = messageWordCount(span.words[scan.words]);
    if (size > span.count - scan.words) {
      scan.result = send_result::kFailed | send_result::kInvalidMessageTypeForWordCount;
      if (scan.messages > 0) scan.result |= send_result::kMessageListPartiallyProcessed;
      break;
    }
    scan.words += size;
    ++scan.messages;
  }
  return scan;
}

}  // namespace midiscope
