#!/bin/busybox sh
# /init of the ALSA test guest (see run.sh). Mounts the host's / (read-only 9p) under the chosen
# alsa-lib layer and a tmpfs, binds the rebuilt modules and the control folder into it, loads the
# sequencer core, runs /run/alsa-guest/command in that root with stdin from /dev/null, writes its
# exit code to /run/alsa-guest/rc and powers off.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
KREL=$(cat /kernel-release)
fail() { echo "alsa-guest init: $*" > /dev/console; echo 125 > /mnt/ctl/rc 2>/dev/null; sync; poweroff -f; }

modprobe 9pnet_virtio && modprobe 9p && modprobe overlay || fail "cannot load the 9p/overlay modules"
OPTS=trans=virtio,version=9p2000.L,msize=512000,cache=loose
mkdir -p /mnt/host /mnt/ctl /mnt/upper
mount -t 9p -o "$OPTS,ro" host /mnt/host || fail "cannot mount the host's /"
mount -t 9p -o "$OPTS" ctl /mnt/ctl || fail "cannot mount the control folder"
. /mnt/ctl/settings  # LAYER (non-empty: the "layer" share is there), MODULES (host path), RW, HIDE_ALSA_LIB

mount -t tmpfs -o size=512m tmpfs /mnt/upper
mkdir -p /mnt/upper/u /mnt/upper/w
lower=/mnt/host
if [ -n "$LAYER" ]; then
  # Its own 9p mount: overlayfs refuses a lower layer that lies inside another one.
  mkdir -p /mnt/layer && mount -t 9p -o "$OPTS,ro" layer /mnt/layer || fail "cannot mount the alsa-lib layer"
  lower="/mnt/layer:$lower"
fi
if [ "$HIDE_ALSA_LIB" = 1 ]; then
  # Overlay whiteouts: alsa-lib is absent from the guest's root, as on a machine without it.
  for d in usr/lib/x86_64-linux-gnu lib/x86_64-linux-gnu; do
    # Only real directories: on a merged /usr, /lib is a symlink that must stay one.
    [ -d "/mnt/host/$d" ] && [ ! -L "/mnt/host/${d%%/*}" ] || continue
    mkdir -p "/mnt/upper/u/$d"
    for f in libasound.so.2 libasound.so.2.0.0 libasound.so; do mknod "/mnt/upper/u/$d/$f" c 0 0; done
  done
fi
mount -t overlay overlay -o "lowerdir=$lower,upperdir=/mnt/upper/u,workdir=/mnt/upper/w" /newroot \
  || fail "cannot mount the overlay root"
mount -t proc proc /newroot/proc
mount -t sysfs sys /newroot/sys
mount -t devtmpfs dev /newroot/dev
mkdir -p /newroot/dev/pts /newroot/tmp/alsa-guest-tmp /newroot/run/alsa-guest /newroot/usr/lib/modules /newroot/opt/alsa-guest/bin
mount -t devpts devpts /newroot/dev/pts
mount --bind /mnt/ctl /newroot/run/alsa-guest
mount --bind "/mnt/host$MODULES" /newroot/usr/lib/modules
if [ -n "$RW" ]; then mkdir -p "/newroot$RW" && mount -t 9p -o "$OPTS" rw "/newroot$RW" || fail "cannot mount $RW"; fi
# busybox's module tools for the command (the host may have no kmod).
cp /bin/busybox /newroot/opt/alsa-guest/bin/busybox
for t in modprobe rmmod lsmod insmod; do ln -s busybox "/newroot/opt/alsa-guest/bin/$t"; done
chroot /newroot /opt/alsa-guest/bin/busybox modprobe snd-seq || fail "cannot load snd-seq"

chroot /newroot /bin/sh /run/alsa-guest/command < /dev/null > /dev/console 2>&1
echo $? > /newroot/run/alsa-guest/rc
sync
poweroff -f
