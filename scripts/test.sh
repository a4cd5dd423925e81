#!/usr/bin/env bash
# The one test command (`npm test`): installs what a fresh machine lacks, proves a cold install
# of the harness works, then runs every suite in order — static checks, unit, native (sanitizers + fuzz),
# a cold build of the ALSA guest, ALSA (the real kernel in qemu), integration (real extension host),
# end-to-end (real workbench in Chromium), packaging — and prints each runner's summary and a total.
# Exits non-zero when anything failed. Usage: bash scripts/test.sh [stage ...]
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/test-output"
mkdir -p "$OUT"

total_passed=0; total_failed=0; total_skipped=0
failed_stages=()

note() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# record STAGE PASSED FAILED SKIPPED
record() {
  total_passed=$((total_passed + $2)); total_failed=$((total_failed + $3)); total_skipped=$((total_skipped + $4))
  if [ "$3" -gt 0 ]; then failed_stages+=("$1"); fi
  echo "[$1] $2 passed, $3 failed, $4 skipped"
}

# A stage that is one check: passes or fails as a whole.
check() {
  local name=$1; shift
  note "$name: $*"
  if "$@" 2>&1 | tee "$OUT/$name.log"; then record "$name" 1 0 0; else record "$name" 0 1 0; fi
}

# A stage whose runner prints 'N passed, N failed[, N skipped]' as its last summary line.
suite() {
  local name=$1; shift
  note "$name: $*"
  "$@" 2>&1 | tee "$OUT/$name.log"
  local rc=${PIPESTATUS[0]}
  local line; line=$(grep -E '^([A-Za-z0-9-]+: )?[0-9]+ passed, [0-9]+ failed' "$OUT/$name.log" | tail -n 1)
  local p f s
  p=$(sed -nE 's/.*\b([0-9]+) passed.*/\1/p' <<<"$line"); f=$(sed -nE 's/.*\b([0-9]+) failed.*/\1/p' <<<"$line")
  s=$(sed -nE 's/.*\b([0-9]+) skipped.*/\1/p' <<<"$line")
  p=${p:-0}; f=${f:-0}; s=${s:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "[$name] runner exited with $rc"; fi
  if [ -z "$line" ] && [ "$rc" -eq 0 ]; then f=1; echo "[$name] runner printed no summary"; fi
  record "$name" "$p" "$f" "$s"
}

# node --test: parse its own closing lines (ℹ pass N / ℹ fail N / ℹ skipped N).
node_suite() {
  local name=$1; shift
  note "$name: node --test $*"
  node --test --test-reporter=spec "$@" 2>&1 | tee "$OUT/$name.log"
  local rc=${PIPESTATUS[0]}
  local p f s
  p=$(sed -nE 's/^ℹ pass ([0-9]+)$/\1/p' "$OUT/$name.log" | tail -n 1)
  f=$(sed -nE 's/^ℹ fail ([0-9]+)$/\1/p' "$OUT/$name.log" | tail -n 1)
  s=$(sed -nE 's/^ℹ (skipped|todo) ([0-9]+)$/\2/p' "$OUT/$name.log" | awk '{ n += $1 } END { print n + 0 }')
  p=${p:-0}; f=${f:-0}; s=${s:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; echo "[$name] ran no test"; fi
  record "$name" "$p" "$f" "$s"
}

stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(setup cold-install static build unit native alsa-cold-install alsa integration e2e package)
want() { local s; for s in "${stages[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

if want setup; then
  note "setup: npm packages and the real VS Code (code-server) for the harness"
  if ! bash scripts/bootstrap.sh; then
    record setup 0 1 0
    echo "setup failed: nothing else can run"; echo "total: $total_passed passed, $total_failed failed, $total_skipped skipped"; exit 1
  fi
fi
# Proves on every run that a machine without the cache can set up: the harness is installed into
# an empty cache (and an empty npm cache) and started once. The other stages use the normal cache.
if want cold-install; then check cold-install node scripts/harness/coldInstall.mjs; fi
if want static; then
  check lint npx --no-install eslint --max-warnings 0 .
  check format npx --no-install prettier --check .
  check typecheck npm run --silent typecheck
fi
if want build; then
  check build-native node scripts/build-native.mjs
  check build node scripts/build.mjs --tests
fi
if want unit; then
  mapfile -t unit_files < <(find out/test/unit -name '*.test.js' 2>/dev/null | sort)
  if [ ${#unit_files[@]} -eq 0 ]; then record unit 0 1 0; echo "[unit] no unit test files in out/test/unit"
  else node_suite unit "${unit_files[@]}"; fi
fi
if want native; then suite native make -s -C native/test all; fi
# The ALSA guest built once into an empty cache and booted (every run, as cold-install does for
# the harness); then the ALSA transport against the real kernel, in the guest built once per machine.
if want alsa-cold-install; then check alsa-cold-install bash scripts/alsa-guest/cold-install.sh; fi
if want alsa; then suite alsa bash scripts/alsa-guest/test-stage.sh; fi
if want integration; then suite integration node scripts/harness/run-integration.mjs; fi
if want e2e; then suite e2e node scripts/harness/run-e2e.mjs; fi
if want package; then check package node scripts/package.mjs --check; fi

note "summary"
if [ ${#failed_stages[@]} -gt 0 ]; then echo "failed stages: ${failed_stages[*]}"; fi
echo "total: $total_passed passed, $total_failed failed, $total_skipped skipped"
[ "$total_failed" -eq 0 ]
