// The scheduler's priority queue: a calendar of time buckets, each a vector sorted lazily.
//
// Why not a binary heap: with a million entries every push and pop walks ~20 levels of cold
// cache lines. Here a bucket covers 2^14 ticks (1.6384 ms); pushing appends to a vector (the
// bucket lookup is cached for the usual ascending timestamps), and popping reads the head
// bucket sequentially. A bucket is sorted only if something arrived out of order, once, when it
// reaches the head. Not thread-safe: the Scheduler guards it with its mutex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "engine/scheduled_message.h"

namespace midiscope {

class ScheduleQueue {
 public:
  static constexpr int kBucketShift = 14;

  // `message.sequence` must be larger than every sequence pushed before.
  void push(const ScheduledMessage& message);

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  // The earliest timestamp. Requires !empty().
  Timestamp earliest();

  // Moves, in order, up to `max` messages with timestamp <= now to the end of `out`.
  std::size_t popDue(Timestamp now, std::vector<ScheduledMessage>& out, std::size_t max);

  // Removes every message for which `dead(message)` is true, keeping the order of the rest.
  template <typename Predicate>
  std::size_t removeIf(Predicate dead);

  void clear();

 private:
  struct Bucket {
    std::vector<ScheduledMessage> items;
    std::size_t head = 0;  // items before head were popped
    bool sorted = true;
  };
  using Buckets = std::map<std::int64_t, Bucket>;

  static std::int64_t bucketKey(Timestamp timestamp) {
    return static_cast<std::int64_t>(timestamp) >> kBucketShift;
  }
  Bucket& headBucket();  // sorted; requires !empty()
  void eraseBucket(Buckets::iterator it);

  Buckets buckets_;
  std::size_t size_ = 0;
  // The bucket of the last push: consecutive pushes usually land in the same one.
  std::int64_t lastKey_ = -1;
  Bucket* lastBucket_ = nullptr;
};

template <typename Predicate>
std::size_t ScheduleQueue::removeIf(Predicate dead) {
  std::size_t removed = 0;
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    Bucket& bucket = it->second;
    std::size_t kept = bucket.head;
    for (std::size_t i = bucket.head; i < bucket.items.size(); ++i) {
      if (!dead(bucket.items[i])) bucket.items[kept++] = bucket.items[i];
    }
    removed += bucket.items.size() - kept;
    bucket.items.resize(kept);
    auto current = it++;
    if (bucket.head == bucket.items.size()) eraseBucket(current);
  }
  size_ -= removed;
  return removed;
}

}  // namespace midiscope
