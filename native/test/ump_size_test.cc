#include <cmath>
#include <limits>
#include <vector>

#include "engine/ump_size.h"
#include "harness/test_harness.h"

using namespace midiscope;
using namespace midiscope::send_result;

namespace {
std::uint32_t ofType(std::uint32_t type) { return type << 28; }
}  // namespace

TEST(wordsPerMessageTypeFollowTheUmpTable) {
  const std::size_t expected[16] = {1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4};
  for (std::uint32_t type = 0; type < 16; ++type) {
    CHECK_EQ(messageWordCount(ofType(type) | 0x0FFF'FFFF), expected[type]);
  }
}

TEST(singleMessageMustHaveExactlyItsSize) {
  for (std::uint32_t type = 0; type < 16; ++type) {
    const std::uint32_t words[5] = {ofType(type), 1, 2, 3, 4};
    for (std::size_t count = 0; count <= 5; ++count) {
      const SendResult result = validateSingleMessage({words, count});
      if (count == messageWordCount(words[0])) {
        CHECK_EQ(result, kSucceeded);
      } else {
        CHECK_EQ(result, kFailed | kInvalidMessageTypeForWordCount);
      }
    }
  }
}

TEST(wordSpanBoundsRejectEveryBadIndex) {
  const std::uint32_t words[4] = {};
  WordSpan span;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double infinity = std::numeric_limits<double>::infinity();
  CHECK(wordSpanInBounds(words, 4, 0, 4, span));
  CHECK_EQ(span.count, 4u);
  CHECK(wordSpanInBounds(words, 4, 4, 0, span));  // empty at the end is fine
  CHECK(wordSpanInBounds(words, 4, 1, 3, span));
  CHECK(span.words == words + 1);
  CHECK(!wordSpanInBounds(words, 4, 1, 4, span));
  CHECK(!wordSpanInBounds(words, 4, 5, 0, span));
  CHECK(!wordSpanInBounds(words, 4, -1, 1, span));
  CHECK(!wordSpanInBounds(words, 4, 0, -1, span));
  CHECK(!wordSpanInBounds(words, 4, 0.5, 1, span));
  CHECK(!wordSpanInBounds(words, 4, 0, 1.5, span));
  CHECK(!wordSpanInBounds(words, 4, nan, 1, span));
  CHECK(!wordSpanInBounds(words, 4, 0, nan, span));
  CHECK(!wordSpanInBounds(words, 4, infinity, 0, span));
  CHECK(!wordSpanInBounds(words, 4, 0, infinity, span));
  CHECK(!wordSpanInBounds(words, 4, 9007199254740992.0, 9007199254740992.0, span));
}

TEST(messageListScanStopsAtTheFirstBadMessage) {
  // UMP32, UMP64, UMP128: 7 words in three whole messages.
  const std::vector<std::uint32_t> list = {ofType(2), ofType(4), 0, ofType(5), 0, 0, 0};
  MessageListScan scan = scanMessageList({list.data(), list.size()});
  CHECK_EQ(scan.result, kSucceeded);
  CHECK_EQ(scan.messages, 3u);
  CHECK_EQ(scan.words, 7u);

  scan = scanMessageList({list.data(), 6});  // the UMP128 is cut short
  CHECK_EQ(scan.result, kFailed | kInvalidMessageTypeForWordCount | kMessageListPartiallyProcessed);
  CHECK_EQ(scan.messages, 2u);
  CHECK_EQ(scan.words, 3u);

  scan = scanMessageList({list.data() + 1, 1});  // nothing whole at all
  CHECK_EQ(scan.result, kFailed | kInvalidMessageTypeForWordCount);
  CHECK_EQ(scan.messages, 0u);

  scan = scanMessageList({list.data(), 0});
  CHECK_EQ(scan.result, kSucceeded);
  CHECK_EQ(scan.messages, 0u);
}
