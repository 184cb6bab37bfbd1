import type { ClusterModel, PodModel, PolicyModel } from './cluster-model';
import type { NetworkPolicyPeer, NetworkPolicyPort } from './kube-types';
import { selects } from './label-selector';

/** A connection a NetworkPolicy decides on: from one pod to another's port. */
export interface Connection {
  readonly from: PodModel;
  readonly to: PodModel;
  readonly port: number;
  readonly protocol?: string;
}

/** Whether the peer admits `pod`, for a policy in `policyNamespace` (no namespaceSelector: that namespace only). */
export function peerAdmits(
  model: ClusterModel,
  policyNamespace: string,
  peer: NetworkPolicyPeer,
  pod: PodModel,
): boolean {
  if (peer.ipBlock !== undefined) {
    return false;
  }
  if (peer.podSelector === undefined && peer.namespaceSelector === undefined) {
    return false;
  }
  const namespaceMatches =
    peer.namespaceSelector === undefined
      ? pod.namespace === policyNamespace
      : selects(peer.namespaceSelector, model.namespaceLabels(pod.namespace));
  return namespaceMatches && selects(peer.podSelector, pod.labels);
}

/** A named port resolves against the destination pod's container ports. */
function portAdmits(rulePort: NetworkPolicyPort, connection: Connection): boolean {
  const protocol = connection.protocol ?? 'TCP';
  if ((rulePort.protocol ?? 'TCP') !== protocol) {
    return false;
  }
  if (rulePort.port === undefined) {
    return true;
  }
  const number =
    typeof rulePort.port === 'number'
      ? rulePort.port
      : connection.to.ports.find((port) => port.name === rulePort.port)?.containerPort;
  if (number === undefined) {
    return false;
  }
  return connection.port >= number && connection.port <= (rulePort.endPort ?? number);
}

/** An ingress or egress rule: the peers it admits (from, or to) on its ports. */
interface RuleModel {
  readonly peers: readonly NetworkPolicyPeer[] | undefined;
  readonly ports: readonly NetworkPolicyPort[] | undefined;
}

function ruleAdmits(
  model: ClusterModel,
  policy: PolicyModel,
  rule: RuleModel,
  other: PodModel,
  connection: Connection,
): boolean {
  const peerOk =
    rule.peers === undefined ||
    rule.peers.length === 0 ||
    rule.peers.some((peer) => peerAdmits(model, policy.namespace, peer, other));
  const portOk =
    rule.ports === undefined ||
    rule.ports.length === 0 ||
    rule.ports.some((port) => portAdmits(port, connection));
  return peerOk && portOk;
}

function policiesFor(model: ClusterModel, pod: PodModel, direction: 'Ingress' | 'Egress'): PolicyModel[] {
  return model.policies.filter((policy) => {
    if (policy.namespace !== pod.namespace || !selects(policy.spec.podSelector, pod.labels)) {
      return false;
    }
    const types =
      policy.spec.policyTypes ?? (policy.spec.egress === undefined ? ['Ingress'] : ['Ingress', 'Egress']);
    return types.includes(direction);
  });
}

/** Why a side allows or blocks: the policies that isolate the pod, or that none does. */
export interface SideVerdict {
  readonly allowed: boolean;
  readonly policies: readonly string[];
}

/**
 * One end's side of a connection: the policies isolating its sender (Egress, rules naming where it may go) or its
 * receiver (Ingress, rules naming who may come), and whether one of their rules admits the other end.
 */
export function sideVerdict(
  model: ClusterModel,
  connection: Connection,
  direction: 'Ingress' | 'Egress',
): SideVerdict {
  const [pod, other] =
    direction === 'Egress' ? [connection.from, connection.to] : [connection.to, connection.from];
  const policies = policiesFor(model, pod, direction);
  const rules = (policy: PolicyModel): RuleModel[] =>
    direction === 'Egress'
      ? (policy.spec.egress ?? []).map((rule) => ({ peers: rule.to, ports: rule.ports }))
      : (policy.spec.ingress ?? []).map((rule) => ({ peers: rule.from, ports: rule.ports }));
  const allowed =
    policies.length === 0 ||
    policies.some((policy) =>
      rules(policy).some((rule) => ruleAdmits(model, policy, rule, other, connection)),
    );
  return { allowed, policies: policies.map((policy) => `${policy.namespace}/${policy.name}`) };
}

/** Undefined when the policies of both ends let the connection through; otherwise what blocks it. */
export function blockedBy(model: ClusterModel, connection: Connection): string | undefined {
  const egress = sideVerdict(model, connection, 'Egress');
  const ingress = sideVerdict(model, connection, 'Ingress');
  const problems = [
    ...(egress.allowed ? [] : [`no egress rule of ${egress.policies.join(', ')} admits it`]),
    ...(ingress.allowed ? [] : [`no ingress rule of ${ingress.policies.join(', ')} admits it`]),
  ];
  return problems.length === 0 ? undefined : problems.join('; ');
}
