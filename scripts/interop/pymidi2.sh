#!/usr/bin/env bash
# Interop with pymidi2's client (titouanc/pymidi2, Python, independent of MIDI Scope), in every
# authentication mode, inside a network namespace of its own: pymidi2 starts an mDNS browser on
# import, and its multicast must never reach the machine's interfaces.
#   PYMIDI2_DIR=/work/ext/pymidi2 bash scripts/interop/pymidi2.sh
# Needs: pymidi2's source in PYMIDI2_DIR, Debian's python3-zeroconf, `node scripts/build.mjs --tests`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
: "${PYMIDI2_DIR:?set PYMIDI2_DIR to a checkout of pymidi2}"
if [[ "${1:-}" != "--inside" ]]; then
  exec unshare -rn bash "$0" --inside
fi
ip link set lo up
ip route add 224.0.0.0/4 dev lo
run_mode() {
  local mode="$1" host_args="$2" client_auth="$3"
  local out; out="$(mktemp)"
  exec 3< <(sleep 30)   # the host's stdin: it stops when this closes
  node "$root/out/bench/network/support/interopHost.js" $host_args <&3 >"$out" 2>&1 &
  local host=$!
  for _ in $(seq 100); do grep -q '"listening"' "$out" && break; sleep 0.05; done
  local port; port="$(grep -o '"port":[0-9]*' "$out" | head -1 | cut -d: -f2)"
  if PYTHONPATH="$PYMIDI2_DIR" timeout 20 /usr/bin/python3 "$root/scripts/interop/pymidi2_client.py" "$port" $client_auth; then
    for _ in $(seq 100); do grep -q '"event":"end"' "$out" && break; sleep 0.05; done
    echo "[$mode] host saw: $(grep -c '"event":"ump"' "$out") UMP, end: $(grep -o '"end":{[^}]*}' "$out" | head -1)"
    echo "[$mode] tolerated: $(grep -o 'tolerated: [^"]*' "$out" | sort -u | tr '\n' ';')"
    echo "[$mode] PASS"
  else
    echo "[$mode] FAIL"; cat "$out"; kill "$host"; exit 1
  fi
  kill "$host" 2>/dev/null || true
  wait "$host" 2>/dev/null || true
  rm -f "$out"
}
run_mode none "none" ""
run_mode sharedSecret "sharedSecret s3cret" "s3cret"
run_mode user "user ada pässwörd" "ada:pässwörd"
