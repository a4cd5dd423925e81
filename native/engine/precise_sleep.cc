#include "engine/precise_sleep.h"

#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace midiscope {

void requestPreciseTimers() {
#if defined(__linux__)
  // Best effort: on failure the thread keeps the default slack and the spin absorbs it.
  prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
#endif
}

}  // namespace midiscope
