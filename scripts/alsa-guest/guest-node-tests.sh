#!/bin/sh
# Inside the guest: the plain-Node tests under out/test/guest/ (built by `node scripts/build.mjs
# --tests`) on dist/engine.js, which starts the ALSA transport: discovery against the kernel's USB
# MIDI 2.0 gadget. Prints "node: N passed, N failed" last, as the alsa stage sums it.
files=$(ls out/test/guest/*.test.js 2>/dev/null)
if [ -z "$files" ] || [ ! -f dist/engine.js ]; then
  echo "guest-node-tests.sh: out/test/guest/*.test.js or dist/engine.js missing: run node scripts/build.mjs --tests"
  echo "node: 0 passed, 1 failed"; exit 1
fi
out=$(mktemp)
# shellcheck disable=SC2086
node --test --test-reporter=spec $files > "$out" 2>&1; status=$?
cat "$out"
pass=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$out"); fail=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$out")
rm -f "$out"
echo "node: ${pass:-0} passed, ${fail:-1} failed"
exit $status
