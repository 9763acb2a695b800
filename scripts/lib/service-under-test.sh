# shellcheck shell=bash
# A throwaway instance of the built service for the stages that test it from outside (conformance,
# fuzzing): started from a copy of the launcher's jar on free ports with a fresh data directory, its
# Docker objects, iptables chains and cgroups marked with the run's id, and all of it removed by
# sut_stop. Source it, then:
#   sut_start NAME [extra service arguments...]   exports POD_ENDPOINT, POD_ACCESS_KEY, POD_SECRET_KEY,
#                                                 SUT_PORT, SUT_MANAGEMENT_PORT, SUT_RUN_ID, SUT_TMP, SUT_LOG
#   sut_registry                                  before sut_start: a private registry (htpasswd, random
#                                                 credentials) on a free loopback port holding the busybox
#                                                 image; exports SUT_REGISTRY, SUT_IMAGE, SUT_REGISTRY_USER,
#                                                 SUT_REGISTRY_PASSWORD, and the service may pull from it
#   sut_untag_image                               removes the local tag of SUT_IMAGE, so pods pull it again
#   sut_check_log                                 fails, showing them, if the service logged ERRORs
#   sut_stop                                      (idempotent; call it from an EXIT trap)
# Needs ROOT (the repository) set; runs as root.

SUT_LABEL=pod-service.test-run
SUT_PID=
SUT_TMP=
SUT_REGISTRY=
SUT_IMAGE=

sut_say() { printf '[%s] %s\n' "${SUT_NAME:-service}" "$*" >&2; }

sut_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# sut_wait SECONDS COMMAND...: polls COMMAND every half second until it succeeds or time is up.
# N second octets X of 10.X.0.0/16 (100-249) that no Docker network of this host uses, all
# different: blocks for the VPCs a run creates, which become Docker networks and may not overlap
# anything already there (another run's, an operator's), where a fixed block fails as
# "Pool overlaps with other one on this address space".
sut_free_octets() {
  local want=$1 used picked="" octet
  # shellcheck disable=SC2046
  used=$(docker network inspect $(docker network ls -q) --format '{{range .IPAM.Config}}{{.Subnet}} {{end}}' 2>/dev/null \
    | tr ' ' '\n' | sed -n 's/^10\.\([0-9]*\)\..*/\1/p' | sort -u | tr '\n' ' ')
  for _ in $(seq 1 400); do
    [ "$(echo "$picked" | wc -w)" -ge "$want" ] && break
    octet=$((100 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 150))
    case " $used $picked " in *" $octet "*) continue ;; esac
    picked="$picked $octet"
  done
  [ "$(echo "$picked" | wc -w)" -ge "$want" ] || { sut_say "no $want free 10.X.0.0/16 blocks on this host"; return 1; }
  echo $picked
}

sut_wait() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.5
  done
}

# The run's id and temporary directory, made once by whichever of sut_registry and sut_start comes first.
sut_prepare() {
  SUT_NAME=$1
  [ -z "$SUT_TMP" ] || return 0
  SUT_RUN_ID=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
  SUT_TMP=$(mktemp -d "${TMPDIR:-/tmp}/pod-$SUT_NAME-$SUT_RUN_ID.XXXXXX")
  SUT_CHAIN=PS$SUT_RUN_ID
  SUT_CGROUP=podsvc-$SUT_NAME-$SUT_RUN_ID
}

