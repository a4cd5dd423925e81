#include <chrono>
#include <cmath>

#include "engine/clock.h"
#include "harness/test_harness.h"

using namespace midiscope;

TEST(clockIsMonotonicAndWhole) {
  Timestamp previous = clockNow();
  for (int i = 0; i < 100000; ++i) {
    const Timestamp now = clockNow();
    CHECK(now >= previous);
    CHECK_EQ(std::floor(now), now);
    previous = now;
  }
}

TEST(clockRunsAtTenMegahertz) {
  // Compare against the wall clock over ~200 ms of busy waiting (both are ticking meanwhile).
  const auto wallStart = std::chrono::system_clock::now();
  const Timestamp ticksStart = clockNow();
  while (std::chrono::system_clock::now() - wallStart < std::chrono::milliseconds(200)) {
  }
  const Timestamp ticks = clockNow() - ticksStart;
  const double wallSeconds =
      std::chrono::duration<double>(std::chrono::system_clock::now() - wallStart).count();
  CHECK_EQ(kTicksPerSecond, 10'000'000.0);
  const double ratio = ticks / kTicksPerSecond / wallSeconds;
  CHECK_MESSAGE(ratio > 0.98 && ratio < 1.02, "clock seconds per wall second: " << ratio);
}

TEST(timePointOfRoundTripsTheClock) {
  const Timestamp now = clockNow();
  const auto point = timePointOf(now);
  const auto back = std::chrono::duration_cast<ClockTicks>(point.time_since_epoch()).count();
  CHECK_EQ(static_cast<Timestamp>(back), now);
}

TEST(timestampsStayExactForYears) {
  // 28 years of ticks is below 2^53: every tick is still a distinct double.
  const double twentyEightYears = 28.0 * 365.25 * 24 * 3600 * kTicksPerSecond;
  CHECK(twentyEightYears < kMaxExactTimestamp);
  CHECK(twentyEightYears + 1 != twentyEightYears);
}
