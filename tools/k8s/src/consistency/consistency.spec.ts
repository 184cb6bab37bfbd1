import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { inCi, toolsUnavailable } from '../validate/tools';
import { ClusterModel } from './cluster-model';
import { deadSelectorProblems, namespaceSelectorProblems, selectorProblems } from './checks';
import { endpointProblem, endpointsOf } from './endpoints';
import { renderDocumentedInstall } from './install';
import { blockedBy } from './network-policy';

// The three charts as the install docs install them (two NMIs, the orderers, each NMI's services) next to
// k8s/namespaces, k8s/redis and k8s/kafka: do their labels, selectors and addresses fit together?
const unavailable = toolsUnavailable();
const skip = !inCi() && unavailable !== undefined ? unavailable : false;

/** A workload of the install: namespace and `Kind/name` (a StatefulSet's pods share the prefix). */
type Workload = readonly [namespace: string, workload: string];
const nmi = (ns: string) =>
  ({
    peers: [ns, `StatefulSet/${ns}-metrochain-nmi-peer-`],
    ccserver: [ns, `Deployment/${ns}-metrochain-nmi-ccserver`],
    registration: [ns, `Deployment/${ns}-metrochain-nmi-registration`],
    join: [ns, `Job/${ns}-metrochain-nmi-channel-join`],
    services: ['verification', 'measurement', 'billing', 'audit'].map((service): Workload => [
      ns,
      `${service === 'verification' ? 'StatefulSet' : 'Deployment'}/services-metrochain-services-${service}`,
    ]),
    audit: [ns, 'Deployment/services-metrochain-services-audit'],
    billing: [ns, 'Deployment/services-metrochain-services-billing'],
  }) as const;
const ptb = nmi('ptb');
const inmetro = nmi('inmetro');
const orderers: Workload = ['metrochain-orderers', 'StatefulSet/orderers-metrochain-orderers-'];
const ordererJoin: Workload = ['metrochain-orderers', 'Job/orderers-metrochain-orderers-channel-join'];
const redis: Workload = ['metrochain-redis', 'StatefulSet/metrochain-redis-'];
const kafka: Workload = ['kafka', 'Kafka/metrochain broker'];

interface Flow {
  readonly what: string;
  readonly from: readonly Workload[];
  readonly to: Workload;
  readonly port: number;
  readonly allowed: boolean;
}

