#!/usr/bin/env bash
# The conformance stage: JD Cloud's own clients, unchanged, against the built service.
#   1. a private registry (htpasswd auth, random credentials) on 127.0.0.1 holding the busybox image,
#      its local tag removed so pods must pull it with a secret (scripts/lib/service-under-test.sh)
#   2. the service from a copy of pod-local's jar, on free ports with a fresh data directory
#   3. the Python SDK tests, the jdc CLI tests and the Go SDK tests, then a summary
#   4. always: removes what the run made (the service, its containers, volumes, networks, iptables
#      chains, cgroups and binds, the registry, the image tags, the temporary directory)
# Usage (as root, from anywhere, after `./mvnw install -DskipTests`): bash conformance/run.sh
# Exits non-zero if any stage failed. For working on the suite: CONFORMANCE_STAGES="python jdc go"
# chooses stages; CONFORMANCE_PYTEST_ARGS (e.g. "-k exec -s") and CONFORMANCE_GO_ARGS (e.g.
# "-run TestExec") are passed to pytest and go test; CONFORMANCE_SERVICE_LOG=<file> keeps the
# service's log there.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
CONF=$ROOT/conformance
STAGES=${CONFORMANCE_STAGES:-python jdc go}
STARTED=$SECONDS
FAILED=0
# shellcheck source=../scripts/lib/service-under-test.sh
. "$ROOT/scripts/lib/service-under-test.sh"

say() { printf '[conformance] %s\n' "$*" >&2; }
die() { printf '[conformance] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (the service manages Docker and iptables)"
for tool in docker curl htpasswd iptables java go; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (scripts/setup.sh --tests installs it)"
done
docker image inspect pod-service/busybox:1 >/dev/null 2>&1 || die "image pod-service/busybox:1 is missing (scripts/setup.sh makes it)"
docker image inspect pod-service/registry:1 >/dev/null 2>&1 || die "image pod-service/registry:1 is missing (scripts/setup.sh makes it)"

bash "$CONF/setup.sh"

cleanup() {
  local status=$?
  set +e
  if [ -n "${CONFORMANCE_SERVICE_LOG:-}" ] && [ -f "${SUT_LOG:-}" ]; then
    cp "$SUT_LOG" "$CONFORMANCE_SERVICE_LOG"
  fi
  if { [ "$status" != 0 ] || [ "$FAILED" != 0 ]; } && [ -f "${SUT_LOG:-}" ]; then
    say "last 200 lines of the service log:"
    tail -n 200 "$SUT_LOG" >&2
  fi
  sut_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sut_registry conformance
sut_start conformance
say "service up after $((SECONDS - STARTED)) s"

export POD_IMAGE=$SUT_IMAGE
export POD_REGISTRY_SERVER=$SUT_REGISTRY
export POD_REGISTRY_USERNAME=$SUT_REGISTRY_USER
export POD_REGISTRY_PASSWORD=$SUT_REGISTRY_PASSWORD
export POD_RUN_ID=$SUT_RUN_ID
# one 10.X.0.0/16 per client, so their VPCs (Docker networks) overlap neither each other nor the host's
octets=$(sut_free_octets 3) || die "no free 10.X.0.0/16 for the clients' VPCs"
read -r POD_VPC_OCTET_PYTHON POD_VPC_OCTET_JDC POD_VPC_OCTET_GO <<< "$octets"
export POD_VPC_OCTET_PYTHON POD_VPC_OCTET_JDC POD_VPC_OCTET_GO
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
  sut_untag_image
}

stage_python() {
  # shellcheck disable=SC2086
  "$CONF/.venv-sdk/bin/python" -m pytest -p no:cacheprovider -q -rfE ${CONFORMANCE_PYTEST_ARGS:-} "$CONF/python"
}
stage_jdc() {
  # shellcheck disable=SC2086
  "$CONF/.venv-jdc/bin/python" -m pytest -p no:cacheprovider -q -rfE ${CONFORMANCE_PYTEST_ARGS:-} "$CONF/jdc"
}
stage_go() {
  # shellcheck disable=SC2086
  (cd "$CONF/go" && go test -count=1 -timeout 15m -v ${CONFORMANCE_GO_ARGS:-} ./...)
}

for stage in $STAGES; do
  case $stage in
    python) run_stage "python SDK (jdcloud-sdk 1.6.354)" stage_python ;;
    jdc) run_stage "jdc CLI (jdcloud-cli 1.2.12)" stage_jdc ;;
    go) run_stage "Go SDK (jdcloud-sdk-go v1.67.0)" stage_go ;;
    *) die "unknown stage '$stage' (python, jdc, go)" ;;
  esac
done

run_stage "the service's log" sut_check_log

printf '\n[conformance] summary of run %s (%d s):\n' "$SUT_RUN_ID" "$((SECONDS - STARTED))" >&2
for stage in "${ORDER[@]}"; do
  printf '[conformance]   %-36s %s (%d s)\n' "$stage" "${RESULT[$stage]}" "${DURATION[$stage]}" >&2
done
exit "$FAILED"
