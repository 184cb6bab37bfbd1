#!/usr/bin/env bash
# npm run images:smoke — brings the local network up with its services, runs the images smoke test against it
# (tests/integration/src/images-smoke.test.ts: every image's root filesystem, chroot as uid 65532; layer trees are
# assembled first if missing), and brings the network down again. Needs root. Inside `npm test` the same test runs
# with the other integration tests against the network that is already up.
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true

npm run --silent build || exit 1
node devnet/dist/cli.js install || exit 1
node devnet/dist/cli.js down --wipe >/dev/null 2>&1 || true
if ! node devnet/dist/cli.js up --services; then
  node devnet/dist/cli.js down
  exit 1
fi
trap 'node devnet/dist/cli.js down' EXIT
node --enable-source-maps --test --test-reporter=spec --test-timeout=900000 tests/integration/dist/images-smoke.test.js
