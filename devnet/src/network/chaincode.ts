import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CHAINCODE_SERVER_ENV } from '@metrochain/deployment';
import { endorsementPolicy } from '../config/configtx';
import { exec } from '../exec';
import { fabricBinary } from '../install/fabric';
import { detail, step } from '../log';
import { REPO_ROOT, cachePaths } from '../paths';
import type { ProcessSpec } from '../process/supervisor';
import type { OrgSpec } from '../topology';
import { storeBundle } from './bundle-store';
import { nodeBinary } from './node-binary';
import { firstPeer, ordererArgs, peerAdminEnv, startHealthy, type NetworkContext } from './context';

/** What `npm run build` bundles (chaincode/src/packaging): the code every chaincode server of the network runs. */
export const CHAINCODE_BUNDLE_DIR = path.join(REPO_ROOT, 'chaincode', 'bundle');

/** One chaincode definition on the channel and the chaincode servers (one per NMI) that serve it. */
export interface ChaincodeDeployment {
  name: string;
  version: string;
  label: string;
  sequence: number;
  /** A folder holding index.js, fingerprint.json and package.json (main: index.js), as chaincode/bundle. */
  bundleDir: string;
  /** The gRPC and HTTP ports of the organisation's chaincode server. */
  ports: (org: OrgSpec) => { port: number; httpPort: number };
  /** Suffix of the server process names (`chaincode-<org>-<suffix>`); none for the network's chaincode. */
  processSuffix?: string;
  /**
   * Whether the package names its servers itself (`addresses`, see the CCaaS builder). The network's chaincode
   * uses the peers' own METROCHAIN_CCAAS_ADDRESS instead; any other name on the channel must.
   */
  ownAddresses: boolean;
  /** Whether to copy the bundle to the bundle store (builds only; a test's patched variant is no build). */
  store: boolean;
}

function serverAddress(deployment: ChaincodeDeployment, org: OrgSpec): string {
  return `127.0.0.1:${String(deployment.ports(org).port)}`;
}

/** A CCaaS package: metadata.json + code.tar.gz holding a connection.json template the builder fills per peer. */
async function packageChaincode(
  ctx: NetworkContext,
  deployment: ChaincodeDeployment,
): Promise<{ file: string; packageId: string }> {
  const { label } = deployment;
  const work = path.join(ctx.paths.artifacts, `chaincode-${label}`);
  mkdirSync(work, { recursive: true });
  const connection = {
    address: '{{address}}',
    dial_timeout: '10s',
    tls_required: true,
    client_auth_required: false,
    root_cert: '{{root_cert}}',
  };
  writeFileSync(path.join(work, 'connection.json'), `${JSON.stringify(connection, null, 2)}\n`);
  writeFileSync(path.join(work, 'metadata.json'), JSON.stringify({ type: 'ccaas', label }));
  const codeFiles = ['connection.json'];
  if (deployment.ownAddresses) {
    const lines = ctx.topology.orgs.map((org) => `${org.name} ${serverAddress(deployment, org)}\n`);
    writeFileSync(path.join(work, 'addresses'), lines.join(''));
    codeFiles.push('addresses');
  }
  await exec('tar', ['-C', work, '-czf', path.join(work, 'code.tar.gz'), ...codeFiles]);
  const file = path.join(ctx.paths.artifacts, `${label}.tgz`);
  await exec('tar', ['-C', work, '-czf', file, 'metadata.json', 'code.tar.gz']);
  const packageId = `${label}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  return { file, packageId };
}

/** The chaincode server of the network's chaincode for `org`, running chaincode/bundle. */
export function chaincodeServerSpec(ctx: NetworkContext, org: OrgSpec, packageId: string): ProcessSpec {
  return serverSpec(ctx, org, packageId, mainDeployment(ctx));
}

function serverSpec(
  ctx: NetworkContext,
  org: OrgSpec,
  packageId: string,
  deployment: ChaincodeDeployment,
): ProcessSpec {
  const tls = ctx.material.chaincodeServerTls(org);
  const { httpPort } = deployment.ports(org);
  const suffix = deployment.processSuffix === undefined ? '' : `-${deployment.processSuffix}`;
  return {
    name: `chaincode-${org.name.toLowerCase()}${suffix}`,
    kind: 'chaincode',
    command: nodeBinary(),
    args: [
      path.join(REPO_ROOT, 'node_modules', 'fabric-shim', 'cli.js'),
      'server',
      '--chaincode-address',
      serverAddress(deployment, org),
      '--chaincode-id',
      packageId,
      '--chaincode-tls-cert-file',
      tls.cert,
      '--chaincode-tls-key-file',
      tls.key,
      '--module-path',
      deployment.bundleDir,
    ],
    // fabric-shim reads package.json (main: index.js) from its module path; the bundle finds fabric-contract-api
    // in the repository's node_modules above it, the copy fabric-shim loads too.
    cwd: deployment.bundleDir,
    env: {
      ...CHAINCODE_SERVER_ENV,
      METROCHAIN_ORG: org.name,
      METROCHAIN_FE_CACHE_DIR: cachePaths.feTables,
      METROCHAIN_CHAINCODE_HTTP_PORT: String(httpPort),
      METROCHAIN_CHAINCODE_HTTP_HOST: '127.0.0.1',
    },
    health: { type: 'http', url: `http://127.0.0.1:${String(httpPort)}/healthz` },
  };
}

