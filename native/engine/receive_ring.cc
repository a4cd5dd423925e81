#include "engine/receive_ring.h"

#include <algorithm>
#include <cstring>

#include "engine/ump_size.h"

namespace midiscope {

namespace {

std::size_t roundUpToPowerOfTwo(std::size_t value) {
  std::size_t size = 1;
  while (size < value) size <<= 1;
  return size;
}

// Copies `count` items starting at ring index `from` (wrapping) into `out`.
template <typename T>
void copyOut(const T* ring, std::size_t mask, std::size_t from, std::size_t count, T* out) {
  if (count == 0) return;  // `out` may be null for an empty caller buffer
  const std::size_t begin = from & mask;
  const std::size_t first = std::min(count, mask + 1 - begin);
  std::memcpy(out, ring + begin, first * sizeof(T));
  std::memcpy(out + first, ring, (count - first) * sizeof(T));
}

template <typename T>
void copyIn(T* ring, std::size_t mask, std::size_t to, std::size_t count, const T* in) {
  if (count == 0) return;
  const std::size_t begin = to & mask;
  const std::size_t first = std::min(count, mask + 1 - begin);
  std::memcpy(ring + begin, in, first * sizeof(T));
  std::memcpy(ring, in + first, (count - first) * sizeof(T));
}

}  // namespace

ReceiveRing::ReceiveRing(std::size_t capacityWords)
    : size_(roundUpToPowerOfTwo(std::clamp(capacityWords, kMinRingWords, kMaxRingWords))),
      mask_(size_ - 1),
      words_(new std::uint32_t[size_]),
      timestamps_(new Timestamp[size_]) {
  allocatedBytes_.fetch_add(bytes(), std::memory_order_relaxed);
}

ReceiveRing::~ReceiveRing() { allocatedBytes_.fetch_sub(bytes(), std::memory_order_relaxed); }

std::atomic<std::size_t> ReceiveRing::allocatedBytes_{0};

ReceiveRing::WriteOutcome ReceiveRing::write(const std::uint32_t* words, std::size_t wordCount,
                                             std::size_t messageCount, Timestamp timestamp) {
  WriteOutcome outcome;
  const std::size_t freeWords = size_ - (wordTail_ - wordHead_.load(std::memory_order_acquire));
  std::size_t acceptedWords = wordCount;
  std::size_t acceptedMessages = messageCount;
  if (wordCount > freeWords) {
    acceptedWords = 0;
    acceptedMessages = 0;
    for (;;) {
      const std::size_t size = messageWordCount(words[acceptedWords]);
      if (acceptedWords + size > freeWords) break;
      acceptedWords += size;
      ++acceptedMessages;
    }
  }
  outcome.written = acceptedMessages;
  outcome.dropped = messageCount - acceptedMessages;
  if (outcome.dropped > 0) dropped_.fetch_add(outcome.dropped, std::memory_order_relaxed);
  if (acceptedMessages == 0) return outcome;

  copyIn(words_.get(), mask_, wordTail_, acceptedWords, words);
  const std::size_t messageTail = messageTail_.load(std::memory_order_relaxed);
  const std::size_t firstSlot = messageTail & mask_;
  const std::size_t firstRun = std::min(acceptedMessages, size_ - firstSlot);
  std::fill_n(timestamps_.get() + firstSlot, firstRun, timestamp);
  std::fill_n(timestamps_.get(), acceptedMessages - firstRun, timestamp);
  wordTail_ += acceptedWords;
  received_.fetch_add(acceptedMessages, std::memory_order_relaxed);

  // Publish, then test the wake flag. Both are seq_cst, mirroring drain()'s store of the flag
  // then load of the tail: either this exchange sees the consumer's `false` (and we wake it),
  // or the consumer's re-check sees our new tail (and it keeps draining). Never neither.
  messageTail_.store(messageTail + acceptedMessages, std::memory_order_seq_cst);
  outcome.becameReadable = !wakePending_.exchange(true, std::memory_order_seq_cst);
  return outcome;
}

ReceiveRing::DrainOutcome ReceiveRing::drain(std::uint32_t* words, std::size_t wordCapacity,
                                             Timestamp* timestamps,
                                             std::size_t timestampCapacity, AfterDrain after) {
  DrainOutcome outcome;
  const std::size_t messageTail = messageTail_.load(std::memory_order_acquire);
  const std::size_t wordHead = wordHead_.load(std::memory_order_relaxed);
  const std::size_t available = messageTail - messageHead_;
  const std::size_t messageLimit = std::min(available, timestampCapacity);
  while (outcome.messages < messageLimit) {
    const std::size_t size = messageWordCount(words_[(wordHead + outcome.words) & mask_]);
    if (outcome.words + size > wordCapacity) break;
    outcome.words += size;
    ++outcome.messages;
  }
  copyOut(words_.get(), mask_, wordHead, outcome.words, words);
  copyOut(timestamps_.get(), mask_, messageHead_, outcome.messages, timestamps);
  messageHead_ += outcome.messages;
  // Releasing the word slots also releases the timestamp slots read above.
  wordHead_.store(wordHead + outcome.words, std::memory_order_release);

  if (outcome.messages < available) {
    outcome.more = true;
  } else if (after == AfterDrain::kStayDisarmed) {
    outcome.more = false;  // the consumer polls: the next write wakes nobody
  } else {
    // Empty as far as we saw: re-arm the wake-up, then look once more (see write()).
    wakePending_.store(false, std::memory_order_seq_cst);
    outcome.more = messageTail_.load(std::memory_order_seq_cst) != messageHead_;
  }
  return outcome;
}

}  // namespace midiscope
