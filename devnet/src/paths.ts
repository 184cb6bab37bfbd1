import path from 'node:path';
import { findRepoRoot, metrochainCacheDir } from '@metrochain/tool-kit/workspace';
import { VERSIONS } from './versions';

export const REPO_ROOT = findRepoRoot(__dirname);
export const DEVNET_ROOT = path.join(REPO_ROOT, 'devnet');

/** Downloads and builds shared by every clone on this machine, keyed by version. */
export const CACHE_DIR = metrochainCacheDir();

export const cachePaths = {
  fabricBin: path.join(CACHE_DIR, `fabric-${VERSIONS.fabric.release}`, 'bin'),
  fabricConfig: path.join(CACHE_DIR, `fabric-${VERSIONS.fabric.release}`, 'config'),
  kafkaLibs: path.join(CACHE_DIR, `kafka-${VERSIONS.kafka.version}`, 'libs'),
  /** libs/fe's discrete-log tables, built once per machine (docs/billing.md). */
  feTables: path.join(CACHE_DIR, 'fe'),
};

/** Everything one running network owns lives under one folder. */
export interface StatePaths {
  root: string;
  crypto: string;
  config: string;
  data: string;
  logs: string;
  run: string;
  artifacts: string;
  networkFile: string;
  topologyFile: string;
}

export function statePaths(
  stateDir = process.env['METROCHAIN_DEVNET_DIR'] ?? path.join(REPO_ROOT, '.devnet'),
): StatePaths {
  return {
    root: stateDir,
    crypto: path.join(stateDir, 'crypto'),
    config: path.join(stateDir, 'config'),
    data: path.join(stateDir, 'data'),
    logs: path.join(stateDir, 'logs'),
    run: path.join(stateDir, 'run'),
    artifacts: path.join(stateDir, 'artifacts'),
    networkFile: path.join(stateDir, 'network.json'),
    topologyFile: path.join(stateDir, 'run', 'topology.json'),
  };
}
