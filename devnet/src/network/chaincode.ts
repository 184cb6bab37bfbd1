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
import { nodeBinary } from './node-binary';
import { firstPeer, peerAdminEnv, startHealthy, type NetworkContext } from './context';

const CHAINCODE_DIR = path.join(REPO_ROOT, 'chaincode');

/** A CCaaS package: metadata.json + code.tar.gz holding a connection.json template the builder fills per peer. */
async function packageChaincode(ctx: NetworkContext): Promise<{ file: string; packageId: string }> {
  const { label } = ctx.topology.chaincode;
  const work = path.join(ctx.paths.artifacts, 'chaincode');
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
  await exec('tar', ['-C', work, '-czf', path.join(work, 'code.tar.gz'), 'connection.json']);
  const file = path.join(ctx.paths.artifacts, `${label}.tgz`);
  await exec('tar', ['-C', work, '-czf', file, 'metadata.json', 'code.tar.gz']);
  const packageId = `${label}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  return { file, packageId };
}

export function chaincodeServerSpec(ctx: NetworkContext, org: OrgSpec, packageId: string): ProcessSpec {
  const tls = ctx.material.chaincodeServerTls(org);
  const address = `127.0.0.1:${String(org.chaincodeServer.port)}`;
  return {
    name: `chaincode-${org.name.toLowerCase()}`,
    kind: 'chaincode',
    command: nodeBinary(),
    args: [
      path.join(REPO_ROOT, 'node_modules', 'fabric-shim', 'cli.js'),
      'server',
      '--chaincode-address',
      address,
      '--chaincode-id',
      packageId,
      '--chaincode-tls-cert-file',
      tls.cert,
      '--chaincode-tls-key-file',
      tls.key,
    ],
    cwd: CHAINCODE_DIR,
    env: {
      ...CHAINCODE_SERVER_ENV,
      METROCHAIN_ORG: org.name,
      METROCHAIN_FE_CACHE_DIR: cachePaths.feTables,
    },
    health: { type: 'tcp', host: '127.0.0.1', port: org.chaincodeServer.port },
  };
}

function ordererArgs(ctx: NetworkContext): string[] {
  const orderer = ctx.topology.orderers[0];
  if (orderer === undefined) {
    throw new Error('no orderer');
  }
  return ['-o', `${orderer.host}:${String(orderer.port)}`, '--tls', '--cafile', ctx.material.ordererTlsCa()];
}

function definitionArgs(ctx: NetworkContext): string[] {
  const { name, version } = ctx.topology.chaincode;
  return [
    '--channelID',
    ctx.topology.channel,
    '--name',
    name,
    '--version',
    version,
    '--sequence',
    '1',
    '--signature-policy',
    endorsementPolicy(ctx.topology),
  ];
}

/** Installs the package on every peer, starts one chaincode server per NMI, approves for each NMI and commits. */
export async function deployChaincode(ctx: NetworkContext): Promise<string> {
  step(
    `deploying chaincode ${ctx.topology.chaincode.label} as a service (policy ${endorsementPolicy(ctx.topology)})`,
  );
  if (!existsSync(path.join(CHAINCODE_DIR, 'dist', 'index.js'))) {
    throw new Error('chaincode/dist is missing: run `npm run build` first');
  }
  const { file, packageId } = await packageChaincode(ctx);
  for (const org of ctx.topology.orgs) {
    for (const peer of org.peers) {
      await exec(fabricBinary('peer'), ['lifecycle', 'chaincode', 'install', file], {
        env: peerAdminEnv(ctx, org, peer),
      });
    }
    await startHealthy(ctx, chaincodeServerSpec(ctx, org, packageId));
    await exec(
      fabricBinary('peer'),
      [
        'lifecycle',
        'chaincode',
        'approveformyorg',
        ...ordererArgs(ctx),
        ...definitionArgs(ctx),
        '--package-id',
        packageId,
        '--waitForEvent',
      ],
      { env: peerAdminEnv(ctx, org, firstPeer(org)) },
    );
    detail(
      `${org.name}: installed on ${String(org.peers.length)} peers, chaincode server on :${String(org.chaincodeServer.port)}, approved`,
    );
  }
  const endorsers = ctx.topology.orgs.flatMap((org) => {
    const peer = firstPeer(org);
    return [
      '--peerAddresses',
      `${peer.host}:${String(peer.port)}`,
      '--tlsRootCertFiles',
      path.join(ctx.material.peerDir(org, peer), 'tls', 'ca.crt'),
    ];
  });
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
      ...definitionArgs(ctx),
      ...endorsers,
      '--waitForEvent',
    ],
    { env: peerAdminEnv(ctx, committer, firstPeer(committer)) },
  );
  detail(`chaincode ${ctx.topology.chaincode.name} committed on ${ctx.topology.channel}`);
  return packageId;
}
