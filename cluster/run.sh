#!/usr/bin/env bash
# The multi-process stage: the distributed deployment as separate processes on this machine, and JD
# Cloud's Python SDK through its gateway (cluster/test_cluster.py).
#   1. a private registry on loopback holding the busybox image (scripts/lib/service-under-test.sh)
#   2. one PostgreSQL and one Kafka broker: the launcher's embedded servers alone (EmbeddedServers)
#   3. command-api x2, query-api x2, pod-worker x2 (two nodes on this Docker), audit x1, billing x1,
#      each a JVM of its own from its *-exec.jar, sharing one master key and one node token
#   4. Debian's nginx with the project's deploy/gateway/nginx.conf, each upstream listing both
#      instances (round-robin), on a public and an internal port on 127.0.0.1
#   5. the test; then, always, everything the run made is removed (processes, containers, networks,
#      iptables chains, cgroups, binds, the registry, the temporary directory)
# Interactive access (node-gateway) is not part of this stage: its upstream points at a closed port.
# Usage (as root, after ./mvnw install -DskipTests): bash cluster/run.sh [pytest arguments]
# CLUSTER_KEEP_LOGS=<dir> copies every process's log there.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
STARTED=$SECONDS
VERSION=0.1.0-SNAPSHOT
# small heaps, a quick JIT and one GC thread: nine JVMs share this machine's cores with Docker
JVM=(-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss512k)
# shellcheck source=../scripts/lib/service-under-test.sh
. "$ROOT/scripts/lib/service-under-test.sh"

say() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (the workers manage Docker, iptables and cgroups)"
for tool in docker curl htpasswd iptables java psql /usr/sbin/nginx; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (scripts/setup.sh --tests installs it)"
done
for jar in pod-local/target/pod-local-$VERSION.jar command-api/target/command-api-$VERSION-exec.jar \
  query-api/target/query-api-$VERSION-exec.jar pod-worker/target/pod-worker-$VERSION-exec.jar \
  audit/target/audit-$VERSION-exec.jar billing/target/billing-$VERSION-exec.jar; do
  [ -f "$jar" ] || die "$jar is missing: build first (./mvnw -B install -DskipTests)"
done
bash conformance/setup.sh

