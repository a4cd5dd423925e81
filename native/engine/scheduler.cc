#include "engine/scheduler.h"

#include <algorithm>
#include <limits>

#include "engine/clock.h"
#include "engine/precise_sleep.h"
#include "engine/ump_size.h"

namespace midiscope {

namespace {
constexpr Timestamp kNever = std::numeric_limits<Timestamp>::infinity();

std::atomic<int> precisionSetting{static_cast<int>(SchedulerPrecision::kBalanced)};

// Tells the CPU that this is a spin-wait (less power, and the other hyperthread runs faster).
inline void relaxWhileSpinning() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}
}  // namespace

void Scheduler::setPrecision(SchedulerPrecision precision) {
  precisionSetting.store(static_cast<int>(precision), std::memory_order_relaxed);
}

SchedulerPrecision Scheduler::precision() {
  return static_cast<SchedulerPrecision>(precisionSetting.load(std::memory_order_relaxed));
}

void Scheduler::followPrecisionSetting() {
  const SchedulerPrecision wanted = precision();
  if (wanted == wakeUpMargin_.precision()) return;
  wakeUpMargin_.setPrecision(wanted);
  usePreciseTimers(wanted != SchedulerPrecision::kLowPower);
  spinMargin_.store(wakeUpMargin_.ticks(), std::memory_order_relaxed);
}

Scheduler::Scheduler()
    : wakeAt_(kNever),
      wakeUpMargin_(precision()),
      spinMargin_(wakeUpMargin_.ticks()),
      thread_([this] { run(); }) {}

Scheduler::~Scheduler() { stop(); }

bool Scheduler::schedule(const std::shared_ptr<ScheduleSource>& source,
                         ScheduledMessage* messages, std::size_t count) {
  if (count == 0) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopped_) return false;
  Timestamp earliest = kNever;
  for (std::size_t i = 0; i < count; ++i) {
    messages[i].sequence = nextSequence_++;
    messages[i].source = source.get();
    queue_.push(messages[i]);
    if (messages[i].timestamp < earliest) earliest = messages[i].timestamp;
  }
  SourceReference& reference = sources_[source.get()];
  if (!reference.source) reference.source = source;
  reference.queued += count;
  if (earliest < wakeAt_) {
    earlierArrived_.store(true, std::memory_order_relaxed);
    wakeUp_.notify_one();
  }
  return true;
}

void Scheduler::noteCancelled(std::size_t count) {
  std::lock_guard<std::mutex> lock(mutex_);
  cancelledHint_ += count;
  if (compactionDue()) wakeUp_.notify_one();
}

bool Scheduler::compactionDue() const {
  return cancelledHint_ >= kCompactionThreshold && cancelledHint_ * 2 >= queue_.size();
}

std::size_t Scheduler::queuedCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void Scheduler::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
    stopping_.store(true);
    wakeUp_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
  std::unordered_map<ScheduleSource*, SourceReference> sources;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.clear();
    sources.swap(sources_);
  }
  // `sources` is destroyed here, outside the lock.
}

