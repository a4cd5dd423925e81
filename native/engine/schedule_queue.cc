#include "engine/schedule_queue.h"

#include <algorithm>

namespace midiscope {

void ScheduleQueue::push(const ScheduledMessage& message) {
  const std::int64_t key = bucketKey(message.timestamp);
  if (lastBucket_ == nullptr || key != lastKey_) {
    lastBucket_ = &buckets_[key];
    lastKey_ = key;
  }
  Bucket& bucket = *lastBucket_;
  if (bucket.sorted && bucket.items.size() > bucket.head &&
      scheduledBefore(message, bucket.items.back())) {
    bucket.sorted = false;
  }
  bucket.items.push_back(message);
  ++size_;
}

ScheduleQueue::Bucket& ScheduleQueue::headBucket() {
  Bucket& bucket = buckets_.begin()->second;
  if (!bucket.sorted) {
    std::sort(bucket.items.begin() + static_cast<std::ptrdiff_t>(bucket.head), bucket.items.end(),
              scheduledBefore);
    bucket.sorted = true;
  }
  return bucket;
}

Timestamp ScheduleQueue::earliest() {
  const Bucket& bucket = headBucket();
  return bucket.items[bucket.head].timestamp;
}

std::size_t ScheduleQueue::popDue(Timestamp now, std::vector<ScheduledMessage>& out,
                                  std::size_t max) {
  std::size_t popped = 0;
  while (popped < max && size_ > 0) {
    Bucket& bucket = headBucket();
    while (popped < max && bucket.head < bucket.items.size() &&
           bucket.items[bucket.head].timestamp <= now) {
      out.push_back(bucket.items[bucket.head++]);
      ++popped;
      --size_;
    }
    if (bucket.head < bucket.items.size()) break;  // the rest is not due (or max reached)
    eraseBucket(buckets_.begin());
  }
  return popped;
}

void ScheduleQueue::eraseBucket(Buckets::iterator it) {
  if (&it->second == lastBucket_) lastBucket_ = nullptr;
  buckets_.erase(it);
}

void ScheduleQueue::clear() {
  buckets_.clear();
  size_ = 0;
  lastBucket_ = nullptr;
}

}  // namespace midiscope
