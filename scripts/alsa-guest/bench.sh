#!/usr/bin/env bash
# The ALSA transport's figures, in the test guest (TCG: ratios between rows only). Prints, never
# asserts. Usage: bash scripts/alsa-guest/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
make -s -C native/test -j2 build/alsa/alsa_bench
BINARY=$(pwd)/native/test/build/alsa/alsa_bench
bash scripts/alsa-guest/run.sh --timeout 900 -- sh -c "modprobe snd-seq-dummy ump=2 && modprobe snd-virmidi && '$BINARY'"
