#!/usr/bin/env bash
# The README's run command: build, install what is missing, start the local network and the five services.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
npm run --silent build
node devnet/dist/cli.js down >/dev/null 2>&1 || true
node devnet/dist/cli.js up --services "$@"
cat <<'MSG'

metrochain is running. Service docs: http://127.0.0.1:3001/docs … :3005/docs
  npm run devnet -- status      process health
  npm run devnet -- logs <name> one process's log
  npm run devnet -- down        stop everything
MSG
