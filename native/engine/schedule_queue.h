// The scheduler's priority queue: messages in timestamp order, FIFO among equal timestamps.
//
// Two parts, because timestamps mostly arrive in order but not always:
// - the run: messages pushed in order (none before the run's last one) are appended to a FIFO.
//   Pushing and popping are O(1) and sequential in memory; a million messages sent with one
//   timestamp, or a score sent in time order, never leave it.
// - the heap: every other message goes into a 4-ary min-heap. Pushing a random timestamp moves
//   it up O(1) levels on average; popping is O(log n), about ten levels for a million.
// Popping merges the two. (The former design, a calendar of 1.6 ms buckets in a std::map, paid a
// tree walk and an allocation per message once timestamps spread over an hour.)
//
// Both parts live in chunks of kChunkSize messages, allocated and freed one at a time as the
// queue grows and shrinks: nothing allocates per message, and nothing ever copies the whole
// queue to grow it (a vector doubling from 8 to 16 million messages would copy 400 MB while
// the scheduler's lock is held). A few freed chunks are kept for reuse.
//
// Not thread-safe: the Scheduler guards it with its mutex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/scheduled_message.h"

namespace midiscope {

class ScheduleQueue {
 public:
  static constexpr std::size_t kChunkSize = 1024;  // messages (48 KiB)
  static constexpr std::size_t kSpareChunks = 4;

  ScheduleQueue() = default;
  ScheduleQueue(const ScheduleQueue&) = delete;
  ScheduleQueue& operator=(const ScheduleQueue&) = delete;

  // `message.sequence` must be larger than every sequence pushed before.
  void push(const ScheduledMessage& message);

  bool empty() const { return size() == 0; }
  std::size_t size() const { return runSize_ + heapSize_; }

  // The earliest timestamp. Requires !empty().
  Timestamp earliest() const;

  // Moves, in order, up to `max` messages with timestamp <= now to the end of `out`.
  std::size_t popDue(Timestamp now, std::vector<ScheduledMessage>& out, std::size_t max);

  // Removes every message for which `dead(message)` is true, keeping the order of the rest.
  template <typename Predicate>
  std::size_t removeIf(Predicate dead);

  // Frees the chunks kept for reuse (the scheduler calls it when it has time to spare).
  void releaseSpareMemory() { spares_.clear(); }

  void clear();

  // For tests: how many messages are in each part, and chunks allocated (spares included).
  std::size_t runSize() const { return runSize_; }
  std::size_t heapSize() const { return heapSize_; }
  std::size_t chunksAllocated() const {
    return runChunks_.size() + heapChunks_.size() + spares_.size();
  }

 private:
  struct Chunk {
    ScheduledMessage items[kChunkSize];
  };
  using Chunks = std::vector<std::unique_ptr<Chunk>>;

  static ScheduledMessage& at(const Chunks& chunks, std::size_t index) {
    return chunks[index / kChunkSize]->items[index % kChunkSize];
  }
  std::unique_ptr<Chunk> newChunk();
  void recycle(std::unique_ptr<Chunk> chunk);
  // Frees the chunks of `chunks` past the first `used` slots.
  void freeChunksPast(Chunks& chunks, std::size_t used);

  // The run: its first message is at runHead_ in runChunks_[0].
  const ScheduledMessage& runFront() const { return runChunks_.front()->items[runHead_]; }
  ScheduledMessage& runAt(std::size_t index) { return at(runChunks_, runHead_ + index); }
  void runPush(const ScheduledMessage& message);
  void runPop();

  ScheduledMessage& heapAt(std::size_t index) { return at(heapChunks_, index); }
  const ScheduledMessage& heapTop() const { return heapChunks_.front()->items[0]; }
  void heapPush(const ScheduledMessage& message);
  void heapPop();
  void heapSiftDown(std::size_t hole, const ScheduledMessage& message);
  void heapify();

  Chunks runChunks_;
  std::size_t runHead_ = 0;
  std::size_t runSize_ = 0;
  Chunks heapChunks_;
  std::size_t heapSize_ = 0;
  Chunks spares_;
};

template <typename Predicate>
std::size_t ScheduleQueue::removeIf(Predicate dead) {
  const std::size_t before = size();
  std::size_t kept = 0;
  for (std::size_t i = 0; i < runSize_; ++i) {
    const ScheduledMessage& message = runAt(i);
    if (!dead(message)) runAt(kept++) = message;
  }
  runSize_ = kept;
  if (runSize_ == 0) runHead_ = 0;
  freeChunksPast(runChunks_, runSize_ == 0 ? 0 : runHead_ + runSize_);
  kept = 0;
  for (std::size_t i = 0; i < heapSize_; ++i) {
    const ScheduledMessage& message = heapAt(i);
    if (!dead(message)) heapAt(kept++) = message;
  }
  if (kept != heapSize_) {
    heapSize_ = kept;
    freeChunksPast(heapChunks_, heapSize_);
    heapify();
  }
  return before - size();
}

}  // namespace midiscope
