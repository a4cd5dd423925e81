#!/usr/bin/env bash
# Builds, once per machine, a qemu guest that runs the real Linux ALSA stack with MIDI 2.0 (see
# README.md here): the bookworm-backports kernel, its sound modules rebuilt with UMP switched
# on, trixie's alsa-lib/alsa-utils 1.2.14, bookworm's alsa-lib 1.2.8, and an initramfs. The guest's
# root is the host's / (read-only, over 9p) under those layers, so the host's Node and the
# project's build run inside it unchanged.
# Prints the cache directory on the last line of stdout. A second run is a few checks.
#   --quiet  say nothing when everything is already there
#
# Cache layout ($CACHE):
#   debs/            the pinned .deb files
#   vmlinuz          the kernel
#   built-modules/   the sound modules rebuilt with UMP (kept across a failed later step)
#   root/lib/modules/<abi>  the kernel's modules (uncompressed), the rebuilt ones in place
#   root-stock/lib/modules/<abi>  the kernel's modules as Debian ships them (no UMP; hard links)
#   layers/alsa-new  trixie's libc, alsa-lib and alsa-utils (overlay layer)
#   layers/alsa-old  bookworm's alsa-lib 1.2.8 (overlay layer)
#   initrd.gz        busybox, the 9p/overlay modules, /init
#   .complete        written last; a cache without it is built again
set -euo pipefail
QUIET=false; [ "${1:-}" = "--quiet" ] && QUIET=true
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.sh
. "$HERE/versions.sh"

CACHE_ROOT="${MIDI_SCOPE_CACHE:-$HOME/.cache/midi-scope}"
CACHE="$CACHE_ROOT/alsa-guest-$GUEST_KEY"
KREL="$KERNEL_ABI-amd64"

log() { echo "[alsa-guest] $*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$(uname -m)" = x86_64 ] || die "the ALSA guest runs on x86_64 hosts only (found $(uname -m))"

# Host tools from the machine's own Debian sources.
need_apt=()
command -v qemu-system-x86_64 >/dev/null 2>&1 || need_apt+=(qemu-system-x86)
# grep reads everything (no -q): under pipefail, busybox killed by SIGPIPE would read as missing.
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -x depmod > /dev/null || need_apt+=(busybox-static)
command -v gcc-12 >/dev/null 2>&1 || need_apt+=(gcc-12)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v flock >/dev/null 2>&1 || need_apt+=(util-linux)
command -v xz >/dev/null 2>&1 || need_apt+=(xz-utils)
command -v zstd >/dev/null 2>&1 || need_apt+=(zstd)
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || need_apt+=(debian-archive-keyring)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]} (once per machine)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >&2 \
    || die "apt-get install ${need_apt[*]} failed"
fi

installed() { [ -f "$CACHE/.complete" ]; }
if installed; then
  $QUIET || log "guest cached in $CACHE"
  echo "$CACHE"; exit 0
fi

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.alsa-guest.lock"
flock 9
if installed; then echo "$CACHE"; exit 0; fi

log "building the ALSA guest into $CACHE (once per machine: about 270 MB and 5-10 minutes)"
# A broken build is redone from scratch, except for downloads and a module build that finished.
[ -d "$CACHE" ] && find "$CACHE" -mindepth 1 -maxdepth 1 ! -name debs ! -name built-modules -exec rm -rf {} +
[ -f "$CACHE/built-modules/.complete" ] || rm -rf "$CACHE/built-modules"
mkdir -p "$CACHE/debs" "$CACHE/apt/lists/partial" "$CACHE/apt/archives/partial"
WORK="$CACHE/work"; mkdir -p "$WORK"

