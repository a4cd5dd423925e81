// Races between senders, the scheduler, a drainer and pair removal. Built twice: with
// AddressSanitizer (use-after-free, leaks) and with ThreadSanitizer (data races).
#include <atomic>
#include <list>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"
#include "transports/js/js_transport.h"

using namespace midiscope;
using namespace midiscope::send_result;
using namespace testing;

namespace {

constexpr Timestamp kMillisecond = 10'000;

// Immediate messages are UMP32 on group 0: 0x20 | sender (4 bits) | sequence (20 bits).
std::uint32_t immediateMessage(std::uint32_t sender, std::uint32_t sequence) {
  return 0x2000'0000u | (sender << 20) | (sequence & 0xF'FFFF);
}

// Scheduled messages are UMP128 carrying their own timestamp, to check they never come early.
void appendScheduled(std::vector<std::uint32_t>& words, std::uint32_t sender, Timestamp due) {
  const auto ticks = static_cast<std::uint64_t>(due);
  words.insert(words.end(), {0x5000'0000u | sender, static_cast<std::uint32_t>(ticks >> 32),
                             static_cast<std::uint32_t>(ticks), 0});
}

// Reads the receiving connection until told to stop and the ring is empty, checking as it goes.
struct CheckingDrainer {
  CheckingDrainer(Engine& engine, ConnectionId id, std::atomic<bool>& stop)
      : engine(engine), id(id), stop(stop) {}

  Engine& engine;
  ConnectionId id;
  std::atomic<bool>& stop;
  std::map<std::uint32_t, std::uint32_t> lastSequence;  // per sender, immediate messages
  std::size_t messages = 0;
  std::string problem;

  void run() {
    std::vector<std::uint32_t> words(4096);
    std::vector<Timestamp> stamps(1024);
    for (;;) {
      const bool stopping = stop.load();
      const auto outcome = engine.drain(id, words.data(), words.size(), stamps.data(), stamps.size());
      check(words.data(), outcome.words, stamps.data());
      messages += outcome.messages;
      if (outcome.messages == 0) {
        if (stopping) return;
        std::this_thread::yield();
      }
    }
  }

  void check(const std::uint32_t* words, std::size_t count, const Timestamp* stamps) {
    for (std::size_t offset = 0, m = 0; offset < count; ++m) {
      const std::uint32_t first = words[offset];
      if (first >> 28 == 0x2) {
        const std::uint32_t sender = (first >> 20) & 0xF;
        const std::uint32_t sequence = first & 0xF'FFFF;
        auto [it, fresh] = lastSequence.emplace(sender, sequence);
        if (!fresh && sequence <= it->second && problem.empty()) {
          problem = "sender " + std::to_string(sender) + " out of order";
        }
        it->second = sequence;
        offset += 1;
      } else if (first >> 28 == 0x5) {
        const auto due = static_cast<Timestamp>((std::uint64_t{words[offset + 1]} << 32) | words[offset + 2]);
        if (stamps[m] < due && problem.empty()) problem = "a scheduled message came early";
        offset += 4;
      } else {
        if (problem.empty()) problem = "a corrupt message";
        return;
      }
    }
  }
};

}  // namespace

