#include <deque>
#include <vector>

#include "engine/receive_ring.h"
#include "engine/ump_size.h"
#include "harness/test_harness.h"

using namespace midiscope;

namespace {

// A message of `size` words (type chosen to match) whose words all carry `tag`.
std::vector<std::uint32_t> message(std::size_t size, std::uint32_t tag) {
  const std::uint32_t typeOfSize[5] = {0, 0x2, 0x4, 0xB, 0x5};
  std::vector<std::uint32_t> words(size, tag & 0x0FFF'FFFF);
  words[0] |= typeOfSize[size] << 28;
  return words;
}

}  // namespace

TEST(ringCapacityIsRoundedToAPowerOfTwoWithinLimits) {
  CHECK_EQ(ReceiveRing(5).capacityWords(), 8u);
  CHECK_EQ(ReceiveRing(8).capacityWords(), 8u);
  CHECK_EQ(ReceiveRing(0).capacityWords(), kMinRingWords);
  CHECK_EQ(ReceiveRing(kMaxRingWords * 2).capacityWords(), kMaxRingWords);
}

TEST(ringKeepsMessagesAndTimestampsInOrderAcrossWrapAround) {
  ReceiveRing ring(16);
  std::deque<std::pair<std::vector<std::uint32_t>, double>> expected;
  std::uint32_t tag = 1;
  for (int round = 0; round < 200; ++round) {
    // Write a few messages of mixed sizes, then drain through a small buffer.
    for (std::size_t size : {1u, 4u, 2u, 3u}) {
      if (expected.size() >= 3) break;
      const auto words = message(size, tag);
      const auto outcome = ring.write(words.data(), words.size(), 1, tag);
      CHECK_EQ(outcome.written, 1u);
      expected.push_back({words, static_cast<double>(tag)});
      ++tag;
    }
    std::uint32_t out[6];
    double stamps[6];
    const auto drained = ring.drain(out, 6, stamps, 6);
    std::size_t offset = 0;
    for (std::size_t m = 0; m < drained.messages; ++m) {
      const auto& [words, stamp] = expected.front();
      CHECK_EQ(stamps[m], stamp);
      for (std::size_t w = 0; w < words.size(); ++w) CHECK_EQ(out[offset + w], words[w]);
      offset += words.size();
      expected.pop_front();
    }
    CHECK_EQ(offset, drained.words);
    CHECK_EQ(drained.more, !expected.empty());
  }
}

TEST(fullRingDropsWholeMessagesAndCountsThem) {
  ReceiveRing ring(8);
  std::vector<std::uint32_t> words;
  for (std::uint32_t i = 0; i < 3; ++i) {  // 3 UMP128 = 12 words into 8
    const auto m = message(4, i);
    words.insert(words.end(), m.begin(), m.end());
  }
  const auto outcome = ring.write(words.data(), words.size(), 3, 7);
  CHECK_EQ(outcome.written, 2u);
  CHECK_EQ(outcome.dropped, 1u);
  const auto single = message(1, 9);
  CHECK_EQ(ring.write(single.data(), 1, 1, 8).dropped, 1u);
  CHECK_EQ(ring.received(), 2u);
  CHECK_EQ(ring.dropped(), 2u);

  std::uint32_t out[16];
  double stamps[4];
  const auto drained = ring.drain(out, 16, stamps, 4);
  CHECK_EQ(drained.messages, 2u);
  CHECK_EQ(drained.words, 8u);
  CHECK_EQ(out[4], words[4]);
  CHECK_EQ(ring.write(single.data(), 1, 1, 9).written, 1u);  // room again
}

TEST(ringReportsReadableOnlyWhenItStopsBeingEmpty) {
  ReceiveRing ring(64);
  const auto words = message(1, 1);
  CHECK(ring.write(words.data(), 1, 1, 0).becameReadable);
  CHECK(!ring.write(words.data(), 1, 1, 0).becameReadable);
  CHECK(!ring.write(words.data(), 1, 1, 0).becameReadable);

  std::uint32_t out[4];
  double stamps[1];
  // A partial drain leaves messages behind: no new wake-up is due.
  auto drained = ring.drain(out, 4, stamps, 1);
  CHECK(drained.more);
  CHECK(!ring.write(words.data(), 1, 1, 0).becameReadable);
  while (drained.more) drained = ring.drain(out, 4, stamps, 1);
  CHECK(ring.write(words.data(), 1, 1, 0).becameReadable);
}

TEST(aPollingConsumerLeavesTheWakeUpDisarmedUntilItAsksAgain) {
  ReceiveRing ring(64);
  const auto words = message(1, 1);
  std::uint32_t out[4];
  double stamps[4];
  CHECK(ring.write(words.data(), 1, 1, 0).becameReadable);
  // Emptied by a poll: later writes wake nobody, the poller drains them on its own.
  auto drained = ring.drain(out, 4, stamps, 4, AfterDrain::kStayDisarmed);
  CHECK_EQ(drained.messages, 1u);
  CHECK(!drained.more);
  CHECK(!ring.write(words.data(), 1, 1, 0).becameReadable);
  drained = ring.drain(out, 4, stamps, 4, AfterDrain::kStayDisarmed);
  CHECK_EQ(drained.messages, 1u);
  // An empty poll that re-arms: the next write wakes the consumer again.
  drained = ring.drain(out, 4, stamps, 4, AfterDrain::kRearm);
  CHECK_EQ(drained.messages, 0u);
  CHECK(ring.write(words.data(), 1, 1, 0).becameReadable);
}

TEST(drainStopsAtWhicheverBufferFillsFirst) {
  ReceiveRing ring(64);
  std::vector<std::uint32_t> words;
  for (std::uint32_t i = 0; i < 4; ++i) {
    const auto m = message(2, i);
    words.insert(words.end(), m.begin(), m.end());
  }
  ring.write(words.data(), words.size(), 4, 1);
  std::uint32_t out[8];
  double stamps[8];
  auto drained = ring.drain(out, 5, stamps, 8);  // word-limited: 2 messages
  CHECK_EQ(drained.messages, 2u);
  CHECK_EQ(drained.words, 4u);
  CHECK(drained.more);
  drained = ring.drain(out, 8, stamps, 1);  // timestamp-limited: 1 message
  CHECK_EQ(drained.messages, 1u);
  CHECK(drained.more);
  drained = ring.drain(out, 8, stamps, 8);
  CHECK_EQ(drained.messages, 1u);
  CHECK(!drained.more);
  CHECK_EQ(out[0], words[6]);
}
