#!/usr/bin/env bash
# Benchmark of the read side: 100,000 pods in the read model, describePods p50/p99 through the
# signed HTTP API for several filters and pages. Prints a table (also written to
# pod-local/target/describe-pods-benchmark.md). Not part of the test suite.
#   BENCH_PODS=100000 BENCH_ROUNDS=300 scripts/bench-describe-pods.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
./mvnw -B -q -DskipTests install
./mvnw -B -pl pod-local test -Dbenchmark.excludes=none -Dtest=DescribePodsBenchmark \
  -Dbench.pods="${BENCH_PODS:-100000}" -Dbench.rounds="${BENCH_ROUNDS:-300}" | grep -E '^\[bench\]|Tests run|BUILD'
cat pod-local/target/describe-pods-benchmark.md
