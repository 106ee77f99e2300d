#!/usr/bin/env bash
# Copied from shared/recipes/install-code-server.sh (verified recipe) so that a clean clone has it.
# Installs code-server (a real VS Code, served to a browser) using only the npm registry and
# Debian packages, for end-to-end tests of the extension on machines without internet.
# Usage: install-code-server.sh PREFIX   -> PREFIX/code-server/out/node/entry.js
# Verified with code-server 4.100.3 (VS Code 1.100.3, needs Node 20) on Debian 12, Node 20.20.
set -euo pipefail
prefix=${1:?usage: install-code-server.sh PREFIX}
version=${CODE_SERVER_VERSION:-4.100.3}
root="$prefix/code-server"
if [ -f "$root/.installed-$version" ]; then echo "code-server $version already at $root"; exit 0; fi

# Native modules need these headers; @vscode/ripgrep's binary comes from Debian's ripgrep
# (its install script would download one from the internet, which is unreachable here).
if ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev libsecret-1-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep libkrb5-dev libsecret-1-dev >/dev/null
fi

mkdir -p "$prefix"
tmp=$(mktemp -d)
(cd "$tmp" && npm pack --silent "code-server@$version" >/dev/null)
rm -rf "$root"
tar xzf "$tmp"/code-server-*.tgz -C "$tmp"
mv "$tmp/package" "$root"
rm -rf "$tmp"

export npm_config_yes=true   # node-pty's install script runs npx node-gyp
vscode="$root/lib/vscode"
# Do by hand what code-server's postinstall.sh does, with ripgrep's bin/ in place before the
# install scripts run (its script skips the download when bin/ exists).
(cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
(cd "$vscode" && npm rebuild --loglevel=error >/dev/null)
ln -sfn node_modules "$vscode/node_modules.asar"
(cd "$vscode/bin/remote-cli" && ln -sf code-linux.sh code-server)
(cd "$vscode/bin/helpers" && ln -sf browser-linux.sh browser.sh)
(cd "$vscode/extensions" && npm install --omit=dev --no-audit --no-fund --loglevel=error)
(cd "$root" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error \
  && npm rebuild argon2 --loglevel=error >/dev/null)
touch "$root/.installed-$version"
echo "code-server $version installed at $root"
echo "start: node $root/out/node/entry.js --auth none --bind-addr 127.0.0.1:PORT --user-data-dir DIR --extensions-dir DIR --disable-telemetry --disable-update-check --disable-workspace-trust FOLDER"
