#!/usr/bin/env bash
# The `alsa-cold-install` check of scripts/test.sh: builds the ALSA test guest into an EMPTY cache,
# as on a machine that never saw the project (Debian package lists, the pinned packages, the
# sound modules rebuilt with UMP, the layers, the initramfs), then boots it once and checks what
# the `alsa` stage relies on: kernel UMP (snd-seq-dummy ump=2 makes a UMP MIDI 2.0 client),
# alsa-utils 1.2.14, and the kernel's own modules without UMP. The temporary cache is removed.
# (Host tools such as qemu come from apt when missing; that path is what a fresh machine runs.)
set -uo pipefail
cd "$(dirname "$0")/../.."
HERE=scripts/alsa-guest
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/midi-scope-alsa-cold.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
export MIDI_SCOPE_CACHE="$SCRATCH/cache"
say() { echo "[alsa-cold-install] $*"; }

say "building the guest into the empty cache $MIDI_SCOPE_CACHE"
started=$(date +%s)
bash "$HERE/setup.sh" > /dev/null || { say "the guest could not be built from nothing"; exit 1; }
say "built in $(( $(date +%s) - started )) s ($(du -sh "$MIDI_SCOPE_CACHE" | cut -f1))"
bash "$HERE/run.sh" --timeout 300 -- sh -c \
  'modprobe snd-seq-dummy ump=2 && aconnect -l | grep -q "UMP-MIDI2" && aseqdump --version | grep -q 1.2.14' \
  || { say "the freshly built guest has no kernel UMP or no alsa-utils 1.2.14"; exit 1; }
say "its kernel has UMP: Midi Through is a UMP MIDI 2.0 client; alsa-utils 1.2.14 runs"
bash "$HERE/run.sh" --kernel-ump no --timeout 300 -- sh -c \
  'modprobe snd-seq-dummy && aconnect -l | grep -q "Midi Through" && ! aconnect -l | grep -q UMP' \
  || { say "the freshly built guest's stock modules are missing or have UMP"; exit 1; }
say "its kernel's own modules run without UMP"