sut_registry() {
  sut_prepare "$1"
  local port
  port=$(sut_free_port)
  SUT_REGISTRY=127.0.0.1:$port
  SUT_REGISTRY_USER=$SUT_NAME-$SUT_RUN_ID
  SUT_REGISTRY_PASSWORD=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
  mkdir -p "$SUT_TMP/registry" "$SUT_TMP/docker-config"
  htpasswd -Bbn "$SUT_REGISTRY_USER" "$SUT_REGISTRY_PASSWORD" >"$SUT_TMP/registry/htpasswd"
  chmod 644 "$SUT_TMP/registry/htpasswd"
  docker run -d --name "pod-$SUT_NAME-registry-$SUT_RUN_ID" --label "$SUT_LABEL=$SUT_RUN_ID" \
    -p "$SUT_REGISTRY:5000" -v "$SUT_TMP/registry/htpasswd:/auth/htpasswd:ro" pod-service/registry:1 >/dev/null
  if ! sut_wait 30 sut_registry_up; then
    sut_say "ERROR: the registry on $SUT_REGISTRY did not answer within 30 s"
    return 1
  fi
  SUT_IMAGE=$SUT_REGISTRY/$SUT_NAME/busybox:$SUT_RUN_ID
  # the login is the run's own (its own Docker config), never the machine's
  printf '%s' "$SUT_REGISTRY_PASSWORD" | DOCKER_CONFIG=$SUT_TMP/docker-config \
    docker login -u "$SUT_REGISTRY_USER" --password-stdin "$SUT_REGISTRY" >/dev/null 2>&1 \
    || { sut_say "ERROR: docker login to $SUT_REGISTRY failed"; return 1; }
  docker tag pod-service/busybox:1 "$SUT_IMAGE"
  DOCKER_CONFIG=$SUT_TMP/docker-config docker push -q "$SUT_IMAGE" >/dev/null \
    || { sut_say "ERROR: docker push $SUT_IMAGE failed"; return 1; }
  sut_untag_image
  export SUT_REGISTRY SUT_IMAGE SUT_REGISTRY_USER SUT_REGISTRY_PASSWORD
  sut_say "registry $SUT_REGISTRY serves $SUT_IMAGE (user $SUT_REGISTRY_USER)"
}

sut_registry_up() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$SUT_REGISTRY/v2/" || true)" = 401 ]; }

sut_untag_image() {
  [ -n "$SUT_IMAGE" ] || return 0
  if docker image inspect "$SUT_IMAGE" >/dev/null 2>&1; then
    docker image rm "$SUT_IMAGE" >/dev/null 2>&1 || true
  fi
}

sut_start() {
  sut_prepare "$1"; shift
  local jar=$ROOT/pod-local/target/pod-local-0.1.0-SNAPSHOT.jar
  [ -f "$jar" ] || { sut_say "ERROR: $jar is missing: build it first (./mvnw install -DskipTests)"; return 1; }
  local registry=()
  # the run's registry is on loopback: pods may pull from it (with their secret; it is not shared)
  [ -z "$SUT_REGISTRY" ] || registry=("--pod.worker.allowed-private-registries[0]=$SUT_REGISTRY")
  SUT_LOG=$SUT_TMP/service.log
  SUT_PORT=$(sut_free_port)
  SUT_MANAGEMENT_PORT=$(sut_free_port)
  cp "$jar" "$SUT_TMP/pod-local.jar"
  mkdir -p "$SUT_TMP/data"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$SUT_TMP/pod-local.jar" \
    --server.port="$SUT_PORT" \
    --management.server.port="$SUT_MANAGEMENT_PORT" \
    --pod.local.data-dir="$SUT_TMP/data" \
    --pod.local.kafka-port=0 \
    --pod.local.kafka-controller-port=0 \
    "--pod.worker.extra-labels.$SUT_LABEL=$SUT_RUN_ID" \
    --pod.worker.nat-chain="$SUT_CHAIN" \
    --pod.worker.cgroup-root="$SUT_CGROUP" \
    "${registry[@]}" "$@" >"$SUT_LOG" 2>&1 &
  SUT_PID=$!
  sut_say "run $SUT_RUN_ID: service starting on 127.0.0.1:$SUT_PORT (pid $SUT_PID, log $SUT_LOG)"
  if ! sut_wait 180 sut_healthy; then
    sut_say "ERROR: the service was not healthy within 180 s; the end of its log:"
    tail -n 100 "$SUT_LOG" >&2
    return 1
  fi
  export POD_ENDPOINT=127.0.0.1:$SUT_PORT
  POD_ACCESS_KEY=$(sed -n 's/^access_key *= *//p' "$SUT_TMP/data/credentials" | head -n1)
  POD_SECRET_KEY=$(sed -n 's/^secret_key *= *//p' "$SUT_TMP/data/credentials" | head -n1)
  export POD_ACCESS_KEY POD_SECRET_KEY
  # the launcher's operator (pod.operators): the operator API's calls (accounts, MFA) in the suites
  POD_OPERATOR_ACCESS_KEY=$(sed -n 's/^access_key *= *//p' "$SUT_TMP/data/operator-credentials" | head -n1)
  POD_OPERATOR_SECRET_KEY=$(sed -n 's/^secret_key *= *//p' "$SUT_TMP/data/operator-credentials" | head -n1)
  export POD_OPERATOR_ACCESS_KEY POD_OPERATOR_SECRET_KEY
  export POD_REGION=cn-north-1
  sut_say "service up"
}

