#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "engine/clock.h"
#include "engine/scheduler.h"
#include "harness/test_harness.h"

using namespace midiscope;

namespace {

// Records what the scheduler sends: the first word of each message and when it arrived.
class RecordingSource final : public ScheduleSource {
 public:
  struct Arrival {
    std::uint32_t tag;
    Timestamp at;
  };
  void sendScheduled(const std::uint32_t* words, std::size_t wordCount,
                     std::size_t messageCount) override {
    const Timestamp now = clockNow();
    std::lock_guard<std::mutex> lock(mutex_);
    CHECK_EQ(wordCount, messageCount);  // these tests schedule UMP32 only
    for (std::size_t i = 0; i < messageCount; ++i) arrivals_.push_back({words[i], now});
    ++sends_;
  }
  // How many deliveries (calls) brought the messages.
  std::size_t sends() {
    std::lock_guard<std::mutex> lock(mutex_);
    return sends_;
  }
  std::vector<Arrival> arrivals() {
    std::lock_guard<std::mutex> lock(mutex_);
    return arrivals_;
  }
  std::size_t count() {
    std::lock_guard<std::mutex> lock(mutex_);
    return arrivals_.size();
  }

 private:
  std::mutex mutex_;
  std::vector<Arrival> arrivals_;
  std::size_t sends_ = 0;
};

// Schedules UMP32 messages tagged 0x2000'0000 | index at the given timestamps.
void scheduleTagged(Scheduler& scheduler, const std::shared_ptr<RecordingSource>& source,
                    const std::vector<Timestamp>& timestamps, std::uint32_t firstTag = 0) {
  std::vector<ScheduledMessage> messages(timestamps.size());
  const auto epoch = source->pending().reserve(messages.size());
  CHECK(epoch.has_value());
  for (std::size_t i = 0; i < messages.size(); ++i) {
    messages[i].timestamp = timestamps[i];
    messages[i].epoch = *epoch;
    messages[i].words[0] = 0x2000'0000u | (firstTag + static_cast<std::uint32_t>(i));
  }
  CHECK(scheduler.schedule(source, messages.data(), messages.size()));
}

constexpr Timestamp kMillisecond = 10'000;

}  // namespace

TEST(schedulerSendsInTimestampOrderFifoOnTiesAndNeverEarly) {
  Scheduler scheduler;
  auto source = std::make_shared<RecordingSource>();
  std::mt19937 random(7);
  const Timestamp start = clockNow() + 20 * kMillisecond;
  // 2000 messages on 40 distinct millisecond steps: many ties, inserted in random time order
  // over several calls so that FIFO has to come from the sequence numbers.
  std::vector<Timestamp> timestamps(2000);
  for (auto& timestamp : timestamps) timestamp = start + (random() % 40) * kMillisecond;
  for (std::uint32_t call = 0; call < 4; ++call) {
    scheduleTagged(scheduler, source,
                   std::vector<Timestamp>(timestamps.begin() + call * 500,
                                          timestamps.begin() + (call + 1) * 500),
                   call * 500);
  }
  WAIT_UNTIL(source->count() == timestamps.size());
  const auto arrivals = source->arrivals();
  for (std::size_t i = 0; i < arrivals.size(); ++i) {
    const std::uint32_t index = arrivals[i].tag & 0xFFFF;
    CHECK_MESSAGE(arrivals[i].at >= timestamps[index], "message " << index << " arrived early");
    if (i > 0) {
      const std::uint32_t previous = arrivals[i - 1].tag & 0xFFFF;
      const bool ordered = timestamps[previous] < timestamps[index] ||
                           (timestamps[previous] == timestamps[index] && previous < index);
      CHECK_MESSAGE(ordered, "message " << index << " came after " << previous);
    }
  }
  CHECK_EQ(source->pending().count(), 0u);
}

