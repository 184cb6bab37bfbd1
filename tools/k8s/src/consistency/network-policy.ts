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

function ruleAdmits(
  model: ClusterModel,
  policy: PolicyModel,
  rule: { peers: readonly NetworkPolicyPeer[] | undefined; ports: readonly NetworkPolicyPort[] | undefined },
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

export function egressVerdict(model: ClusterModel, connection: Connection): SideVerdict {
  const policies = policiesFor(model, connection.from, 'Egress');
  const allowed =
    policies.length === 0 ||
    policies.some((policy) =>
      (policy.spec.egress ?? []).some((rule) =>
        ruleAdmits(model, policy, { peers: rule.to, ports: rule.ports }, connection.to, connection),
      ),
    );
  return { allowed, policies: policies.map((policy) => `${policy.namespace}/${policy.name}`) };
}

export function ingressVerdict(model: ClusterModel, connection: Connection): SideVerdict {
  const policies = policiesFor(model, connection.to, 'Ingress');
  const allowed =
    policies.length === 0 ||
    policies.some((policy) =>
      (policy.spec.ingress ?? []).some((rule) =>
        ruleAdmits(model, policy, { peers: rule.from, ports: rule.ports }, connection.from, connection),
      ),
    );
  return { allowed, policies: policies.map((policy) => `${policy.namespace}/${policy.name}`) };
}

/** Undefined when the policies of both ends let the connection through; otherwise what blocks it. */
export function blockedBy(model: ClusterModel, connection: Connection): string | undefined {
  const egress = egressVerdict(model, connection);
  const ingress = ingressVerdict(model, connection);
  const problems = [
    ...(egress.allowed ? [] : [`no egress rule of ${egress.policies.join(', ')} admits it`]),
    ...(ingress.allowed ? [] : [`no ingress rule of ${ingress.policies.join(', ')} admits it`]),
  ];
  return problems.length === 0 ? undefined : problems.join('; ');
}
