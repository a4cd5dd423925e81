#!/bin/sh
# Inside the guest: loads the kernel's MIDI test devices and runs the ALSA tests that apply to
# this guest: the C++ transport tests (native/test/alsa/alsa_transport_test.cc, by name filter)
# and the plain-Node tests on dist/engine.js (test/alsa/, built to out/test/alsa/).
# Usage: guest-tests.sh new|noump|old|none BINARY
#   new    alsa-lib 1.2.14, the sound modules rebuilt with UMP
#   noump  alsa-lib 1.2.14, the kernel's own modules (no UMP)   (run.sh --kernel-ump no)
#   old    alsa-lib 1.2.8                                        (run.sh --alsa-lib old)
#   none   no alsa-lib                                           (run.sh --alsa-lib none)
MODE=$1; BINARY=$2
# The host's ASan runtime checks leaks with ptrace, which the guest's chroot does not allow.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if [ "$MODE" = noump ]; then
  modprobe snd-seq-dummy || exit 1       # client 14 "Midi Through", MIDI 1.0 (no ump= here)
else
  modprobe snd-seq-dummy ump=2 || exit 1 # client 14 "Midi Through" as a UMP MIDI 2.0 client
fi
modprobe snd-virmidi || exit 1           # clients 16-19: MIDI 1.0 ports with rawmidi devices
status=0
case "$MODE" in
  new) filters="midi1_ ump_ hotplug_ utils_" ;;
  noump) filters="midi1_ utils_" ;;
  old) filters="midi1_ oldlib_" ;;
  none) filters="nolib_" ;;
  *) echo "guest-tests.sh: unknown mode $MODE"; exit 2 ;;
esac
for filter in $filters; do
  echo "== alsa-lib $MODE: $filter*"
  "$BINARY" "$filter" || status=1
done
echo "== alsa-lib $MODE: plain Node on dist/engine.js (test/alsa)"
LOG=/tmp/alsa-guest-node.log
MIDI_SCOPE_ALSA_MODE=$MODE node --test --test-reporter=spec out/test/alsa/*.test.js > "$LOG" 2>&1 || status=1
cat "$LOG"
p=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$LOG" | tail -n 1)
f=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$LOG" | tail -n 1)
echo "node: ${p:-0} passed, ${f:-1} failed"
exit $status
