#!/usr/bin/env bash
# The console end to end in a real browser: a throwaway service (scripts/lib/service-under-test.sh)
# with a private registry, then console.test.mjs drives Debian's Chromium through playwright-core
# (headless, no sandbox, no GPU, no background networking: the browser reaches only the service on
# loopback). Screenshots of each page go to console/target/screenshots. Fails on a failed step or an
# ERROR in the service's log.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../scripts/lib/service-under-test.sh
. "$ROOT/scripts/lib/service-under-test.sh"
[ -x /usr/bin/chromium ] || { echo "[console] /usr/bin/chromium is missing (scripts/setup.sh --tests installs it)" >&2; exit 1; }
[ -d "$ROOT/console/node_modules/playwright-core" ] || bash "$ROOT/console/build.sh"
trap sut_stop EXIT
trap 'exit 130' INT TERM
sut_registry console
sut_start console
CONSOLE_VPC_OCTET=$(sut_free_octets 1)
export CONSOLE_VPC_OCTET
export CONSOLE_SCREENSHOTS=$ROOT/console/target/screenshots
mkdir -p "$CONSOLE_SCREENSHOTS"
status=0
(cd "$ROOT/console" && node --test --test-concurrency=1 e2e/) || status=$?
sut_check_log || status=1
[ "$status" = 0 ] && sut_say "the console passed in Chromium; screenshots in $CONSOLE_SCREENSHOTS"
exit "$status"
