#!/usr/bin/env bash
# Headless Neovim with the built-in LSP client (the README's setup, Neovim 0.7 and later) against
# the standalone server command: diagnostics, a hover and a code action on examples/mistakes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/examples/mistakes/mm2.properties" "$work/"
export MIRRORLINT_SERVER="$root/bin/mirrorlint-language-server.js" MIRRORLINT_RESULT="$work/result.json"
nvim --version | head -1
timeout 120 nvim --headless -u NONE -c "luafile $root/test/editors/neovim.lua" "$work/mm2.properties" || { echo "nvim failed: $(cat "$MIRRORLINT_RESULT" 2>/dev/null)"; exit 1; }
node - "$MIRRORLINT_RESULT" <<'JS'
const assert = require('node:assert/strict');
const result = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
assert.equal(result.ok, true, result.message);
const codes = result.diagnostics.map((d) => d.code);
for (const code of ['unknown-property', 'missing-bootstrap-servers', 'unknown-cluster']) assert.ok(codes.includes(code), `${code} in ${codes}`);
assert.ok(result.diagnostics.every((d) => d.source === 'mirrorlint' && !d.message.includes('`')));
assert.match(String(result.hover), /clusters/);
assert.ok(result.actions.length > 0, 'a code action');
console.log(`neovim: ${result.diagnostics.length} diagnostics, hover (${String(result.hover).length} chars), actions: ${result.actions.join(' | ')}`);
JS
