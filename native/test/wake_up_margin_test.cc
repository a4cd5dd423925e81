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

TEST(balancedMarginIsTheMedianWakeUpCappedAt50Microseconds) {
  WakeUpMargin margin;  // balanced is the default
  CHECK(margin.precision() == SchedulerPrecision::kBalanced);
  CHECK_EQ(margin.ticks(), 0);  // nothing seen yet: sleep until the timestamp
  // A quarter of the wake-ups 20 µs late, an eighth 500 µs, the rest 40 µs: the median is 40.
  for (std::size_t i = 0; i < WakeUpMargin::kSamples; ++i) {
    margin.noteWakeUp(i % 8 == 7 ? 5'000 : i % 4 == 0 ? 200 : 400);
  }
  CHECK_EQ(margin.ticks(), 400);
  feed(margin, WakeUpMargin::kSamples, 3'000);  // a loaded machine: 300 µs every time
  CHECK_EQ(margin.ticks(), WakeUpMargin::kBalanced.maxTicks);  // it does not spin 300 µs for it
  CHECK_EQ(WakeUpMargin::kBalanced.maxTicks, 500);
}

TEST(lowPowerMarginIsAlwaysZero) {
  WakeUpMargin margin(SchedulerPrecision::kLowPower);
  feed(margin, WakeUpMargin::kSamples, 700);
  CHECK_EQ(margin.ticks(), 0);
}

TEST(switchingPrecisionRecomputesFromTheSamplesSeen) {
  WakeUpMargin margin;
  feed(margin, WakeUpMargin::kSamples, 300);
  CHECK_EQ(margin.ticks(), 300);
  margin.setPrecision(SchedulerPrecision::kPrecise);
  CHECK_EQ(margin.ticks(), kPrecise.minTicks);  // 300 × 1.25 is below the precise minimum
  margin.setPrecision(SchedulerPrecision::kLowPower);
  CHECK_EQ(margin.ticks(), 0);
  margin.setPrecision(SchedulerPrecision::kBalanced);
  CHECK_EQ(margin.ticks(), 300);
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
