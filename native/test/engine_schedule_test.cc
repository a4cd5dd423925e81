#include <vector>

#include "test_support.h"

using namespace midiscope;
using namespace midiscope::send_result;
using namespace testing;

namespace {
constexpr Timestamp kMillisecond = 10'000;
}  // namespace

TEST(scheduledSendsArriveInTimestampOrderFifoOnTiesNeverEarly) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const Timestamp t = clockNow() + 30 * kMillisecond;
  // Tag n is expected n-th. Sent out of order, through every kind of send.
  CHECK_EQ(engine.sendMessage(a, t + 2 * kMillisecond, wordsOf({0x2000'0004})), kSucceeded);
  CHECK_EQ(engine.sendMessages(a, t, wordsOf({0x2000'0000, 0x2000'0001})).messagesSent, 2u);
  const Timestamp stamps[] = {t + kMillisecond, t, t + 2 * kMillisecond};
  CHECK_EQ(engine.sendTimestampedMessages(a, stamps, 3, wordsOf({0x2000'0003, 0x2000'0002, 0x2000'0005}))
               .result,
           kSucceeded);
  CHECK_EQ(engine.stats(a).pendingScheduled, 6u);
  CHECK(drainAll(engine, b).words.empty());  // nothing before its time
  WAIT_UNTIL(engine.stats(b).received == 6);
  const Received got = drainAll(engine, b);
  const Timestamp expectedAt[] = {t, t, t, t + kMillisecond, t + 2 * kMillisecond, t + 2 * kMillisecond};
  for (std::uint32_t i = 0; i < 6; ++i) {
    CHECK_EQ(got.words[i], 0x2000'0000u | i);
    CHECK(got.timestamps[i] >= expectedAt[i]);
  }
  CHECK_EQ(engine.stats(a).pendingScheduled, 0u);
}

TEST(pastTimestampsAreSentAtOnce) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  CHECK_EQ(engine.sendMessage(a, 1, wordsOf({0x2000'0001})), kSucceeded);
  CHECK_EQ(engine.sendMessage(a, clockNow() - kMillisecond, wordsOf({0x2000'0002})), kSucceeded);
  // Delivered before the send returned: no waiting.
  CHECK_EQ(drainAll(engine, b).words, (std::vector<std::uint32_t>{0x2000'0001, 0x2000'0002}));
  CHECK_EQ(engine.scheduledQueueSize(), 0u);
}

TEST(cancelScheduledDiscardsAndCounts) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId marker = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const Timestamp t = clockNow() + 20 * kMillisecond;
  CHECK_EQ(engine.sendMessages(a, t, wordsOf(std::vector<std::uint32_t>(50, 0x2000'0001))).messagesSent, 50u);
  CHECK_EQ(engine.cancelScheduled(a), 50u);
  CHECK_EQ(engine.stats(a).pendingScheduled, 0u);
  CHECK_EQ(engine.cancelScheduled(a), 0u);
  // A later message from another connection shows when the cancelled ones' time has passed.
  CHECK_EQ(engine.sendMessage(marker, t + kMillisecond, wordsOf({0x2000'0002})), kSucceeded);
  WAIT_UNTIL(engine.stats(b).received == 1);
  CHECK_EQ(drainAll(engine, b).words, std::vector<std::uint32_t>{0x2000'0002});
}

TEST(closingAConnectionDiscardsItsScheduledMessages) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId marker = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const Timestamp t = clockNow() + 20 * kMillisecond;
  CHECK_EQ(engine.sendMessages(a, t, wordsOf(std::vector<std::uint32_t>(20, 0x2000'0001))).messagesSent, 20u);
  engine.closeConnection(a);
  CHECK_EQ(engine.stats(a).pendingScheduled, 0u);  // unknown handle now: all zeros
  CHECK_EQ(engine.sendMessage(marker, t + kMillisecond, wordsOf({0x2000'0002})), kSucceeded);
  WAIT_UNTIL(engine.stats(b).received == 1);
  CHECK_EQ(drainAll(engine, b).words, std::vector<std::uint32_t>{0x2000'0002});
}

TEST(aMillionPendingMessagesAreHeldAndDeliveredInOrder) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB, 1 << 20);
  constexpr std::uint32_t kCount = 1'000'000;
  std::vector<std::uint32_t> words(kCount);
  std::vector<Timestamp> timestamps(kCount);
  // Far enough ahead that all million are queued before the first comes due, even on a busy
  // machine under AddressSanitizer (the insert itself takes well under a second).
  const Timestamp start = clockNow() + 2000 * kMillisecond;
  for (std::uint32_t i = 0; i < kCount; ++i) {
    words[i] = 0x2000'0000u | i;               // UMP32, the index in the low bits
    timestamps[i] = start + Timestamp(i / 4);  // four per tick: ties on every timestamp
  }
  const MultipleSendResult sent =
      engine.sendTimestampedMessages(a, timestamps.data(), kCount, wordsOf(words));
  CHECK_EQ(sent.result, kSucceeded);
  CHECK_EQ(sent.messagesSent, kCount);
  CHECK_EQ(engine.stats(a).pendingScheduled, kCount);
  CHECK_EQ(engine.stats(b).received, 0u);
  WAIT_UNTIL(engine.stats(b).received == kCount);
  const Received got = drainAll(engine, b);
  CHECK_EQ(got.words.size(), std::size_t{kCount});
  for (std::uint32_t i = 0; i < kCount; ++i) {
    CHECK_EQ(got.words[i], words[i]);
    CHECK(got.timestamps[i] >= timestamps[i]);
  }
  CHECK_EQ(engine.stats(b).dropped, 0u);
}
