import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { exec } from '../exec';
import { detail, step } from '../log';
import { cachePaths, DEVNET_ROOT } from '../paths';
import { FABRIC_BINARIES, VERSIONS } from '../versions';

const GO_MODULE_DIR = path.join(DEVNET_ROOT, 'go');
const SAMPLE_CONFIG_FILES = ['core.yaml', 'orderer.yaml'] as const;

export function fabricBinary(name: (typeof FABRIC_BINARIES)[number]): string {
  return path.join(cachePaths.fabricBin, name);
}

function installed(): boolean {
  return (
    FABRIC_BINARIES.every((name) => existsSync(fabricBinary(name))) &&
    SAMPLE_CONFIG_FILES.every((file) => existsSync(path.join(cachePaths.fabricConfig, file)))
  );
}

/** Builds the Fabric binaries from the pinned module (go.sum committed in devnet/go) into the version's cache folder. */
export async function installFabric(): Promise<void> {
  if (installed()) {
    detail(`Fabric ${VERSIONS.fabric.release}: cached in ${cachePaths.fabricBin}`);
    return;
  }
  step(
    `Fabric ${VERSIONS.fabric.release}: go install ${FABRIC_BINARIES.join(', ')} (first time: a few minutes)`,
  );
  mkdirSync(cachePaths.fabricBin, { recursive: true });
  const env = { CGO_ENABLED: '0', GOBIN: cachePaths.fabricBin, GOFLAGS: '-mod=readonly -buildvcs=false' };
  detail('downloading modules');
  await exec('go', ['mod', 'download', '-x', 'github.com/hyperledger/fabric'], { cwd: GO_MODULE_DIR, env });
  for (const binary of FABRIC_BINARIES) {
    detail(`building ${binary}`);
    await exec('go', ['install', `github.com/hyperledger/fabric/cmd/${binary}`], { cwd: GO_MODULE_DIR, env });
  }
  const moduleInfo = JSON.parse(
    await exec('go', ['list', '-m', '-json', 'github.com/hyperledger/fabric'], { cwd: GO_MODULE_DIR, env }),
  ) as { Dir?: string };
  if (moduleInfo.Dir === undefined) {
    throw new Error('go list did not report the Fabric module folder');
  }
  mkdirSync(cachePaths.fabricConfig, { recursive: true });
  for (const file of SAMPLE_CONFIG_FILES) {
    copyFileSync(path.join(moduleInfo.Dir, 'sampleconfig', file), path.join(cachePaths.fabricConfig, file));
  }
  detail(`Fabric binaries in ${cachePaths.fabricBin}`);
}
