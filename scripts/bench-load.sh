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
started=""
answers() { (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; }
if ! answers; then
  data=$(mktemp -d /tmp/pod-bench.XXXXXX)
  echo "[bench] starting the launcher with its data in $data"
  # the launcher's iptables chains get a name of their own, to be removed with it
  chain="PB$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
  # 300 pods of one account at once: above the default quota of 100
  POD_DATA_DIR="$data" java -Xmx2g -jar pod-local/target/pod-local-0.1.0-SNAPSHOT.jar \
    --pod.quota.defaults.pod=1000 --pod.quota.defaults.container=4000 --pod.worker.nat-chain="$chain" \
    --pod.worker.cpu-allocation-ratio=1000 --pod.worker.memory-allocation-ratio=1000 \
    >"$data/launcher.log" 2>&1 &
  started=$!
  trap 'remove_launcher' EXIT
fi
# stops the launcher this script started and removes what it left: its pods' containers, volumes and
# networks (label pod.cluster), its iptables chains and its data
remove_launcher() {
  kill "$started" 2>/dev/null || true
  wait "$started" 2>/dev/null || true
  local cluster; cluster=$(cat "$data/cluster.id" 2>/dev/null || true)
  if [ -n "$cluster" ]; then
    docker ps -aq --filter "label=pod.cluster=$cluster" | xargs -r docker rm -f >/dev/null || true
    docker volume ls -q --filter "label=pod.cluster=$cluster" | xargs -r docker volume rm >/dev/null || true
    docker network ls -q --filter "label=pod.cluster=$cluster" | xargs -r docker network rm >/dev/null || true
  fi
  for table in filter nat; do
    for c in $(iptables -w 5 -t $table -S | awk -v p="-N $chain" 'index($0, p) == 1 {print $2}'); do
      iptables -w 5 -t $table -S | awk -v c="$c" '$1 == "-A" && $NF == c' | sed 's/^-A/-D/' \
        | while read -r rule; do eval iptables -w 5 -t $table "$rule" || true; done
      iptables -w 5 -t $table -F "$c" || true; iptables -w 5 -t $table -X "$c" || true
    done
  done
  rm -rf "$data"
}
if [ -n "$started" ]; then
  for _ in $(seq 1 180); do
    answers && [ -f "$data/credentials" ] && break
    sleep 1
  done
  credentials="$data/credentials"
fi
java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar --runs="${BENCH_RUNS:-20x1,20x8,100x8,300x16}" \
  ${started:+--service-pid=$started} \
  --credentials="${credentials:-data/credentials}" ${BENCH_ENDPOINT:+--endpoint=$BENCH_ENDPOINT} \
  --write=docs/performance.md
