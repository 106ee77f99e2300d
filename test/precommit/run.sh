#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml) as a user installs it: pre-commit clones this
# repository at HEAD, builds it with npm and runs the hook on a repository of MM2 configs.
# Needs `pre-commit` (pip) and a committed HEAD; .ci/run installs pre-commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rev="$(git -C "$root" rev-parse HEAD)"
work="$(mktemp -d)"
trap '[ "${KEEP:-}" ] || rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

repository() { # name, example folder
  local repo="$work/$1"
  mkdir -p "$repo" && cp -r "$root/examples/$2/." "$repo/"
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: mirrorlint\n' "$root" "$rev" > "$repo/.pre-commit-config.yaml"
  git -C "$repo" init -q && git -C "$repo" add -A && git -C "$repo" -c user.email=t@example.com -c user.name=t commit -qm fixtures
  echo "$repo"
}

fail() { echo "pre-commit hook test FAILED: $*"; exit 1; }

bad="$(repository bad mistakes)"
set +e
out="$(cd "$bad" && python3 -m pre_commit run --all-files --color never 2>&1)"; code=$?
set -e
echo "$out" | tail -n 20
[ "$code" -eq 1 ] || fail "expected exit 1 on examples/mistakes, got $code"
grep -q 'replication-cycle' <<< "$out" || fail "the loop of examples/mistakes is not reported"

good="$(repository good active-active)"
out="$(cd "$good" && python3 -m pre_commit run --all-files --color never 2>&1)" || fail "examples/active-active should pass: $out"
grep -q 'MirrorLint (MirrorMaker 2).*Passed' <<< "$out" || fail "the hook did not run: $out"
echo "pre-commit hook: fails on examples/mistakes, passes on examples/active-active"
