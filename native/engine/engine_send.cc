// The send half of Engine: validation, then delivery now or a hand-over to the scheduler.
#include <algorithm>
#include <cstring>
#include <vector>

#include "engine/engine.h"
#include "engine/ump_size.h"

namespace midiscope {

namespace {

constexpr SendResult kClosed =
    send_result::kFailed | send_result::kEndpointConnectionClosedOrInvalid;
constexpr SendResult kOutOfRange = send_result::kFailed | send_result::kDataIndexOutOfRange;
constexpr SendResult kBadTimestamp = send_result::kFailed | send_result::kTimestampOutOfRange;

// Scheduled messages are handed over in chunks so the scheduler's lock is never held long: a
// chunk of messages in random time order takes some 50 µs to insert, and a message coming due
// meanwhile waits that long for the lock.
constexpr std::size_t kScheduleChunk = 1024;

bool isImmediate(Timestamp timestamp, Timestamp now) { return timestamp == 0 || timestamp <= now; }

ScheduledMessage scheduledMessage(Timestamp timestamp, const std::uint32_t* words,
                                  std::size_t size) {
  ScheduledMessage message;
  message.timestamp = timestamp;
  std::memcpy(message.words, words, size * sizeof(std::uint32_t));
  return message;
}

// A failure after `sent` messages went out: mark the list as partially processed.
MultipleSendResult stoppedAfter(SendResult failure, std::size_t sent, std::size_t words) {
  if (sent > 0) failure |= send_result::kMessageListPartiallyProcessed;
  return {failure, sent, words};
}

}  // namespace

SendResult Engine::schedule(const std::shared_ptr<Connection>& connection,
                            ScheduledMessage* messages, std::size_t count) {
  if (count == 0) return send_result::kSucceeded;
  const auto epoch = connection->pending().reserve(count);
  if (!epoch) return send_result::kFailed | send_result::kOther;
  for (std::size_t i = 0; i < count; ++i) messages[i].epoch = *epoch;
  const bool queued = scheduler_.schedule(connection, messages, count);
  if (!queued) connection->pending().claim(*epoch, count);  // take the count back
  return queued ? send_result::kSucceeded : kClosed;
}

MultipleSendResult Engine::sendOrSchedule(const std::shared_ptr<Connection>& connection,
                                          Timestamp timestamp, Timestamp now,
                                          const std::uint32_t* words, std::size_t wordCount,
                                          std::size_t messageCount) {
  if (isImmediate(timestamp, now)) {
    const PortSendOutcome sent = connection->sendNow(words, wordCount, messageCount);
    if (!sendSucceeded(sent.result)) return stoppedAfter(sent.result, sent.messagesSent, sent.wordsSent);
    return {sent.result, messageCount, wordCount};
  }
  if (messageCount == 1) {  // the common single send: no allocation
    ScheduledMessage message = scheduledMessage(timestamp, words, wordCount);
    const SendResult result = schedule(connection, &message, 1);
    if (!sendSucceeded(result)) return {result, 0, 0};
    return {result, 1, wordCount};
  }
  MultipleSendResult done;
  std::vector<ScheduledMessage> chunk;
  chunk.reserve(std::min(messageCount, kScheduleChunk));
  std::size_t chunkWords = 0;
  for (std::size_t offset = 0; offset < wordCount;) {
    const std::size_t size = messageWordCount(words[offset]);
    chunk.push_back(scheduledMessage(timestamp, words + offset, size));
    chunkWords += size;
    offset += size;
    if (chunk.size() == kScheduleChunk || offset == wordCount) {
      const std::size_t chunkMessages = chunk.size();
      const SendResult result = schedule(connection, chunk.data(), chunk.size());
      chunk.clear();
      if (!sendSucceeded(result)) return stoppedAfter(result, done.messagesSent, done.wordsSent);
      done.messagesSent += chunkMessages;
      done.wordsSent += chunkWords;
      chunkWords = 0;
    }
  }
  return done;
}

SendResult Engine::sendMessage(ConnectionId id, Timestamp timestamp, const WordArgument& words) {
  const auto connection = find(id);
  if (!connection || !connection->isOpen()) return kClosed;
  WordSpan span;
  if (!wordSpanInBounds(words.words, words.length, words.start, words.count, span)) {
    return kOutOfRange;
  }
  const SendResult validity = validateSingleMessage(span);
  if (!sendSucceeded(validity)) return validity;
  if (!isValidTimestamp(timestamp)) return kBadTimestamp;
  const Timestamp now = timestamp == 0 ? 0 : clockNow();
  return sendOrSchedule(connection, timestamp, now, span.words, span.count, 1).result;
}

MultipleSendResult Engine::sendMessages(ConnectionId id, Timestamp timestamp,
                                        const WordArgument& words) {
  const auto connection = find(id);
  if (!connection || !connection->isOpen()) return {kClosed, 0, 0};
  WordSpan span;
  if (!wordSpanInBounds(words.words, words.length, words.start, words.count, span)) {
    return {kOutOfRange, 0, 0};
  }
  if (!isValidTimestamp(timestamp)) return {kBadTimestamp, 0, 0};
  const MessageListScan scan = scanMessageList(span);
  if (scan.messages == 0) return {scan.result, 0, 0};
  const Timestamp now = timestamp == 0 ? 0 : clockNow();
  MultipleSendResult sent =
      sendOrSchedule(connection, timestamp, now, span.words, scan.words, scan.messages);
  if (sendSucceeded(sent.result)) sent.result |= scan.result;
  return sent;
}

MultipleSendResult Engine::sendTimestampedMessages(ConnectionId id, const Timestamp* timestamps,
                                                   std::size_t timestampCount,
                                                   const WordArgument& words) {
  const auto connection = find(id);
  if (!connection || !connection->isOpen()) return {kClosed, 0, 0};
  WordSpan span;
  if (!wordSpanInBounds(words.words, words.length, words.start, words.count, span)) {
    return {kOutOfRange, 0, 0};
  }
  const Timestamp now = clockNow();
  // Messages go out in groups: a run of immediate ones in one delivery, a run of future ones
  // in one hand-over to the scheduler (at most kScheduleChunk). A group goes out whole or not
  // at all, so on failure everything before the failing group was sent.
  MultipleSendResult done;
  SendResult bufferFull = send_result::kSucceeded;
  std::size_t scanned = 0;       // messages looked at
  std::size_t scannedWords = 0;  // their words
  std::size_t immediateMessages = 0;
  std::vector<ScheduledMessage> chunk;

  auto flush = [&]() -> SendResult {
    SendResult result = send_result::kSucceeded;
    if (immediateMessages > 0) {
      const PortSendOutcome sent = connection->sendNow(
          span.words + done.wordsSent, scannedWords - done.wordsSent, immediateMessages);
      immediateMessages = 0;
      result = sent.result;
      if (!sendSucceeded(result)) {  // what went out before the failure counts as sent
        done.messagesSent += sent.messagesSent;
        done.wordsSent += sent.wordsSent;
        return result;
      }
    } else {
      result = schedule(connection, chunk.data(), chunk.size());
      chunk.clear();
    }
    if (!sendSucceeded(result)) return result;
    bufferFull |= result & send_result::kBufferFull;
    done.messagesSent = scanned;
    done.wordsSent = scannedWords;
    return result;
  };

  SendResult failure = send_result::kSucceeded;
  while (scannedWords < span.count) {
    const std::size_t size = messageWordCount(span.words[scannedWords]);
    if (size > span.count - scannedWords) {
      failure = send_result::kFailed | send_result::kInvalidMessageTypeForWordCount;
      break;
    }
    if (scanned >= timestampCount) {
      failure = kOutOfRange;
      break;
    }
    const Timestamp timestamp = timestamps[scanned];
    if (!isValidTimestamp(timestamp)) {
      failure = kBadTimestamp;
      break;
    }
    const bool immediate = isImmediate(timestamp, now);
    const bool switching = immediate ? !chunk.empty() : immediateMessages > 0;
    if (switching || chunk.size() == kScheduleChunk) {
      const SendResult result = flush();
      if (!sendSucceeded(result)) return stoppedAfter(result, done.messagesSent, done.wordsSent);
    }
    if (immediate) {
      ++immediateMessages;
    } else {
      chunk.push_back(scheduledMessage(timestamp, span.words + scannedWords, size));
    }
    scannedWords += size;
    ++scanned;
  }
  const SendResult result = flush();
  if (!sendSucceeded(result)) return stoppedAfter(result, done.messagesSent, done.wordsSent);
  if (failure != send_result::kSucceeded) {
    return stoppedAfter(failure, done.messagesSent, done.wordsSent);
  }
  done.result = bufferFull;
  return done;
}

}  // namespace midiscope
