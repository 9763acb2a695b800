#!/usr/bin/env bash
# The fuzzing stage's tools, pinned in fuzz/requirements.txt, in fuzz/.venv; made or remade only
# when the requirements change. Idempotent and quiet.
set -euo pipefail
cd "$(dirname "$0")"
want=$(sha256sum requirements.txt | cut -c1-16)
if [ "$(cat .venv/.requirements 2>/dev/null || true)" != "$want" ]; then
  rm -rf .venv
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
  echo "$want" > .venv/.requirements
fi
