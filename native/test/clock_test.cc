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

namespace {

// A wall-clock time and a MidiClock reading taken together: retried until no preemption
// separated them by more than 50 µs, so that a busy machine cannot skew the comparison.
struct PairedReading {
  std::chrono::system_clock::time_point wall;
  Timestamp ticks;
};

PairedReading readBoth() {
  for (;;) {
    const auto before = std::chrono::system_clock::now();
    const Timestamp ticks = clockNow();
    const auto after = std::chrono::system_clock::now();
    if (after - before < std::chrono::microseconds(50)) return {before + (after - before) / 2, ticks};
  }
}

}  // namespace

TEST(clockRunsAtTenMegahertz) {
  CHECK_EQ(kTicksPerSecond, 10'000'000.0);
  const PairedReading start = readBoth();
  while (std::chrono::system_clock::now() - start.wall < std::chrono::milliseconds(200)) {
  }
  const PairedReading end = readBoth();
  const double wallSeconds = std::chrono::duration<double>(end.wall - start.wall).count();
  const double ratio = (end.ticks - start.ticks) / kTicksPerSecond / wallSeconds;
  CHECK_MESSAGE(ratio > 0.99 && ratio < 1.01, "clock seconds per wall second: " << ratio);
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
