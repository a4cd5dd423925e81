// The scheduler thread's dealings with the OS scheduler and timers. Elsewhere than on Linux these
// do nothing (docs/DESIGN.md says what Windows and macOS will need).
#pragma once

namespace midiscope {

// Linux rounds every timer of a normal thread up by its "timer slack" (50 µs by default, so
// that wake-ups can be coalesced): `precise` asks for 1 ns, so that a timed wait ends within the
// OS's own wake-up latency; otherwise the thread's default comes back.
void usePreciseTimers(bool precise);

// Asks Linux (6.12 and later, EEVDF) for a short time slice for the calling thread: a waking
// thread with a shorter slice than the running one gets the CPU first, without any privilege or
// change of priority. Measured on the loaded 2-vCPU guest, two sleep loops side by side: the
// p90 of wake-up lateness fell from 1.0–1.5 ms to 0.04–1.3 ms. Older kernels ignore it.
void requestShortTimeSlice();

// Names the calling thread (15 characters at most), as `top -H` and /proc/<pid>/task show it.
void nameThisThread(const char* name);

}  // namespace midiscope
