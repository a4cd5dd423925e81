#!/usr/bin/env bash
# Runs one command inside the ALSA test guest (built once by setup.sh) and exits with its exit
# code; its output streams to stdout. The guest sees the host's / read-only at the same paths
# (writes land in a tmpfs that vanishes), runs as root, and has the sequencer core loaded;
# `modprobe` (busybox) is on its PATH for the rest (snd-seq-dummy ump=2, snd-virmidi, ...).
#
# Usage: run.sh [--alsa-lib new|old|none] [--kernel-ump yes|no] [--rw DIR] [--timeout SECONDS] [--] COMMAND [ARG...]
#   --alsa-lib new   trixie's alsa-lib 1.2.14 and alsa-utils (aseqdump, aseqsend) (default)
#              old   bookworm's alsa-lib 1.2.8 (MIDI 1.0 only; no alsa-utils)
#              none  no alsa-lib at all
#   --kernel-ump yes the sound modules rebuilt with UMP (default)
#                no  the kernel's own modules as Debian ships them: no CONFIG_SND_SEQ_UMP, no
#                    snd-seq-dummy ump=, no USB MIDI 2.0 (a stock Debian or Ubuntu kernel)
#   --rw DIR         DIR (on the host) is writable in the guest, at the same path
#   --timeout S      power the guest off after S seconds (default 600); exits 124 then
# The command runs in the current directory with the current PATH; MIDI_SCOPE_* variables pass.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ALSA_LIB=new; KERNEL_UMP=yes; RW=""; TIMEOUT=600
while [ $# -gt 0 ]; do
  case "$1" in
    --alsa-lib) ALSA_LIB=$2; shift 2 ;;
    --kernel-ump) KERNEL_UMP=$2; shift 2 ;;
    --rw) RW=$(cd "$2" && pwd); shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: run.sh [--alsa-lib new|old|none] [--kernel-ump yes|no] [--rw DIR] [--timeout S] [--] COMMAND [ARG...]" >&2; exit 2; }

CACHE=$(bash "$HERE/setup.sh" --quiet | tail -n 1)
case "$ALSA_LIB" in
  new) LAYER="$CACHE/layers/alsa-new"; HIDE=0 ;;
  old) LAYER="$CACHE/layers/alsa-old"; HIDE=0 ;;
  none) LAYER=""; HIDE=1 ;;
  *) echo "run.sh: --alsa-lib must be new, old or none (got $ALSA_LIB)" >&2; exit 2 ;;
esac
case "$KERNEL_UMP" in
  yes) MODULES="$CACHE/root/lib/modules" ;;
  no) MODULES="$CACHE/root-stock/lib/modules" ;;
  *) echo "run.sh: --kernel-ump must be yes or no (got $KERNEL_UMP)" >&2; exit 2 ;;
esac

CTL=$(mktemp -d "${TMPDIR:-/tmp}/alsa-guest-run.XXXXXX")
trap 'rm -rf "$CTL"' EXIT
{
  printf 'LAYER=%q\nMODULES=%q\nRW=%q\nHIDE_ALSA_LIB=%q\n' "$LAYER" "$MODULES" "$RW" "$HIDE"
} > "$CTL/settings"
{
  echo 'export PATH=/opt/alsa-guest/bin:'"$(printf %q "$PATH")"
  echo "export HOME=$(printf %q "$HOME") TERM=dumb TMPDIR=/tmp LANG=C.UTF-8 MIDI_SCOPE_IN_GUEST=1"
  while IFS='=' read -r name _; do
    case "$name" in MIDI_SCOPE_*) printf 'export %s=%q\n' "$name" "${!name}" ;; esac
  done < <(env)
  printf 'cd %q || exit 126\n' "$(pwd)"
  printf 'exec'; printf ' %q' "$@"; printf '\n'
} > "$CTL/command"

ACCEL=(-accel tcg -cpu max)
if [ -w /dev/kvm ] && grep -qE 'vmx|svm' /proc/cpuinfo; then ACCEL=(-accel kvm -cpu host); fi
SHARES=(-virtfs "local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap"
  -virtfs "local,path=$CTL,mount_tag=ctl,security_model=none,multidevs=remap")
[ -z "$LAYER" ] || SHARES+=(-virtfs "local,path=$LAYER,mount_tag=layer,security_model=none,readonly=on,multidevs=remap")
[ -z "$RW" ] || SHARES+=(-virtfs "local,path=$RW,mount_tag=rw,security_model=none,multidevs=remap")

boot() {
  # The serial console is the command's stdout; strip its carriage returns. no_timer_check: on a
  # loaded host TCG is slow enough for the kernel's IO-APIC timer check to fail and panic.
  timeout -k 10 "$TIMEOUT" qemu-system-x86_64 "${ACCEL[@]}" -m 2048 -smp 1 -nodefaults -display none -no-reboot \
    -monitor none -serial stdio -kernel "$CACHE/vmlinuz" -initrd "$CACHE/initrd.gz" \
    -append "console=ttyS0 panic=-1 rdinit=/init loglevel=0 quiet no_timer_check" "${SHARES[@]}" < /dev/null |
    sed -u -e 's/\r$//' -e '/^\[ *[0-9.]*\] reboot: Power down$/d'
  qemu_rc=${PIPESTATUS[0]}
}
set +e
boot
if [ "$qemu_rc" != 124 ] && [ ! -s "$CTL/rc" ]; then
  # The guest stopped without an exit code (a kernel that failed to boot on a loaded host): once more.
  echo "[alsa-guest] the guest stopped without an exit code (qemu exited with $qemu_rc): booting again" >&2
  boot
fi
set -e
if [ "$qemu_rc" = 124 ]; then echo "[alsa-guest] the guest ran longer than ${TIMEOUT}s: powered off" >&2; exit 124; fi
if [ ! -s "$CTL/rc" ]; then echo "[alsa-guest] the guest stopped without an exit code (qemu exited with $qemu_rc)" >&2; exit 125; fi
exit "$(cat "$CTL/rc")"
