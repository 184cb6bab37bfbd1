import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type { NetworkProfile } from '@metrochain/config';
import { type Topology, statePaths } from '@metrochain/devnet';
import { recorderGroupCoordinator } from './group-coordinator';
import type { NetworkProcesses } from './network-processes';
import { billingCloseWhilePeerDown } from './scenarios/billing-close';
import { registrationWhilePeersDown } from './scenarios/registration-peers-down';
import type { ScenarioOutcome } from './scenarios/scenario-outcome';

/** What a fault needs: the processes, how long to hold a kill or a freeze, and the network (for scenarios). */
export interface FaultContext {
  processes: NetworkProcesses;
  killHoldMs: number;
  freezeHoldMs: number;
  profile: NetworkProfile;
}

/**
 * One fault: inject, hold, heal. `run` resolves when healed (every process it touched is back and healthy). A
 * scenario fault also drives a client flow of its own: `prepare` sets it up before the fault's window opens (so its
 * cost is not the fault's), and `check` finishes the flow after healing and judges it; its problems fail the row.
 */
export interface Fault {
  name: string;
  /** Component kind; the fast subset is one kill per kind. */
  component: 'kafka' | 'peer' | 'orderer' | 'chaincode' | 'redis' | 'service';
  fast: boolean;
  prepare?: (ctx: FaultContext) => Promise<void>;
  run: (ctx: FaultContext) => Promise<void>;
  check?: (ctx: FaultContext) => Promise<ScenarioOutcome>;
  /**
   * A loss this fault still causes that is not fixed yet (docs/faults.md): its row still fails in the table, the
   * JSON and the exit status, but its TAP line is a TODO naming the issue, so the test command reports it without
   * failing on it. Remove it with the fix.
   */
  knownIssue?: string;
}

/** kill -9 every named process, hold, restart them all (in order) and wait until each is healthy. */
async function killAndRestart(ctx: FaultContext, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await ctx.processes.kill(name);
  }
  await delay(ctx.killHoldMs);
  for (const name of names) {
    await ctx.processes.restart(name);
  }
}

async function freezeAndThaw(ctx: FaultContext, name: string): Promise<void> {
  ctx.processes.freeze(name);
  try {
    await delay(ctx.freezeHoldMs);
  } finally {
    ctx.processes.thaw(name);
  }
}

function kill(
  name: string,
  component: Fault['component'],
  names: (ctx: FaultContext) => string[] | Promise<string[]>,
  fast = false,
): Fault {
  return { name, component, fast, run: async (ctx) => killAndRestart(ctx, await names(ctx)) };
}

function topology(): Topology {
  return JSON.parse(readFileSync(statePaths().topologyFile, 'utf8')) as Topology;
}

/** The orderer process whose etcdraft metrics say it leads the channel. */
async function raftLeader(): Promise<string> {
  for (const orderer of topology().orderers) {
    try {
      const url = `http://${orderer.host}:${String(orderer.operationsPort)}/metrics`;
      const text = await (await fetch(url, { signal: AbortSignal.timeout(2000) })).text();
      if (/^consensus_etcdraft_is_leader\{channel="nmichannel"\} 1/m.test(text)) {
        return orderer.name.split('.')[0] ?? orderer.name;
      }
    } catch {
      // not answering: not the leader we can kill
    }
  }
  throw new Error('no orderer reports itself Raft leader');
}

const services = (service: string) => (ctx: FaultContext) =>
  ctx.processes
    .list('service')
    .map((p) => p.name)
    .filter((name) => name === `service-${service}` || name.startsWith(`service-${service}-`));

/**
 * A Kafka broker that is not the active controller (so the broker fault is not the controller fault again): the
 * recorder group's coordinator where it is not the controller, so that the group's offset commits fail over.
 */
async function plainBroker(ctx: FaultContext): Promise<string[]> {
  const controller = ctx.processes.kafkaController();
  const coordinator = await recorderGroupCoordinator(ctx.profile.kafka.brokers);
  const others = ctx.processes
    .list('kafka')
    .map((p) => p.name)
    .filter((name) => name !== controller);
  const broker = others.find((name) => name === coordinator) ?? others[0];
  if (broker === undefined) {
    throw new Error('the broker faults need more than one Kafka broker (devnet up --kafka-brokers 3)');
  }
  return [broker];
}

/** The gateway peer of an NMI (its first peer: every service of that NMI connects to it). */
const gatewayPeer = (org: string) => (): string[] => [`peer0.${org}`];

export const FAULTS: readonly Fault[] = [
  kill('kill -9 a Kafka broker', 'kafka', plainBroker, true),
  kill('kill -9 the Kafka controller', 'kafka', (ctx) => [ctx.processes.kafkaController()]),
  kill('kill -9 the gateway peer of PTB', 'peer', gatewayPeer('ptb'), true),
  kill('kill -9 the gateway peer of Inmetro', 'peer', gatewayPeer('inmetro')),
  {
    name: 'kill -9 the Raft leader',
    component: 'orderer',
    fast: true,
    run: async (ctx) => killAndRestart(ctx, [await raftLeader()]),
  },
  kill('kill -9 the chaincode server of PTB', 'chaincode', () => ['chaincode-ptb'], true),
  kill('kill -9 Redis', 'redis', () => ['redis'], true),
  kill('kill -9 the measurement service', 'service', services('measurement'), true),
  kill('kill -9 the verification service', 'service', services('verification')),
  kill('kill -9 every registration service', 'service', services('registration')),
  kill('kill -9 the billing service', 'service', services('billing')),
  kill('kill -9 the audit service', 'service', services('audit')),
  {
    name: 'SIGSTOP 30 s the gateway peer of PTB',
    component: 'peer',
    fast: false,
    run: (ctx) => freezeAndThaw(ctx, 'peer0.ptb'),
  },
  {
    name: 'SIGSTOP 30 s a Kafka broker',
    component: 'kafka',
    fast: false,
    run: async (ctx) => freezeAndThaw(ctx, (await plainBroker(ctx))[0] ?? 'kafka-1'),
  },
  {
    name: 'SIGSTOP 30 s the measurement service',
    component: 'service',
    fast: false,
    run: (ctx) => freezeAndThaw(ctx, 'service-measurement'),
  },
  registrationWhilePeersDown(),
  billingCloseWhilePeerDown(),
];
