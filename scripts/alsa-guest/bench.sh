#!/usr/bin/env bash
# The ALSA transport's figures, in the test guest (TCG: ratios between rows of one run only).
# Prints, never asserts. Usage: bash scripts/alsa-guest/bench.sh
#   1. native/test/bench/alsa_bench.cc: the transport from C++ (UMP via snd-seq-dummy, MIDI 1.0 via
#      virmidi, aseqsend -> aseqdump);
#   2. bench/alsa/nodeMidi.guest.ts: the engine from plain Node against npm `midi` (node-midi,
#      installed into the cache by setup-node-midi.sh) on Midi Through.
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s -C native/test -j2 build/alsa/alsa_bench
node scripts/build-native.mjs > /dev/null
node scripts/build.mjs --tests > /dev/null
BINARY=$(pwd)/native/test/build/alsa/alsa_bench
NODE_MIDI=$(bash scripts/alsa-guest/setup-node-midi.sh | tail -n 1)
mkdir -p test-output
export MIDI_SCOPE_NODE_MIDI="$NODE_MIDI" MIDI_SCOPE_BENCH_OUT="$(pwd)/test-output/alsa-node-midi.json"
bash scripts/alsa-guest/run.sh --rw test-output --timeout 1500 -- sh -c \
  "modprobe snd-seq-dummy ump=2 && modprobe snd-virmidi && '$BINARY' && echo '== plain Node: the engine and node-midi on Midi Through' && node out/bench/alsa/nodeMidi.guest.js"
