#!/usr/bin/env bash
# The conformance stage: JD Cloud's own clients, unchanged, against the built service.
#   1. copies pod-local/target/pod-local-0.1.0-SNAPSHOT.jar (so a rebuild meanwhile does not matter)
#   2. runs a private registry (htpasswd auth, random credentials) on 127.0.0.1 and pushes the
#      busybox image to it; the local tag is removed so pods must pull it with a secret
#   3. starts the service on a free port with a fresh data directory
#   4. runs the Python SDK tests, the jdc CLI tests and the Go SDK tests, and prints a summary
#   5. always removes what the run made: the service, the containers, volumes and networks that
#      carry the run's label, the registry, the run's iptables chains, the image tags, the temp dirs
# Usage (as root, from anywhere, after `./mvnw install -DskipTests`): bash conformance/run.sh
# Exits non-zero if any stage failed. CONFORMANCE_STAGES="python jdc go" chooses stages.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
CONF=$ROOT/conformance
JAR=$ROOT/pod-local/target/pod-local-0.1.0-SNAPSHOT.jar
LABEL=pod-service.test-run
STAGES=${CONFORMANCE_STAGES:-python jdc go}
STARTED=$SECONDS

say() { printf '[conformance] %s\n' "$*" >&2; }
die() { printf '[conformance] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (the service manages Docker and iptables)"
[ -f "$JAR" ] || die "$JAR is missing: build it first (./mvnw install -DskipTests)"
for tool in docker curl htpasswd iptables java; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (scripts/setup.sh installs it)"
done
docker image inspect pod-service/busybox:1 >/dev/null 2>&1 || die "image pod-service/busybox:1 is missing (scripts/setup.sh makes it)"
docker image inspect pod-service/registry:1 >/dev/null 2>&1 || die "image pod-service/registry:1 is missing (scripts/setup.sh makes it)"

bash "$CONF/setup.sh"

RUN_ID=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pod-conformance-$RUN_ID.XXXXXX")
NAT_CHAIN=PC$RUN_ID
SERVICE_PID=
IMAGE=
FAILED=0
say "run $RUN_ID (temp dir $TMP)"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until "$@" succeeds, polling every 0.5 s, for at most $1 seconds.
wait_for() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

# --- cleanup -------------------------------------------------------------------------------------

stop_service() {
  [ -n "$SERVICE_PID" ] || return 0
  if kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    if ! wait_for 60 service_gone; then
      say "the service did not stop within 60 s: killing it"
      kill -KILL "$SERVICE_PID" 2>/dev/null || true
      wait_for 10 service_gone || true
    fi
  fi
  wait "$SERVICE_PID" 2>/dev/null || true
  # the embedded PostgreSQL runs as child processes of the service: if any outlived it, they are
  # found by the run's own data directory, which no other process names, and ended by their id
  local pid
  for pid in $(pgrep -f -- "$TMP/data" 2>/dev/null || true); do
    [ "$pid" != "$$" ] && kill -KILL "$pid" 2>/dev/null || true
  done
  SERVICE_PID=
}

service_gone() { ! kill -0 "$SERVICE_PID" 2>/dev/null; }

remove_labelled() {
  local ids
  ids=$(docker ps -aq --filter "label=$LABEL=$RUN_ID" 2>/dev/null || true)
  [ -z "$ids" ] || docker rm -f -v $ids >/dev/null 2>&1 || true
  ids=$(docker volume ls -q --filter "label=$LABEL=$RUN_ID" 2>/dev/null || true)
  [ -z "$ids" ] || docker volume rm -f $ids >/dev/null 2>&1 || true
  ids=$(docker network ls -q --filter "label=$LABEL=$RUN_ID" 2>/dev/null || true)
  [ -z "$ids" ] || docker network rm $ids >/dev/null 2>&1 || true
}

# The run's iptables chains (names starting with PC<run id>) in the nat and filter tables: first
# every rule elsewhere that jumps to them, then the chains themselves.
remove_chains() {
  local table chains rule chain
  for table in nat filter; do
    chains=$(iptables -w 5 -t "$table" -S 2>/dev/null | sed -n "s/^-N \($NAT_CHAIN[^ ]*\)\$/\1/p" || true)
    [ -n "$chains" ] || continue
    iptables -w 5 -t "$table" -S 2>/dev/null | grep -E -- "^-A .* -j $NAT_CHAIN[^ ]*( |\$)" \
      | grep -v -E -- "^-A $NAT_CHAIN" | while IFS= read -r rule; do
        eval "iptables -w 5 -t $table -D ${rule#-A }" 2>/dev/null || true
      done
    for chain in $chains; do iptables -w 5 -t "$table" -F "$chain" 2>/dev/null || true; done
    for chain in $chains; do iptables -w 5 -t "$table" -X "$chain" 2>/dev/null || true; done
  done
}

untag_image() {
  [ -n "$IMAGE" ] || return 0
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    docker image rm "$IMAGE" >/dev/null 2>&1 || true
  fi
}

cleanup() {
  local status=$?
  set +e
  stop_service
  if [ "$status" != 0 ] || [ "$FAILED" != 0 ]; then
    if [ -f "$TMP/service.log" ]; then
      say "last 200 lines of the service log:"
      tail -n 200 "$TMP/service.log" >&2
    fi
  fi
  remove_labelled
  remove_chains
  untag_image
  rm -rf "$TMP"
  say "cleaned up run $RUN_ID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the private registry ------------------------------------------------------------------------

REGISTRY_PORT=$(free_port)
REGISTRY=127.0.0.1:$REGISTRY_PORT
REGISTRY_USER=conf-$RUN_ID
REGISTRY_PASSWORD=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
mkdir -p "$TMP/registry" "$TMP/docker-config"
htpasswd -Bbn "$REGISTRY_USER" "$REGISTRY_PASSWORD" >"$TMP/registry/htpasswd"
chmod 644 "$TMP/registry/htpasswd"
docker run -d --name "pod-conformance-registry-$RUN_ID" --label "$LABEL=$RUN_ID" \
  -p "$REGISTRY:5000" -v "$TMP/registry/htpasswd:/auth/htpasswd:ro" \
  pod-service/registry:1 >/dev/null
registry_up() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$REGISTRY/v2/" || true)" = 401 ]; }
wait_for 30 registry_up || die "the registry on $REGISTRY did not answer within 30 s"

