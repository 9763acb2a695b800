# Sourced by the benchmarks: starts the launcher in a scratch data directory, with iptables chains of
# its own, and removes at exit everything it and the workers started here left: their pods'
# containers, volumes and networks (label pod.cluster), their chains (prefix $chain) and the data.
data=$(mktemp -d /tmp/pod-bench.XXXXXX)
chain="PB$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
started=""
workers=()
answers() { (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; }

# start_launcher ARGS...: the launcher with a quota for 1000 pods and room for them, plus ARGS
start_launcher() {
  echo "[bench] starting the launcher with its data in $data"
  POD_DATA_DIR="$data" java -Xmx2g -jar pod-local/target/pod-local-0.1.0-SNAPSHOT.jar \
    --pod.quota.defaults.pod=1000 --pod.quota.defaults.container=4000 --pod.worker.nat-chain="$chain" \
    --pod.worker.cpu-allocation-ratio=1000 --pod.worker.memory-allocation-ratio=1000 "$@" \
    >"$data/launcher.log" 2>&1 &
  started=$!
  trap 'remove_launcher' EXIT
  for _ in $(seq 1 180); do
    answers && [ -f "$data/credentials" ] && return 0
    sleep 1
  done
  echo "[bench] the launcher did not start: $data/launcher.log" >&2
  return 1
}

# own_launcher ARGS...: start_launcher, for a benchmark that needs a service of its own
own_launcher() {
  if answers; then
    echo "[bench] something answers on port 8080: stop it first (this benchmark starts its own service)" >&2
    exit 1
  fi
  start_launcher "$@"
}

# start_worker ID ARGS...: a second node (the pod-worker application) on this machine's Docker, as
# the launcher's installation; its pid is appended to workers
start_worker() {
  local id=$1; shift
  java -Xmx256m -jar pod-worker/target/pod-worker-0.1.0-SNAPSHOT-exec.jar --server.port=0 --management.server.port=0 \
    --spring.kafka.bootstrap-servers=127.0.0.1:19092 --pod.worker.worker-id="$id" \
    --pod.worker.cluster="$(cat "$data/cluster.id")" --pod.worker.nat-chain="$chain${#workers[@]}" \
    --pod.worker.state-dir="$data/worker-$id" --pod.worker.shared-registries=127.0.0.1:5000 \
    --pod.worker.allowed-private-registries=127.0.0.1:5000 "$@" >"$data/worker-$id.log" 2>&1 &
  workers+=($!)
}

remove_launcher() {
  for pid in "${workers[@]}" "$started"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  local cluster; cluster=$(cat "$data/cluster.id" 2>/dev/null || true)
  if [ -n "$cluster" ]; then
    docker ps -aq --filter "label=pod.cluster=$cluster" | xargs -r docker rm -f >/dev/null || true
    docker volume ls -q --filter "label=pod.cluster=$cluster" | xargs -r docker volume rm >/dev/null || true
    # Docker 20.10 may still hold a removed container's endpoint for a moment ("has active endpoints"): retried
    for _ in $(seq 1 15); do
      [ -z "$(docker network ls -q --filter "label=pod.cluster=$cluster")" ] && break
      docker network ls -q --filter "label=pod.cluster=$cluster" | xargs -r docker network rm >/dev/null 2>&1 || sleep 1
    done
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
