#include <algorithm>
#include <random>
#include <vector>

#include "engine/schedule_queue.h"
#include "harness/test_harness.h"

using namespace midiscope;

namespace {

struct QueueWriter {
  ScheduleQueue queue;
  std::uint64_t sequence = 0;
  void push(Timestamp timestamp, std::uint32_t tag) {
    ScheduledMessage message;
    message.timestamp = timestamp;
    message.sequence = sequence++;
    message.words[0] = tag;
    queue.push(message);
  }
  std::vector<ScheduledMessage> popAll(Timestamp now = 1e18) {
    std::vector<ScheduledMessage> out;
    queue.popDue(now, out, ~std::size_t{0});
    return out;
  }
};

}  // namespace

TEST(queuePopsInTimestampOrderFifoOnTies) {
  QueueWriter writer;
  const Timestamp bucket = Timestamp(1 << ScheduleQueue::kBucketShift);
  writer.push(5 * bucket, 0);
  writer.push(100, 1);
  writer.push(5 * bucket, 2);
  writer.push(99, 3);  // same bucket as 100, earlier: the bucket is sorted when it is reached
  writer.push(100, 4);
  writer.push(2 * bucket + 1, 5);
  CHECK_EQ(writer.queue.size(), 6u);
  CHECK_EQ(writer.queue.earliest(), 99.0);
  const auto out = writer.popAll();
  const std::uint32_t expected[] = {3, 1, 4, 5, 0, 2};
  CHECK_EQ(out.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) CHECK_EQ(out[i].words[0], expected[i]);
  CHECK(writer.queue.empty());
}

TEST(popDueTakesOnlyWhatIsDueAndAtMostMax) {
  QueueWriter writer;
  for (std::uint32_t i = 0; i < 10; ++i) writer.push(1000 + i, i);
  std::vector<ScheduledMessage> out;
  CHECK_EQ(writer.queue.popDue(999, out, 100), 0u);
  CHECK_EQ(writer.queue.popDue(1004, out, 3), 3u);
  CHECK_EQ(writer.queue.popDue(1004, out, 100), 2u);
  CHECK_EQ(out.back().words[0], 4u);
  CHECK_EQ(writer.queue.size(), 5u);
  CHECK_EQ(writer.queue.earliest(), 1005.0);
}

TEST(pushIntoAPartlyPoppedBucketKeepsOrder) {
  QueueWriter writer;
  writer.push(10, 0);
  writer.push(20, 1);
  writer.push(30, 2);
  std::vector<ScheduledMessage> out;
  writer.queue.popDue(10, out, 10);
  writer.push(15, 3);  // earlier than what is left, later than what was popped
  writer.push(30, 4);
  const auto rest = writer.popAll();
  const std::uint32_t expected[] = {3, 1, 2, 4};
  CHECK_EQ(rest.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) CHECK_EQ(rest[i].words[0], expected[i]);
}

TEST(removeIfDropsMatchesAndKeepsTheRestInOrder) {
  QueueWriter writer;
  for (std::uint32_t i = 0; i < 1000; ++i) writer.push(Timestamp(i * 97 % 50000), i);
  const std::size_t removed = writer.queue.removeIf([](const ScheduledMessage& m) {
    return m.words[0] % 3 == 0;
  });
  CHECK_EQ(removed, 334u);
  CHECK_EQ(writer.queue.size(), 666u);
  const auto out = writer.popAll();
  CHECK_EQ(out.size(), 666u);
  for (std::size_t i = 0; i < out.size(); ++i) {
    CHECK(out[i].words[0] % 3 != 0);
    if (i > 0) CHECK(scheduledBefore(out[i - 1], out[i]));
  }
}

TEST(aMillionRandomTimestampsComeOutSorted) {
  QueueWriter writer;
  std::mt19937_64 random(42);
  std::uniform_int_distribution<std::int64_t> spread(0, 100'000'000);  // 10 s of ticks
  for (std::uint32_t i = 0; i < 1'000'000; ++i) writer.push(Timestamp(spread(random)), i);
  CHECK_EQ(writer.queue.size(), 1'000'000u);
  const auto out = writer.popAll();
  CHECK_EQ(out.size(), 1'000'000u);
  for (std::size_t i = 1; i < out.size(); ++i) CHECK(scheduledBefore(out[i - 1], out[i]));
}
