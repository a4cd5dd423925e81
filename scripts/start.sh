#!/usr/bin/env bash
# npm start: MIDI Scope in a real VS Code (code-server) on 127.0.0.1 with the sample workspace.
# Installs what is missing (bootstrap.sh: npm packages, Chromium, code-server and its Node 24),
# builds the native engine when its sources changed and the bundles always, packages the VSIX,
# then hands over to scripts/harness/start.mjs, which prints the URL and runs until Ctrl+C.
#   MIDI_SCOPE_PORT=8080 npm start     a fixed port instead of a free one
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh

binary="dist/native/$(node -p 'process.platform + "-" + process.arch')/midi_scope.node"
newer_source=""
if [ -f "$binary" ]; then
  newer_source=$(find native/engine native/addon binding.gyp -newer "$binary" -print -quit 2>/dev/null || true)
fi
if [ ! -f "$binary" ] || [ -n "$newer_source" ]; then
  echo "[start] building the native engine${newer_source:+ ($newer_source changed)} (about 30 s, only when its sources change)"
  node scripts/build-native.mjs
else
  echo "[start] native engine up to date: $binary"
fi
echo "[start] bundling"
node scripts/build.mjs

exec node scripts/harness/start.mjs
