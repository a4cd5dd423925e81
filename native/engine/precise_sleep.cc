#include "engine/precise_sleep.h"

#if defined(__linux__)
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>
#endif

namespace midiscope {

#if defined(__linux__)
namespace {
// struct sched_attr of sched_setattr(2); glibc 2.36 has no wrapper for it.
struct SchedAttr {
  std::uint32_t size;
  std::uint32_t sched_policy;
  std::uint64_t sched_flags;
  std::int32_t sched_nice;
  std::uint32_t sched_priority;
  std::uint64_t sched_runtime;
  std::uint64_t sched_deadline;
  std::uint64_t sched_period;
};
constexpr std::uint32_t kSchedOther = 0;
constexpr std::uint64_t kShortSliceNanoseconds = 100'000;  // the kernel's minimum is 100 µs
}  // namespace
#endif

void usePreciseTimers(bool precise) {
#if defined(__linux__)
  // Best effort: on failure the thread keeps its slack and the margin learns it. 0 restores the
  // thread's default.
  prctl(PR_SET_TIMERSLACK, precise ? 1UL : 0UL, 0UL, 0UL, 0UL);
#else
  (void)precise;
#endif
}

void requestShortTimeSlice() {
#if defined(__linux__) && defined(SYS_sched_setattr) && defined(SYS_sched_getattr)
  // Only the slice changes: policy and nice value stay what they are (read first), so this never
  // needs a privilege. Best effort: any failure leaves the thread as it was.
  SchedAttr attr{};
  if (syscall(SYS_sched_getattr, 0, &attr, sizeof attr, 0) != 0) return;
  if (attr.sched_policy != kSchedOther) return;
  attr.size = sizeof attr;
  attr.sched_flags = 0;
  attr.sched_runtime = kShortSliceNanoseconds;
  syscall(SYS_sched_setattr, 0, &attr, 0);
#endif
}

void nameThisThread(const char* name) {
#if defined(__linux__)
  pthread_setname_np(pthread_self(), name);
#else
  (void)name;
#endif
}

}  // namespace midiscope
