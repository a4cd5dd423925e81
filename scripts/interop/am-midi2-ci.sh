#!/usr/bin/env bash
# Interop with AM_MIDI2.0Lib's MIDI-CI code (midi2-dev/AM_MIDI2.0Lib, C++, independent of MIDI
# Scope), built outside the repository. Both ways:
#   - its CIMessage:: builders make 32 MIDI-CI messages; MIDI Scope must build the same bytes from
#     the same arguments and parse them to the same fields;
#   - its midiCIProcessor decodes the bytes MIDI Scope builds; what it reads is recorded.
# Writes test/unit/midici/am-midi2-ci-vectors.json, which test/unit/midici/amMidi2Vectors.test.ts
# checks on every run (so CI needs no C++ peer); re-run this when the builders change.
#   AM_MIDI2_DIR=/work/ext/AM_MIDI2.0Lib bash scripts/interop/am-midi2-ci.sh
# Needs: a checkout of AM_MIDI2.0Lib in AM_MIDI2_DIR, g++ (C++17), `node scripts/build.mjs --tests`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
: "${AM_MIDI2_DIR:?set AM_MIDI2_DIR to a checkout of AM_MIDI2.0Lib}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
g++ -std=c++17 -O1 -I"$AM_MIDI2_DIR/include" "$root/scripts/interop/am-midi2-ci/ci_peer.cpp" \
  "$AM_MIDI2_DIR/src/midiCIMessageCreate.cpp" "$AM_MIDI2_DIR/src/midiCIProcessor.cpp" "$AM_MIDI2_DIR/src/utils.cpp" \
  -o "$build/ci_peer"
commit="$(git -C "$AM_MIDI2_DIR" rev-parse HEAD 2>/dev/null || echo unknown)"
"$build/ci_peer" build > "$build/built.json"
node "$root/out/test/unit/midici/support/amMidi2Cases.js" > "$build/ours.txt"
"$build/ci_peer" decode < "$build/ours.txt" > "$build/decoded.jsonl"
node - "$commit" "$build" "$root/test/unit/midici/am-midi2-ci-vectors.json" <<'JS'
const { readFileSync, writeFileSync } = require('node:fs');
const [commit, dir, target] = process.argv.slice(2);
const ours = Object.fromEntries(
  readFileSync(`${dir}/ours.txt`, 'utf8').trim().split('\n').map((l) => [l.split(' ')[0], l.slice(l.indexOf(' ') + 1)]),
);
const decoded = readFileSync(`${dir}/decoded.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((d) => !d.end);
const result = {
  peer: 'AM_MIDI2.0Lib (https://github.com/midi2-dev/AM_MIDI2.0Lib)',
  commit,
  producedBy: 'scripts/interop/am-midi2-ci.sh (scripts/interop/am-midi2-ci/ci_peer.cpp)',
  built: JSON.parse(readFileSync(`${dir}/built.json`, 'utf8')),
  decodedFromOurs: Object.entries(ours).map(([name, hex]) => ({
    name,
    hex,
    peerRead: decoded.filter((d) => d.name === name).map(({ name: _, ...fields }) => fields),
  })),
};
writeFileSync(target, `${JSON.stringify(result, null, 2)}\n`);
const same = result.built.filter((v) => ours[v.name] === v.hex).length;
console.log(`am-midi2-ci: ${result.built.length} messages built by the peer, ${same} byte-identical to MIDI Scope's; ` +
  `${result.decodedFromOurs.filter((d) => d.peerRead.length > 0).length} of ${result.decodedFromOurs.length} of ours decoded by the peer; wrote ${target}`);
JS
