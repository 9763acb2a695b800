#!/usr/bin/env bash
# Load benchmark against the running service, through the signed API, with raw Docker as the floor:
# createPods latency, answer -> running, request -> running against the same pods made directly
# with docker-java, the event -> projection lag, describePod(s) during the burst. Not part of the
# test suite. Writes the table into docs/performance.md.
#   scripts/bench-load.sh                      # runs 20x1, 20x8, 100x8, 300x16 (pods x concurrency)
#   BENCH_RUNS=20x8 scripts/bench-load.sh      # one run
# Starts the launcher (in a scratch data directory) when nothing answers on port 8080, and stops
# it at the end; against another service: BENCH_ENDPOINT=http://host:8080 BENCH_CREDENTIALS=file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# the pods' image comes from the demo registry on loopback, as a tenant's would: a node-local image
# is not a tenant's to run (docs/security.md)
bash scripts/local-registry.sh >/dev/null
./mvnw -B -q -DskipTests install
credentials=${BENCH_CREDENTIALS:-}
. scripts/bench-launcher.sh
if answers; then
  rm -rf "$data"
else
  start_launcher
  credentials="$data/credentials"
fi
java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar --runs="${BENCH_RUNS:-20x1,20x8,100x8,300x16}" \
  ${started:+--service-pid=$started} \
  --credentials="${credentials:-data/credentials}" ${BENCH_ENDPOINT:+--endpoint=$BENCH_ENDPOINT} \
  --write=docs/performance.md
