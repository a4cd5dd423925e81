#!/usr/bin/env bash
# The `alsa` stage of scripts/test.sh: the ALSA transport against the real kernel's ALSA, in a
# qemu guest (setup.sh builds it once per machine). Builds the test binary, the addon and the
# plain-Node tests on the host, runs them in four guests (alsa-lib 1.2.14 with kernel UMP, the
# same on the kernel's own modules without UMP, alsa-lib 1.2.8, no alsa-lib), then the plain-Node
# tests of out/test/guest/ (discovery against the USB gadget) in a fifth, the MIDI Clip interop
# with alsa-utils (scripts/interop/alsa-midi-clip.sh) in a sixth, and prints
# "alsa: N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")/../.."
HERE=scripts/alsa-guest
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
passed=0; failed=0

if ! bash "$HERE/setup.sh" > /dev/null; then
  echo "alsa: 0 passed, 1 failed (the guest could not be set up; see above)"; exit 1
fi
echo "== build native/test/build/alsa/alsa_tests"
if ! make -s -C native/test -j2 build/alsa/alsa_tests; then
  echo "alsa: 0 passed, 1 failed (build)"; exit 1
fi
echo "== build the addon, dist/engine.js and out/test/alsa"
if ! { node scripts/build-native.mjs && node scripts/build.mjs --tests; } > "$LOG" 2>&1; then
  cat "$LOG"; echo "alsa: 0 passed, 1 failed (build)"; exit 1
fi
BINARY=$(pwd)/native/test/build/alsa/alsa_tests
for mode in new noump old none node; do
  echo "== guest: $mode"
  case "$mode" in
    noump) options=(--alsa-lib new --kernel-ump no) ;;
    *) options=(--alsa-lib "$mode") ;;
  esac
  if [ "$mode" = node ]; then  # plain-Node tests on dist/engine.js (alsa-lib 1.2.14): discovery against the USB gadget
    bash "$HERE/run.sh" --alsa-lib new --timeout 900 -- sh "$HERE/guest-node-tests.sh" 2>&1 | tee "$LOG"
  else
    bash "$HERE/run.sh" "${options[@]}" --timeout 900 -- sh "$HERE/guest-tests.sh" "$mode" "$BINARY" 2>&1 | tee "$LOG"
  fi
  rc=${PIPESTATUS[0]}
  p=$(sed -nE 's/^[a-z]+: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$LOG" | awk '{ n += $1 } END { print n + 0 }')
  f=$(sed -nE 's/^[a-z]+: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$LOG" | awk '{ n += $1 } END { print n + 0 }')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "guest $mode exited with $rc"; fi
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; echo "guest $mode ran no test"; fi
  passed=$((passed + p)); failed=$((failed + f))
done
# MIDI Clip Files against alsa-utils' aplaymidi2/arecordmidi2 (a sixth guest): one check, passed
# when the script says PASS and exits 0.
echo "== guest: MIDI Clip interop (scripts/interop/alsa-midi-clip.sh)"
bash scripts/interop/alsa-midi-clip.sh 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
if [ "$rc" -eq 0 ] && grep -qx '\[midi-clip-interop\] PASS' "$LOG"; then
  passed=$((passed + 1)); echo "midi-clip interop: 1 passed, 0 failed"
else
  failed=$((failed + 1)); echo "midi-clip interop: 0 passed, 1 failed (exit code $rc)"
fi
echo "alsa: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
