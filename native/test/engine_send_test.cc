#include <cmath>
#include <limits>
#include <vector>

#include "engine/endpoint_id.h"
#include "test_support.h"

using namespace midiscope;
using namespace midiscope::send_result;
using namespace testing;

namespace {
// MIDI 1.0 channel voice note on, group 5, channel 3, note 120, velocity 100.
constexpr std::uint32_t kSampleNoteOn = 0x25937864;
}  // namespace

TEST(classicSampleGoesFromAToBAndBack) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const Timestamp before = clockNow();
  CHECK_EQ(engine.sendMessage(a, 0, wordsOf({kSampleNoteOn})), kSucceeded);
  Received atB = drainAll(engine, b);
  CHECK_EQ(atB.words.size(), 1u);
  CHECK_EQ(atB.words[0], kSampleNoteOn);
  CHECK(atB.timestamps[0] >= before && atB.timestamps[0] <= clockNow());
  CHECK(drainAll(engine, a).words.empty());  // a sender does not hear itself

  CHECK_EQ(engine.sendMessage(b, 0, wordsOf({kSampleNoteOn})), kSucceeded);
  CHECK_EQ(drainAll(engine, a).words, std::vector<std::uint32_t>{kSampleNoteOn});
  CHECK(drainAll(engine, b).words.empty());
}

TEST(diagnosticsLoopbackCarriesMessagesBothWays) {
  Engine engine(std::make_shared<RecordingListener>());
  const ConnectionId a = openOrFail(engine, kDiagnosticsLoopbackAId);
  const ConnectionId b = openOrFail(engine, kDiagnosticsLoopbackBId);
  const std::vector<std::uint32_t> ump64 = {0x4090'3C00, 0xFFFF'0000};
  CHECK_EQ(engine.sendMessage(a, 0, wordsOf(ump64)), kSucceeded);
  CHECK_EQ(drainAll(engine, b).words, ump64);
  CHECK_EQ(engine.sendMessage(b, 0, wordsOf(ump64)), kSucceeded);
  CHECK_EQ(drainAll(engine, a).words, ump64);
}

TEST(everyConnectionOnTheReceivingEndpointGetsACopy) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b1 = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const ConnectionId b2 = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const ConnectionId a2 = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const std::vector<std::uint32_t> list = {kSampleNoteOn, 0x2093'7800};
  CHECK_EQ(engine.sendMessages(a, 0, wordsOf(list)).messagesSent, 2u);
  CHECK_EQ(drainAll(engine, b1).words, list);
  CHECK_EQ(drainAll(engine, b2).words, list);
  CHECK(drainAll(engine, a2).words.empty());
  CHECK_EQ(engine.stats(b2).received, 2u);
}

TEST(singleSendsReportEveryValidationOutcome) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const std::vector<std::uint32_t> words = {kSampleNoteOn, 0x4090'3C00, 0xFFFF'0000};
  auto send = [&](ConnectionId id, Timestamp timestamp, double start, double count) {
    return engine.sendMessage(id, timestamp, {words.data(), words.size(), start, count});
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_EQ(send(a, 0, 0, 1), kSucceeded);
  CHECK_EQ(send(a, 0, 1, 2), kSucceeded);
  CHECK_EQ(send(a, 0, 0, 2), kFailed | kInvalidMessageTypeForWordCount);  // UMP32 given 2 words
  CHECK_EQ(send(a, 0, 1, 1), kFailed | kInvalidMessageTypeForWordCount);  // UMP64 given 1
  CHECK_EQ(send(a, 0, 3, 0), kFailed | kInvalidMessageTypeForWordCount);  // no words at all
  CHECK_EQ(send(a, 0, 2, 2), kFailed | kDataIndexOutOfRange);
  CHECK_EQ(send(a, 0, -1, 1), kFailed | kDataIndexOutOfRange);
  CHECK_EQ(send(a, 0, 0.5, 1), kFailed | kDataIndexOutOfRange);
  CHECK_EQ(send(a, -1, 0, 1), kFailed | kTimestampOutOfRange);
  CHECK_EQ(send(a, nan, 0, 1), kFailed | kTimestampOutOfRange);
  CHECK_EQ(send(a, 1e300, 0, 1), kFailed | kTimestampOutOfRange);
  CHECK_EQ(send(0, 0, 0, 1), kFailed | kEndpointConnectionClosedOrInvalid);
  CHECK_EQ(send(9999, 0, 0, 1), kFailed | kEndpointConnectionClosedOrInvalid);
  // Only the two good sends arrived.
  CHECK_EQ(drainAll(engine, b).words,
           (std::vector<std::uint32_t>{kSampleNoteOn, 0x4090'3C00, 0xFFFF'0000}));
  engine.closeConnection(a);
  CHECK_EQ(send(a, 0, 0, 1), kFailed | kEndpointConnectionClosedOrInvalid);
  engine.closeConnection(a);  // closing twice does nothing
}

