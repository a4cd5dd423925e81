// Making the calling thread's timed sleeps wake up on time. Linux rounds every timer of a
// normal thread up by its "timer slack" (50 µs by default); the scheduler thread asks for 1 ns
// so that its condition-variable deadline is met within a few microseconds. Elsewhere this
// does nothing and the scheduler's final spin covers the difference.
#pragma once

namespace midiscope {

void requestPreciseTimers();

}  // namespace midiscope
