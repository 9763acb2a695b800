#!/usr/bin/env bash
# Scheduling and a node's death: starts the launcher (its own node) and a second worker on this
# machine, places pods (single-pod createPods at a concurrency, then one createPods of many), kills
# the second worker with SIGKILL and times its declaration as lost and its pods running again on the
# launcher's node. Not part of the test suite. Writes the table into docs/performance.md.
#   scripts/bench-nodes.sh                     # 40 pods at 8 at once, then one createPods of 40
#   BENCH_PODS=100 BENCH_BATCH=100 BENCH_LOST_AFTER=30 scripts/bench-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/local-registry.sh >/dev/null
./mvnw -B -q -DskipTests install
. scripts/bench-launcher.sh
lost_after=${BENCH_LOST_AFTER:-15}
own_launcher --pod.nodes.lost-after=PT${lost_after}S --pod.nodes.check-interval=PT1S --pod.worker.heartbeat-interval=PT1S
node="bench-node-$chain"
start_worker "$node" --pod.worker.heartbeat-interval=PT1S --pod.worker.cpu-allocation-ratio=1000 \
  --pod.worker.memory-allocation-ratio=1000
java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar --bench=nodes --credentials="$data/credentials" \
  --operator-credentials="$data/operator-credentials" --node="$node" --node-pid="${workers[0]}" \
  --pods="${BENCH_PODS:-40}" --batch="${BENCH_BATCH:-40}" --concurrency="${BENCH_CONCURRENCY:-8}" \
  --lost-after="$lost_after" --write=docs/performance.md
