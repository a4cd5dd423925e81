// The receive ring of one connection: whole UMP messages (words) plus one timestamp each.
//
// Concurrency: single producer, single consumer, lock-free between the two sides. Several
// threads do produce (the JS thread sending now, the scheduler thread sending later, a
// transport's receive thread), so producers must serialize among themselves: ConnectionInbox
// does that with its producer mutex.
// The consumer is whoever calls drain() (the JS thread in the addon).
//
// Wake-ups: write() reports `becameReadable` only when it published messages while no
// wake-up was outstanding; drain() re-arms that flag once it has emptied the ring, unless the
// consumer polls (AfterDrain::kStayDisarmed: it will drain again on its own and re-arm then).
// The owner turns `becameReadable` into exactly one asynchronous wake-up of the consumer.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "engine/clock.h"

namespace midiscope {

// What a drain that empties the ring does with the wake-up (see above).
enum class AfterDrain { kRearm, kStayDisarmed };

constexpr std::size_t kMinRingWords = 4;  // room for the largest message
constexpr std::size_t kMaxRingWords = std::size_t{1} << 26;

class ReceiveRing {
 public:
  // capacityWords must lie in [kMinRingWords, kMaxRingWords]; it is rounded up to a power
  // of two. The ring also holds that many timestamps (a message has at least one word).
  explicit ReceiveRing(std::size_t capacityWords);
  ~ReceiveRing();
  ReceiveRing(const ReceiveRing&) = delete;
  ReceiveRing& operator=(const ReceiveRing&) = delete;

  std::size_t capacityWords() const { return size_; }
  // Memory held by every ring in the process: what open (and not yet released) connections
  // cost. For diagnostics and for tests that check a closed connection lets go at once.
  static std::size_t allocatedBytesInProcess() {
    return allocatedBytes_.load(std::memory_order_relaxed);
  }

  struct WriteOutcome {
    std::size_t written = 0;  // messages now in the ring
    std::size_t dropped = 0;  // messages that did not fit
    bool becameReadable = false;
  };
  // Producer side. `words` holds `messageCount` validated messages back to back; as many
  // whole messages as fit are written, in order, each stamped with `timestamp`; the rest
  // are dropped and counted. Never blocks.
  WriteOutcome write(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount,
                     Timestamp timestamp);

  struct DrainOutcome {
    std::size_t words = 0;
    std::size_t messages = 0;
    bool more = false;  // messages remain that did not fit in the caller's buffers
  };
  // Consumer side. Copies whole messages while they fit in both buffers.
  DrainOutcome drain(std::uint32_t* words, std::size_t wordCapacity, Timestamp* timestamps,
                     std::size_t timestampCapacity, AfterDrain after = AfterDrain::kRearm);

  std::uint64_t received() const { return received_.load(std::memory_order_relaxed); }
  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  const std::size_t size_;  // power of two, in words and in timestamps
  const std::size_t mask_;
  std::unique_ptr<std::uint32_t[]> words_;
  std::unique_ptr<Timestamp[]> timestamps_;

  // Free-running counters; index = counter & mask_.
  // Producer-owned: wordTail_ (producers are serialized by their caller's mutex) and
  // messageTail_, published to the consumer.
  std::size_t wordTail_ = 0;
  std::atomic<std::size_t> messageTail_{0};
  // Consumer-owned: messageHead_ and wordHead_, published to the producer. Used messages
  // never exceed used words, so the producer only needs wordHead_ to know both have room.
  std::size_t messageHead_ = 0;
  std::atomic<std::size_t> wordHead_{0};

  // True from a write that woke the consumer until a drain finds the ring empty.
  std::atomic<bool> wakePending_{false};

  std::atomic<std::uint64_t> received_{0};
  std::atomic<std::uint64_t> dropped_{0};

  std::size_t bytes() const { return size_ * (sizeof(std::uint32_t) + sizeof(Timestamp)); }
  static std::atomic<std::size_t> allocatedBytes_;
};

}  // namespace midiscope
