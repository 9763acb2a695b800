#!/usr/bin/env bash
# Load benchmark against the running service, through the signed API, with raw Docker as the floor:
# createPods latency, answer -> running, request -> running against the same pods made directly
# with docker-java, the event -> projection lag, describePod(s) during the burst. Not part of the
# test suite. Writes the table into docs/performance.md.
#   scripts/bench-load.sh                      # runs 20x1, 20x8, 100x1, 100x8 (pods x concurrency)
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
started=""
answers() { (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; }
if ! answers; then
  data=$(mktemp -d /tmp/pod-bench.XXXXXX)
  echo "[bench] starting the launcher with its data in $data"
  POD_DATA_DIR="$data" java -Xmx2g -jar pod-local/target/pod-local-0.1.0-SNAPSHOT.jar >"$data/launcher.log" 2>&1 &
  started=$!
  trap 'kill $started 2>/dev/null; wait $started 2>/dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 1 180); do
    answers && [ -f "$data/credentials" ] && break
    sleep 1
  done
  credentials="$data/credentials"
fi
java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar --runs="${BENCH_RUNS:-20x1,20x8,100x1,100x8}" \
  --credentials="${credentials:-data/credentials}" ${BENCH_ENDPOINT:+--endpoint=$BENCH_ENDPOINT} \
  --write=docs/performance.md
