#!/usr/bin/env bash
# A pod's start with and without an image cache, beside raw Docker: builds busybox with a layer of
# random data (BENCH_IMAGE_MB, 64 by default), pushes it to the demo registry, and in each round
# (BENCH_ROUNDS, 5) removes it from the node, then times raw Docker cold and warm, a pod of the
# image, the cache's fill and a pod naming the cache. Not part of the test suite. Writes the table
# into docs/performance.md. Starts its own launcher (stop anything on port 8080 first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/local-registry.sh >/dev/null
./mvnw -B -q -DskipTests install
. scripts/bench-launcher.sh
own_launcher
java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar --bench=image-cache --credentials="$data/credentials" \
  --registry-credentials="${POD_DATA_DIR:-./data}/registry/credentials" --rounds="${BENCH_ROUNDS:-5}" \
  --image-mb="${BENCH_IMAGE_MB:-64}" --write=docs/performance.md
