#!/usr/bin/env bash
# The check step of action.yml: lint, write SARIF, print the text report, and hand the exit code
# to the action's last step through $GITHUB_OUTPUT (so the upload step runs in between).
set -uo pipefail
here="${GITHUB_ACTION_PATH:?}"
if [ ! -f "$here/dist/cli.js" ]; then
  # A checkout of the action has no build: build it once (no install scripts run).
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts && node esbuild.mjs) || { echo "exit-code=2" >> "$GITHUB_OUTPUT"; exit 0; }
fi
read -r -a paths <<< "${MIRRORLINT_PATHS:-.}"
options=()
[ -n "${MIRRORLINT_KAFKA_VERSION:-}" ] && options+=(--kafka-version "$MIRRORLINT_KAFKA_VERSION")
[ -n "${MIRRORLINT_MAX_WARNINGS:-}" ] && options+=(--max-warnings "$MIRRORLINT_MAX_WARNINGS")
sarif="${MIRRORLINT_SARIF_FILE:-mirrorlint.sarif}"
node "$here/bin/mirrorlint.js" check "${paths[@]}" "${options[@]}" --color
code=$?
node "$here/bin/mirrorlint.js" check "${paths[@]}" "${options[@]}" --format sarif -o "$sarif" > /dev/null 2>&1
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
[ -s "$sarif" ] && echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
exit 0
