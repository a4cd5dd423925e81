#include <chrono>
#include <vector>

#include "test_support.h"

using namespace midiscope;
using namespace midiscope::send_result;
using namespace testing;

TEST(removingAPairClosesItsConnections) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const ConnectionId diagnostics = openOrFail(engine, "midiscope://diagnostics/loopback-a");
  CHECK_EQ(engine.sendMessage(a, 0, wordsOf({0x2000'0001})), kSucceeded);
  CHECK_EQ(engine.sendMessage(a, clockNow() + 36'000'000'000.0, wordsOf({0x2000'0002})), kSucceeded);
  CHECK_EQ(fixture.listener->wakes(b), 1);

  CHECK(engine.removeLoopbackPair("sample-association"));
  CHECK(!engine.isConnectionOpen(a));
  CHECK(!engine.isConnectionOpen(b));
  CHECK(engine.isConnectionOpen(diagnostics));
  // Their owners are told, so they can notice the connection is gone.
  CHECK_EQ(fixture.listener->wakes(a), 1);
  CHECK_EQ(fixture.listener->wakes(b), 2);
  CHECK_EQ(engine.stats(a).pendingScheduled, 0u);
  CHECK_EQ(engine.sendMessage(a, 0, wordsOf({0x2000'0003})),
           kFailed | kEndpointConnectionClosedOrInvalid);
  CHECK_EQ(engine.sendMessages(b, 0, wordsOf({0x2000'0003})).result,
           kFailed | kEndpointConnectionClosedOrInvalid);
  // What arrived before the removal can still be read, until the owner closes the handle.
  CHECK_EQ(drainAll(engine, b).words, std::vector<std::uint32_t>{0x2000'0001});
  engine.closeConnection(a);
  engine.closeConnection(b);
  CHECK(drainAll(engine, b).words.empty());
  CHECK(engine.openConnection(fixture.pair.endpointDeviceIdA, 64).error ==
        OpenResult::Error::UnknownEndpoint);
}

TEST(shutdownJoinsPromptlyWithMessagesPending) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  const ConnectionId b = openOrFail(engine, fixture.pair.endpointDeviceIdB);
  const std::vector<std::uint32_t> words(100'000, 0x2000'0001);
  CHECK_EQ(engine.sendMessages(a, clockNow() + 36'000'000'000.0, wordsOf(words)).messagesSent,
           words.size());
  const auto start = std::chrono::steady_clock::now();
  engine.shutdown();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_MESSAGE(seconds < 5, "shutdown took " << seconds << " s");
  engine.shutdown();  // idempotent
  CHECK(!engine.isConnectionOpen(a));
  CHECK_EQ(engine.sendMessage(a, 0, wordsOf({0x2000'0001})),
           kFailed | kEndpointConnectionClosedOrInvalid);
  CHECK_EQ(engine.drain(b, nullptr, 0, nullptr, 0).messages, 0u);
  CHECK(engine.listEndpoints().empty());
  CHECK(engine.openConnection("midiscope://diagnostics/loopback-a", 64).error ==
        OpenResult::Error::ShutDown);
  CHECK(!engine.createLoopbackPair("x", {"A", "", "ua"}, {"B", "", "ub"}).success);
}

TEST(anEngineLeftRunningStopsWhenDestroyed) {
  auto listener = std::make_shared<RecordingListener>();
  {
    Engine engine(listener);
    const ConnectionId a = openOrFail(engine, "midiscope://diagnostics/loopback-a");
    CHECK_EQ(engine.sendMessage(a, clockNow() + 36'000'000'000.0, wordsOf({0x2000'0001})),
             kSucceeded);
  }
  // The engine (and its scheduler thread) is gone; only our reference to the listener is left.
  CHECK_EQ(listener.use_count(), 1);
}
