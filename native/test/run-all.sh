#!/usr/bin/env bash
# Builds and runs every native test (called by `make all`). A test binary's own summary line
# counts its tests; a fuzzer run counts as one test; a failed build counts as one failure.
# Prints "native: N passed, N failed" as its last line and exits non-zero on any failure.
set -u
cd "$(dirname "$0")"
MAKE=${MAKE:-make}
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
passed=0
failed=0

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
if command -v llvm-symbolizer >/dev/null; then
  export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer)
  export TSAN_OPTIONS="$TSAN_OPTIONS:external_symbolizer_path=$ASAN_SYMBOLIZER_PATH"
fi
# ThreadSanitizer of clang 14 cannot map its shadow memory under high ASLR entropy
# (vm.mmap_rnd_bits > 28 on newer kernels): run it with address randomization off.
no_aslr=()
if setarch "$(uname -m)" -R true 2>/dev/null; then no_aslr=(setarch "$(uname -m)" -R); fi

build() {
  echo "== build $1"
  if "$MAKE" --no-print-directory -j2 "$1"; then return 0; fi
  echo "build of $1 failed"
  failed=$((failed + 1))
  return 1
}

# run_suite BINARY [PREFIX...]: adds the "<label>: N passed, N failed" line the binary prints.
run_suite() {
  local binary=$1; shift
  echo "== run $binary"
  local log; log=$(mktemp)
  "$@" "$binary" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line; line=$(grep -E '^[a-z+]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
  rm -f "$log"
  local p f
  p=$(sed -nE 's/.* ([0-9]+) passed.*/\1/p' <<<"$line"); f=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$line")
  p=${p:-0}; f=${f:-0}
  # A sanitizer report aborts the binary before its summary: count that as a failure.
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "$binary exited with $rc"; fi
  passed=$((passed + p)); failed=$((failed + f))
}

run_fuzzer() {
  local name=$1
  local log="build/fuzz-$name.log"
  echo "== fuzz $name for ${FUZZ_SECONDS}s (log: native/test/$log)"
  mkdir -p "build/fuzz-corpus/$name"
  # New inputs go to build/fuzz-corpus; corpus/ holds the committed seeds. Crashes are written
  # to build/ as crash-<hash>: rerun one with build/fuzz/<name> <file>.
  if "build/fuzz/$name" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build/ -print_final_stats=1 "build/fuzz-corpus/$name" "corpus/$name" \
      >"$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units)' "$log"
    passed=$((passed + 1))
  else
    tail -n 60 "$log"
    echo "fuzzer $name failed"
    failed=$((failed + 1))
  fi
}

# The addon's own tests (Node-API layer: TSFN wake-ups, argument errors, workers, exit) run
# against dist/native/<platform>-<arch>/midi_scope.node, rebuilt first if a native source is newer.
run_addon_tests() {
  local addon
  addon="../../dist/native/$(node -p 'process.platform + "-" + process.arch')/midi_scope.node"
  echo "== addon tests ($addon)"
  if [ ! -f "$addon" ] || [ -n "$(find ../engine ../addon ../../binding.gyp -newer "$addon" -print -quit)" ]; then
    if ! node ../../scripts/build-native.mjs >build/build-native.log 2>&1; then
      tail -n 40 build/build-native.log
      echo "addon build failed"
      failed=$((failed + 1))
      return
    fi
  fi
  run_addon_suite node "Node $(node --version)"
  # The same binary must load in the Node 24 that runs VS Code's extension host (setup-vscode.sh
  # installs it): Node-API keeps one binary good for every Node and Electron from version 8 on.
  local node24
  node24=$(node --input-type=module -e "const { codeServerInstallation } = await import('../../scripts/harness/codeServerInstallation.mjs'); console.log(codeServerInstallation('../..').nodeBinary)" 2>/dev/null | tail -n 1)
  if [ -x "$node24" ]; then
    run_addon_suite "$node24" "Node $("$node24" --version), the extension host's"
  else
    echo "the extension host's Node 24 is not installed (scripts/setup-vscode.sh): addon tests under it failed to run"
    failed=$((failed + 1))
  fi
}

# run_addon_suite NODE LABEL: the addon tests under one Node binary.
run_addon_suite() {
  local runtime=$1
  echo "== addon tests under $2"
  local log; log=$(mktemp)
  "$runtime" --test --test-reporter=tap addon/*.test.mjs >"$log" 2>&1
  local rc=$?
  grep -E '^(not ok|# (pass|fail))' "$log"
  local p f
  p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log" | tail -n 1); f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log" | tail -n 1)
  p=${p:-0}; f=${f:-0}
  if [ "$f" -gt 0 ] || [ "$rc" -ne 0 ]; then cat "$log"; fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  rm -f "$log"
  passed=$((passed + p)); failed=$((failed + f))
}

mkdir -p build
run_addon_tests
if build build/asan/engine_tests; then run_suite build/asan/engine_tests; fi
if build build/tsan/concurrency_tests; then run_suite build/tsan/concurrency_tests "${no_aslr[@]}"; fi
for fuzzer in fuzz_send_validation fuzz_queue_and_ring fuzz_midi1_translation; do
  if build "build/fuzz/$fuzzer"; then run_fuzzer "$fuzzer"; fi
done

echo "native: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
