#include "engine/connection_inbox.h"

#include "engine/clock.h"
#include "engine/ump_size.h"

namespace midiscope {

std::size_t ConnectionInbox::receive(const std::uint32_t* words, std::size_t wordCount,
                                     std::size_t messageCount) {
  std::size_t dropped = 0;
  std::size_t offset = 0;
  std::size_t messagesLeft = messageCount;
  while (offset < wordCount && messagesLeft > 0) {
    // Whole messages up to kChunkWords (one message is at most 4 words, so a chunk is never
    // empty). A single small send is one chunk and costs no scanning beyond its first word.
    std::size_t chunkWords = 0;
    std::size_t chunkMessages = 0;
    if (wordCount - offset <= kChunkWords) {
      chunkWords = wordCount - offset;
      chunkMessages = messagesLeft;
    } else {
      while (chunkMessages < messagesLeft) {
        const std::size_t size = messageWordCount(words[offset + chunkWords]);
        if (chunkWords + size > kChunkWords) break;
        chunkWords += size;
        ++chunkMessages;
      }
    }
    ReceiveRing::WriteOutcome outcome;
    {
      std::lock_guard<std::mutex> lock(producerMutex_);
      outcome = ring_.write(words + offset, chunkWords, chunkMessages, clockNow());
    }
    dropped += outcome.dropped;
    // Wake the consumer at once: it can drain the first chunk while later ones are written.
    if (outcome.becameReadable) listener_->connectionNeedsAttention(id_);
    offset += chunkWords;
    messagesLeft -= chunkMessages;
  }
  return dropped;
}

ReceiveRing::DrainOutcome ConnectionInbox::drain(std::uint32_t* words, std::size_t wordCapacity,
                                                 Timestamp* timestamps,
                                                 std::size_t timestampCapacity,
                                                 AfterDrain after) {
  std::lock_guard<std::mutex> lock(consumerMutex_);
  return ring_.drain(words, wordCapacity, timestamps, timestampCapacity, after);
}

}  // namespace midiscope
