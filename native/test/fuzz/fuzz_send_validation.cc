// libFuzzer target: every send variant against an independent model of the validation rules.
// It checks the result flags, the messagesSent/wordsSent counts, exactly which words arrive on
// the other side of the loopback and how many messages went to the scheduler.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <limits>
#include <memory>
#include <vector>

#include "engine/endpoint_id.h"
#include "engine/engine.h"

using namespace midiscope;
using namespace midiscope::send_result;

namespace {

class SilentListener final : public EngineListener {
 public:
  void connectionNeedsAttention(ConnectionId) override {}
  void endpointsChanged(const std::vector<EndpointChange>&) override {}
};

struct Loopback {
  Engine engine{std::make_shared<SilentListener>()};
  ConnectionId out = engine.openConnection(kDiagnosticsLoopbackAId, 1 << 16).id;
  ConnectionId in = engine.openConnection(kDiagnosticsLoopbackBId, 1 << 16).id;
};

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "model mismatch: %s\n", what);
  std::abort();
}

constexpr std::size_t kSizes[16] = {1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4};

double pickIndex(FuzzedDataProvider& data, std::size_t length) {
  switch (data.ConsumeIntegralInRange(0, 5)) {
    case 0: return -1;
    case 1: return 0.5;
    case 2: return std::numeric_limits<double>::quiet_NaN();
    case 3: return static_cast<double>(length + data.ConsumeIntegralInRange(1, 3));
    default: return static_cast<double>(data.ConsumeIntegralInRange<std::size_t>(0, length));
  }
}

Timestamp pickTimestamp(FuzzedDataProvider& data) {
  switch (data.ConsumeIntegralInRange(0, 6)) {
    case 0: return 1;  // long past
    case 1: return clockNow() + 36'000'000'000.0;  // an hour ahead: stays in the scheduler
    case 2: return -1;
    case 3: return std::numeric_limits<double>::quiet_NaN();
    case 4: return kMaxExactTimestamp * 2;
    default: return 0;
  }
}

bool isIndex(double value) { return std::isfinite(value) && value >= 0 && std::floor(value) == value; }

// What the model expects from one send.
struct Expected {
  SendResult result = kSucceeded;
  std::size_t messages = 0;
  std::size_t words = 0;
  std::vector<std::uint32_t> delivered;
  std::size_t scheduled = 0;
};

void accept(Expected& expected, const std::uint32_t* message, std::size_t size, Timestamp t) {
  if (t > 1) {  // of the valid picks, only the hour-ahead one is in the future
    ++expected.scheduled;
  } else {
    expected.delivered.insert(expected.delivered.end(), message, message + size);
  }
  ++expected.messages;
  expected.words += size;
}

Expected model(int mode, const std::vector<std::uint32_t>& words, double start, double count,
               const std::vector<Timestamp>& timestamps) {
  Expected expected;
  if (!isIndex(start) || !isIndex(count) || start + count > words.size()) {
    expected.result = kFailed | kDataIndexOutOfRange;
    return expected;
  }
  const std::uint32_t* span = words.data() + static_cast<std::size_t>(start);
  const auto n = static_cast<std::size_t>(count);
  const auto badTime = [](Timestamp t) { return !(t >= 0 && t <= kMaxExactTimestamp); };
  if (mode == 0) {  // single
    if (n == 0 || n > 4 || kSizes[span[0] >> 28] != n) {
      expected.result = kFailed | kInvalidMessageTypeForWordCount;
    } else if (badTime(timestamps[0])) {
      expected.result = kFailed | kTimestampOutOfRange;
    } else {
      accept(expected, span, n, timestamps[0]);
    }
    return expected;
  }
  if (mode == 1 && badTime(timestamps[0])) {
    expected.result = kFailed | kTimestampOutOfRange;
    return expected;
  }
  std::size_t offset = 0;
  while (offset < n) {
    const std::size_t size = kSizes[span[offset] >> 28];
    SendResult failure = kSucceeded;
    Timestamp t = mode == 1 ? timestamps[0] : 0;
    if (size > n - offset) {
      failure = kFailed | kInvalidMessageTypeForWordCount;
    } else if (mode == 2) {
      if (expected.messages >= timestamps.size()) {
        failure = kFailed | kDataIndexOutOfRange;
      } else if (badTime(t = timestamps[expected.messages])) {
        failure = kFailed | kTimestampOutOfRange;
      }
    }
    if (failure != kSucceeded) {
      expected.result = failure | (expected.messages > 0 ? kMessageListPartiallyProcessed : 0);
      return expected;
    }
    accept(expected, span + offset, size, t);
    offset += size;
  }
  return expected;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static Loopback loopback;
  FuzzedDataProvider data(bytes, size);
  const int mode = data.ConsumeIntegralInRange(0, 2);
  std::vector<std::uint32_t> words(data.ConsumeIntegralInRange<std::size_t>(0, 64));
  for (auto& word : words) word = data.ConsumeIntegral<std::uint32_t>();
  const double start = pickIndex(data, words.size());
  const double count = pickIndex(data, words.size());
  std::vector<Timestamp> timestamps(mode == 2 ? data.ConsumeIntegralInRange<std::size_t>(0, 70) : 1);
  for (auto& timestamp : timestamps) timestamp = pickTimestamp(data);

  const Expected expected = model(mode, words, start, count, timestamps);
  const WordArgument argument{words.data(), words.size(), start, count};
  Engine& engine = loopback.engine;
  if (mode == 0) {
    require(engine.sendMessage(loopback.out, timestamps[0], argument) == expected.result, "single result");
  } else {
    const MultipleSendResult sent =
        mode == 1 ? engine.sendMessages(loopback.out, timestamps[0], argument)
                  : engine.sendTimestampedMessages(loopback.out, timestamps.data(), timestamps.size(), argument);
    require(sent.result == expected.result, "list result");
    require(sent.messagesSent == expected.messages, "messagesSent");
    require(sent.wordsSent == expected.words, "wordsSent");
  }
  require(engine.stats(loopback.out).pendingScheduled == expected.scheduled, "scheduled count");
  require(engine.cancelScheduled(loopback.out) == expected.scheduled, "cancelled count");

  std::vector<std::uint32_t> received(4096);
  std::vector<Timestamp> stamps(4096);
  const auto drained = engine.drain(loopback.in, received.data(), received.size(), stamps.data(), stamps.size());
  require(!drained.more, "drained everything");
  received.resize(drained.words);
  require(received == expected.delivered, "delivered words");
  return 0;
}
