#!/usr/bin/env bash
# The fuzzing stage: schemathesis against the running service's own OpenAPI document, every request
# signed with JD Cloud's own Python signer (fuzz/signing_hooks.py), for a bounded time
# (FUZZ_SECONDS, 150 by default). Fails on any 5xx, an undocumented status code, a wrong content
# type, an answer that does not match the document, or an ERROR in the service's log. It aims at
# real resources (fuzz/seed.py: a running pod, its VPC, subnet, group, elastic IP and secret); the
# pod is not fuzzed with deletePod, which would make the rest 404 (the other suites delete pods).
# Hypothesis's filter_too_much health check is off: createPods' schema is strict by design.
# Usage (as root, after ./mvnw install -DskipTests): bash fuzz/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FUZZ=$ROOT/fuzz
# shellcheck source=../scripts/lib/service-under-test.sh
. "$ROOT/scripts/lib/service-under-test.sh"
bash "$FUZZ/setup.sh"
trap sut_stop EXIT
trap 'exit 130' INT TERM
mkdir -p "$FUZZ/target"
sut_registry fuzz
# small quotas: the fuzzer's pods are many and short-lived
sut_start fuzz "--pod.quota.defaults.pod=6" "--pod.quota.defaults.container=12" "--pod.quota.defaults.vpc=5" \
  "--pod.quota.defaults.subnet=5" "--pod.quota.defaults.elasticIp=5" "--pod.quota.defaults.secret=5"
FUZZ_VPC_OCTET=$(sut_free_octets 1)
export FUZZ_VPC_OCTET
seed=$("$FUZZ/.venv/bin/python" "$FUZZ/seed.py")
eval "$seed"
sut_say "seeded: pod $FUZZ_POD_ID, vpc $FUZZ_VPC_ID, subnet $FUZZ_SUBNET_ID, group $FUZZ_SECURITY_GROUP_ID, elastic IP $FUZZ_ELASTIC_IP_ID, secret $FUZZ_SECRET_NAME"
status=0
SCHEMATHESIS_HOOKS=$FUZZ/signing_hooks.py "$FUZZ/.venv/bin/schemathesis" --config-file "$FUZZ/schemathesis.toml" \
  run "http://127.0.0.1:$SUT_PORT/v3/api-docs" --url "http://127.0.0.1:$SUT_PORT" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --phases examples,fuzzing --max-time "${FUZZ_SECONDS:-150}" --workers 2 --seed "${FUZZ_SEED:-20261130}" \
  --exclude-path-regex ':(execStart|attach)$' --exclude-operation-id deletePod \
  --suppress-health-check filter_too_much \
  --report junit --report-dir "$FUZZ/target" || status=$?
cp "$SUT_LOG" "$FUZZ/target/service.log"
sut_check_log || status=1
exit "$status"