# --- 1. packages, through a private apt state (the machine's apt configuration is untouched)
cat > "$CACHE/apt/sources.list" <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm-backports main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
EOF
APT=(-o "Dir::Etc::sourcelist=$CACHE/apt/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$CACHE/apt/lists"
  -o "Dir::Cache::archives=$CACHE/apt/archives" -o Dir::State::status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
log "step 1/5: package lists (bookworm, bookworm-backports, trixie)"
apt-get "${APT[@]}" update -qq >&2 || die "apt-get update with the private sources failed"

KERNEL_PKGS=("linux-image-$KREL-unsigned" "linux-headers-$KREL" "linux-headers-$KERNEL_ABI-common"
  "linux-kbuild-$KERNEL_ABI" "linux-source-6.12")
for p in "${KERNEL_PKGS[@]}"; do
  if ! apt-cache "${APT[@]}" madison "$p" | grep -q " $KERNEL_VERSION "; then
    found=$(apt-cache "${APT[@]}" madison linux-source-6.12 | grep bookworm-backports | awk -F'|' '{gsub(/ /,"",$2); print $2}' | head -1)
    die "bookworm-backports no longer has $p $KERNEL_VERSION (it offers linux-source-6.12 ${found:-nothing}).
  Backports keeps only its newest kernel. Pin the new one in scripts/alsa-guest/versions.sh
  (KERNEL_VERSION and KERNEL_ABI, e.g. ${found:-<version>} and its ABI) and run again."
  fi
done
PKGS=()
for p in "${KERNEL_PKGS[@]}"; do PKGS+=("$p=$KERNEL_VERSION"); done
PKGS+=("libasound2t64=$ALSA_NEW_VERSION" "libasound2-data=$ALSA_NEW_VERSION" "libatopology2t64=$ALSA_NEW_VERSION"
  "alsa-utils=$ALSA_UTILS_VERSION" "libc6=$TRIXIE_LIBC_VERSION" "libgcc-s1=$TRIXIE_GCC_VERSION"
  "libgomp1=$TRIXIE_GCC_VERSION" "libncursesw6=$TRIXIE_NCURSES_VERSION" "libtinfo6=$TRIXIE_NCURSES_VERSION"
  "libfftw3-single3=$TRIXIE_FFTW_VERSION" "libsamplerate0=$TRIXIE_SAMPLERATE_VERSION"
  "libasound2=$ALSA_OLD_VERSION")
if [ ! -f "$CACHE/debs/.complete" ]; then
  log "step 2/5: downloading ${#PKGS[@]} pinned packages"
  rm -rf "$CACHE/debs"; mkdir -p "$CACHE/debs/old"
  ( cd "$CACHE/debs" && apt-get "${APT[@]}" download -qq "${PKGS[@]}" >&2 ) || die "apt-get download failed for: ${PKGS[*]}"
  # libasound2-data exists in both suites; the old layer needs bookworm's.
  ( cd "$CACHE/debs/old" && apt-get "${APT[@]}" download -qq "libasound2-data=$ALSA_OLD_DATA_VERSION" >&2 ) \
    || die "apt-get download libasound2-data=$ALSA_OLD_DATA_VERSION failed"
  touch "$CACHE/debs/.complete"
fi
deb() { ls "$CACHE/debs/$1"_*.deb 2>/dev/null | head -1; }

# --- 2. the kernel, its modules, its headers
log "step 3/5: the kernel and the sound modules rebuilt with UMP (about 2-5 minutes)"
dpkg-deb -x "$(deb "linux-image-$KREL-unsigned")" "$WORK/image"
cp "$WORK/image/boot/vmlinuz-$KREL" "$CACHE/vmlinuz"
MODS="$CACHE/root/lib/modules/$KREL"
mkdir -p "$(dirname "$MODS")"
mv "$WORK/image/lib/modules/$KREL" "$MODS"
for p in "linux-headers-$KREL" "linux-headers-$KERNEL_ABI-common" "linux-kbuild-$KERNEL_ABI"; do
  dpkg-deb -x "$(deb "$p")" "$WORK/headers"
done
HDR="$WORK/headers/usr/src/linux-headers-$KREL"
# The arch headers' Makefile includes the common tree by absolute path; point it at our copy.
sed -i "s#/usr/src/#$WORK/headers/usr/src/#g" "$HDR/Makefile"
# Kbuild's scripts are symlinks into /usr/lib/linux-kbuild-*; make them point into our copy.
for l in $(find "$WORK/headers/usr/src" -maxdepth 2 -type l); do
  t=$(readlink "$l"); case "$t" in /usr/*) ln -sfn "$WORK/headers$t" "$l" ;; esac
done
dpkg-deb -x "$(deb linux-source-6.12)" "$WORK/src"
SRC_TAR=$(ls "$WORK"/src/usr/src/linux-source-6.12.tar.* | head -1)
mkdir -p "$WORK/linux"
tar -xf "$SRC_TAR" -C "$WORK/linux" --strip-components=1 --wildcards \
  'linux-source-6.12/sound/core' 'linux-source-6.12/sound/usb/*.[ch]' 'linux-source-6.12/sound/drivers/*.c' \
  'linux-source-6.12/sound/drivers/Makefile' 'linux-source-6.12/drivers/usb/gadget/function/*' \
  'linux-source-6.12/drivers/usb/gadget/*.h'
if [ ! -f "$CACHE/built-modules/.complete" ]; then
  bash "$HERE/build-modules.sh" "$WORK/linux" "$HDR" "$CACHE/built-modules" >&2 || die "rebuilding the sound modules failed"
  touch "$CACHE/built-modules/.complete"
fi
# Every module is stored uncompressed so busybox's modprobe loads it without an xz-enabled kernel
# loader. The kernel's own tree is kept as it is (hard links) for the runs without kernel UMP;
# in the main tree the rebuilt modules replace the kernel's.
find "$MODS" -name '*.ko.xz' -print0 | xargs -0 -n 200 -P "$(nproc)" xz -d
STOCK="$CACHE/root-stock/lib/modules/$KREL"
mkdir -p "$(dirname "$STOCK")"
cp -al "$MODS" "$STOCK"
rm -f "$STOCK"/modules.*  # depmod rewrites them in place: they must not be shared
while IFS= read -r ko; do
  rel=${ko#"$CACHE/built-modules/"}
  case "$rel" in
    sound/*) dest="$MODS/kernel/$rel" ;;
    gadget/*) dest="$MODS/kernel/drivers/usb/gadget/function/$(basename "$rel")" ;;
    *) continue ;;
  esac
  rm -f "$dest" "${dest}.xz"; mkdir -p "$(dirname "$dest")"; cp "$ko" "$dest"
done < <(find "$CACHE/built-modules" -name '*.ko')
/bin/busybox depmod -b "$CACHE/root" "$KREL" || die "depmod failed"
/bin/busybox depmod -b "$CACHE/root-stock" "$KREL" || die "depmod of the kernel's own modules failed"
[ -f "$MODS/kernel/sound/core/seq/snd-seq-ump-client.ko" ] || die "snd-seq-ump-client.ko was not built"

# --- 3. the userland layers
log "step 4/5: alsa-lib layers (trixie $ALSA_NEW_VERSION, bookworm $ALSA_OLD_VERSION)"
mkdir -p "$CACHE/layers/alsa-new" "$CACHE/layers/alsa-old"
for p in libc6 libgcc-s1 libgomp1 libasound2t64 libasound2-data libatopology2t64 alsa-utils libncursesw6 libtinfo6 \
  libfftw3-single3 libsamplerate0; do
  dpkg-deb -x "$(deb "$p")" "$CACHE/layers/alsa-new"
done
dpkg-deb -x "$(deb libasound2)" "$CACHE/layers/alsa-old"
dpkg-deb -x "$(ls "$CACHE"/debs/old/libasound2-data_*.deb)" "$CACHE/layers/alsa-old"

# --- 4. the initramfs: busybox, what it takes to mount the 9p shares and the overlay, /init
log "step 5/5: initramfs"
INITRD="$WORK/initrd"
mkdir -p "$INITRD"/{bin,dev,proc,sys,newroot,mnt,lib/modules}
cp /bin/busybox "$INITRD/bin/busybox"
cp "$HERE/init.sh" "$INITRD/init"; chmod +x "$INITRD/init"
needed=(9p 9pnet_virtio overlay)
mods_dir="$MODS"
closure() {  # every module a module needs, from modules.dep
  local name=$1 line
  line=$(grep -E "(^|/)${name//_/[_-]}\.ko:" "$mods_dir/modules.dep") || return 0
  printf '%s\n' "${line%%:*}"
  for d in ${line#*:}; do printf '%s\n' "$d"; done
}
for m in "${needed[@]}"; do closure "$m"; done | sort -u | while read -r rel; do
  mkdir -p "$INITRD/lib/modules/$KREL/$(dirname "$rel")"; cp "$mods_dir/$rel" "$INITRD/lib/modules/$KREL/$rel"
done
/bin/busybox depmod -b "$INITRD" "$KREL"
echo "$KREL" > "$INITRD/kernel-release"
( cd "$INITRD" && find . | /bin/busybox cpio -o -H newc 2>/dev/null | gzip -1 > "$CACHE/initrd.gz" )
echo "$KREL" > "$CACHE/kernel-release"

rm -rf "$WORK" "$CACHE/apt"
touch "$CACHE/.complete"
log "guest ready in $CACHE"
echo "$CACHE"
