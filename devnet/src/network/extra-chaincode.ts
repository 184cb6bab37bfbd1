import { readFileSync } from 'node:fs';
import { CryptoMaterial } from '../crypto/crypto-material';
import { statePaths } from '../paths';
import { Supervisor } from '../process/supervisor';
import type { Topology } from '../topology';
import { readBundleFingerprint } from './bundle-store';
import { type ChaincodeDeployment, deployChaincodeAs } from './chaincode';
import type { NetworkContext } from './context';

/** Slots for chaincodes deployed beside the network's: gRPC 19010 + 10·slot + org, HTTP 19060 + 10·slot + org. */
export const EXTRA_CHAINCODE_SLOTS = 3;

export interface ExtraChaincodeOptions {
  /** A name not yet defined on the channel, e.g. `metrochain-lrtest-<n>`. */
  name: string;
  /** index.js + package.json + fingerprint.json (chaincode/bundle, or writeBundleVariant's output). */
  bundleDir: string;
  /** 0..2: which ports its servers take, so that two tests can each run one. */
  slot: number;
}

export interface ExtraChaincode {
  name: string;
  packageId: string;
  /** What the bundle's fingerprint.json states. */
  fingerprint: string;
  /** Each NMI's server: process name and HTTP base URL (/version, /metrics, /healthz). */
  servers: { org: string; process: string; httpUrl: string }[];
  /** Stops its chaincode servers (the definition stays on the channel). */
  stop(): void;
}

/** The running local network as `up` left it (.devnet). */
export function runningNetwork(): NetworkContext {
  const paths = statePaths();
  const topology = JSON.parse(readFileSync(paths.topologyFile, 'utf8')) as Topology;
  return {
    topology,
    paths,
    material: new CryptoMaterial(paths.crypto, topology),
    supervisor: new Supervisor(paths),
  };
}

/**
 * Deploys a second chaincode name on the running network's channel, sequence 1, with its own chaincode servers (one
 * per NMI, on the slot's ports) running `bundleDir`. The network's chaincode is not touched: its definition,
 * sequence and servers stay as they are, and the other chaincode has its own namespace (its own meters,
 * measurements and approvals).
 */
export async function deployExtraChaincode(
  options: Readonly<ExtraChaincodeOptions>,
): Promise<ExtraChaincode> {
  if (!Number.isInteger(options.slot) || options.slot < 0 || options.slot >= EXTRA_CHAINCODE_SLOTS) {
    throw new RangeError(`slot must be 0..${String(EXTRA_CHAINCODE_SLOTS - 1)}`);
  }
  const ctx = runningNetwork();
  const deployment: ChaincodeDeployment = {
    name: options.name,
    version: '1',
    label: options.name,
    sequence: 1,
    bundleDir: options.bundleDir,
    ports: (org) => ({
      port: 19010 + 10 * options.slot + org.index,
      httpPort: 19060 + 10 * options.slot + org.index,
    }),
    processSuffix: options.name,
    ownAddresses: true,
    store: false,
  };
  const packageId = await deployChaincodeAs(ctx, deployment);
  const servers = ctx.topology.orgs.map((org) => ({
    org: org.name,
    process: `chaincode-${org.name.toLowerCase()}-${options.name}`,
    httpUrl: `http://127.0.0.1:${String(deployment.ports(org).httpPort)}`,
  }));
  return {
    name: options.name,
    packageId,
    fingerprint: readBundleFingerprint(options.bundleDir).fingerprint,
    servers,
    stop: () => {
      for (const server of servers) {
        ctx.supervisor.stop(server.process);
      }
    },
  };
}
