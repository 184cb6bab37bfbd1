#!/usr/bin/env bash
# `npm run bench:fe`: the functional-encryption benchmark. First pure computation (bench/src/fe: encrypt, decrypt,
# month bill, table, the GoFE anchor in bench/gofe, which needs Go) → bench/results/fe.json; then the bill in the
# chaincode on the local network (bench/src/billing via scripts/bench.sh, which brings the network up unless it
# runs) → bench/results/billing.json. FE_BENCH_LEDGER=0 skips the second part.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true

echo "=== build"
npm run --silent build

echo "=== benchmark fe"
node bench/dist/fe/main.js "$@"

if [[ "${FE_BENCH_LEDGER:-1}" != "0" ]]; then
  bash scripts/bench.sh billing
fi
