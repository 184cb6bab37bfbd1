import { buildTopology, statePaths } from '@metrochain/devnet';
import { readFileSync } from 'node:fs';

export interface OrdererProbe {
  /** Process name as the devnet records it, e.g. `orderer1`. */
  name: string;
  metricsUrl: string;
}

/** Every orderer of the running network with its Prometheus endpoint. */
export function orderers(): OrdererProbe[] {
  const topology = JSON.parse(readFileSync(statePaths().topologyFile, 'utf8')) as ReturnType<
    typeof buildTopology
  >;
  return topology.orderers.map((o) => ({
    name: o.name.split('.')[0] ?? o.name,
    metricsUrl: `http://${o.host}:${String(o.operationsPort)}/metrics`,
  }));
}

/** Whether this orderer reports itself Raft leader of the channel; undefined when it does not answer. */
export async function isRaftLeader(orderer: OrdererProbe): Promise<boolean | undefined> {
  try {
    const response = await fetch(orderer.metricsUrl, { signal: AbortSignal.timeout(1000) });
    const text = await response.text();
    const value = /^consensus_etcdraft_is_leader\{channel="nmichannel"\} (\d)/m.exec(text)?.[1];
    return value === undefined ? undefined : value === '1';
  } catch {
    return undefined;
  }
}

export async function findLeader(candidates: OrdererProbe[]): Promise<OrdererProbe | undefined> {
  for (const candidate of candidates) {
    if ((await isRaftLeader(candidate)) === true) {
      return candidate;
    }
  }
  return undefined;
}
