#!/usr/bin/env bash
# Makes the conformance suite's clients ready, doing only what is missing (idempotent, quiet):
#   conformance/.venv-sdk  JD Cloud's Python SDK and pytest   (requirements-sdk.txt)
#   conformance/.venv-jdc  JD Cloud's jdc CLI and pytest      (requirements-jdc.txt; jdc pins its
#                          own, older jdcloud-sdk, so it cannot share the SDK's virtualenv)
#   conformance/go         `go mod download` of JD Cloud's Go SDK (go.mod, go.sum)
# A virtualenv is rebuilt when its requirements file or the Python it was made with changed: the
# hash of both is kept in <venv>/.requirements.sha256.
# Usage: bash conformance/setup.sh        (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-python3}

log() { printf '[conformance-setup] %s\n' "$*" >&2; }
die() { printf '[conformance-setup] ERROR: %s\n' "$*" >&2; exit 1; }

command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found (Python 3.9 or later is needed)"

ensure_venv() {
  local dir=$1 requirements=$2 want have out
  want=$({ sha256sum <"$requirements"; "$PYTHON" -c 'import sys; print(sys.version)'; } | sha256sum | cut -c1-64)
  have=$(cat "$dir/.requirements.sha256" 2>/dev/null || true)
  if [ "$have" = "$want" ] && "$dir/bin/python" -c 'pass' >/dev/null 2>&1; then
    return
  fi
  log "making $(basename "$dir") from $(basename "$requirements")"
  rm -rf "$dir"
  "$PYTHON" -m venv "$dir"
  if ! out=$("$dir/bin/python" -m pip install --disable-pip-version-check -q -r "$requirements" 2>&1); then
    printf '%s\n' "$out" >&2
    rm -rf "$dir"
    die "pip install -r $requirements failed"
  fi
  printf '%s\n' "$want" >"$dir/.requirements.sha256"
}

ensure_venv "$here/.venv-sdk" "$here/requirements-sdk.txt"
ensure_venv "$here/.venv-jdc" "$here/requirements-jdc.txt"

command -v go >/dev/null 2>&1 || die "go not found (the Go SDK stage needs Go 1.26 or later)"
if ! out=$(cd "$here/go" && go mod download 2>&1); then
  printf '%s\n' "$out" >&2
  die "go mod download failed in $here/go"
fi
