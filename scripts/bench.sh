#!/usr/bin/env bash
# One command per benchmark: `npm run bench:pki`. Builds, installs the local network's components if missing,
# brings the network and the services up unless they already run (then leaves them as they were), runs the
# benchmark, and prints its table; results go to bench/results/<name>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
name="${1:?usage: scripts/bench.sh pki [benchmark options]}"
shift
[[ -f "bench/dist/$name/main.js" || -f "bench/src/$name/main.ts" ]] || { echo "bench.sh: no benchmark '$name'" >&2; exit 2; }

echo "=== build"
npm run --silent build
node devnet/dist/cli.js install

started_here=0
if ! node devnet/dist/cli.js status >/dev/null 2>&1; then
  echo "=== local network up (stopped again afterwards)"
  node devnet/dist/cli.js down --wipe >/dev/null 2>&1 || true
  node devnet/dist/cli.js up --services
  started_here=1
  trap 'node devnet/dist/cli.js down' EXIT
fi

echo "=== benchmark $name"
node "bench/dist/$name/main.js" "$@"
