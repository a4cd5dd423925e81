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
  const Timestamp far = 5'000'000;
  writer.push(far, 0);
  writer.push(100, 1);
  writer.push(far, 2);
  writer.push(99, 3);
  writer.push(100, 4);
  writer.push(20'000, 5);
  CHECK_EQ(writer.queue.size(), 6u);
  CHECK_EQ(writer.queue.earliest(), 99.0);
  const auto out = writer.popAll();
  const std::uint32_t expected[] = {3, 1, 4, 5, 0, 2};
  CHECK_EQ(out.size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) CHECK_EQ(out[i].words[0], expected[i]);
  CHECK(writer.queue.empty());
}

TEST(inOrderPushesStayInTheRunAndOthersGoToTheHeap) {
  QueueWriter writer;
  const std::size_t n = 3 * ScheduleQueue::kChunkSize + 7;  // several chunks
  for (std::uint32_t i = 0; i < n; ++i) writer.push(Timestamp(1000 + i / 3), i);  // ties too
  CHECK_EQ(writer.queue.runSize(), n);
  CHECK_EQ(writer.queue.heapSize(), 0u);
  writer.push(500, 9000);  // earlier than the run's last: the heap
  writer.push(1000, 9001);
  CHECK_EQ(writer.queue.heapSize(), 2u);
  CHECK_EQ(writer.queue.earliest(), 500.0);
  const auto out = writer.popAll();
  CHECK_EQ(out.size(), n + 2);
  CHECK_EQ(out[0].words[0], 9000u);
  // Ties across the two parts keep insertion order: 9001 was pushed after 0, 1 and 2.
  const std::uint32_t expected[] = {0, 1, 2, 9001, 3};
  for (std::size_t i = 0; i < 5; ++i) CHECK_EQ(out[i + 1].words[0], expected[i]);
  for (std::size_t i = 1; i < out.size(); ++i) CHECK(scheduledBefore(out[i - 1], out[i]));
  CHECK(writer.queue.empty());
  CHECK_EQ(writer.queue.runSize(), 0u);
}

TEST(theRunRefillsAfterItEmptiesAndAcrossChunkBoundaries) {
  QueueWriter writer;
  std::vector<ScheduledMessage> out;
  std::uint32_t tag = 0;
  Timestamp next = 0;
  std::uint32_t expected = 0;
  // Push and pop in uneven steps so that the head crosses chunk ends and the run empties.
  for (int round = 0; round < 50; ++round) {
    const std::size_t pushes = (round * 37) % 1500;
    for (std::size_t i = 0; i < pushes; ++i) writer.push(next++, tag++);
    out.clear();
    writer.queue.popDue(next, out, (round * 53) % 2000);
    for (const auto& message : out) CHECK_EQ(message.words[0], expected++);
    if (round % 7 == 0) writer.queue.releaseSpareMemory();
  }
  for (const auto& message : writer.popAll()) CHECK_EQ(message.words[0], expected++);
  CHECK_EQ(expected, tag);
  CHECK_EQ(writer.queue.heapSize(), 0u);
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

TEST(pushIntoAPartlyPoppedRunKeepsOrder) {
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

TEST(removeIfAcrossChunksAndTheHeapThenPushMore) {
  QueueWriter writer;
  const std::uint32_t n = 5 * ScheduleQueue::kChunkSize;
  for (std::uint32_t i = 0; i < n; ++i) writer.push(Timestamp(10 * i), i);      // the run
  for (std::uint32_t i = 0; i < n; ++i) writer.push(Timestamp(10 * i + 5), n + i);  // the heap
  std::vector<ScheduledMessage> out;
  writer.queue.popDue(10 * 1500, out, ~std::size_t{0});  // the head is inside the second chunk
  const std::size_t removed = writer.queue.removeIf([](const ScheduledMessage& m) {
    return m.words[0] % 4 != 1;
  });
  CHECK_EQ(out.size(), std::size_t{2} * 1500 + 1);  // 0..1500 from the run, 0..1499 from the heap
  std::size_t survivors = 0;  // of run tags 1501..n-1 and heap tags n+1500..2n-1
  for (std::uint32_t tag = 1501; tag < n; ++tag) survivors += tag % 4 == 1;
  for (std::uint32_t tag = n + 1500; tag < 2 * n; ++tag) survivors += tag % 4 == 1;
  CHECK_EQ(writer.queue.size(), survivors);
  CHECK_EQ(removed, std::size_t{2} * n - out.size() - survivors);
  writer.queue.releaseSpareMemory();
  writer.push(1e9, 99999);  // after the shortened run: still in order
  const std::size_t left = writer.queue.size();
  const auto rest = writer.popAll();
  CHECK_EQ(rest.size(), left);
  CHECK_EQ(left, std::size_t{2} * n - removed - out.size() + 1);
  CHECK_EQ(rest.back().words[0], 99999u);
  for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
    CHECK_EQ(rest[i].words[0] % 4, 1u);
    if (i > 0) CHECK(scheduledBefore(rest[i - 1], rest[i]));
  }
  CHECK(writer.queue.empty());
}

TEST(chunksAreFreedAsTheQueueShrinks) {
  QueueWriter writer;
  const std::uint32_t n = 20 * ScheduleQueue::kChunkSize;
  for (std::uint32_t i = 0; i < n; ++i) writer.push(Timestamp(i), i);          // the run
  for (std::uint32_t i = 0; i < n; ++i) writer.push(Timestamp(n - i), n + i);  // the heap
  CHECK(writer.queue.chunksAllocated() >= 40u);
  std::vector<ScheduledMessage> out;
  writer.queue.popDue(Timestamp(n / 2), out, ~std::size_t{0});
  CHECK(writer.queue.chunksAllocated() <= 22u + ScheduleQueue::kSpareChunks);
  writer.popAll();
  CHECK(writer.queue.chunksAllocated() <= 1u + ScheduleQueue::kSpareChunks);
  writer.queue.releaseSpareMemory();
  CHECK(writer.queue.chunksAllocated() <= 1u);
  writer.push(5, 1);  // and it still works
  CHECK_EQ(writer.popAll().size(), 1u);
}

TEST(aMillionRandomTimestampsComeOutSorted) {
  QueueWriter writer;
  std::mt19937_64 random(42);
  std::uniform_int_distribution<std::int64_t> spread(0, 100'000'000);  // 10 s of ticks
  for (std::uint32_t i = 0; i < 1'000'000; ++i) writer.push(Timestamp(spread(random)), i);
  CHECK_EQ(writer.queue.size(), 1'000'000u);
  CHECK(writer.queue.heapSize() > 999'000u);  // only the running maxima start a run
  const auto out = writer.popAll();
  CHECK_EQ(out.size(), 1'000'000u);
  for (std::size_t i = 1; i < out.size(); ++i) CHECK(scheduledBefore(out[i - 1], out[i]));
}