TEST(sendersSchedulerDrainerAndPairRemovalRace) {
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId receiver = openOrFail(engine, fixture.pair.endpointDeviceIdB, 4096);
  std::atomic<bool> stopDraining{false};
  CheckingDrainer drainer(engine, receiver, stopDraining);
  CheckedThread drainThread([&] { drainer.run(); });

  constexpr std::uint32_t kSenders = 3;
  std::atomic<std::uint32_t> sawClosed{0};
  std::list<CheckedThread> senders;
  for (std::uint32_t sender = 0; sender < kSenders; ++sender) {
    senders.emplace_back([&, sender] {
      const ConnectionId id = openOrFail(engine, fixture.pair.endpointDeviceIdA);
      std::mt19937 random(sender);
      for (std::uint32_t sequence = 0; sequence < 0xF'FFFF; ++sequence) {
        SendResult result;
        if (sequence % 16 == 0) {
          std::vector<std::uint32_t> words;
          const Timestamp now = clockNow();
          for (int i = 0; i < 4; ++i) appendScheduled(words, sender, now + (random() % 20) * kMillisecond / 10);
          std::vector<Timestamp> stamps;
          for (std::size_t i = 0; i < words.size(); i += 4) {
            stamps.push_back((static_cast<std::uint64_t>(words[i + 1]) << 32) | words[i + 2]);
          }
          result = engine.sendTimestampedMessages(id, stamps.data(), stamps.size(), wordsOf(words)).result;
        } else {
          result = engine.sendMessage(id, 0, wordsOf({immediateMessage(sender, sequence)}));
        }
        if (result & kEndpointConnectionClosedOrInvalid) {
          sawClosed.fetch_add(1);
          break;
        }
      }
      engine.closeConnection(id);
    });
  }
  CheckedThread remover([&] {
    WAIT_UNTIL(engine.stats(receiver).received > 20'000);
    CHECK(engine.removeLoopbackPair("sample-association"));
  });
  remover.join();
  for (auto& thread : senders) thread.join();
  stopDraining.store(true);
  drainThread.join();

  CHECK_MESSAGE(drainer.problem.empty(), drainer.problem);
  CHECK_EQ(sawClosed.load(), kSenders);
  CHECK(!engine.isConnectionOpen(receiver));
  CHECK_EQ(drainer.messages, engine.stats(receiver).received);
  engine.closeConnection(receiver);
}

TEST(cancellingWhileTheSchedulerDispatchesKeepsCountsExact) {
  Engine engine(std::make_shared<RecordingListener>());
  const ConnectionId a = openOrFail(engine, "midiscope://diagnostics/loopback-a");
  const ConnectionId b = openOrFail(engine, "midiscope://diagnostics/loopback-b", 1 << 16);
  std::atomic<bool> done{false};
  std::uint64_t cancelled = 0;
  CheckedThread canceller([&] {
    while (!done.load()) {
      cancelled += engine.cancelScheduled(a);
      std::this_thread::yield();
    }
  });
  std::uint64_t scheduled = 0;
  const std::vector<std::uint32_t> batch(64, 0x2000'0000);
  for (int round = 0; round < 2000; ++round) {
    const Timestamp due = clockNow() + (round % 5) * kMillisecond / 5;
    scheduled += engine.sendMessages(a, due, wordsOf(batch)).messagesSent;
    if (round % 64 == 0) drainAll(engine, b);
  }
  done.store(true);
  canceller.join();
  // Every message is eventually either delivered (received or dropped by the full ring) or
  // cancelled; never both, never neither.
  const auto accounted = [&] {
    cancelled += engine.cancelScheduled(a);
    const ConnectionStats stats = engine.stats(b);
    return stats.received + stats.dropped + cancelled;
  };
  WAIT_UNTIL(accounted() >= scheduled);
  CHECK_EQ(accounted(), scheduled);
  CHECK_EQ(engine.stats(a).pendingScheduled, 0u);
}

TEST(receiversOpenAndCloseWhileMessagesArrive) {
  Engine engine(std::make_shared<RecordingListener>());
  const ConnectionId a = openOrFail(engine, "midiscope://diagnostics/loopback-a");
  std::atomic<bool> done{false};
  CheckedThread churn([&] {
    for (int i = 0; i < 500; ++i) {
      const ConnectionId b = openOrFail(engine, "midiscope://diagnostics/loopback-b", 256);
      drainAll(engine, b);
      engine.closeConnection(b);
    }
    done.store(true);
  });
  std::uint32_t sent = 0;
  while (!done.load()) {
    engine.sendMessage(a, 0, wordsOf({0x2000'0000u | (sent++ & 0xFFFF)}));
    engine.sendMessage(a, clockNow() + kMillisecond / 10, wordsOf({0x2000'0001}));
  }
  churn.join();
  CHECK(sent > 0);
  WAIT_UNTIL(engine.scheduledQueueSize() == 0);
}

TEST(pairsComeAndGoWhileOthersOpenAndSend) {
  Engine engine(std::make_shared<RecordingListener>());
  std::atomic<bool> done{false};
  CheckedThread creator([&] {
    for (int i = 0; i < 300; ++i) {
      const std::string n = std::to_string(i);
      CHECK(engine.createLoopbackPair("pair-" + n, {"A", "", "a-" + n}, {"B", "", "b-" + n}).success);
      if (i >= 2) CHECK(engine.removeLoopbackPair("pair-" + std::to_string(i - 2)));
    }
    done.store(true);
  });
  std::size_t opened = 0;
  while (!done.load()) {
    for (const EndpointInfo& endpoint : engine.listEndpoints()) {
      const OpenResult result = engine.openConnection(endpoint.endpointDeviceId, 64);
      if (result.error != OpenResult::Error::None) continue;  // removed meanwhile
      ++opened;
      engine.sendMessage(result.id, 0, wordsOf({0x2000'0000}));
      engine.sendMessage(result.id, clockNow() + kMillisecond, wordsOf({0x2000'0000}));
      engine.closeConnection(result.id);
    }
  }
  creator.join();
  CHECK(opened > 0);
  CHECK_EQ(engine.listEndpoints().size(), 6u);
}

TEST(bulkSendsScheduledSendsAndAJsTransportsDrainerRaceCleanly) {
  // Two receivers on one endpoint: 64K-word bulk sends from one thread while the scheduler
  // delivers to the same endpoint and receivers come and go; and a JS transport's outbox filled
  // by the scheduler while another thread drains it and the endpoint is removed.
  auto listener = std::make_shared<RecordingListener>();
  Engine engine(listener);
  const ConnectionId a = openOrFail(engine, "midiscope://diagnostics/loopback-a");
  const ConnectionId b1 = openOrFail(engine, "midiscope://diagnostics/loopback-b", 1 << 17);
  auto js = engine.jsTransport("net");
  EndpointInfo info;
  info.name = "remote";
  info.uniqueId = "remote";
  const auto added = js->addEndpoint("r", info);
  const ConnectionId toJs = openOrFail(engine, added.endpointDeviceId);
  std::atomic<bool> done{false};
  CheckedThread bulk([&] {
    std::vector<std::uint32_t> words(65536, 0x2090'3C64);
    for (int i = 0; i < 20; ++i) engine.sendMessages(a, 0, wordsOf(words));
    done.store(true);
  });
  CheckedThread drainer([&] {
    std::uint32_t words[4096];
    double stamps[4096];
    while (!done.load()) {
      drainAll(engine, b1);
      js->drainOutbox(added.outboxId, words, 4096, stamps, 4096);
    }
  });
  int rounds = 0;
  while (!done.load()) {
    const ConnectionId b2 = openOrFail(engine, "midiscope://diagnostics/loopback-b", 256);
    engine.sendMessage(a, clockNow() + kMillisecond / 10, wordsOf({0x2000'0001}));
    engine.sendMessage(toJs, clockNow() + kMillisecond / 10, wordsOf({0x2000'0002}));
    engine.closeConnection(b2);
    ++rounds;
  }
  bulk.join();
  drainer.join();
  CHECK(js->removeEndpoint(added.endpointDeviceId));
  CHECK(!engine.isConnectionOpen(toJs));
  CHECK(rounds > 0);
  WAIT_UNTIL(engine.scheduledQueueSize() == 0);
}

namespace {
// Sets a thread's stop flag when the test leaves its scope, by return or by a failed CHECK.
struct StopOnExit {
  std::atomic<bool>& flag;
  ~StopOnExit() { flag.store(true); }
};
}  // namespace

TEST(scheduledSentAndFailedCountsAddUpWhenTheEndpointGoesAwayMidSchedule) {
  // The scheduler sends due messages while a reader watches the counts and the pair is removed
  // under them: every scheduled message ends up sent or failed (closed, at removal or at its due
  // time when the scheduler had claimed it), never both, never neither.
  LoopbackFixture fixture;
  Engine& engine = fixture.engine;
  const ConnectionId a = openOrFail(engine, fixture.pair.endpointDeviceIdA);
  openOrFail(engine, fixture.pair.endpointDeviceIdB, 1 << 16);
  std::atomic<bool> done{false};
  // A message whose due time passed before the engine read its clock is sent at once instead:
  // such rounds (seen by a clock read after the call, on a starved machine) may count or not.
  std::atomic<std::uint64_t> scheduled{0};
  std::atomic<std::uint64_t> maybeImmediate{0};
  CheckedThread sender([&] {
    const std::vector<std::uint32_t> batch(32, 0x2090'3C64);
    // Bounded, so that a scheduler that never counts cannot make it queue without end.
    for (int round = 0; round < 4000 && !done.load(); ++round) {
      const Timestamp due = clockNow() + kMillisecond + (round % 8) * kMillisecond / 4;
      const std::size_t sent = engine.sendMessages(a, due, wordsOf(batch)).messagesSent;
      (clockNow() < due ? scheduled : maybeImmediate) += sent;
    }
  });
  CheckedThread reader([&] {
    std::uint64_t lastFailed = 0;
    while (!done.load()) {
      const ConnectionStats stats = engine.stats(a);
      CHECK(stats.failedScheduled >= lastFailed);
      // A failure's flags are visible with its count.
      if (stats.failedScheduled > 0) CHECK(!sendSucceeded(stats.lastScheduledFailure));
      lastFailed = stats.failedScheduled;
    }
  });
  // Declared after the threads, so destroyed before them: a CHECK that throws below still
  // stops them, and their destructors' joins cannot wait forever.
  const StopOnExit stopReaderAndSender{done};
  WAIT_UNTIL(engine.stats(a).sentScheduled > 5'000);
  // Some are surely pending when the pair goes: these are an hour ahead.
  const std::vector<std::uint32_t> farAhead(10, 0x2080'3C00);
  scheduled += engine.sendMessages(a, clockNow() + 36'000'000'000.0, wordsOf(farAhead)).messagesSent;
  CHECK(engine.removeLoopbackPair("sample-association"));
  done.store(true);
  sender.join();
  reader.join();
  const auto accounted = [&] {
    const ConnectionStats stats = engine.stats(a);
    return stats.sentScheduled + stats.failedScheduled;
  };
  // Counted ones may still be queued: a round counted as maybe-immediate (on a starved machine)
  // can have been queued all the same, so the sum can reach `scheduled` before it is out.
  WAIT_UNTIL(accounted() >= scheduled.load() && engine.stats(a).pendingScheduled == 0);
  CHECK(accounted() <= scheduled.load() + maybeImmediate.load());
  const ConnectionStats stats = engine.stats(a);
  CHECK(stats.failedScheduled >= farAhead.size());
  CHECK_EQ(stats.lastScheduledFailure, kFailed | kEndpointConnectionClosedOrInvalid);
  engine.closeConnection(a);
}
