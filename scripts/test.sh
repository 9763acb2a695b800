#!/usr/bin/env bash
# The README's second command: prepares this machine (scripts/setup.sh --tests) and runs every test
# against the real PostgreSQL, Kafka and Docker daemon, in stages:
#   1. the Maven suite (unit and integration tests; arguments go to Maven);
#   2. conformance: JD Cloud's own Python SDK, Go SDK and jdc CLI against a built service;
#   3. fuzzing: schemathesis from the service's OpenAPI document, signed by JD Cloud's signer;
#   4. browser: the web console end to end in headless Chromium (playwright-core);
#   5. cluster: the distributed deployment as separate processes (command-api, query-api and
#      pod-worker twice each, audit, billing, nginx in front) under JD Cloud's Python SDK, with one
#      command-api and one query-api killed part-way (cluster/run.sh).
# POD_TEST_STAGES (default "maven conformance fuzz browser cluster") chooses stages; each prints its own verdict.
set -euo pipefail
cd "$(dirname "$0")/.."
stages=${POD_TEST_STAGES:-maven conformance fuzz browser cluster}
bash scripts/setup.sh --tests
# the console goes into pod-local's jar: built before Maven packages it
bash console/build.sh
started=$SECONDS
stage() { printf '\n[test] ===== %s (%ss into the run) =====\n' "$1" "$((SECONDS - started))" >&2; }
for name in $stages; do
  case $name in
    maven) stage "Maven suite"; ./mvnw -B verify "$@" ;;
    conformance)
      stage "conformance with JD Cloud's clients"
      [ -f pod-local/target/pod-local-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q install -DskipTests
      bash conformance/run.sh ;;
    fuzz) stage "fuzzing"; bash fuzz/run.sh ;;
    browser)
      stage "the console in a browser"
      [ -f pod-local/target/pod-local-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q install -DskipTests
      bash console/e2e/run.sh ;;
    cluster)
      stage "the distributed deployment, every application twice"
      [ -f pod-local/target/pod-local-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q install -DskipTests
      bash cluster/run.sh ;;
    *) echo "[test] unknown stage '$name' in POD_TEST_STAGES (maven, conformance, fuzz, browser, cluster)" >&2; exit 2 ;;
  esac
done
printf '\n[test] all stages passed (%s) in %ss\n' "$stages" "$((SECONDS - started))" >&2
