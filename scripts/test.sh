#!/usr/bin/env bash
# The README's second command: prepares this machine (scripts/setup.sh) and runs every test
# against the real PostgreSQL, Kafka and Docker daemon.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./mvnw -B verify "$@"
