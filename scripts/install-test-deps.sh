#!/usr/bin/env bash
# Installs what the test suites need beyond the .NET SDK, only when missing: the pinned npm packages (Agents
# Playground) and Debian's Chromium for the end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(node -p "require('./package.json').devDependencies['@microsoft/m365agentsplayground']")
have=$(node -p "require('./node_modules/@microsoft/m365agentsplayground/package.json').version" 2>/dev/null || true)
if [[ "$have" != "$want" ]]; then
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
