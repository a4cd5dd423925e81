#include "engine/clock.h"

namespace midiscope {

Timestamp clockNow() {
  const auto sinceEpoch = std::chrono::steady_clock::now().time_since_epoch();
  return static_cast<Timestamp>(std::chrono::duration_cast<ClockTicks>(sinceEpoch).count());
}

std::chrono::steady_clock::time_point timePointOf(Timestamp ticks) {
  const auto duration = ClockTicks(static_cast<std::int64_t>(ticks));
  return std::chrono::steady_clock::time_point(
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(duration));
}

}  // namespace midiscope
