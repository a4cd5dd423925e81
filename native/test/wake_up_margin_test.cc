#include "engine/wake_up_margin.h"
#include "harness/test_harness.h"

using namespace midiscope;

namespace {

void feed(WakeUpMargin& margin, std::size_t count, Timestamp overshoot) {
  for (std::size_t i = 0; i < count; ++i) margin.noteWakeUp(overshoot);
}

}  // namespace

TEST(wakeUpMarginStartsAtTheMinimum) {
  WakeUpMargin margin;
  CHECK_EQ(margin.ticks(), WakeUpMargin::kMinTicks);
  feed(margin, WakeUpMargin::kSamples, 100);  // fast wake-ups never go below the minimum
  CHECK_EQ(margin.ticks(), WakeUpMargin::kMinTicks);
  feed(margin, WakeUpMargin::kSamples, -300);  // early (a clock quirk) counts as on time
  CHECK_EQ(margin.ticks(), WakeUpMargin::kMinTicks);
}

TEST(wakeUpMarginFollowsSlowWakeUpsWithHeadroom) {
  WakeUpMargin margin;
  feed(margin, WakeUpMargin::kSamples, 800);  // 80 µs every time
  CHECK_EQ(margin.ticks(), 800 * WakeUpMargin::kHeadroom);
  feed(margin, WakeUpMargin::kSamples, 100'000);  // 10 ms every time: capped
  CHECK_EQ(margin.ticks(), WakeUpMargin::kMaxTicks);
  feed(margin, WakeUpMargin::kSamples, 600);  // and back down once they are fast again
  CHECK_EQ(margin.ticks(), 600 * WakeUpMargin::kHeadroom);
}

TEST(wakeUpMarginIgnoresRareStalls) {
  WakeUpMargin margin;
  for (std::size_t i = 0; i < 4 * WakeUpMargin::kSamples; ++i) {
    margin.noteWakeUp(i % 64 == 0 ? 30'000 : 700);  // one 3 ms stall in 64: above the quantile
  }
  CHECK_EQ(margin.ticks(), 700 * WakeUpMargin::kHeadroom);
  for (std::size_t i = 0; i < 4 * WakeUpMargin::kSamples; ++i) {
    margin.noteWakeUp(i % 16 == 0 ? 3'000 : 700);  // one in 16 is slow: that is the machine
  }
  CHECK_EQ(margin.ticks(), 3'000 * WakeUpMargin::kHeadroom);
}
