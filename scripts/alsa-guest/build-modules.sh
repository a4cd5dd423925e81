#!/usr/bin/env bash
# Rebuilds the kernel's sound modules (and the USB MIDI gadget functions) with UMP switched on, as
# an external module tree against the running kernel's headers package.
# Usage: build-modules.sh <linux source tree (partial)> <headers dir> <output dir>
# Every module whose structures change with CONFIG_SND_UMP is rebuilt: the sound core and
# sequencer, snd-usb-audio and its MIDI library, the virtual drivers, f_midi and f_midi2.
set -euo pipefail
SRC=$1; HDR=$2; OUT=$3
rm -rf "$OUT"; mkdir -p "$OUT/sound/usb" "$OUT/sound/drivers" "$OUT/gadget"
cp -r "$SRC/sound/core" "$OUT/sound/core"
cp "$SRC"/sound/usb/*.[ch] "$OUT/sound/usb/"
cp "$SRC"/sound/drivers/{dummy,aloop,virmidi}.c "$OUT/sound/drivers/"
cp "$SRC"/drivers/usb/gadget/function/{f_midi.c,f_midi2.c,u_midi.h,u_midi2.h,u_f.h} "$OUT/gadget/" 2>/dev/null \
  || cp "$SRC"/drivers/usb/gadget/function/{f_midi.c,f_midi2.c,u_midi.h,u_midi2.h} "$OUT/gadget/"
cp "$SRC"/drivers/usb/gadget/*.h "$OUT/gadget/" 2>/dev/null || true
[ -f "$OUT/gadget/u_f.h" ] || cp "$SRC"/drivers/usb/gadget/u_f.h "$OUT/gadget/" 2>/dev/null || true

cat > "$OUT/Kbuild" <<'K'
obj-m += sound/core/ sound/usb/ sound/drivers/ gadget/
K
# sound/usb: the upstream list of objects, without the other vendors' subdirectories.
cat > "$OUT/sound/usb/Makefile" <<'K'
snd-usb-audio-y := card.o clock.o endpoint.o format.o helper.o implicit.o mixer.o mixer_quirks.o \
	mixer_scarlett.o mixer_scarlett2.o mixer_us16x08.o mixer_s1810c.o pcm.o power.o proc.o quirks.o \
	stream.o validate.o
snd-usb-audio-$(CONFIG_SND_USB_AUDIO_MIDI_V2) += midi2.o
snd-usb-audio-$(CONFIG_SND_USB_AUDIO_USE_MEDIA_CONTROLLER) += media.o
snd-usbmidi-lib-y := midi.o
obj-m += snd-usb-audio.o snd-usbmidi-lib.o
K
cat > "$OUT/sound/drivers/Makefile" <<'K'
snd-dummy-y := dummy.o
snd-aloop-y := aloop.o
snd-virmidi-y := virmidi.o
obj-m += snd-dummy.o snd-aloop.o snd-virmidi.o
K
cat > "$OUT/gadget/Makefile" <<'K'
ccflags-y := -I$(src)
usb_f_midi-y := f_midi.o
usb_f_midi2-y := f_midi2.o
obj-m += usb_f_midi.o usb_f_midi2.o
K

UMP_CONFIG=(CONFIG_SND_UMP=m CONFIG_SND_UMP_LEGACY_RAWMIDI=y CONFIG_SND_SEQ_UMP=y CONFIG_SND_SEQ_UMP_CLIENT=m
  CONFIG_SND_USB_AUDIO_MIDI_V2=y CONFIG_USB_F_MIDI2=m CONFIG_USB_CONFIGFS_F_MIDI2=y)
# The headers' autoconf.h predates these options, so the C code learns them from -D as well.
KCFLAGS="-DCONFIG_SND_UMP_MODULE=1 -DCONFIG_SND_UMP_LEGACY_RAWMIDI=1 -DCONFIG_SND_SEQ_UMP=1 \
-DCONFIG_SND_SEQ_UMP_CLIENT_MODULE=1 -DCONFIG_SND_USB_AUDIO_MIDI_V2=1 -DCONFIG_USB_F_MIDI2_MODULE=1 \
-DCONFIG_USB_CONFIGFS_F_MIDI2=1"
# No pahole here: skip BTF for modules.
make -C "$HDR" M="$OUT" CC=gcc-12 KCFLAGS="$KCFLAGS" "${UMP_CONFIG[@]}" CONFIG_DEBUG_INFO_BTF_MODULES= \
  -j"$(nproc)" modules
