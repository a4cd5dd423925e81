#!/usr/bin/env bash
# Makes a fresh clone ready: npm packages from the lockfile, then the real VS Code harness
# (Debian packages + code-server and Node 24 cached outside the clone). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[bootstrap] npm ci: the project's npm packages (first run, or after package-lock.json changed; about a minute)"
  npm ci --no-audit --no-fund --loglevel=error
fi
command -v make >/dev/null && command -v g++ >/dev/null || {
  echo "[bootstrap] installing build-essential (apt, once per machine)"; apt-get update -qq && apt-get install -y -qq build-essential; }
# Native test toolchain (clang, sanitizer runtimes) and the real VS Code for the harness.
if [ -f scripts/setup-native.sh ]; then bash scripts/setup-native.sh; fi
bash scripts/setup-vscode.sh > /dev/null
echo "[bootstrap] ready"
