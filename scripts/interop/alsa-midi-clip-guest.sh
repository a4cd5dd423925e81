#!/bin/sh
# Inside the ALSA test guest (see alsa-midi-clip.sh): snd-seq-dummy's "Midi Through" (client 14) as
# a UMP MIDI 2.0 port between ALSA's tools, MIDI Scope's reader and writer on either side.
# Usage: alsaMidiClipGuest.sh HELPER WORKDIR
set -eu
helper=$1; work=$2
modprobe snd-seq-dummy ump=2
packets=8   # the reference capture's UMP packets (arecordmidi2 -n counts events)

# Starts arecordmidi2 on 14:0 into $1 and waits until it is subscribed.
record() {
  timeout 60 arecordmidi2 -u 2 -s -n "$packets" -p 14:0 "$1" &
  recorder=$!
  tries=0
  until aconnect -l | grep -q 'Connecting To'; do
    tries=$((tries + 1))
    [ "$tries" -lt 400 ] || { echo "[midi-clip-interop] FAIL: arecordmidi2 never subscribed to 14:0"; exit 1; }
    sleep 0.05
  done
}

echo "== alsa-utils $(aplaymidi2 -V 2>&1 | head -n 1)"
echo "== 1. theirs -> ours: aseqsend -> arecordmidi2 -> MIDI Scope's reader"
record "$work/recorded-from-aseqsend.midi2"
# shellcheck disable=SC2046
aseqsend -u 2 -p 14:0 "$(node "$helper" hex)"
wait "$recorder" || { echo "[midi-clip-interop] FAIL: arecordmidi2 exited with $?"; exit 1; }
node "$helper" check "$work/recorded-from-aseqsend.midi2"

echo "== 2. ours -> theirs -> ours: MIDI Scope's writer -> aplaymidi2 -> arecordmidi2 -> MIDI Scope's reader"
node "$helper" write "$work/ours.midi2clip"
record "$work/recorded-from-aplaymidi2.midi2"
aplaymidi2 -s -d 0 -p 14:0 "$work/ours.midi2clip"
wait "$recorder" || { echo "[midi-clip-interop] FAIL: arecordmidi2 exited with $?"; exit 1; }
node "$helper" check "$work/recorded-from-aplaymidi2.midi2" timed
echo "[midi-clip-interop] PASS"
