#!/usr/bin/env bash
# The distributed deployment (docker-compose.yml) from images made on this machine only:
#   1. scripts/setup.sh (Docker, docker-compose, the local images), the jars and the console if missing
#   2. deploy/images/build.sh: the Debian base (debootstrap), PostgreSQL and Kafka images
#   3. the demo registry on 127.0.0.1:5000 (scripts/local-registry.sh), which the worker pulls from
#   4. .env (mode 0600, kept): the master key, node token, database password and the first account's
#      access key, generated once; data/compose-credentials: that key as a scripts/pod profile
#   5. docker-compose up with command-api and query-api twice each (COMMAND_APIS, QUERY_APIS), the
#      gateway on 127.0.0.1:8080, then waits until a signed call through the gateway is answered
# Stop it with: docker-compose -p pod-service -f docker-compose.yml -f deploy/compose.local.yml down
# (add -v to drop the database and the event log). Usage (as root): scripts/compose-up.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STARTED=$SECONDS
COMPOSE=(docker-compose -p pod-service -f docker-compose.yml -f deploy/compose.local.yml)
say() { printf '[compose] %s\n' "$*" >&2; }
die() { printf '[compose] ERROR: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (images, the worker's node work)"

bash scripts/setup.sh
for m in command-api query-api node-gateway audit billing pod-worker; do
  [ -f "$m/target/$m-0.1.0-SNAPSHOT-exec.jar" ] || { ./mvnw -B -q install -DskipTests; break; }
done
[ -f console/dist/index.html ] || bash console/build.sh
bash deploy/images/build.sh
POD_DATA_DIR=./data bash scripts/local-registry.sh

random() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
if [ ! -f .env ]; then
  ( umask 077
    printf '%s\n' "# docker-compose's secrets for this machine's deployment (scripts/compose-up.sh); keep them"
    printf 'POD_MASTER_KEY=%s\n' "$(head -c 32 /dev/urandom | base64)"
    printf 'POD_NODE_TOKEN=%s\n' "$(random 24)"
    printf 'POD_DB_PASSWORD=%s\n' "$(random 16)"
    printf 'POD_ACCESS_KEY=%s\n' "$(random 16 | tr a-f A-F)"
    printf 'POD_SECRET_KEY=%s\n' "$(random 20)" ) >.env
  say "secrets generated into .env (mode 0600)"
fi
# the demo registry's login, for the worker (it changes when data/registry is made anew)
sed -i '/^POD_REGISTRY_/d' .env
printf 'POD_REGISTRY_USERNAME=%s\nPOD_REGISTRY_PASSWORD=%s\n' \
  "$(sed -n 's/^username=//p' data/registry/credentials)" "$(sed -n 's/^password=//p' data/registry/credentials)" >>.env
set -a
# shellcheck disable=SC1091
. ./.env
set +a
( umask 077
  printf '[default]\nendpoint = http://127.0.0.1:8080\nregion = cn-north-1\naccess_key = %s\nsecret_key = %s\n' \
    "$POD_ACCESS_KEY" "$POD_SECRET_KEY" >data/compose-credentials )

# the worker's state directory is bound into its container with shared propagation (its disk mounts
# must reach the host's Docker): it must sit on a shared mount, which systemd makes / but a plain
# container host may not; then it becomes one of its own
state=/var/lib/pod-service/worker
mkdir -p "$state"
if ! findmnt -n -o PROPAGATION --target "$state" | grep -q shared; then
  mountpoint -q "$state" || mount --bind "$state" "$state"
  mount --make-rshared "$state"
  say "$state made a shared mount (the host's / is not)"
fi
# a Docker that cannot start privileged containers (its own capabilities are short) gets the
# worker with exactly the capabilities and devices it needs instead
if ! docker run --rm --privileged pod-service/busybox:1 true >/dev/null 2>&1; then
  COMPOSE+=(-f deploy/compose.unprivileged.yml)
  say "this Docker cannot run privileged containers: the worker gets its capabilities one by one (deploy/compose.unprivileged.yml)"
fi
up=$SECONDS
"${COMPOSE[@]}" up -d --build --scale command-api="${COMMAND_APIS:-2}" --scale query-api="${QUERY_APIS:-2}" >&2
say "containers started in $((SECONDS - up)) s; waiting for a signed call through the gateway"
answered() { scripts/pod --config data/compose-credentials describe-pods >/dev/null 2>&1; }
deadline=$((SECONDS + 300))
until answered; do
  [ "$SECONDS" -lt "$deadline" ] || { "${COMPOSE[@]}" ps >&2; die "no answer through the gateway within 300 s"; }
  sleep 2
done
say "the deployment answers on http://127.0.0.1:8080 after $((SECONDS - up)) s from 'up' ($((SECONDS - STARTED)) s in all)"
say "call it with: scripts/pod --config data/compose-credentials describe-pods"
"${COMPOSE[@]}" ps >&2
