// The scheduler: one native thread that sends future-timestamped messages when they come due.
//
// Threads: any thread may schedule(); the scheduler thread pops due messages under mutex_ and
// sends them after releasing it, so senders are never held up by delivery. It sleeps on a
// condition variable (with precise timers, see precise_sleep.h) until the next timestamp, less
// a margin that only the `precise` setting uses: it follows how late the OS actually wakes the
// thread, and the thread spins for what is left (see scheduler_precision.h and
// wake_up_margin.h). By default it never spins: one wake-up per message. It does not yield
// while spinning: on a busy machine a yield hands the core away for a whole time slice
// (milliseconds). The thread is named "midi-scheduler".
//
// Lifetime: the scheduler holds one shared_ptr per source that still has messages queued, so a
// source (a connection) outlives its queued messages even after JS dropped its handle.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "engine/schedule_queue.h"
#include "engine/scheduler_precision.h"
#include "engine/wake_up_margin.h"

namespace midiscope {

class Scheduler {
 public:
  // The queue's spare memory is released only when the next message is this far away (10 ms).
  static constexpr Timestamp kIdleTicks = 100'000;
  // lowPower sends at most once per this many ticks (1 ms), everything that came due meanwhile.
  static constexpr Timestamp kLowPowerPeriodTicks = 10'000;
  // At most this many due messages are popped per lock hold.
  static constexpr std::size_t kDispatchBatch = 1024;
  // Dead (cancelled) messages are freed once they are this many and at least half the queue.
  static constexpr std::size_t kCompactionThreshold = 4096;

  Scheduler();
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // The precision every scheduler of the process uses from its next wake-up on. Any thread.
  static void setPrecision(SchedulerPrecision precision);
  static SchedulerPrecision precision();

  // The current spin margin (see wake_up_margin.h), for diagnostics and tests. Any thread.
  Timestamp spinMarginTicks() const { return spinMargin_.load(std::memory_order_relaxed); }

  // Queues `count` messages of `source` (timestamp, epoch and words filled in; sequence is
  // assigned here). False once stop() ran: nothing was queued.
  bool schedule(const std::shared_ptr<ScheduleSource>& source, ScheduledMessage* messages,
                std::size_t count);

  // A source cancelled `count` queued messages (they are now dead); frees them in bulk later.
  void noteCancelled(std::size_t count);

  // Messages in the queue, dead or alive.
  std::size_t queuedCount() const;

  // Stops and joins the thread and frees every queued message. Idempotent.
  void stop();

 private:
  struct SourceReference {
    std::shared_ptr<ScheduleSource> source;
    std::size_t queued = 0;
  };

  void run();
  // Applies a changed precision setting to this thread's margin and timer slack.
  void followPrecisionSetting();
  void sendDue(const std::vector<ScheduledMessage>& due);
  // Forgets `count` queued messages of `source`; a source with none left is moved to `released`
  // so that its destructor runs outside the lock.
  void unreference(ScheduleSource* source, std::size_t count,
                   std::vector<std::shared_ptr<ScheduleSource>>& released);
  bool compactionDue() const;  // requires mutex_
  void compactIfWorthIt(std::vector<std::shared_ptr<ScheduleSource>>& released);

  mutable std::mutex mutex_;
  std::condition_variable wakeUp_;
  ScheduleQueue queue_;
  std::unordered_map<ScheduleSource*, SourceReference> sources_;
  std::uint64_t nextSequence_ = 0;
  std::size_t cancelledHint_ = 0;
  // The timestamp the thread is waiting for (+inf when idle); a schedule() of anything earlier
  // wakes it. Guarded by mutex_.
  Timestamp wakeAt_ = 0;
  // Set by schedule() when something earlier than wakeAt_ arrives while the thread spins.
  std::atomic<bool> earlierArrived_{false};
  std::atomic<bool> stopping_{false};
  WakeUpMargin wakeUpMargin_;  // the scheduler thread's
  std::atomic<Timestamp> spinMargin_{0};  // its value, for other threads
  bool stopped_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace midiscope
