#!/usr/bin/env bash
# Installs what the test suites need beyond the .NET SDK, only when missing: the pinned npm packages (Agents
# Playground, the Teams manifest schema validator, the adaptivecards library) and Debian's Chromium for the end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v node >/dev/null && command -v npm >/dev/null || { echo "The tests need Node.js 20 and npm on PATH." >&2; exit 1; }

# npm ci when any pinned package is missing or at another version.
if ! node -e '
  const deps = require("./package.json").devDependencies;
  for (const [name, version] of Object.entries(deps)) {
    let have; try { have = require(`./node_modules/${name}/package.json`).version; } catch { process.exit(1); }
    if (have !== version) process.exit(1);
  }' 2>/dev/null; then
  echo "Installing npm packages (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
fi

if ! command -v chromium >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Chromium is missing; install it with: sudo apt-get install chromium" >&2
    exit 1
  fi
  echo "Installing Chromium from Debian (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
fi
