#!/usr/bin/env bash
# `npm run bench:fe`: the functional-encryption benchmark. Pure computation: no local network, no services.
# Builds, runs bench/src/fe (the GoFE anchor in bench/gofe needs Go; without it the anchor is reported as
# missing), prints its table; results go to bench/results/fe.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true

echo "=== build"
npm run --silent build

echo "=== benchmark fe"
node bench/dist/fe/main.js "$@"
