#!/usr/bin/env bash
# Builds amidi2net (tiwai/amidi2net: the ALSA project's Network MIDI 2.0 server and client, C,
# autotools) for scripts/interop/amidi2net.sh, from a git directory that holds its history, at a
# pinned commit, into a cache outside the repo. Nothing of amidi2net is kept in this repo.
#   AMIDI2NET_SRC=<git dir of tiwai/amidi2net> [AMIDI2NET_COMMIT=<commit>] bash scripts/interop/amidi2net-build.sh
# The last line of stdout is the build directory (amidi2net-server, amidi2net-client, amidi2net-list):
#   AMIDI2NET_DIR="$(AMIDI2NET_SRC=<git dir> bash scripts/interop/amidi2net-build.sh | tail -n 1)" \
#     bash scripts/interop/amidi2net.sh
# A second run with the same commit reuses the cache ($MIDI_SCOPE_CACHE or ~/.cache/midi-scope,
# folder amidi2net-<commit>-alsa<version>-libc<version>) and only checks it.
#
# amidi2net needs alsa-lib >= 1.2.13 and glibc >= 2.38 (it calls strlcpy); this machine (bookworm)
# has alsa-lib 1.2.8 and glibc 2.36. The binaries run only inside the ALSA test guest, whose trixie
# glibc 2.41 and alsa-lib 1.2.14 lie over the host's / (scripts/alsa-guest/versions.sh pins them).
# So they are compiled with the host's gcc and headers, the headers of trixie's libasound2-dev, and
# linked against the guest's own trixie libc.so.6 and libasound.so.2 (same versions, fetched
# through a private apt state: the machine's apt configuration is untouched), so that every
# symbol is checked at link time against what the guest has. openssl and avahi-client are the
# host's bookworm ones, which the guest sees (older symbol versions resolve on a newer glibc).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../alsa-guest/versions.sh
. "$HERE/../alsa-guest/versions.sh"
# amidi2net 0.4 (tag v0.4): the version whose behaviour amidi2net.sh's comments describe.
PINNED_COMMIT=bff9c571e1614961fd7b31de4676f44fb0a7b0ce

log() { echo "[amidi2net-build] $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

: "${AMIDI2NET_SRC:?set AMIDI2NET_SRC to a git directory (bare or not) holding tiwai/amidi2net}"
[ -d "$AMIDI2NET_SRC" ] || die "AMIDI2NET_SRC=$AMIDI2NET_SRC is not a directory"
git -C "$AMIDI2NET_SRC" rev-parse --git-dir > /dev/null 2>&1 || die "AMIDI2NET_SRC=$AMIDI2NET_SRC is not a git directory"
WANT="${AMIDI2NET_COMMIT:-$PINNED_COMMIT}"
COMMIT="$(git -C "$AMIDI2NET_SRC" rev-parse --verify --quiet "$WANT^{commit}")" ||
  die "commit $WANT is not in $AMIDI2NET_SRC (fetch tiwai/amidi2net again, or set AMIDI2NET_COMMIT to one it has)"
git -C "$AMIDI2NET_SRC" cat-file -e "$COMMIT:configure.ac" 2> /dev/null ||
  die "commit $COMMIT in $AMIDI2NET_SRC has no configure.ac: is this tiwai/amidi2net?"

CACHE_ROOT="${MIDI_SCOPE_CACHE:-$HOME/.cache/midi-scope}"
CACHE="$CACHE_ROOT/amidi2net-${COMMIT:0:12}-alsa$(printf %s "$ALSA_NEW_VERSION-libc$TRIXIE_LIBC_VERSION" | tr '~' '_')"
BUILD="$CACHE/build"

complete() {
  [ -f "$CACHE/.complete" ] && [ -x "$BUILD/amidi2net-server" ] && [ -x "$BUILD/amidi2net-client" ]
}
if complete; then
  log "amidi2net ${COMMIT:0:12} cached in $BUILD"
  echo "$BUILD"
  exit 0
fi

[ "$(uname -m)" = x86_64 ] || die "the ALSA guest runs on x86_64 hosts only (found $(uname -m))"

# Build tools and the libraries amidi2net links besides alsa-lib, from the machine's Debian sources.
need_apt=()
command -v gcc > /dev/null 2>&1 || need_apt+=(build-essential)
command -v make > /dev/null 2>&1 || need_apt+=(make)
command -v autoreconf > /dev/null 2>&1 || need_apt+=(autoconf)
command -v automake > /dev/null 2>&1 || need_apt+=(automake)
command -v pkg-config > /dev/null 2>&1 || need_apt+=(pkg-config)
command -v flock > /dev/null 2>&1 || need_apt+=(util-linux)
pkg-config --exists openssl 2> /dev/null || need_apt+=(libssl-dev)
pkg-config --exists avahi-client 2> /dev/null || need_apt+=(libavahi-client-dev)
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || need_apt+=(debian-archive-keyring)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]} (once per machine)"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >&2 ||
    die "apt-get install ${need_apt[*]} failed"
