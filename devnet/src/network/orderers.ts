import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeConfigtx, CHANNEL_PROFILE } from '../config/configtx';
import { writeOrdererConfig } from '../config/orderer-config';
import { exec } from '../exec';
import { fabricBinary } from '../install/fabric';
import { detail, step } from '../log';
import type { OrdererSpec } from '../topology';
import { startHealthy, type NetworkContext } from './context';

export function ordererProcessName(orderer: OrdererSpec): string {
  return orderer.name.split('.')[0] ?? orderer.name;
}

export function ordererSpec(
  ctx: NetworkContext,
  orderer: OrdererSpec,
): Parameters<NetworkContext['supervisor']['start']>[0] {
  const configDir = path.join(ctx.paths.config, orderer.name);
  return {
    name: ordererProcessName(orderer),
    kind: 'orderer',
    command: fabricBinary('orderer'),
    args: [],
    env: { FABRIC_CFG_PATH: configDir, FABRIC_LOGGING_SPEC: 'INFO' },
    health: { type: 'http', url: `http://${orderer.host}:${String(orderer.operationsPort)}/healthz` },
  };
}

/** Writes configs, starts every Raft orderer, creates the channel block and joins each orderer to it. */
export async function startOrderers(ctx: NetworkContext): Promise<string> {
  step(`starting ${String(ctx.topology.orderers.length)} Raft orderers`);
  for (const orderer of ctx.topology.orderers) {
    const dataDir = path.join(ctx.paths.data, orderer.name);
    mkdirSync(dataDir, { recursive: true });
    writeOrdererConfig({
      orderer,
      material: ctx.material,
      configDir: path.join(ctx.paths.config, orderer.name),
      dataDir,
    });
    await startHealthy(ctx, ordererSpec(ctx, orderer));
    detail(`${orderer.name} on ${orderer.host}:${String(orderer.port)}`);
  }
  const channelConfigDir = path.join(ctx.paths.config, 'channel');
  writeConfigtx(ctx.topology, ctx.material, channelConfigDir);
  mkdirSync(ctx.paths.artifacts, { recursive: true });
  const block = path.join(ctx.paths.artifacts, `${ctx.topology.channel}.block`);
  await exec(fabricBinary('configtxgen'), [
    '-profile',
    CHANNEL_PROFILE,
    '-channelID',
    ctx.topology.channel,
    '-outputBlock',
    block,
    '-configPath',
    channelConfigDir,
  ]);
  const admin = ctx.material.ordererAdminTls();
  for (const orderer of ctx.topology.orderers) {
    await exec(fabricBinary('osnadmin'), [
      'channel',
      'join',
      '--channelID',
      ctx.topology.channel,
      '--config-block',
      block,
      '-o',
      `${orderer.host}:${String(orderer.adminPort)}`,
      '--ca-file',
      ctx.material.ordererTlsCa(),
      '--client-cert',
      admin.cert,
      '--client-key',
      admin.key,
    ]);
  }
  detail(`channel ${ctx.topology.channel} joined by every orderer`);
  return block;
}
