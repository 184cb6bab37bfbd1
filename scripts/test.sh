#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, lints, runs unit tests, brings the local network up,
# runs the integration tests against it, tears it down, and prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true

section() { printf '\n=== %s ===\n' "$*"; }
fail() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

section "node $(node --version)"
[[ "$(node --version)" == v24.* ]] || fail "expected Node 24 from the node@24 devDependency, got $(node --version)"

section "build (tsc -b)"
npm run --silent build || fail "type-check/build failed"

section "install local network components"
node devnet/dist/cli.js install || fail "devnet install failed"
bash tests/integration/authors-client/setup.sh || fail "the authors' client environment could not be set up"
bash tests/integration/schemathesis/setup.sh || fail "schemathesis could not be set up"

section "Chromium for the browser tests (Debian package, never a downloaded browser)"
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ $EUID -eq 0 ]]; then
    # A fresh machine may have no package lists yet: update once, only when the install needs it.
    apt-get install -y --no-install-recommends chromium >/dev/null ||
      { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; } ||
      fail "chromium could not be installed with apt"
  else
    echo "skipped: /usr/bin/chromium is missing and installing it needs root (the dashboard tests will fail)"
  fi
fi

section "install Kubernetes validation tools"
node tools/k8s/dist/main.js install || fail "the Kubernetes validation tools could not be installed"
section "container images (dist/images)"
# buildah needs root for its storage; the images smoke test in the integration suite is skipped without root too.
if [[ $EUID -eq 0 ]]; then
  node tools/images/dist/main.js build || fail "the container images did not build"
else
  echo "skipped: building images with buildah needs root"
fi

section "lint and format"
npm run --silent lint || fail "lint failed"
npm run --silent format:check || fail "formatting differs from Prettier: run npm run format"

section "unit tests"
npm run --silent test:unit
unit_status=$?

section "local network up"
# Short surveillance windows for tests/integration/src/audit-surveillance.test.ts (docs/surveillance.md).
export AUDIT_ROADS='{"sim-*-speed-*":"it-road"}'
export AUDIT_SURVEILLANCE='{"gapGraceMs":5000,"driftWindowMs":5000,"driftLatenessMs":2000,"driftMinVehicles":8,"clockWindowMs":3000,"clockMinPoints":3,"rateBucketMs":10000,"checkIntervalMs":1000}'
node devnet/dist/cli.js down --wipe >/dev/null 2>&1 || true
if ! node devnet/dist/cli.js up --services; then
  node devnet/dist/cli.js down
  fail "network did not come up"
fi
trap 'node devnet/dist/cli.js down' EXIT

section "integration tests"
npm run --silent test:integration
integration_status=$?

section "local network down"
trap - EXIT
node devnet/dist/cli.js down
down_status=$?

section "faults: the fast subset (one kill -9 per component kind) and a one-minute soak, on its own network"
# 3 Kafka brokers; a lighter load than the full run's half of saturation, to keep the test command's time down.
rm -f test-results/faults.tap
FAULTS_SKIP_BUILD=1 bash scripts/faults.sh --fast --rate 150 --soak-s 60 \
  --tap test-results/faults.tap --out test-results/faults-fast.json
# Its verdict is the TAP's (a fault with an open, documented issue is a TODO there, not a failure); a run that
# wrote no TAP at all counts as a failure in the summary.

section "summary"
node scripts/summarise-tests.mjs test-results/unit.tap test-results/integration.tap test-results/faults.tap
summary_status=$?
if [[ $unit_status -ne 0 || $integration_status -ne 0 || $down_status -ne 0 || $summary_status -ne 0 ]]; then
  exit 1
fi