PIDS=()
cleanup() {
  local status=$?
  set +e
  if [ -n "${CLUSTER_KEEP_LOGS:-}" ] && [ -n "${SUT_TMP:-}" ]; then
    mkdir -p "$CLUSTER_KEEP_LOGS" && cp "$SUT_TMP"/*.log "$CLUSTER_KEEP_LOGS"/ 2>/dev/null
  fi
  if [ "$status" != 0 ] && [ -n "${SUT_TMP:-}" ]; then
    for log in "$SUT_TMP"/*.log; do
      [ -f "$log" ] || continue
      say "last 40 lines of $(basename "$log"):"
      tail -n 40 "$log" | cut -c1-400 >&2
    done
  fi
  [ -z "${NGINX_PID:-}" ] || kill -QUIT "$NGINX_PID" 2>/dev/null
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    sut_wait 30 sh -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid" 2>/dev/null
  done
  sut_stop
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sut_registry cluster
LOGS=$SUT_TMP
mkdir -p "$SUT_TMP/data"

# --- PostgreSQL and Kafka ------------------------------------------------------------------------
java "${JVM[@]}" -cp "pod-local/target/pod-local-$VERSION.jar" \
  -Dloader.main=io.podservice.local.embedded.EmbeddedServers \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --pod.local.data-dir="$SUT_TMP/data" >"$LOGS/servers.log" 2>&1 &
PIDS+=($!)
sut_wait 120 test -s "$SUT_TMP/data/servers.env" || die "PostgreSQL and Kafka did not start within 120 s"
set -a
# shellcheck disable=SC1091
. "$SUT_TMP/data/servers.env"
set +a
say "PostgreSQL at $POD_DB_URL, Kafka at $KAFKA_BOOTSTRAP_SERVERS ($((SECONDS - STARTED)) s)"

# --- the shared secrets and the tenant's key -----------------------------------------------------
POD_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
POD_NODE_TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
POD_ACCESS_KEY=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n' | tr a-f A-F)
POD_SECRET_KEY=$(od -An -N20 -tx1 /dev/urandom | tr -d ' \n')
export POD_MASTER_KEY POD_NODE_TOKEN POD_ACCESS_KEY POD_SECRET_KEY

# --- the applications ----------------------------------------------------------------------------
GATEWAY_PORT=$(sut_free_port)
INTERNAL_PORT=$(sut_free_port)
INTERNAL=http://127.0.0.1:$INTERNAL_PORT
declare -A PORT=() PID=()
# start NAME JAR [arguments...]: the application on free ports, its log in $LOGS/NAME.log
start() {
  local name=$1 jar=$2; shift 2
  PORT[$name]=$(sut_free_port)
  local management
  management=$(sut_free_port)
  echo "$management" >"$LOGS/$name.management-port"
  java "${JVM[@]}" -jar "$jar" \
    --spring.application.name="$name" \
    --server.port="${PORT[$name]}" \
    --management.server.port="$management" \
    --spring.kafka.consumer.properties.session.timeout.ms=10000 \
    --spring.kafka.consumer.properties.heartbeat.interval.ms=2000 \
    "$@" >"$LOGS/$name.log" 2>&1 &
  PID[$name]=$!
  PIDS+=($!)
}
healthy() {
  local name
  for name in "${!PID[@]}"; do
    kill -0 "${PID[$name]}" 2>/dev/null || { say "ERROR: $name exited while starting"; tail -n 60 "$LOGS/$name.log" >&2; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(cat "$LOGS/$name.management-port")/actuator/health" || true)" = 200 ] || return 1
  done
}

seed=(--pod.accounts[0].name=cluster "--pod.accounts[0].access-keys[0].access-key-id=$POD_ACCESS_KEY"
  "--pod.accounts[0].access-keys[0].secret-access-key=$POD_SECRET_KEY" --pod.billing.opening-balance=1000.00)
for i in 1 2; do
  start "command-api-$i" "command-api/target/command-api-$VERSION-exec.jar" "${seed[@]}"
  start "query-api-$i" "query-api/target/query-api-$VERSION-exec.jar" --pod.query.command-api-url="$INTERNAL"
done
start audit "audit/target/audit-$VERSION-exec.jar"
start billing "billing/target/billing-$VERSION-exec.jar"
for node in a b; do
  start "pod-worker-$node" "pod-worker/target/pod-worker-$VERSION-exec.jar" \
    --pod.worker.worker-id="node-$node" \
    --pod.worker.key-service-url="$INTERNAL" \
    --pod.worker.availability-zone=cn-north-1a,cn-north-1b,cn-north-1c \
    --pod.worker.cpu-allocation-ratio=64 --pod.worker.memory-allocation-ratio=64 \
    --pod.worker.concurrency=4 \
    "--pod.worker.extra-labels.$SUT_LABEL=$SUT_RUN_ID" \
    --pod.worker.cluster="cluster-$SUT_RUN_ID" \
    --pod.worker.nat-chain="$SUT_CHAIN" \
    --pod.worker.cgroup-root="$SUT_CGROUP" \
    --pod.worker.state-dir="$SUT_TMP/data/worker-$node" \
    "--pod.worker.allowed-private-registries[0]=$SUT_REGISTRY"
done

# --- the gateway: the project's nginx.conf with this run's instances and ports --------------------
python3 - "$ROOT/deploy/gateway/nginx.conf" "$SUT_TMP/nginx.conf" <<EOF
import re, sys
conf = open(sys.argv[1]).read()
servers = {
    'command-api': ['127.0.0.1:${PORT[command-api-1]}', '127.0.0.1:${PORT[command-api-2]}'],
    'query-api': ['127.0.0.1:${PORT[query-api-1]}', '127.0.0.1:${PORT[query-api-2]}'],
    'audit': ['127.0.0.1:${PORT[audit]}'],
    'billing': ['127.0.0.1:${PORT[billing]}'],
    'node-gateway': ['127.0.0.1:1'],
}
for name, addresses in servers.items():
    conf, n = re.subn(r'upstream %s +\{[^}]*\}' % re.escape(name),
                      'upstream %s { %s }' % (name, ' '.join('server %s;' % a for a in addresses)), conf)
    assert n == 1, 'no upstream %s in nginx.conf' % name
for port, ours in (('8080', '${GATEWAY_PORT}'), ('8090', '${INTERNAL_PORT}')):
    conf, n = re.subn(r'listen %s;' % port, 'listen 127.0.0.1:%s;' % ours, conf)
    assert n == 1, 'no listen %s in nginx.conf' % port
conf = conf.replace('/usr/share/nginx/console/', '${ROOT}/console/dist/')
conf = conf.replace('http {', 'http {\n  access_log ${LOGS}/gateway-access.log;', 1)
open(sys.argv[2], 'w').write(conf)
EOF
/usr/sbin/nginx -t -q -c "$SUT_TMP/nginx.conf" -g "pid $SUT_TMP/nginx.pid; error_log $LOGS/gateway.log;" \
  || die "nginx refused the gateway's configuration"
/usr/sbin/nginx -c "$SUT_TMP/nginx.conf" -g "daemon off; pid $SUT_TMP/nginx.pid; error_log $LOGS/gateway.log;" &
NGINX_PID=$!

sut_wait 240 healthy || die "not every application was healthy within 240 s"
say "8 applications healthy after $((SECONDS - STARTED)) s"
# psql takes the JDBC URL without its jdbc: prefix, the user given apart
nodes_ready() {
  [ "$(PGPASSWORD=$POD_DB_PASSWORD psql -qtA "${POD_DB_URL#jdbc:}" -U "$POD_DB_USER" \
    -c "SELECT count(*) FROM node_index WHERE state = 'ready'" 2>/dev/null)" = 2 ]
}
sut_wait 90 nodes_ready || die "the two nodes were not ready within 90 s"
say "both nodes ready after $((SECONDS - STARTED)) s"

export CLUSTER_GATEWAY=127.0.0.1:$GATEWAY_PORT
export CLUSTER_COMMAND_APIS="127.0.0.1:${PORT[command-api-1]},127.0.0.1:${PORT[command-api-2]}"
export CLUSTER_QUERY_APIS="127.0.0.1:${PORT[query-api-1]},127.0.0.1:${PORT[query-api-2]}"
export CLUSTER_PIDS="command-api-1=${PID[command-api-1]},query-api-1=${PID[query-api-1]}"
export CLUSTER_RUN_ID=$SUT_RUN_ID CLUSTER_LABEL=$SUT_LABEL
export POD_DB_URL POD_DB_USER POD_DB_PASSWORD
export POD_IMAGE=$SUT_IMAGE POD_REGISTRY_SERVER=$SUT_REGISTRY
export POD_REGISTRY_USERNAME=$SUT_REGISTRY_USER POD_REGISTRY_PASSWORD=$SUT_REGISTRY_PASSWORD
export PYTHONDONTWRITEBYTECODE=1
conformance/.venv-sdk/bin/python -m pytest -q -p no:cacheprovider "$ROOT/cluster/test_cluster.py" "$@"

# an ERROR in a log is a failure no answer showed; the two killed instances' logs end abruptly, not in ERRORs
errors=0
for log in "$LOGS"/*.log; do
  case $(basename "$log") in gateway*.log) continue ;; esac
  n=$(grep -c ' ERROR ' "$log" || true)
  if [ "$n" != 0 ]; then
    say "$(basename "$log") logged $n ERRORs; the first:"
    grep -m 3 -A 15 ' ERROR ' "$log" | cut -c1-300 >&2
    errors=1
  fi
done
[ "$errors" = 0 ] || die "the applications logged ERRORs"
say "passed in $((SECONDS - STARTED)) s"
