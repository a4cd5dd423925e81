#include "engine/schedule_queue.h"

#include <utility>

namespace midiscope {

namespace {
constexpr std::size_t kArity = 4;
}

// ------------------------------------------------------------------------------------- chunks

std::unique_ptr<ScheduleQueue::Chunk> ScheduleQueue::newChunk() {
  if (spares_.empty()) return std::make_unique<Chunk>();
  std::unique_ptr<Chunk> chunk = std::move(spares_.back());
  spares_.pop_back();
  return chunk;
}

void ScheduleQueue::recycle(std::unique_ptr<Chunk> chunk) {
  if (spares_.size() < kSpareChunks) spares_.push_back(std::move(chunk));
}

void ScheduleQueue::freeChunksPast(Chunks& chunks, std::size_t used) {
  const std::size_t needed = (used + kChunkSize - 1) / kChunkSize;
  while (chunks.size() > needed) {
    recycle(std::move(chunks.back()));
    chunks.pop_back();
  }
}

// ---------------------------------------------------------------------------------------- run

void ScheduleQueue::runPush(const ScheduledMessage& message) {
  const std::size_t slot = runHead_ + runSize_;
  if (slot == runChunks_.size() * kChunkSize) runChunks_.push_back(newChunk());
  at(runChunks_, slot) = message;
  ++runSize_;
}

void ScheduleQueue::runPop() {
  --runSize_;
  if (runSize_ == 0) {
    runHead_ = 0;
    freeChunksPast(runChunks_, 0);
  } else if (++runHead_ == kChunkSize) {
    recycle(std::move(runChunks_.front()));
    runChunks_.erase(runChunks_.begin());  // moves a pointer per chunk: ~1,000 for a million
    runHead_ = 0;
  }
}

// --------------------------------------------------------------------------------------- heap

void ScheduleQueue::heapPush(const ScheduledMessage& message) {
  if (heapSize_ == heapChunks_.size() * kChunkSize) heapChunks_.push_back(newChunk());
  std::size_t hole = heapSize_++;
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / kArity;
    const ScheduledMessage& above = heapAt(parent);
    if (!scheduledBefore(message, above)) break;
    heapAt(hole) = above;
    hole = parent;
  }
  heapAt(hole) = message;
}

void ScheduleQueue::heapSiftDown(std::size_t hole, const ScheduledMessage& message) {
  for (;;) {
    const std::size_t first = hole * kArity + 1;
    if (first >= heapSize_) break;
    const std::size_t end = first + kArity < heapSize_ ? first + kArity : heapSize_;
    std::size_t best = first;
    for (std::size_t child = first + 1; child < end; ++child) {
      if (scheduledBefore(heapAt(child), heapAt(best))) best = child;
    }
    const ScheduledMessage& below = heapAt(best);
    if (!scheduledBefore(below, message)) break;
    heapAt(hole) = below;
    hole = best;
  }
  heapAt(hole) = message;
}

void ScheduleQueue::heapPop() {
  const ScheduledMessage last = heapAt(heapSize_ - 1);
  --heapSize_;
  if (heapSize_ > 0) heapSiftDown(0, last);
  freeChunksPast(heapChunks_, heapSize_);
}

void ScheduleQueue::heapify() {
  if (heapSize_ < 2) return;
  for (std::size_t i = (heapSize_ - 2) / kArity + 1; i-- > 0;) {
    const ScheduledMessage message = heapAt(i);
    heapSiftDown(i, message);
  }
}

// ---------------------------------------------------------------------------------- the queue

void ScheduleQueue::push(const ScheduledMessage& message) {
  // Sequences only grow, so "not before the run's last" means "timestamp not earlier". An empty
  // run takes anything: popDue merges the run with the heap.
  if (runSize_ == 0 || !scheduledBefore(message, runAt(runSize_ - 1))) {
    runPush(message);
  } else {
    heapPush(message);
  }
}

Timestamp ScheduleQueue::earliest() const {
  if (runSize_ == 0) return heapTop().timestamp;
  if (heapSize_ == 0) return runFront().timestamp;
  const Timestamp run = runFront().timestamp;
  const Timestamp heap = heapTop().timestamp;
  return run < heap ? run : heap;
}

std::size_t ScheduleQueue::popDue(Timestamp now, std::vector<ScheduledMessage>& out,
                                  std::size_t max) {
  std::size_t popped = 0;
  while (popped < max) {
    const bool runDue = runSize_ > 0 && runFront().timestamp <= now;
    const bool heapDue = heapSize_ > 0 && heapTop().timestamp <= now;
    if (runDue && (!heapDue || scheduledBefore(runFront(), heapTop()))) {
      out.push_back(runFront());
      runPop();
    } else if (heapDue) {
      out.push_back(heapTop());
      heapPop();
    } else {
      break;
    }
    ++popped;
  }
  return popped;
}

void ScheduleQueue::clear() {
  runChunks_.clear();
  heapChunks_.clear();
  spares_.clear();
  runHead_ = 0;
  runSize_ = 0;
  heapSize_ = 0;
}

}  // namespace midiscope
