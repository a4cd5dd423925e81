// The floor under any scheduler thread: a thread that does nothing but sleep until each due
// time (absolute CLOCK_MONOTONIC deadlines, 1 ns of timer slack, as the engine's balanced
// setting) at a steady rate. Prints its own CPU time and the wall time, in µs, as JSON.
//   wakeFloor <messages per second> <count>
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <time.h>

static double microseconds(struct timespec t) { return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3; }

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: wakeFloor <messages per second> <count>\n");
    return 2;
  }
  const long rate = atol(argv[1]);
  const long count = atol(argv[2]);
  if (rate <= 0 || count <= 0) {
    fprintf(stderr, "wakeFloor: rate and count must be positive\n");
    return 2;
  }
  prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
  const long periodNs = 1000000000L / rate;
  struct timespec due, cpuBefore, cpuAfter, wallBefore, wallAfter;
  clock_gettime(CLOCK_MONOTONIC, &due);
  wallBefore = due;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuBefore);
  for (long i = 0; i < count; i++) {
    due.tv_nsec += periodNs;
    while (due.tv_nsec >= 1000000000L) {
      due.tv_nsec -= 1000000000L;
      due.tv_sec++;
    }
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL) != 0) {
    }
  }
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuAfter);
  clock_gettime(CLOCK_MONOTONIC, &wallAfter);
  printf("{\"cpuUs\":%.1f,\"wallUs\":%.1f}\n", microseconds(cpuAfter) - microseconds(cpuBefore),
         microseconds(wallAfter) - microseconds(wallBefore));
  return 0;
}
