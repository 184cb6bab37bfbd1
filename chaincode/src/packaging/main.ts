import path from 'node:path';
import { buildChaincodeBundle } from './build-bundle';
import { bundleStoreDir, storeBundle } from './bundle-store';

/** `npm run build`'s last step: chaincode/bundle/ from chaincode/dist, and its copy in the bundle store. */
async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const started = performance.now();
  const built = await buildChaincodeBundle(repoRoot, path.join(repoRoot, 'chaincode', 'bundle'));
  const stored = storeBundle(built.dir, bundleStoreDir(repoRoot));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const kib = (built.bytes.byteLength / 1024).toFixed(0);
  process.stdout.write(
    `chaincode bundle ${kib} KiB in ${seconds} s, fingerprint ${built.fingerprint} (${path.relative(repoRoot, stored)})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`chaincode bundle: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
