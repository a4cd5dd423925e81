#!/bin/sh
# Inside the guest: loads the kernel's MIDI test devices and runs the ALSA test binary with the
# filters that apply to this guest's alsa-lib (see native/test/alsa/alsa_transport_test.cc).
# Usage: guest-tests.sh new|old|none BINARY
MODE=$1; BINARY=$2
# The host's ASan runtime checks leaks with ptrace, which the guest's chroot does not allow.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
modprobe snd-seq-dummy ump=2 || exit 1   # client 14 "Midi Through" as a UMP MIDI 2.0 client
modprobe snd-virmidi || exit 1           # clients 16-19: MIDI 1.0 ports with rawmidi devices
status=0
case "$MODE" in
  new) filters="midi1_ ump_ hotplug_" ;;
  old) filters="midi1_ oldlib_" ;;
  none) filters="nolib_" ;;
  *) echo "guest-tests.sh: unknown mode $MODE"; exit 2 ;;
esac
for filter in $filters; do
  echo "== alsa-lib $MODE: $filter*"
  "$BINARY" "$filter" || status=1
done
exit $status
