// libFuzzer target: random operations on a ReceiveRing and a ScheduleQueue, each checked
// against a plain reference model (a deque of messages; a vector kept sorted by time, then
// insertion order).
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <vector>

#include "engine/receive_ring.h"
#include "engine/schedule_queue.h"
#include "engine/ump_size.h"

using namespace midiscope;

namespace {

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "model mismatch: %s\n", what);
  std::abort();
}

struct ModelMessage {
  std::vector<std::uint32_t> words;
  Timestamp timestamp;
};

std::vector<std::uint32_t> randomMessage(FuzzedDataProvider& data) {
  const std::uint32_t first = data.ConsumeIntegral<std::uint32_t>();
  std::vector<std::uint32_t> words(messageWordCount(first));
  words[0] = first;
  for (std::size_t i = 1; i < words.size(); ++i) words[i] = data.ConsumeIntegral<std::uint32_t>();
  return words;
}

void fuzzRing(FuzzedDataProvider& data) {
  ReceiveRing ring(data.ConsumeIntegralInRange<std::size_t>(0, 40));
  std::deque<ModelMessage> model;
  std::size_t usedWords = 0;
  bool wakeOutstanding = false;
  Timestamp clock = 0;
  while (data.remaining_bytes() > 0 && data.ConsumeBool()) {
    if (data.ConsumeBool()) {
      std::vector<std::uint32_t> batch;
      std::vector<ModelMessage> messages(data.ConsumeIntegralInRange(0, 6));
      for (auto& message : messages) {
        message.words = randomMessage(data);
        message.timestamp = ++clock;
        batch.insert(batch.end(), message.words.begin(), message.words.end());
      }
      const auto outcome = ring.write(batch.data(), batch.size(), messages.size(), clock);
      std::size_t fits = 0;
      for (const auto& message : messages) {
        if (usedWords + message.words.size() > ring.capacityWords()) break;
        usedWords += message.words.size();
        model.push_back({message.words, clock});
        ++fits;
      }
      require(outcome.written == fits, "written");
      require(outcome.dropped == messages.size() - fits, "dropped");
      require(outcome.becameReadable == (fits > 0 && !wakeOutstanding), "becameReadable");
      wakeOutstanding |= outcome.becameReadable;
    } else {
      const auto wordCapacity = data.ConsumeIntegralInRange<std::size_t>(0, 20);
      const auto stampCapacity = data.ConsumeIntegralInRange<std::size_t>(0, 6);
      std::vector<std::uint32_t> words(wordCapacity);
      std::vector<Timestamp> stamps(stampCapacity);
      const auto outcome = ring.drain(words.data(), wordCapacity, stamps.data(), stampCapacity);
      std::size_t offset = 0;
      for (std::size_t m = 0; m < outcome.messages; ++m) {
        require(!model.empty(), "drained more than was written");
        const ModelMessage& expected = model.front();
        require(std::equal(expected.words.begin(), expected.words.end(), words.begin() + offset),
                "drained words");
        require(stamps[m] == expected.timestamp, "drained timestamp");
        offset += expected.words.size();
        usedWords -= expected.words.size();
        model.pop_front();
      }
      require(offset == outcome.words, "drained word count");
      const bool nextFits = !model.empty() && outcome.messages < stampCapacity &&
                            offset + model.front().words.size() <= wordCapacity;
      require(!nextFits, "drain stopped early");
      require(outcome.more == !model.empty(), "more");
      if (!outcome.more) wakeOutstanding = false;
    }
  }
}

constexpr std::uint32_t kTimeSpan = 1 << 16;

void fuzzQueue(FuzzedDataProvider& data) {
  ScheduleQueue queue;
  std::vector<ScheduledMessage> model;  // sorted by scheduledBefore
  std::uint64_t sequence = 0;
  while (data.remaining_bytes() > 0) {
    switch (data.ConsumeIntegralInRange(0, 4)) {
      case 0:
      case 1: {
        ScheduledMessage message;
        // Coarse timestamps, so that ties, in-order (the run) and out-of-order (the heap) all occur.
        message.timestamp = Timestamp(data.ConsumeIntegralInRange<std::uint32_t>(0, kTimeSpan) & ~0x3FFu);
        message.sequence = sequence++;
        message.words[0] = data.ConsumeIntegral<std::uint32_t>();
        queue.push(message);
        model.insert(std::upper_bound(model.begin(), model.end(), message, scheduledBefore), message);
        break;
      }
      case 2: {
        const Timestamp now = Timestamp(data.ConsumeIntegralInRange<std::uint32_t>(0, kTimeSpan));
        const auto max = data.ConsumeIntegralInRange<std::size_t>(0, 50);
        std::vector<ScheduledMessage> out;
        queue.popDue(now, out, max);
        std::size_t due = 0;
        while (due < model.size() && due < max && model[due].timestamp <= now) ++due;
        require(out.size() == due, "popped count");
        for (std::size_t i = 0; i < due; ++i) require(out[i].sequence == model[i].sequence, "popped order");
        model.erase(model.begin(), model.begin() + static_cast<std::ptrdiff_t>(due));
        break;
      }
      case 3:
        queue.releaseSpareMemory();
        break;
      default: {
        const std::uint32_t divisor = data.ConsumeIntegralInRange<std::uint32_t>(2, 5);
        const auto dead = [divisor](const ScheduledMessage& m) { return m.words[0] % divisor == 0; };
        const std::size_t removed = queue.removeIf(dead);
        const auto kept = std::remove_if(model.begin(), model.end(), dead);
        require(removed == static_cast<std::size_t>(model.end() - kept), "removed count");
        model.erase(kept, model.end());
        break;
      }
    }
    require(queue.size() == model.size(), "size");
    if (!model.empty()) require(queue.earliest() == model.front().timestamp, "earliest");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider data(bytes, size);
  if (data.ConsumeBool()) {
    fuzzRing(data);
  } else {
    fuzzQueue(data);
  }
  return 0;
}
