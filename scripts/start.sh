#!/usr/bin/env bash
# The README's run command: build, install what is missing, start the local network and the five services.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
npm run --silent build
node devnet/dist/cli.js down >/dev/null 2>&1 || true
node devnet/dist/cli.js up --services "$@"
cat <<'MSG'

metrochain is running. Service docs at /docs of each: registration PTB :3001, Inmetro :3011;
  verification :3002, measurement :3003, billing :3004, audit :3005 (auditor tokens: .devnet/network.json)
  npm run devnet -- status      process health
  npm run devnet -- logs <name> one process's log
  npm run devnet -- down        stop everything
MSG
