import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CCAAS_ENV, writePeerConfig } from '../config/peer-config';
import { exec } from '../exec';
import { fabricBinary } from '../install/fabric';
import { detail, step } from '../log';
import type { ProcessSpec } from '../process/supervisor';
import type { OrgSpec, PeerSpec } from '../topology';
import { peerAdminEnv, peerConfigDir, startHealthy, waitUntilHealthy, type NetworkContext } from './context';

export function peerProcessName(peer: PeerSpec): string {
  return peer.name.replace('.metrochain.local', '');
}

export function peerSpec(ctx: NetworkContext, org: OrgSpec, peer: PeerSpec): ProcessSpec {
  return {
    name: peerProcessName(peer),
    kind: 'peer',
    command: fabricBinary('peer'),
    args: ['node', 'start'],
    env: {
      FABRIC_CFG_PATH: peerConfigDir(ctx, peer),
      FABRIC_LOGGING_SPEC: 'INFO',
      [CCAAS_ENV.address]: `127.0.0.1:${String(org.chaincodeServer.port)}`,
      [CCAAS_ENV.rootCert]: ctx.material.chaincodeServerTls(org).rootCert,
      [CCAAS_ENV.org]: org.name,
    },
    health: { type: 'http', url: `http://${peer.host}:${String(peer.operationsPort)}/healthz` },
  };
}

/** Starts both peers of every NMI and joins them to the channel. */
export async function startPeers(ctx: NetworkContext, channelBlock: string): Promise<void> {
  step(`starting ${String(ctx.topology.orgs.length * 2)} peers`);
  for (const org of ctx.topology.orgs) {
    for (const peer of org.peers) {
      const dataDir = path.join(ctx.paths.data, peer.name);
      mkdirSync(dataDir, { recursive: true });
      writePeerConfig({ org, peer, material: ctx.material, configDir: peerConfigDir(ctx, peer), dataDir });
      const spec = peerSpec(ctx, org, peer);
      await startHealthy(ctx, spec);
      // The operations endpoint (the health probe) answers a moment before the peer's gRPC listener does.
      await waitUntilHealthy(
        ctx,
        { ...spec, health: { type: 'tcp', host: peer.host, port: peer.port } },
        30_000,
      );
      await exec(fabricBinary('peer'), ['channel', 'join', '-b', channelBlock], {
        env: peerAdminEnv(ctx, org, peer),
      });
      detail(`${peer.name} on ${peer.host}:${String(peer.port)} joined ${ctx.topology.channel}`);
    }
  }
}
