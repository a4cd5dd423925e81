#!/usr/bin/env bash
# The outside peer of the ALSA benchmark (bench/alsa/): npm `midi` (node-midi, RtMidi), installed
# once per machine into the cache, never into the project's node_modules: it compiles RtMidi
# against ALSA's headers, so it needs Debian's libasound2-dev, which the extension itself does not.
# Prints the folder whose node_modules/midi holds it on the last line of stdout.
set -euo pipefail
NODE_MIDI_VERSION="2.0.0"
CACHE_ROOT="${MIDI_SCOPE_CACHE:-$HOME/.cache/midi-scope}"
DIR="$CACHE_ROOT/node-midi-$NODE_MIDI_VERSION-node$(node -p process.versions.modules)"
log() { echo "[node-midi] $*" >&2; }

if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.node-midi.lock"
flock 9
if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi
if [ ! -f /usr/include/alsa/asoundlib.h ]; then
  log "installing libasound2-dev (apt, once per machine: node-midi compiles against it)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libasound2-dev >&2
fi
log "installing midi@$NODE_MIDI_VERSION into $DIR (compiles RtMidi: about a minute)"
rm -rf "$DIR"; mkdir -p "$DIR"
# Without the outer npm's variables: an `npm run` around this must not redirect the install.
env -u npm_config_prefix -u npm_config_global npm install --prefix "$DIR" --no-save --no-audit --no-fund \
  --loglevel=error "midi@$NODE_MIDI_VERSION" >&2
node -e "require(process.argv[1])" "$DIR/node_modules/midi" || { log "node-midi does not load"; exit 1; }
touch "$DIR/.complete"
echo "$DIR"
