// How hard the scheduler thread works to send each message on time: a trade of precision for
// the CPU time it takes from the process it lives in (the editor's extension host).
//
// - kBalanced (the default): sleeps until the timestamp with precise timers (1 ns of timer
//   slack) and never spins: a message is late by the OS's wake-up latency (tens of µs on a quiet
//   machine), and costs one wake-up of the thread.
// - kPrecise: sleeps until a margin that covers 98 % of its wake-ups with headroom, up to
//   500 µs, then spins: the lowest lateness on a quiet machine, at a share of a core that grows
//   with the rate (on a loaded one, a thread that spins is woken later by the OS).
// - kLowPower: never spins, sends at most once a millisecond (everything that came due
//   meanwhile, so up to 1 ms late) and lets the OS coalesce its timer with others (Linux's
//   default timer slack, 50 µs): the least CPU when messages come faster than 1,000 a second.
#pragma once

#include <cstring>

namespace midiscope {

enum class SchedulerPrecision : int { kBalanced = 0, kPrecise = 1, kLowPower = 2 };

inline const char* schedulerPrecisionName(SchedulerPrecision precision) {
  switch (precision) {
    case SchedulerPrecision::kPrecise:
      return "precise";
    case SchedulerPrecision::kLowPower:
      return "lowPower";
    case SchedulerPrecision::kBalanced:
      break;
  }
  return "balanced";
}

// False when `name` is none of the names above.
inline bool parseSchedulerPrecision(const char* name, SchedulerPrecision& out) {
  for (const auto candidate :
       {SchedulerPrecision::kBalanced, SchedulerPrecision::kPrecise, SchedulerPrecision::kLowPower}) {
    if (std::strcmp(name, schedulerPrecisionName(candidate)) == 0) {
      out = candidate;
      return true;
    }
  }
  return false;
}

}  // namespace midiscope
