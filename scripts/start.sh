#!/usr/bin/env bash
# The README's run command: build, install what is missing, start the local network and the five services, then a
# simulated fleet in the foreground with a live view of the measurements (Ctrl-C stops the fleet, not the network).
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
npm run --silent build
node devnet/dist/cli.js down >/dev/null 2>&1 || true
node devnet/dist/cli.js up --services "$@"
cat <<'MSG'

metrochain is running. Service docs at /docs of each: registration PTB :3001, Inmetro :3011;
  verification :3002, measurement :3003, billing :3004, audit :3005 (credentials: .devnet/network.json, docs/identity.md)
  npm run devnet -- status      process health
  npm run devnet -- logs <name> one process's log
  npm run devnet -- down        stop everything
MSG
cat <<'MSG'

A simulated fleet (4 speed and 4 energy meters, 2 readings/s each, and 2 functionally encrypted energy meters
uploading their 15-minute slots since the start of last month, then one per slot) registers with both NMIs and
posts signed readings; below: readings accepted, verified, recorded and rejected per second, and the latest
measurements. The FE meters' seeds are in .devnet/fleet/customer-seeds.json (the customers' copy).
Ctrl-C stops the fleet only; the network keeps running.

MSG
# The fleet handles Ctrl-C itself and exits 0, so this script goes on to say how to stop the network.
fleet_status=0
node tools/fleet/dist/main.js run --watch --speed-meters 4 --energy-meters 4 --fe-meters 2 --rate 2 --batch 10 || fleet_status=$?
echo
echo "The fleet stopped; the network is still running. Stop it with: npm run devnet -- down"
exit "$fleet_status"
