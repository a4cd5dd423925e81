#include <algorithm>
#include <atomic>
#include <vector>

#include "engine/connection.h"
#include "engine/endpoint.h"
#include "test_support.h"

using namespace midiscope;
using namespace midiscope::send_result;
using namespace testing;

namespace {
constexpr Timestamp kMillisecond = 10'000;

// A transport whose one device takes `room` messages and then fails as a full OS destination
// does (kDestinationFull after the messages that still fitted), or, once `failWith` is set,
// fails every send whole with those flags.
class FillingTransport final : public Transport {
 public:
  struct Port final : TransportPort {
    explicit Port(FillingTransport& owner) : owner(owner) {}
    SendResult send(const std::uint32_t* words, std::size_t wordCount, std::size_t messageCount) override {
      return sendCounting(words, wordCount, messageCount).result;
    }
    PortSendOutcome sendCounting(const std::uint32_t* words, std::size_t wordCount,
                                 std::size_t messageCount) override {
      const SendResult failWith = owner.failWith.load();
      if (failWith != kSucceeded) return {failWith, 0, 0};
      std::size_t room = owner.room.load();
      const std::size_t taken = std::min(room, messageCount);
      owner.room.store(room - taken);
      owner.accepted += taken;
      if (taken == messageCount) return {kSucceeded, messageCount, wordCount};
      // The test's messages are all one word long.
      (void)words;
      return {kFailed | kDestinationFull, taken, taken};
    }
    FillingTransport& owner;
  };

  std::string id() const override { return "filling"; }
  TransportStatus status() const override { return {true, ""}; }
  void start(TransportHost& startedHost) override { host = &startedHost; }
  void stop() override {}
  PortOpening openPort(const std::shared_ptr<Endpoint>&) override {
    return {std::make_shared<Port>(*this), ""};
  }

  void plugIn() {
    EndpointInfo info;
    info.endpointDeviceId = kDevice;
    info.transportId = "filling";
    info.name = "Slow Reader";
    info.protocol = MidiProtocol::Midi2;
    host->addEndpoint(info);
  }

  static constexpr const char* kDevice = "midiscope://filling/slow-reader";
  TransportHost* host = nullptr;
  std::atomic<std::size_t> room{0};
  std::atomic<std::size_t> accepted{0};
  std::atomic<SendResult> failWith{kSucceeded};
};

// Schedules `count` one-word messages on `id`, all due at `at`.
void scheduleAt(Engine& engine, ConnectionId id, Timestamp at, std::size_t count) {
  CHECK_EQ(engine.sendMessages(id, at, wordsOf(std::vector<std::uint32_t>(count, 0x2090'3C64))).messagesSent,
           count);
}
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

TEST(scheduledSendsThatFailAtTheirDueTimeAreCountedWithTheLastReason) {
  Engine engine(std::make_shared<RecordingListener>());
  auto device = std::make_shared<FillingTransport>();
  CHECK(engine.addTransport(device));
  device->plugIn();
  const ConnectionId id = openOrFail(engine, FillingTransport::kDevice);
  CHECK_EQ(engine.stats(id).failedScheduled, 0u);
  CHECK_EQ(engine.stats(id).lastScheduledFailure, kSucceeded);

  // Room for 3 of 5: the destination fills up part-way; the 2 it refused are failures.
  device->room.store(3);
  scheduleAt(engine, id, clockNow() + 5 * kMillisecond, 5);
  WAIT_UNTIL(engine.stats(id).pendingScheduled == 0 && engine.stats(id).failedScheduled == 2);
  ConnectionStats stats = engine.stats(id);
  CHECK_EQ(stats.sentScheduled, 3u);
  CHECK_EQ(stats.failedScheduled, 2u);
  CHECK_EQ(stats.lastScheduledFailure, kFailed | kDestinationFull);
  CHECK_EQ(device->accepted.load(), 3u);

  // A send that fails whole (the device errs): all 4 fail, and the last reason is the new one.
  device->failWith.store(kFailed | kOther);
  scheduleAt(engine, id, clockNow() + 5 * kMillisecond, 4);
  WAIT_UNTIL(engine.stats(id).failedScheduled == 6);
  stats = engine.stats(id);
  CHECK_EQ(stats.sentScheduled, 3u);
  CHECK_EQ(stats.lastScheduledFailure, kFailed | kOther);

  // Sends that succeed again are counted as sent; the failures stay counted.
  device->failWith.store(kSucceeded);
  device->room.store(100);
  scheduleAt(engine, id, clockNow() + 5 * kMillisecond, 7);
  WAIT_UNTIL(engine.stats(id).sentScheduled == 10);
  stats = engine.stats(id);
  CHECK_EQ(stats.failedScheduled, 6u);
  CHECK_EQ(stats.pendingScheduled, 0u);
  CHECK_EQ(device->accepted.load(), 10u);
}

TEST(scheduledMessagesPendingWhenTheirEndpointGoesAwayCountAsFailedButCancelledOnesDoNot) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const Timestamp later = clockNow() + 36'000'000'000.0;  // an hour ahead: never due in the test
  scheduleAt(engine, a, later, 5);
  CHECK_EQ(engine.cancelScheduled(a), 5u);
  CHECK_EQ(engine.stats(a).failedScheduled, 0u);  // cancelled by its owner: not a failure

  scheduleAt(engine, a, later, 8);
  scheduleAt(engine, b, clockNow() + kMillisecond, 1);  // sent before the pair goes
  WAIT_UNTIL(engine.stats(b).sentScheduled == 1);
  CHECK(engine.removeLoopbackPair("sample-association"));
  const ConnectionStats stats = engine.stats(a);  // the handle is still the owner's
  CHECK_EQ(stats.pendingScheduled, 0u);
  CHECK_EQ(stats.failedScheduled, 8u);
  CHECK_EQ(stats.sentScheduled, 0u);
  CHECK_EQ(stats.lastScheduledFailure, kFailed | kEndpointConnectionClosedOrInvalid);
  CHECK_EQ(engine.stats(b).failedScheduled, 0u);
  CHECK_EQ(engine.stats(b).sentScheduled, 1u);
}

TEST(aScheduledSendThatFindsItsConnectionClosedCountsAsFailedClosed) {
  // The scheduler claimed the messages just before the connection closed: the send finds no port.
  EndpointInfo info;
  info.endpointDeviceId = "midiscope://test/closing";
  auto endpoint = std::make_shared<Endpoint>(info);
  auto listener = std::make_shared<RecordingListener>();
  auto device = std::make_shared<FillingTransport>();
  device->room.store(10);
  auto connection =
      std::make_shared<Connection>(1, endpoint, std::make_shared<FillingTransport::Port>(*device), 64, listener);
  connection->open();
  const std::uint32_t words[] = {0x2090'3C64, 0x2080'3C00};
  connection->sendScheduled(words, 2, 2);
  CHECK_EQ(connection->stats().sentScheduled, 2u);
  connection->close();
  connection->sendScheduled(words, 2, 2);
  const ConnectionStats stats = connection->stats();
  CHECK_EQ(stats.sentScheduled, 2u);
  CHECK_EQ(stats.failedScheduled, 2u);
  CHECK_EQ(stats.lastScheduledFailure, kFailed | kEndpointConnectionClosedOrInvalid);
  CHECK_EQ(device->accepted.load(), 2u);
}
