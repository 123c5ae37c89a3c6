#!/usr/bin/env bash
# Refreshes docs/processes/*.svg from processes/*.bpmn. Needs Node.js, npm and Debian's chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent bpmn-js@17 playwright-core@1.56 >/dev/null)
cp "$here/render-diagrams.cjs" "$work/"
NODE_PATH="$work/node_modules" node "$work/render-diagrams.cjs" "$here"