IMAGE=$REGISTRY/conformance/busybox:$RUN_ID
printf '%s' "$REGISTRY_PASSWORD" | DOCKER_CONFIG=$TMP/docker-config \
  docker login -u "$REGISTRY_USER" --password-stdin "$REGISTRY" >/dev/null 2>&1 || die "docker login to $REGISTRY failed"
docker tag pod-service/busybox:1 "$IMAGE"
DOCKER_CONFIG=$TMP/docker-config docker push -q "$IMAGE" >/dev/null || die "docker push $IMAGE failed"
untag_image
say "registry $REGISTRY serves $IMAGE (user $REGISTRY_USER)"

# --- the service ---------------------------------------------------------------------------------

cp "$JAR" "$TMP/pod-local.jar"
PORT=$(free_port)
mkdir -p "$TMP/data"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$TMP/pod-local.jar" \
  --server.port="$PORT" \
  --pod.local.data-dir="$TMP/data" \
  --pod.local.kafka-port=0 \
  --pod.local.kafka-controller-port=0 \
  "--pod.worker.extra-labels.$LABEL=$RUN_ID" \
  --pod.worker.nat-chain="$NAT_CHAIN" \
  >"$TMP/service.log" 2>&1 &
SERVICE_PID=$!
say "service starting on 127.0.0.1:$PORT (pid $SERVICE_PID, log $TMP/service.log)"
service_healthy() {
  kill -0 "$SERVICE_PID" 2>/dev/null || die "the service exited during startup"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health" || true)" = 200 ] \
    && [ -s "$TMP/data/credentials" ]
}
wait_for 180 service_healthy || die "the service was not healthy within 180 s"
ACCESS_KEY=$(sed -n 's/^access_key *= *//p' "$TMP/data/credentials" | head -n1)
SECRET_KEY=$(sed -n 's/^secret_key *= *//p' "$TMP/data/credentials" | head -n1)
[ -n "$ACCESS_KEY" ] && [ -n "$SECRET_KEY" ] || die "no access_key/secret_key in $TMP/data/credentials"
say "service up after $((SECONDS - STARTED)) s"

