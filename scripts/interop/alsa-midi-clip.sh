#!/usr/bin/env bash
# Interop of MIDI Scope's MIDI Clip Files with ALSA's own MIDI Clip tools (alsa-utils 1.2.14:
# aplaymidi2 plays a clip file to a sequencer port, arecordmidi2 records one), an independent
# implementation of M2-116-U, inside the ALSA test guest (scripts/alsa-guest/, built once):
#   1. theirs -> ours: aseqsend sends the reference messages, arecordmidi2 records them to a clip
#      file, and MIDI Scope's reader (the one Open Capture uses) reads exactly those messages;
#   2. ours -> theirs -> ours: MIDI Scope writes the reference capture as a clip file, aplaymidi2
#      plays it with its timing, arecordmidi2 records what arrives, and MIDI Scope reads the
#      reference messages back (the gaps' deviations are printed, never judged: the guest is TCG).
#   bash scripts/interop/alsa-midi-clip.sh          (after `node scripts/build.mjs --tests`)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
helper="$root/out/bench/capture/support/midiClipInterop.js"
[ -f "$helper" ] || { echo "alsaMidiClip.sh: $helper is missing: run node scripts/build.mjs --tests" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/midi-scope-clip-interop.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
bash scripts/alsa-guest/run.sh --rw "$work" --timeout 300 -- sh scripts/interop/alsa-midi-clip-guest.sh "$helper" "$work"