TEST(schedulerSendsPastTimestampsAtOnce) {
  Scheduler scheduler;
  auto source = std::make_shared<RecordingSource>();
  scheduleTagged(scheduler, source, {clockNow() + 3600 * 10'000'000.0});  // keeps it asleep
  scheduleTagged(scheduler, source, {clockNow() - kMillisecond}, 1);
  WAIT_UNTIL(source->count() == 1);
  CHECK_EQ(source->arrivals()[0].tag, 0x2000'0001u);
}

TEST(cancelledMessagesAreNeverSent) {
  Scheduler scheduler;
  auto source = std::make_shared<RecordingSource>();
  const Timestamp due = clockNow() + 30 * kMillisecond;
  scheduleTagged(scheduler, source, std::vector<Timestamp>(100, due));
  CHECK_EQ(source->pending().cancel(), 100u);
  scheduleTagged(scheduler, source, {due}, 500);  // a new epoch is alive again
  // The live message is last in line: once it arrived, the dead ones were passed over.
  WAIT_UNTIL(source->count() == 1 && scheduler.queuedCount() == 0);
  const auto arrivals = source->arrivals();
  CHECK_EQ(arrivals.size(), 1u);
  CHECK_EQ(arrivals[0].tag, 0x2000'0000u | 500u);
}

TEST(cancelledMessagesAreFreedLongBeforeTheirTime) {
  Scheduler scheduler;
  auto source = std::make_shared<RecordingSource>();
  std::weak_ptr<RecordingSource> watch = source;
  scheduleTagged(scheduler, source, std::vector<Timestamp>(10'000, clockNow() + 36'000'000'000.0));
  CHECK_EQ(scheduler.queuedCount(), 10'000u);
  scheduler.noteCancelled(source->pending().cancel());
  source.reset();
  WAIT_UNTIL(scheduler.queuedCount() == 0);
  WAIT_UNTIL(watch.expired());  // the scheduler let go of the source with its last message
}

TEST(stopJoinsPromptlyWithAMillionPending) {
  Scheduler scheduler;
  auto source = std::make_shared<RecordingSource>();
  const Timestamp later = clockNow() + 3600 * 10'000'000.0;
  for (int chunk = 0; chunk < 100; ++chunk) {
    scheduleTagged(scheduler, source, std::vector<Timestamp>(10'000, later + chunk));
  }
  CHECK_EQ(scheduler.queuedCount(), 1'000'000u);
  const auto start = std::chrono::steady_clock::now();
  scheduler.stop();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_MESSAGE(seconds < 5, "stop took " << seconds << " s");
  CHECK_EQ(scheduler.queuedCount(), 0u);
  CHECK_EQ(source.use_count(), 1);  // the scheduler holds no reference any more
  ScheduledMessage late;
  CHECK(!scheduler.schedule(source, &late, 1));
}

TEST(everyPrecisionSendsInOrderAndNeverEarly) {
  Scheduler scheduler;
  auto source = std::make_shared<RecordingSource>();
  std::uint32_t tag = 0;
  for (const auto precision : {SchedulerPrecision::kPrecise, SchedulerPrecision::kLowPower,
                               SchedulerPrecision::kBalanced}) {
    // A setting changed while the thread sleeps applies from its next wake-up on.
    Scheduler::setPrecision(precision);
    CHECK(Scheduler::precision() == precision);
    const Timestamp start = clockNow() + 5 * kMillisecond;
    std::vector<Timestamp> timestamps(40);
    for (std::size_t i = 0; i < timestamps.size(); ++i) timestamps[i] = start + i * kMillisecond / 2;
    scheduleTagged(scheduler, source, timestamps, tag);
    const std::size_t expected = tag + timestamps.size();
    WAIT_UNTIL(source->count() == expected);
    const auto arrivals = source->arrivals();
    for (std::size_t i = tag; i < expected; ++i) {
      CHECK_EQ(arrivals[i].tag, 0x2000'0000u | static_cast<std::uint32_t>(i));
      CHECK_MESSAGE(arrivals[i].at >= timestamps[i - tag],
                    schedulerPrecisionName(precision) << ": message " << i << " arrived early");
    }
    tag = static_cast<std::uint32_t>(expected);
  }
  // Once the thread has been through a timed wait under the balanced setting, its margin is
  // the balanced one again: none, it never spins.
  CHECK_EQ(scheduler.spinMarginTicks(), 0);
}

// Low power sends at most once per period, whatever wakes its thread. The bound below holds on a
// machine of any load: the first batch goes out no earlier than the first timestamp, each later
// one at least a period after the one before, and the last is recorded after it went out, so
// (batches - 1) periods fit between the first timestamp and the last arrival. Each call below
// uses one epoch, so a batch is one delivery.
void checkAtMostOneDeliveryPerPeriod(RecordingSource& source, Timestamp firstTimestamp) {
  const auto arrivals = source.arrivals();
  CHECK(!arrivals.empty());
  const Timestamp span = arrivals.back().at - firstTimestamp;
  const std::size_t deliveries = source.sends();
  CHECK_MESSAGE(static_cast<Timestamp>(deliveries - 1) * Scheduler::kLowPowerPeriodTicks <= span,
                deliveries << " deliveries within " << span / kMillisecond << " ms");
}

TEST(lowPowerSendsAtMostOncePerPeriodOnTime) {
  Scheduler scheduler;
  auto source = std::make_shared<RecordingSource>();
  Scheduler::setPrecision(SchedulerPrecision::kLowPower);
  // 50 messages 200 µs apart: about 10 deliveries of 5 on a quiet machine, fewer on a busy one.
  const Timestamp start = clockNow() + 5 * kMillisecond;
  std::vector<Timestamp> timestamps(50);
  for (std::size_t i = 0; i < timestamps.size(); ++i) timestamps[i] = start + i * kMillisecond / 5;
  scheduleTagged(scheduler, source, timestamps);
  WAIT_UNTIL(source->count() == timestamps.size());
  Scheduler::setPrecision(SchedulerPrecision::kBalanced);
  const auto arrivals = source->arrivals();
  for (std::size_t i = 0; i < arrivals.size(); ++i) CHECK(arrivals[i].at >= timestamps[i]);
  checkAtMostOneDeliveryPerPeriod(*source, start);
}

TEST(lowPowerSendsAtMostOncePerPeriodWhenMessagesArriveDue) {
  // Messages scheduled one by one, each due at once and each after the one before arrived: each
  // schedule() wakes the thread, which must still wait out the period before sending.
  Scheduler scheduler;
  auto source = std::make_shared<RecordingSource>();
  Scheduler::setPrecision(SchedulerPrecision::kLowPower);
  constexpr std::size_t kCount = 50;
  const auto epoch = source->pending().reserve(kCount);
  CHECK(epoch.has_value());
  const Timestamp first = clockNow();
  for (std::size_t i = 0; i < kCount; ++i) {
    ScheduledMessage message;
    message.timestamp = clockNow();
    message.epoch = *epoch;
    message.words[0] = 0x2000'0000u | static_cast<std::uint32_t>(i);
    CHECK(scheduler.schedule(source, &message, 1));
    WAIT_UNTIL(source->count() == i + 1);
  }
  Scheduler::setPrecision(SchedulerPrecision::kBalanced);
  const auto arrivals = source->arrivals();
  for (std::size_t i = 0; i < kCount; ++i) CHECK_EQ(arrivals[i].tag, 0x2000'0000u | i);
  checkAtMostOneDeliveryPerPeriod(*source, first);
}
