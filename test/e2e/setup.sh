#!/usr/bin/env bash
# Installs what the end-to-end tests need on a fresh Debian machine: Debian's Chromium and
# code-server (a real VS Code) from the npm registry, following shared/recipes/install-code-server.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tools="$root/.e2e/tools"

if ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash "$root/test/e2e/install-code-server.sh" "$tools"