const both = <T>(pick: (n: ReturnType<typeof nmi>) => readonly T[]): T[] => [...pick(ptb), ...pick(inmetro)];
const FLOWS: readonly Flow[] = [
  {
    what: 'peers → orderers (deliver, broadcast)',
    from: [ptb.peers, inmetro.peers],
    to: orderers,
    port: 7050,
    allowed: true,
  },
  { what: 'orderers ↔ orderers (Raft)', from: [orderers], to: orderers, port: 7050, allowed: true },
  { what: 'orderer join Job → orderers admin', from: [ordererJoin], to: orderers, port: 7053, allowed: true },
  { what: 'peers ↛ orderers admin', from: [ptb.peers], to: orderers, port: 7053, allowed: false },
  { what: 'PTB peers → PTB peers (gossip)', from: [ptb.peers], to: ptb.peers, port: 7051, allowed: true },
  {
    what: 'Inmetro peers → PTB peers (gossip, endorsement)',
    from: [inmetro.peers],
    to: ptb.peers,
    port: 7051,
    allowed: true,
  },
  { what: 'PTB peers → Inmetro peers', from: [ptb.peers], to: inmetro.peers, port: 7051, allowed: true },
  {
    what: 'PTB services and registration → PTB peers (gateway)',
    from: [...ptb.services, ptb.registration],
    to: ptb.peers,
    port: 7051,
    allowed: true,
  },
  {
    what: 'Inmetro services and registration → Inmetro peers',
    from: [...inmetro.services, inmetro.registration],
    to: inmetro.peers,
    port: 7051,
    allowed: true,
  },
  {
    what: 'PTB services but audit ↛ Inmetro peers',
    from: ptb.services.filter(([, workload]) => !workload.endsWith('-audit')),
    to: inmetro.peers,
    port: 7051,
    allowed: false,
  },
  // The cross-NMI comparison and Raft health (docs/audit-network.md).
  { what: 'PTB audit → Inmetro peers', from: [ptb.audit], to: inmetro.peers, port: 7051, allowed: true },
  {
    what: 'PTB audit → Inmetro peers (metrics)',
    from: [ptb.audit],
    to: inmetro.peers,
    port: 9443,
    allowed: true,
  },
  { what: 'PTB audit → orderers (metrics)', from: [ptb.audit], to: orderers, port: 9443, allowed: true },
  {
    what: 'PTB billing ↛ orderers (metrics)',
    from: [ptb.billing],
    to: orderers,
    port: 9443,
    allowed: false,
  },
  { what: 'PTB join Job → PTB peers', from: [ptb.join], to: ptb.peers, port: 7051, allowed: true },
  {
    what: 'PTB peers → PTB chaincode server',
    from: [ptb.peers],
    to: ptb.ccserver,
    port: 9999,
    allowed: true,
  },
  {
    what: 'Inmetro peers ↛ PTB chaincode server',
    from: [inmetro.peers],
    to: ptb.ccserver,
    port: 9999,
    allowed: false,
  },
  {
    what: 'PTB services ↛ PTB chaincode server',
    from: ptb.services,
    to: ptb.ccserver,
    port: 9999,
    allowed: false,
  },
  {
    what: 'registration and services → Redis',
    from: both((n) => [...n.services, n.registration]),
    to: redis,
    port: 6379,
    allowed: true,
  },
  {
    what: 'registration and services → Kafka',
    from: both((n) => [...n.services, n.registration]),
    to: kafka,
    port: 9092,
    allowed: true,
  },
  { what: 'peers ↛ Redis', from: [ptb.peers], to: redis, port: 6379, allowed: false },
];

describe('the charts and k8s/ fit together as the install docs install them', { skip }, () => {
  let model: ClusterModel;
  before(async () => {
    assert.equal(unavailable, undefined, unavailable);
    model = new ClusterModel(await renderDocumentedInstall());
  });

  test('every namespaceSelector on a metrochain.io/* label selects a namespace of k8s/namespaces', () => {
    assert.deepEqual(namespaceSelectorProblems(model), []);
  });

  test('every NetworkPolicy and rule peer between our components selects pods the install runs', () => {
    assert.deepEqual(deadSelectorProblems(model), []);
  });

  test('every Service and PodDisruptionBudget selects pods of a workload in its namespace', () => {
    assert.deepEqual(selectorProblems(model), []);
  });

  test('every in-cluster address in the network profiles and environments reaches a Service and pod port', () => {
    const endpoints = endpointsOf(model);
    assert.ok(endpoints.length >= 10, `only ${String(endpoints.length)} addresses found`);
    const problems = endpoints.flatMap((endpoint) => {
      const problem = endpointProblem(model, endpoint);
      return problem === undefined
        ? []
        : [`${endpoint.host}:${String(endpoint.port)} in ${endpoint.source}: ${problem}`];
    });
    assert.deepEqual([...new Set(problems)], []);
  });

  for (const flow of FLOWS) {
    test(`network policies: ${flow.what} on ${String(flow.port)}`, () => {
      const targets = model.podsOf(...flow.to);
      assert.ok(targets.length > 0, `no pod of ${flow.to.join(' ')}`);
      const problems: string[] = [];
      for (const source of flow.from) {
        const sources = model.podsOf(...source);
        assert.ok(sources.length > 0, `no pod of ${source.join(' ')}`);
        for (const from of sources) {
          for (const to of targets) {
            const blocked = blockedBy(model, { from, to, port: flow.port });
            if (flow.allowed && blocked !== undefined) {
              problems.push(`${from.namespace}/${from.name} → ${to.namespace}/${to.name}: ${blocked}`);
            } else if (!flow.allowed && blocked === undefined) {
              problems.push(`${from.namespace}/${from.name} → ${to.namespace}/${to.name} is allowed`);
            }
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
