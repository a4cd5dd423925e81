// MidiClock: monotonic time in 10 MHz ticks (Windows MIDI Services' unit), as a double.
// A double holds every integer up to 2^53, i.e. about 28.5 years of ticks exactly.
#pragma once

#include <chrono>
#include <cstdint>

namespace midiscope {

using Timestamp = double;

constexpr double kTicksPerSecond = 10'000'000.0;
// The largest timestamp that is still an exact integer in a double.
constexpr double kMaxExactTimestamp = 9007199254740992.0;  // 2^53

using ClockTicks = std::chrono::duration<std::int64_t, std::ratio<1, 10'000'000>>;

// Ticks of std::chrono::steady_clock since its epoch (boot on Linux).
Timestamp clockNow();

// The steady_clock time point of a timestamp, for condition-variable deadlines.
std::chrono::steady_clock::time_point timePointOf(Timestamp ticks);

}  // namespace midiscope