sut_healthy() {
  kill -0 "$SUT_PID" 2>/dev/null || { sut_say "ERROR: the service exited during startup"; tail -n 100 "$SUT_LOG" >&2; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SUT_MANAGEMENT_PORT/actuator/health" || true)" = 200 ] \
    && [ -s "$SUT_TMP/data/credentials" ] && [ -s "$SUT_TMP/data/operator-credentials" ]
}

# An ERROR in the service's log is an exception no answer showed: the stage fails on it.
sut_check_log() {
  local errors
  errors=$(grep -c ' ERROR ' "$SUT_LOG" || true)
  [ "$errors" != 0 ] || return 0
  sut_say "the service logged $errors ERRORs during the run; the first, with what followed:"
  grep -m 3 -A 25 ' ERROR ' "$SUT_LOG" | cut -c1-300 >&2
  return 1
}

sut_stop() {
  [ -n "$SUT_TMP" ] || return 0
  set +e
  if [ -n "$SUT_PID" ] && kill -0 "$SUT_PID" 2>/dev/null; then
    kill -TERM "$SUT_PID" 2>/dev/null
    sut_wait 60 sut_gone || kill -KILL "$SUT_PID" 2>/dev/null
  fi
  [ -z "$SUT_PID" ] || wait "$SUT_PID" 2>/dev/null
  # the embedded PostgreSQL's processes name the run's own data directory, which no other process does
  local pid
  for pid in $(pgrep -f -- "$SUT_TMP/data" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  local ids
  ids=$(docker ps -aq --filter "label=$SUT_LABEL=$SUT_RUN_ID" 2>/dev/null)
  [ -z "$ids" ] || docker rm -f -v $ids >/dev/null 2>&1
  ids=$(docker volume ls -q --filter "label=$SUT_LABEL=$SUT_RUN_ID" 2>/dev/null)
  [ -z "$ids" ] || docker volume rm -f $ids >/dev/null 2>&1
  # Docker 20.10 may still hold a just-removed container's endpoint on its network for a moment
  # ("has active endpoints"): a network left behind that way is tried again, for up to 10 s
  for _ in $(seq 1 20); do
    ids=$(docker network ls -q --filter "label=$SUT_LABEL=$SUT_RUN_ID" 2>/dev/null)
    [ -n "$ids" ] || break
    docker network rm $ids >/dev/null 2>&1 || sleep 0.5
  done
  sut_remove_chains
  sut_untag_image
  # the worker's binds under the data directory (subPaths, volume views), deepest first
  awk -v root="$SUT_TMP/" 'index($5, root) == 1 {print length($5), $5}' /proc/self/mountinfo | sort -rn \
    | cut -d' ' -f2- | while IFS= read -r point; do umount -l "$point" 2>/dev/null; done
  local cgroup
  for cgroup in /sys/fs/cgroup/*/"${SUT_CGROUP:?}" /sys/fs/cgroup/"$SUT_CGROUP"; do
    [ -d "$cgroup" ] && find "$cgroup" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  rm -rf "$SUT_TMP"
  SUT_TMP=
  sut_say "run $SUT_RUN_ID cleaned up"
}

sut_gone() { ! kill -0 "$SUT_PID" 2>/dev/null; }

# The run's iptables chains (names starting with its chain prefix): every jump to them, then the chains.
sut_remove_chains() {
  local table chains rule chain
  [ -n "${SUT_CHAIN:-}" ] || return 0
  for table in nat filter; do
    chains=$(iptables -w 5 -t "$table" -S 2>/dev/null | sed -n "s/^-N \($SUT_CHAIN[^ ]*\)\$/\1/p")
    [ -n "$chains" ] || continue
    iptables -w 5 -t "$table" -S 2>/dev/null | grep -E -- "^-A .* -j $SUT_CHAIN[^ ]*( |\$)" \
      | grep -v -E -- "^-A $SUT_CHAIN" | while IFS= read -r rule; do
        eval "iptables -w 5 -t $table -D ${rule#-A }" 2>/dev/null
      done
    for chain in $chains; do iptables -w 5 -t "$table" -F "$chain" 2>/dev/null; done
    for chain in $chains; do iptables -w 5 -t "$table" -X "$chain" 2>/dev/null; done
  done
}
