import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CryptoMaterial } from '../crypto/crypto-material';
import type { StatePaths } from '../paths';
import { Supervisor, type ProcessSpec } from '../process/supervisor';
import { waitHealthy } from '../process/health';
import type { OrgSpec, PeerSpec, Topology } from '../topology';

/** What every bring-up step needs: the topology, the state folders, the crypto material and the supervisor. */
export interface NetworkContext {
  topology: Topology;
  paths: StatePaths;
  material: CryptoMaterial;
  supervisor: Supervisor;
}

export function tailLog(file: string, lines = 30): string {
  if (!existsSync(file)) {
    return '(no log)';
  }
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Starts a process and waits until its health probe passes. */
export async function startHealthy(
  ctx: NetworkContext,
  spec: ProcessSpec,
  timeoutMs = 60_000,
): Promise<void> {
  ctx.supervisor.start(spec);
  await waitUntilHealthy(ctx, spec, timeoutMs);
}

export async function waitUntilHealthy(
  ctx: NetworkContext,
  spec: ProcessSpec,
  timeoutMs: number,
): Promise<void> {
  await waitHealthy(spec.name, spec.health, timeoutMs, () => tailLog(ctx.supervisor.logFile(spec.name)));
}

export function peerConfigDir(ctx: NetworkContext, peer: PeerSpec): string {
  return path.join(ctx.paths.config, peer.name);
}

/** Environment of the `peer` CLI acting as an org's admin against one of its peers. */
export function peerAdminEnv(ctx: NetworkContext, org: OrgSpec, peer: PeerSpec): NodeJS.ProcessEnv {
  return {
    FABRIC_CFG_PATH: peerConfigDir(ctx, peer),
    CORE_PEER_LOCALMSPID: org.mspId,
    CORE_PEER_MSPCONFIGPATH: ctx.material.orgAdminMsp(org),
    CORE_PEER_ADDRESS: `${peer.host}:${String(peer.port)}`,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: path.join(ctx.material.peerDir(org, peer), 'tls', 'ca.crt'),
    FABRIC_LOGGING_SPEC: 'WARN',
  };
}

export function firstPeer(org: OrgSpec): PeerSpec {
  const peer = org.peers[0];
  if (peer === undefined) {
    throw new Error(`${org.name} has no peers`);
  }
  return peer;
}

/** The peer CLI's orderer arguments: the first orderer, over TLS. */
export function ordererArgs(ctx: NetworkContext): string[] {
  const orderer = ctx.topology.orderers[0];
  if (orderer === undefined) {
    throw new Error('no orderer');
  }
  return ['-o', `${orderer.host}:${String(orderer.port)}`, '--tls', '--cafile', ctx.material.ordererTlsCa()];
}
