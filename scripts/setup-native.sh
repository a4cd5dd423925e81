#!/usr/bin/env bash
# The native test toolchain: clang with its sanitizer and libFuzzer runtimes (Debian's clang 14 and
# libclang-rt-14-dev) and llvm-symbolizer for readable reports. node-gyp's own build uses g++.
# Installs only what is missing; needs root (or sudo) for apt. Safe to run again.
set -euo pipefail
missing=()
command -v clang++ >/dev/null || missing+=(clang)
# libFuzzer and the sanitizer runtimes live in libclang-rt-14-dev, not in clang itself.
dpkg -s libclang-rt-14-dev >/dev/null 2>&1 || missing+=(libclang-rt-14-dev)
command -v llvm-symbolizer >/dev/null || missing+=(llvm)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "[setup-native] installing ${missing[*]} (apt, once per machine: about a minute)"
if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
  echo "[setup-native] could not install ${missing[*]}: the native sanitizer and fuzz tests need them" >&2
  exit 1
fi
