# The pinned versions of everything the ALSA test guest is made of (sourced by setup.sh).
# The cache directory's name is derived from these: change one and the next run builds anew.
# bookworm-backports keeps only its newest kernel: when setup.sh says the pinned kernel is gone,
# set the version it lists here (see scripts/alsa-guest/README.md).

# The unmodified bookworm-backports kernel that boots the guest, and the headers its sound modules
# are rebuilt against with UMP switched on.
KERNEL_ABI="6.12.95+deb12"
KERNEL_VERSION="6.12.95-1~bpo12+1"
# alsa-lib and alsa-utils with UMP (trixie; need glibc >= 2.38, so trixie's libc comes along).
ALSA_NEW_VERSION="1.2.14-1+deb13u1"
ALSA_UTILS_VERSION="1.2.14-1"
TRIXIE_LIBC_VERSION="2.41-12+deb13u5"
TRIXIE_GCC_VERSION="14.2.0-19"
TRIXIE_NCURSES_VERSION="6.5+20250216-2"
TRIXIE_FFTW_VERSION="3.3.10-2+b1"
TRIXIE_SAMPLERATE_VERSION="0.2.2-4+b2"
# The MIDI 1.0-only alsa-lib (bookworm's) for the "old alsa-lib" runs.
ALSA_OLD_VERSION="1.2.8-1+b1"
ALSA_OLD_DATA_VERSION="1.2.8-1"
# Bump when the way the guest is built changes (its init, the module list, ...).
GUEST_LAYOUT=2

GUEST_KEY="$(printf %s "k${KERNEL_VERSION}-alsa${ALSA_NEW_VERSION}-old${ALSA_OLD_VERSION}-l${GUEST_LAYOUT}" | tr "~" "_")"
