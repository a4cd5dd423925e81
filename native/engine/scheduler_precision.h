// How hard the scheduler thread works to send each message on time: a trade of precision for
// the CPU time it takes from the process it lives in (the editor's extension host).
//
// - kBalanced (the default): sleeps until a margin before the timestamp at which the thread's
//   own wake-ups are early or on time about half the time (their median lateness, at most
//   50 µs), and spins only what is left when it wakes early.
// - kPrecise: sleeps until a margin that covers 98 % of its wake-ups with headroom, up to
//   500 µs, then spins: the lowest lateness on a quiet machine, at a share of a core that grows
//   with the rate (on a loaded one, a thread that spins is woken later by the OS).
// - kLowPower: never spins, and lets the OS coalesce its timer with others (Linux's default
//   timer slack, 50 µs): messages are late by however late the OS wakes the thread.
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
