#!/bin/sh
# Inside the guest: a USB MIDI 2.0 device simulated by the kernel. The configfs MIDI 2.0 gadget
# (usb_f_midi2) on dummy_hcd is enumerated by snd-usb-audio as a real USB device.
#   gadget.sh create   load the modules and define the gadget "Test MIDI2 EP" (one block "Main FB",
#                      groups 1-2) without plugging it in; nothing more if it is defined already
#   gadget.sh plug     bind it to the UDC (the host side enumerates it)
#   gadget.sh unplug   unbind it (the device disappears)
set -e
G=/sys/kernel/config/usb_gadget/midi2
F=$G/functions/midi2.usb0
case "$1" in
  create)
    modprobe configfs
    mountpoint -q /sys/kernel/config || mount -t configfs none /sys/kernel/config
    modprobe dummy_hcd; modprobe libcomposite; modprobe usb_f_midi2
    modprobe snd-usb-audio midi2_enable=1; modprobe snd-seq-ump-client
    # Defined already (an earlier test in this boot): a linked function's settings cannot change.
    [ -e $G/configs/c.1/midi2.usb0 ] && exit 0
    mkdir -p $G; echo 0x1d6b > $G/idVendor; echo 0x0104 > $G/idProduct
    mkdir -p $G/strings/0x409; echo "MIDI 2.0 gadget" > $G/strings/0x409/product
    mkdir -p $G/configs/c.1 $F
    echo "Test MIDI2 EP" > $F/ep.0/ep_name; echo test-0001 > $F/ep.0/product_id
    echo "Main FB" > $F/ep.0/block.0/name; echo 0 > $F/ep.0/block.0/first_group
    echo 2 > $F/ep.0/block.0/num_groups
    ln -s $F $G/configs/c.1/ ;;
  plug) ls /sys/class/udc > $G/UDC ;;
  unplug) echo "" > $G/UDC ;;
  *) echo "usage: gadget.sh create|plug|unplug" >&2; exit 2 ;;
esac