void Scheduler::run() {
  nameThisThread("midi-scheduler");
  requestShortTimeSlice();
  usePreciseTimers(wakeUpMargin_.precision() != SchedulerPrecision::kLowPower);
  std::vector<ScheduledMessage> due;
  due.reserve(kDispatchBatch);
  std::vector<std::shared_ptr<ScheduleSource>> released;
  // When the last batch went out: lowPower sends at most once per kLowPowerPeriodTicks, whatever
  // woke the thread (a timer, a schedule() of a message already due, a spurious wake-up).
  Timestamp lastDispatch = -kNever;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_.load()) {
    followPrecisionSetting();
    compactIfWorthIt(released);
    if (!released.empty()) {
      lock.unlock();
      released.clear();
      lock.lock();
      continue;
    }
    if (queue_.empty()) {
      queue_.releaseSpareMemory();
      wakeAt_ = kNever;
      wakeUp_.wait(lock);
      wakeAt_ = -kNever;
      continue;
    }
    const bool lowPower = wakeUpMargin_.precision() == SchedulerPrecision::kLowPower;
    // Low power: nothing goes out before one period after the last batch; everything that came
    // due by then goes out together. (Its margin is zero, so it never spins.)
    const Timestamp next =
        lowPower ? std::max(queue_.earliest(), lastDispatch + kLowPowerPeriodTicks) : queue_.earliest();
    const Timestamp now = clockNow();
    const Timestamp margin = wakeUpMargin_.ticks();
    if (next > now + margin) {
      if (next > now + kIdleTicks) queue_.releaseSpareMemory();
      wakeAt_ = next;
      const Timestamp wakeTime = next - margin;
      if (wakeUp_.wait_until(lock, timePointOf(wakeTime)) == std::cv_status::timeout) {
        // How late the OS woke us (lock re-acquisition included) sets the next margins.
        wakeUpMargin_.noteWakeUp(clockNow() - wakeTime);
        spinMargin_.store(wakeUpMargin_.ticks(), std::memory_order_relaxed);
      }
      wakeAt_ = -kNever;
      continue;
    }
    if (next > now) {
      // The last stretch: spin without the lock so schedule() is not held up.
      wakeAt_ = next;
      earlierArrived_.store(false, std::memory_order_relaxed);
      lock.unlock();
      while (clockNow() < next && !stopping_.load(std::memory_order_relaxed) &&
             !earlierArrived_.load(std::memory_order_relaxed)) {
        relaxWhileSpinning();
      }
      lock.lock();
      wakeAt_ = -kNever;
      continue;
    }
    queue_.popDue(now, due, kDispatchBatch);
    // A full batch means more is due now: the rest goes out in this round, not a period later.
    if (due.size() < kDispatchBatch) lastDispatch = now;
    for (std::size_t i = 0; i < due.size();) {
      std::size_t end = i + 1;
      while (end < due.size() && due[end].source == due[i].source) ++end;
      unreference(due[i].source, end - i, released);
      i = end;
    }
    lock.unlock();
    sendDue(due);
    due.clear();
    released.clear();
    lock.lock();
  }
}

void Scheduler::sendDue(const std::vector<ScheduledMessage>& due) {
  // Consecutive messages of one source and epoch go out in one delivery.
  std::uint32_t words[kDispatchBatch * kMaxMessageWords];
  for (std::size_t i = 0; i < due.size();) {
    std::size_t end = i + 1;
    while (end < due.size() && due[end].source == due[i].source && due[end].epoch == due[i].epoch) {
      ++end;
    }
    ScheduleSource& source = *due[i].source;
    if (source.pending().claim(due[i].epoch, end - i)) {
      std::size_t wordCount = 0;
      for (std::size_t k = i; k < end; ++k) {
        const std::size_t size = messageWordCount(due[k].words[0]);
        for (std::size_t w = 0; w < size; ++w) words[wordCount++] = due[k].words[w];
      }
      source.sendScheduled(words, wordCount, end - i);
    }
    i = end;
  }
}

void Scheduler::unreference(ScheduleSource* source, std::size_t count,
                            std::vector<std::shared_ptr<ScheduleSource>>& released) {
  auto it = sources_.find(source);
  it->second.queued -= count;
  if (it->second.queued == 0) {
    released.push_back(std::move(it->second.source));
    sources_.erase(it);
  }
}

void Scheduler::compactIfWorthIt(std::vector<std::shared_ptr<ScheduleSource>>& released) {
  if (!compactionDue()) return;
  cancelledHint_ = 0;
  ScheduleSource* lastSource = nullptr;
  std::size_t lastCount = 0;
  queue_.removeIf([&](const ScheduledMessage& message) {
    if (message.epoch == message.source->pending().epoch()) return false;
    if (message.source != lastSource) {
      if (lastCount > 0) unreference(lastSource, lastCount, released);
      lastSource = message.source;
      lastCount = 0;
    }
    ++lastCount;
    return true;
  });
  if (lastCount > 0) unreference(lastSource, lastCount, released);
}

}  // namespace midiscope
