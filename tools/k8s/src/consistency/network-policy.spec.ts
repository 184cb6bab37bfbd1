import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClusterModel, type Sourced } from './cluster-model';
import { deadSelectorProblems, namespaceSelectorProblems, selectorProblems } from './checks';
import { endpointProblem } from './endpoints';
import type { KubeObject } from './kube-types';
import { selects } from './label-selector';
import { blockedBy } from './network-policy';

// The evaluator on a handmade cluster, so the consistency spec's verdicts rest on tested semantics.
const object = (
  kind: string,
  name: string,
  namespace: string | undefined,
  rest: object,
): Sourced<KubeObject> => ({
  apiVersion: 'v1',
  kind,
  metadata: {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    ...('labels' in rest ? { labels: rest.labels as Record<string, string> } : {}),
  },
  ...('spec' in rest ? { spec: rest.spec } : {}),
  source: 'spec',
});
const pod = (labels: Record<string, string>, port: { name: string; containerPort: number }): object => ({
  template: { metadata: { labels }, spec: { containers: [{ name: 'c', ports: [port] }] } },
});

const model = new ClusterModel([
  object('Namespace', 'a', undefined, { labels: { 'metrochain.io/role': 'nmi' } }),
  object('Namespace', 'b', undefined, { labels: { 'metrochain.io/role': 'orderers' } }),
  object('Deployment', 'client', 'a', { spec: pod({ app: 'client' }, { name: 'http', containerPort: 80 }) }),
  object('StatefulSet', 'server', 'b', {
    spec: {
      replicas: 2,
      serviceName: 'server-headless',
      ...pod({ app: 'server' }, { name: 'grpc', containerPort: 7050 }),
    },
  }),
  object('Service', 'server-headless', 'b', {
    spec: { clusterIP: 'None', selector: { app: 'server' }, ports: [{ port: 7050 }] },
  }),
  object('Service', 'stray', 'b', { spec: { selector: { app: 'gone' }, ports: [{ port: 1 }] } }),
  object('NetworkPolicy', 'deny', 'b', { spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }),
  object('NetworkPolicy', 'server', 'b', {
    spec: {
      podSelector: { matchLabels: { app: 'server' } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'metrochain.io/role', operator: 'In', values: ['nmi'] }],
              },
              podSelector: { matchLabels: { app: 'client' } },
            },
          ],
          ports: [{ port: 'grpc' }],
        },
        { from: [{ namespaceSelector: { matchLabels: { 'metrochain.io/role': 'services' } } }] },
        { from: [{ podSelector: { matchLabels: { app: 'nobody' } } }] },
      ],
    },
  }),
]);
const [client] = model.podsOf('a', 'Deployment/client');
const servers = model.podsOf('b', 'StatefulSet/server-');

test('label selectors: matchLabels, every expression operator, empty selects all', () => {
  const labels = { role: 'nmi', tier: 'x' };
  assert.ok(selects({}, labels));
  assert.ok(
    selects(
      { matchLabels: { role: 'nmi' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      labels,
    ),
  );
  assert.ok(!selects({ matchExpressions: [{ key: 'role', operator: 'NotIn', values: ['nmi'] }] }, labels));
  assert.ok(selects({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels));
  assert.ok(!selects({ matchLabels: { role: 'orderers' } }, labels));
});

test('a StatefulSet runs one pod per replica, each with the pod-name label per-pod Services select', () => {
  assert.deepEqual(
    servers.map((server) => server.labels['statefulset.kubernetes.io/pod-name']),
    ['server-0', 'server-1'],
  );
});

test('a connection passes only when a rule admits its namespace, pod and (named) port on both ends', () => {
  assert.ok(client !== undefined && servers[0] !== undefined);
  assert.equal(blockedBy(model, { from: client, to: servers[0], port: 7050 }), undefined);
  assert.match(
    blockedBy(model, { from: client, to: servers[0], port: 7053 }) ?? '',
    /no ingress rule of b\/deny, b\/server/,
  );
  assert.match(
    blockedBy(model, { from: servers[0], to: client, port: 80 }) ?? '',
    /no egress rule of b\/deny/,
  );
  assert.match(
    blockedBy(model, { from: servers[0], to: servers[1] ?? servers[0], port: 7050 }) ?? '',
    /egress.*ingress/,
  );
});

test('the checks report a selector of a missing namespace, a rule and a Service that select nothing', () => {
  assert.deepEqual(namespaceSelectorProblems(model), [
    'NetworkPolicy b/server (spec): from namespaceSelector {metrochain.io/role=services} selects no namespace of k8s/namespaces',
  ]);
  assert.deepEqual(deadSelectorProblems(model), [
    'NetworkPolicy b/server (spec): from podSelector {app=nobody} in b selects no pod',
  ]);
  assert.deepEqual(selectorProblems(model), ['Service b/stray (spec): selector {app=gone} selects no pod']);
});

test('addresses resolve through Services to pods and their ports', () => {
  const at = (host: string, port: number): string | undefined =>
    endpointProblem(model, { host, port, source: 'spec' });
  assert.equal(at('server-1.server-headless.b', 7050), undefined);
  assert.equal(at('$(POD_NAME).server-headless.b', 7050), undefined);
  assert.equal(at('server-2.server-headless.b', 7050), 'no pod server-2 behind Service b/server-headless');
  assert.equal(at('server-0.server-headless.b', 7051), 'pod server-0 listens on no port 7051');
  assert.equal(at('server-headless.b', 7050), undefined);
  assert.equal(at('stray.b', 1), 'Service b/stray selects no pod');
  assert.equal(at('missing.b', 1), 'no Service b/missing');
});