fi

mkdir -p "$CACHE_ROOT"
exec 9> "$CACHE_ROOT/.amidi2net-build.lock"
flock 9
if complete; then
  echo "$BUILD"
  exit 0
fi
log "building amidi2net ${COMMIT:0:12} into $CACHE"
# A broken build is redone, except for the downloaded packages.
[ -d "$CACHE" ] && find "$CACHE" -mindepth 1 -maxdepth 1 ! -name debs ! -name apt -exec rm -rf {} +
mkdir -p "$CACHE/apt/lists/partial" "$CACHE/apt/archives/partial" "$CACHE/debs"

# --- 1. trixie's alsa-lib headers and libraries and its glibc, through a private apt state
PKGS=("libasound2-dev=$ALSA_NEW_VERSION" "libasound2t64=$ALSA_NEW_VERSION" "libc6=$TRIXIE_LIBC_VERSION")
# debs/.complete lists what was downloaded: another list (other pins) downloads again.
if [ "$(cat "$CACHE/debs/.complete" 2> /dev/null)" != "${PKGS[*]}" ]; then
  rm -rf "$CACHE/debs"
  mkdir -p "$CACHE/debs"
  cat > "$CACHE/apt/sources.list" << EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
EOF
  APT=(-o "Dir::Etc::sourcelist=$CACHE/apt/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$CACHE/apt/lists"
    -o "Dir::Cache::archives=$CACHE/apt/archives" -o Dir::State::status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
  log "step 1/4: trixie package list, libasound2-dev $ALSA_NEW_VERSION and libc6 $TRIXIE_LIBC_VERSION"
  apt-get "${APT[@]}" update -qq >&2 || die "apt-get update with the private sources (trixie) failed"
  (cd "$CACHE/debs" && apt-get "${APT[@]}" download -qq "${PKGS[@]}" >&2) ||
    die "apt-get download failed for: ${PKGS[*]} (trixie no longer has these versions? see scripts/alsa-guest/versions.sh)"
  echo "${PKGS[*]}" > "$CACHE/debs/.complete"
else
  log "step 1/4: libasound2-dev $ALSA_NEW_VERSION and libc6 $TRIXIE_LIBC_VERSION already downloaded"
fi
SYSROOT="$CACHE/trixie"
mkdir -p "$SYSROOT"
for d in "$CACHE"/debs/*.deb; do dpkg-deb -x "$d" "$SYSROOT"; done
LIBDIR="$SYSROOT/usr/lib/x86_64-linux-gnu"
[ -f "$SYSROOT/usr/include/alsa/ump.h" ] || die "libasound2-dev $ALSA_NEW_VERSION has no alsa/ump.h"
[ -e "$LIBDIR/libasound.so" ] || die "libasound2-dev $ALSA_NEW_VERSION has no libasound.so"
# Its alsa.pc names /usr: point it at the extracted copy.
mkdir -p "$CACHE/pkgconfig"
sed -e "s|^prefix=.*|prefix=$SYSROOT/usr|" "$LIBDIR/pkgconfig/alsa.pc" > "$CACHE/pkgconfig/alsa.pc"
got="$(PKG_CONFIG_PATH="$CACHE/pkgconfig" pkg-config --modversion alsa)"
log "alsa-lib for the build: $got ($SYSROOT)"
# The guest's glibc for the link: a libc.so linker script found before the host's (-L), naming
# trixie's libc.so.6 and loader with the host's libc_nonshared.a (older static glue, which a
# newer libc.so.6 keeps serving); and the one prototype the host's 2.36 headers lack.
[ -f "$LIBDIR/libc.so.6" ] && [ -f "$SYSROOT/usr/lib64/ld-linux-x86-64.so.2" ] || die "libc6 $TRIXIE_LIBC_VERSION has no libc.so.6 or loader"
[ -f /usr/lib/x86_64-linux-gnu/libc_nonshared.a ] || die "no /usr/lib/x86_64-linux-gnu/libc_nonshared.a (install libc6-dev)"
mkdir -p "$CACHE/glibc"
printf 'GROUP ( %s /usr/lib/x86_64-linux-gnu/libc_nonshared.a AS_NEEDED ( %s ) )\n' \
  "$LIBDIR/libc.so.6" "$SYSROOT/usr/lib64/ld-linux-x86-64.so.2" > "$CACHE/glibc/libc.so"
cat > "$CACHE/glibc/compat.h" << 'EOF'
/* Declared by glibc >= 2.38 (the guest's), not by the build machine's headers. */
#include <stddef.h>
extern size_t strlcpy(char *__restrict, const char *__restrict, size_t);
EOF

# --- 2. the source at the commit (git archive: the git directory is only read)
log "step 2/4: source of amidi2net at $COMMIT"
mkdir -p "$CACHE/src"
git -C "$AMIDI2NET_SRC" archive --format=tar "$COMMIT" | tar -x -C "$CACHE/src"
echo "$COMMIT" > "$CACHE/src/.commit"

# --- 3. configure (out of the source tree, in build/)
log "step 3/4: autoreconf and configure"
(cd "$CACHE/src" && autoreconf -fi > "$CACHE/autoreconf.log" 2>&1) ||
  {
    tail -n 30 "$CACHE/autoreconf.log" >&2
    die "autoreconf failed (log: $CACHE/autoreconf.log)"
  }
mkdir -p "$BUILD"
(cd "$BUILD" && PKG_CONFIG_PATH="$CACHE/pkgconfig" "$CACHE/src/configure" \
  CPPFLAGS="-include $CACHE/glibc/compat.h" \
  LDFLAGS="-L$CACHE/glibc -Wl,-rpath-link,$LIBDIR:$SYSROOT/usr/lib64" > "$CACHE/configure.log" 2>&1) ||
  {
    tail -n 30 "$CACHE/configure.log" >&2
    die "configure failed (log: $CACHE/configure.log)"
  }
# Authentication (openssl) and mDNS (avahi-client) are optional in its configure: the interop
# runs need both, so a build without them is an error, not a quieter build.
grep -q '^#define SUPPORT_AUTH 1' "$BUILD/config.h" || die "configure found no openssl: amidi2net would have no authentication"
grep -q '^#define SUPPORT_MDNS 1' "$BUILD/config.h" || die "configure found no avahi-client: amidi2net would have no mDNS"

# --- 4. make
log "step 4/4: make"
make -C "$BUILD" -j"$(nproc)" > "$CACHE/make.log" 2>&1 ||
  {
    tail -n 30 "$CACHE/make.log" >&2
    die "make failed (log: $CACHE/make.log)"
  }
# A function the headers did not declare would be linked with a guessed signature.
if grep -q 'implicit declaration of function' "$CACHE/make.log"; then
  grep 'implicit declaration of function' "$CACHE/make.log" >&2
  die "amidi2net calls a function the headers do not declare (log: $CACHE/make.log)"
fi
for b in amidi2net-server amidi2net-client; do
  [ -x "$BUILD/$b" ] || die "make produced no $b"
  # It must load the guest's alsa-lib (libasound.so.2), not be built without it.
  readelf -d "$BUILD/$b" | grep -q 'Shared library: \[libasound.so.2\]' || die "$b does not link libasound.so.2"
done
touch "$CACHE/.complete"
log "built amidi2net ${COMMIT:0:12} in $BUILD"
echo "$BUILD"
