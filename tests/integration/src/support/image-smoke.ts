import { createHash } from 'node:crypto';
import { chownSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CryptoMaterial, statePaths, type Topology } from '@metrochain/devnet';
import { type ImageRootOptions, spawnInImage } from '@metrochain/images';

/** Where the smoke test mounts what a pod gets from its Secrets: the crypto material and the network file. */
export const SECRETS = '/etc/metrochain';
const IMAGE_UID = 65532;

export interface SmokeNetwork {
  topology: Topology;
  /** The devnet's crypto paths (host paths: translate them with `inImage`). */
  material: CryptoMaterial;
  /** The network's CCaaS package id (label:sha256 of the package the peers installed). */
  packageId: string;
  /** Host folder bound at SECRETS: a copy of the material and network file, owned by the image user. */
  secretsDir: string;
  /** The image path of a host file under the devnet's crypto folder. */
  inImage(hostPath: string): string;
  cleanup(): void;
}

function chownTree(dir: string): void {
  chownSync(dir, IMAGE_UID, IMAGE_UID);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    chownSync(path.join(entry.parentPath, entry.name), IMAGE_UID, IMAGE_UID);
  }
}

/**
 * The running network as a pod would see it: keys are 0600 root on the host, so the image user gets its own copy
 * (as a Secret mounted with the pod's fsGroup), and the network file names the copy by relative paths.
 */
export function prepareSmokeNetwork(): SmokeNetwork {
  const paths = statePaths();
  const topology = JSON.parse(readFileSync(paths.topologyFile, 'utf8')) as Topology;
  const secretsDir = mkdtempSync(path.join(os.tmpdir(), 'metrochain-image-secrets-'));
  cpSync(paths.crypto, path.join(secretsDir, 'crypto'), { recursive: true });
  const network = readFileSync(paths.networkFile, 'utf8').split(`${paths.crypto}/`).join('crypto/');
  writeFileSync(path.join(secretsDir, 'network.json'), network);
  const { label } = topology.chaincode;
  cpSync(path.join(paths.artifacts, `chaincode-${label}`), path.join(secretsDir, 'package'), {
    recursive: true,
  });
  chownTree(secretsDir);
  const packageFile = readFileSync(path.join(paths.artifacts, `${label}.tgz`));
  return {
    topology,
    material: new CryptoMaterial(paths.crypto, topology),
    packageId: `${label}:${createHash('sha256').update(packageFile).digest('hex')}`,
    secretsDir,
    inImage: (hostPath) => {
      const relative = path.relative(paths.crypto, hostPath);
      if (relative.startsWith('..')) throw new Error(`${hostPath} is not crypto material of the devnet`);
      return path.posix.join(SECRETS, 'crypto', ...relative.split(path.sep));
    },
    cleanup: () => {
      rmSync(secretsDir, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on right now, for an image's server beside the devnet's own processes. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no port'));
        else resolve(address.port);
      });
    });
  });
}

export interface ImageExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** It did not end within the grace period after SIGTERM and was killed. */
  killed: boolean;
}

export interface RunningImage {
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<ImageExit>;
}

/** Ended by itself after SIGTERM: exit code 0, or the SIGTERM it re-raised after closing (as Nest does). */
export function stoppedCleanly(exit: ImageExit): boolean {
  return !exit.killed && (exit.code === 0 || exit.signal === 'SIGTERM');
}

/** Starts a long-running command in an image (see spawnInImage) and keeps its output for failure messages. */
export function startInImage(
  image: string,
  argv: readonly string[],
  options: ImageRootOptions,
): RunningImage {
  const child = spawnInImage(image, argv, options);
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  let exit: Omit<ImageExit, 'killed'> | undefined;
  const closed = new Promise<Omit<ImageExit, 'killed'>>((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  return {
    output: () => Buffer.concat(chunks).toString('utf8'),
    exited: () => exit !== undefined,
    stop: async (graceMs = 15_000) => {
      if (exit !== undefined) return { ...exit, killed: false };
      child.kill('SIGTERM');
      const result = await Promise.race([closed, delay(graceMs, 'timeout' as const, { ref: false })]);
      if (result !== 'timeout') return { ...result, killed: false };
      child.kill('SIGKILL');
      return { ...(await closed), killed: true };
    },
  };
}