# Second octets of 10.X.0.0/16 that no Docker network of this host uses, one per client, so the
# clients' VPCs (Docker networks) overlap neither each other nor anything else on the host.
used_octets=$(docker network inspect $(docker network ls -q) --format '{{range .IPAM.Config}}{{.Subnet}} {{end}}' 2>/dev/null \
  | tr ' ' '\n' | sed -n 's/^10\.\([0-9]*\)\..*/\1/p' | sort -u | tr '\n' ' ')
pick_octet() {
  local octet
  for _ in $(seq 1 200); do
    octet=$((100 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 150))
    case " $used_octets " in *" $octet "*) continue ;; esac
    used_octets="$used_octets $octet"
    echo "$octet"
    return
  done
  die "no free 10.X.0.0/16 for the clients' VPCs"
}

export POD_ENDPOINT=127.0.0.1:$PORT
export POD_ACCESS_KEY=$ACCESS_KEY
export POD_SECRET_KEY=$SECRET_KEY
export POD_REGION=cn-north-1
export POD_IMAGE=$IMAGE
export POD_REGISTRY_SERVER=$REGISTRY
export POD_REGISTRY_USERNAME=$REGISTRY_USER
export POD_REGISTRY_PASSWORD=$REGISTRY_PASSWORD
export POD_RUN_ID=$RUN_ID
export POD_VPC_OCTET_PYTHON=$(pick_octet)
export POD_VPC_OCTET_JDC=$(pick_octet)
export POD_VPC_OCTET_GO=$(pick_octet)
export PYTHONDONTWRITEBYTECODE=1

# --- the stages ----------------------------------------------------------------------------------

declare -A RESULT=() DURATION=()
ORDER=()
run_stage() {
  local name=$1; shift
  local start=$SECONDS rc=0
  ORDER+=("$name")
  say "stage $name"
  "$@" || rc=$?
  DURATION[$name]=$((SECONDS - start))
  if [ "$rc" = 0 ]; then RESULT[$name]=passed; else RESULT[$name]="FAILED (exit $rc)"; FAILED=1; fi
  # a pull by this stage left the image's tag on the host: remove it, so the next stage's pods
  # pull it from the private registry again (with their own secret)
  untag_image
}

stage_python() {
  "$CONF/.venv-sdk/bin/python" -m pytest -p no:cacheprovider -q -rfE "$CONF/python"
}
stage_jdc() {
  "$CONF/.venv-jdc/bin/python" -m pytest -p no:cacheprovider -q -rfE "$CONF/jdc"
}
stage_go() {
  (cd "$CONF/go" && go test -count=1 -timeout 15m -v ./...)
}

for stage in $STAGES; do
  case $stage in
    python) run_stage "python SDK (jdcloud-sdk 1.6.354)" stage_python ;;
    jdc) run_stage "jdc CLI (jdcloud-cli 1.2.12)" stage_jdc ;;
    go) run_stage "Go SDK (jdcloud-sdk-go v1.67.0)" stage_go ;;
    *) die "unknown stage '$stage' (python, jdc, go)" ;;
  esac
done

printf '\n[conformance] summary of run %s (%d s):\n' "$RUN_ID" "$((SECONDS - STARTED))" >&2
for stage in "${ORDER[@]}"; do
  printf '[conformance]   %-36s %s (%d s)\n' "$stage" "${RESULT[$stage]}" "${DURATION[$stage]}" >&2
done
exit "$FAILED"
