#!/usr/bin/env bash
# The README's first command: runs the whole service on this machine with its embedded
# defaults (PostgreSQL and Kafka in the JVM, the local Docker daemon), on port 8080.
# Data lives in ./data (POD_DATA_DIR); a restart keeps every pod.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/local-registry.sh
bash console/build.sh
./mvnw -B -q -DskipTests package
exec java ${JAVA_OPTS:-} -jar pod-local/target/pod-local-0.1.0-SNAPSHOT.jar "$@"