TEST(multipleSendsStopAtTheFirstBadMessage) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  // UMP32, UMP64, then a UMP128 cut short by the end of the list.
  const std::vector<std::uint32_t> list = {kSampleNoteOn, 0x4090'3C00, 0xFFFF'0000, 0x5000'0000,
                                           1};
  MultipleSendResult sent = engine.sendMessages(a, 0, wordsOf(list));
  CHECK_EQ(sent.result, kFailed | kInvalidMessageTypeForWordCount | kMessageListPartiallyProcessed);
  CHECK_EQ(sent.messagesSent, 2u);
  CHECK_EQ(sent.wordsSent, 3u);
  CHECK_EQ(drainAll(engine, b).words, std::vector<std::uint32_t>(list.begin(), list.begin() + 3));

  sent = engine.sendMessages(a, 0, {list.data(), list.size(), 3, 2});  // nothing whole
  CHECK_EQ(sent.result, kFailed | kInvalidMessageTypeForWordCount);
  CHECK_EQ(sent.messagesSent, 0u);
  sent = engine.sendMessages(a, 0, {list.data(), list.size(), 4, 2});
  CHECK_EQ(sent.result, kFailed | kDataIndexOutOfRange);
  sent = engine.sendMessages(a, -5, {list.data(), list.size(), 0, 1});
  CHECK_EQ(sent.result, kFailed | kTimestampOutOfRange);
  sent = engine.sendMessages(a, 0, {list.data(), list.size(), 0, 0});  // an empty list is no error
  CHECK_EQ(sent.result, kSucceeded);
  CHECK_EQ(sent.messagesSent, 0u);
  CHECK(drainAll(engine, b).words.empty());
}

TEST(timestampedSendsStopAtAMissingOrBadTimestamp) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const std::vector<std::uint32_t> list = {0x2090'0001, 0x2090'0002, 0x2090'0003};
  const double past = clockNow() - 1;
  const double timestamps[] = {0, past, -1};
  MultipleSendResult sent = engine.sendTimestampedMessages(a, timestamps, 3, wordsOf(list));
  CHECK_EQ(sent.result, kFailed | kTimestampOutOfRange | kMessageListPartiallyProcessed);
  CHECK_EQ(sent.messagesSent, 2u);
  sent = engine.sendTimestampedMessages(a, timestamps, 1, wordsOf(list));  // too few timestamps
  CHECK_EQ(sent.result, kFailed | kDataIndexOutOfRange | kMessageListPartiallyProcessed);
  CHECK_EQ(sent.messagesSent, 1u);
  CHECK_EQ(sent.wordsSent, 1u);
  CHECK_EQ(drainAll(engine, b).words,
           (std::vector<std::uint32_t>{0x2090'0001, 0x2090'0002, 0x2090'0001}));
}

TEST(aFullRingDropsAndCountsWithoutFailingOrBlockingTheSender) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId small = openOrFail(engine, fixture.pair.endpointDeviceIdB, 16);
  const ConnectionId large = openOrFail(engine, fixture.pair.endpointDeviceIdB, 1024);
  const std::vector<std::uint32_t> list(100, kSampleNoteOn);
  const MultipleSendResult sent = engine.sendMessages(a, 0, wordsOf(list));
  CHECK(sendSucceeded(sent.result));
  CHECK_EQ(sent.result, kBufferFull);  // informational: the send itself went out
  CHECK_EQ(sent.messagesSent, 100u);
  const ConnectionStats stats = engine.stats(small);
  CHECK_EQ(stats.received, 16u);
  CHECK_EQ(stats.dropped, 84u);
  CHECK_EQ(engine.stats(large).dropped, 0u);
  CHECK_EQ(drainAll(engine, small).words.size(), 16u);
  CHECK_EQ(drainAll(engine, large).words.size(), 100u);
  CHECK_EQ(engine.sendMessage(a, 0, wordsOf({kSampleNoteOn})), kSucceeded);
}

TEST(wakeUpsOnlyWhenARingStopsBeingEmpty) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  for (int i = 0; i < 10; ++i) engine.sendMessage(a, 0, wordsOf({kSampleNoteOn}));
  CHECK_EQ(fixture.listener->wakes(b), 1);
  CHECK_EQ(fixture.listener->wakes(a), 0);
  drainAll(engine, b);
  engine.sendMessage(a, 0, wordsOf({kSampleNoteOn}));
  engine.sendMessage(a, 0, wordsOf({kSampleNoteOn}));
  CHECK_EQ(fixture.listener->wakes(b), 2);
}
