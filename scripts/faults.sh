#!/usr/bin/env bash
# The fault runner (docs/faults.md): `npm run faults` runs the full matrix and an hour's soak; `-- --fast` one kill per
# component kind (the test command's subset). Builds, brings up its own network with 3 Kafka brokers (replication 3,
# min ISR 2) and 3 Raft orderers plus the services, injects each fault under a steady load, checks exactly-once
# against the ledger, writes bench/results/faults.json (or --out), and takes the network down again.
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true

fast=0
for arg in "$@"; do [[ $arg == --fast ]] && fast=1; done
extra=()
if [[ $fast -eq 0 ]] && [[ " $* " != *" --soak-s "* ]]; then
  extra=(--soak-s 3600)
fi

if [[ "${FAULTS_SKIP_BUILD:-0}" != 1 ]]; then
  echo "=== build"
  npm run --silent build || exit 1
  node devnet/dist/cli.js install || exit 1
fi

echo "=== local network with 3 Kafka brokers and 3 Raft orderers (taken down afterwards)"
node devnet/dist/cli.js down --wipe >/dev/null 2>&1 || true
if ! node devnet/dist/cli.js up --services --kafka-brokers 3 --orderers 3; then
  node devnet/dist/cli.js down
  exit 1
fi
trap 'node devnet/dist/cli.js down' EXIT

echo "=== faults"
node --enable-source-maps bench/dist/faults/main.js "$@" "${extra[@]}"
rc=$?
if [[ $rc -ne 0 ]]; then
  # A clean clone's CI keeps nothing but this output: the services' last warnings say why a run failed.
  for log in .devnet/logs/service-*.log; do
    echo "--- last warnings and errors of $(basename "$log" .log)"
    grep -E '"level":"(warn|error|fatal)"' "$log" | tail -n 12 | cut -c 1-400
  done
fi
exit $rc
