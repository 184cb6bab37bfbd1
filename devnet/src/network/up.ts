import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCrypto } from '../crypto/generate';
import { install } from '../install/install';
import { step } from '../log';
import { statePaths } from '../paths';
import { isAlive, Supervisor } from '../process/supervisor';
import { buildTopology, type TopologyOptions } from '../topology';
import { CHAINCODE_BUNDLE_DIR, deployChaincode } from './chaincode';
import { writeConnectionFile } from './connection-file';
import type { NetworkContext } from './context';
import { startKafka } from './kafka';
import { approveSoftware } from './lr-approval';
import { startOrderers } from './orderers';
import { startPeers } from './peers';
import { startRedis } from './redis';
import { serviceInstances } from './service-instances';
import { startServices } from './services';
import { printSummary } from './status';
import { provisionIdentity } from './principals';

/** Brings up a fresh network: previous state is wiped, every process is health-checked before the next starts. */
export async function up(options: TopologyOptions & { services: boolean }): Promise<void> {
  const started = Date.now();
  const paths = statePaths();
  const supervisor = new Supervisor(paths);
  const running = supervisor.records().filter((record) => isAlive(record.pid));
  if (running.length > 0) {
    throw new Error(
      `the network is already running (${running.map((r) => r.name).join(', ')}): run \`down\` first`,
    );
  }
  await install();
  rmSync(paths.root, { recursive: true, force: true });
  mkdirSync(paths.run, { recursive: true });
  const topology = buildTopology(options);
  writeFileSync(paths.topologyFile, `${JSON.stringify(topology, null, 2)}\n`);
  const material = await generateCrypto(topology, paths.crypto, paths.config);
  const ctx: NetworkContext = { topology, paths, material, supervisor };
  await startRedis(ctx);
  await startKafka(ctx);
  const channelBlock = await startOrderers(ctx);
  await startPeers(ctx, channelBlock);
  await deployChaincode(ctx);
  await approveSoftware(ctx, { chaincode: topology.chaincode.name, bundleDir: CHAINCODE_BUNDLE_DIR });
  // Fresh with every network: whoever can read .devnet/network.json holds every local principal's token.
  const identity = await provisionIdentity(topology, path.join(paths.root, 'identity'));
  writeConnectionFile(ctx, { identity, services: options.services ? serviceInstances(topology) : [] });
  if (options.services) {
    await startServices(ctx);
  }
  step(`network up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await printSummary();
}
