#include "engine/wake_up_margin.h"
#include "harness/test_harness.h"

using namespace midiscope;

namespace {

void feed(WakeUpMargin& margin, std::size_t count, Timestamp overshoot) {
  for (std::size_t i = 0; i < count; ++i) margin.noteWakeUp(overshoot);
}

constexpr WakeUpMargin::Policy kPrecise = WakeUpMargin::kPrecise;

}  // namespace

TEST(preciseMarginStartsAtTheMinimum) {
  WakeUpMargin margin(SchedulerPrecision::kPrecise);
  CHECK_EQ(margin.ticks(), kPrecise.minTicks);
  feed(margin, WakeUpMargin::kSamples, 100);  // fast wake-ups never go below the minimum
  CHECK_EQ(margin.ticks(), kPrecise.minTicks);
  feed(margin, WakeUpMargin::kSamples, -300);  // early (a clock quirk) counts as on time
  CHECK_EQ(margin.ticks(), kPrecise.minTicks);
}

TEST(preciseMarginFollowsSlowWakeUpsWithHeadroom) {
  WakeUpMargin margin(SchedulerPrecision::kPrecise);
  feed(margin, WakeUpMargin::kSamples, 800);  // 80 µs every time
  CHECK_EQ(margin.ticks(), 800 * kPrecise.headroom);
  feed(margin, WakeUpMargin::kSamples, 100'000);  // 10 ms every time: capped
  CHECK_EQ(margin.ticks(), kPrecise.maxTicks);
  feed(margin, WakeUpMargin::kSamples, 600);  // and back down once they are fast again
  CHECK_EQ(margin.ticks(), 600 * kPrecise.headroom);
}

TEST(preciseMarginIgnoresRareStalls) {
  WakeUpMargin margin(SchedulerPrecision::kPrecise);
  for (std::size_t i = 0; i < 4 * WakeUpMargin::kSamples; ++i) {
    margin.noteWakeUp(i % 64 == 0 ? 30'000 : 700);  // one 3 ms stall in 64: above the quantile
  }
  CHECK_EQ(margin.ticks(), 700 * kPrecise.headroom);
  for (std::size_t i = 0; i < 4 * WakeUpMargin::kSamples; ++i) {
    margin.noteWakeUp(i % 16 == 0 ? 3'000 : 700);  // one in 16 is slow: that is the machine
  }
  CHECK_EQ(margin.ticks(), 3'000 * kPrecise.headroom);
}

TEST(balancedMarginIsAlwaysZero) {
  WakeUpMargin margin;  // balanced is the default
  CHECK(margin.precision() == SchedulerPrecision::kBalanced);
  CHECK_EQ(margin.ticks(), 0);
  feed(margin, WakeUpMargin::kSamples, 400);  // however late the OS wakes it, it never spins
  CHECK_EQ(margin.ticks(), 0);
}

TEST(lowPowerMarginIsAlwaysZero) {
  WakeUpMargin margin(SchedulerPrecision::kLowPower);
  feed(margin, WakeUpMargin::kSamples, 700);
  CHECK_EQ(margin.ticks(), 0);
}

TEST(switchingPrecisionRecomputesFromTheSamplesSeen) {
  WakeUpMargin margin(SchedulerPrecision::kPrecise);
  feed(margin, WakeUpMargin::kSamples, 800);
  CHECK_EQ(margin.ticks(), 800 * kPrecise.headroom);
  margin.setPrecision(SchedulerPrecision::kBalanced);
  CHECK_EQ(margin.ticks(), 0);
  feed(margin, WakeUpMargin::kSamples, 300);
  margin.setPrecision(SchedulerPrecision::kPrecise);
  CHECK_EQ(margin.ticks(), kPrecise.minTicks);  // 300 × 1.25 is below the precise minimum
  margin.setPrecision(SchedulerPrecision::kLowPower);
  CHECK_EQ(margin.ticks(), 0);
  margin.setPrecision(SchedulerPrecision::kBalanced);
  CHECK_EQ(margin.ticks(), 0);
  margin.setPrecision(SchedulerPrecision::kPrecise);
  CHECK_EQ(margin.ticks(), kPrecise.minTicks);
}

TEST(precisionNamesRoundTrip) {
  for (const auto precision :
       {SchedulerPrecision::kBalanced, SchedulerPrecision::kPrecise, SchedulerPrecision::kLowPower}) {
    SchedulerPrecision parsed = SchedulerPrecision::kBalanced;
    CHECK(parseSchedulerPrecision(schedulerPrecisionName(precision), parsed));
    CHECK(parsed == precision);
  }
  SchedulerPrecision untouched = SchedulerPrecision::kPrecise;
  CHECK(!parseSchedulerPrecision("fast", untouched));
  CHECK(!parseSchedulerPrecision("", untouched));
  CHECK(untouched == SchedulerPrecision::kPrecise);
}