function definitionArgs(ctx: NetworkContext, deployment: ChaincodeDeployment): string[] {
  return [
    '--channelID',
    ctx.topology.channel,
    '--name',
    deployment.name,
    '--version',
    deployment.version,
    '--sequence',
    String(deployment.sequence),
    '--signature-policy',
    endorsementPolicy(ctx.topology),
  ];
}

/** The network's chaincode (topology.chaincode) served from chaincode/bundle on each NMI's chaincode server port. */
export function mainDeployment(ctx: NetworkContext): ChaincodeDeployment {
  return {
    ...ctx.topology.chaincode,
    sequence: 1,
    bundleDir: CHAINCODE_BUNDLE_DIR,
    ports: (org) => ({ port: org.chaincodeServer.port, httpPort: org.chaincodeServer.httpPort }),
    ownAddresses: false,
    store: true,
  };
}

/** The peers of each NMI that endorse a commit or an invoke, as peer CLI arguments. */
export function endorserArgs(ctx: NetworkContext): string[] {
  return ctx.topology.orgs.flatMap((org) => {
    const peer = firstPeer(org);
    return [
      '--peerAddresses',
      `${peer.host}:${String(peer.port)}`,
      '--tlsRootCertFiles',
      path.join(ctx.material.peerDir(org, peer), 'tls', 'ca.crt'),
    ];
  });
}

/**
 * Installs the package on every peer, starts one chaincode server per NMI, approves for each NMI and commits.
 * Returns the package id. The bundle is also copied to the bundle store under its fingerprint.
 */
export async function deployChaincodeAs(
  ctx: NetworkContext,
  deployment: ChaincodeDeployment,
): Promise<string> {
  step(`deploying chaincode ${deployment.label} as a service (policy ${endorsementPolicy(ctx.topology)})`);
  if (!existsSync(path.join(deployment.bundleDir, 'fingerprint.json'))) {
    throw new Error(`${deployment.bundleDir} holds no bundle: run \`npm run build\` first`);
  }
  if (deployment.store) {
    storeBundle(ctx, deployment.bundleDir);
  }
  const { file, packageId } = await packageChaincode(ctx, deployment);
  for (const org of ctx.topology.orgs) {
    for (const peer of org.peers) {
      await exec(fabricBinary('peer'), ['lifecycle', 'chaincode', 'install', file], {
        env: peerAdminEnv(ctx, org, peer),
      });
    }
    await startHealthy(ctx, serverSpec(ctx, org, packageId, deployment));
    await exec(
      fabricBinary('peer'),
      [
        'lifecycle',
        'chaincode',
        'approveformyorg',
        ...ordererArgs(ctx),
        ...definitionArgs(ctx, deployment),
        '--package-id',
        packageId,
        '--waitForEvent',
      ],
      { env: peerAdminEnv(ctx, org, firstPeer(org)) },
    );
    const { port, httpPort } = deployment.ports(org);
    detail(
      `${org.name}: installed on ${String(org.peers.length)} peers, chaincode server on :${String(port)} (HTTP :${String(httpPort)}), approved`,
    );
  }
  const committer = ctx.topology.orgs[0];
  if (committer === undefined) {
    throw new Error('no organisation');
  }
  await exec(
    fabricBinary('peer'),
    [
      'lifecycle',
      'chaincode',
      'commit',
      ...ordererArgs(ctx),
      ...definitionArgs(ctx, deployment),
      ...endorserArgs(ctx),
      '--waitForEvent',
    ],
    { env: peerAdminEnv(ctx, committer, firstPeer(committer)) },
  );
  detail(`chaincode ${deployment.name} committed on ${ctx.topology.channel}`);
  return packageId;
}

/** The network's chaincode. */
export async function deployChaincode(ctx: NetworkContext): Promise<string> {
  return deployChaincodeAs(ctx, mainDeployment(ctx));
}
