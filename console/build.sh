#!/usr/bin/env bash
# Builds the web console into console/dist, which pod-local's jar serves at /console/: npm ci from
# the committed package-lock.json (the machine's Node.js and npm; nothing downloads a Node.js), then
# vite build. Every asset is bundled: the page fetches nothing from elsewhere at run time.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npx vite build --logLevel warn
echo "[console] built into console/dist" >&2
