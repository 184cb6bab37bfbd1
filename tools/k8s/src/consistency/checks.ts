import type { ClusterModel, PolicyModel } from './cluster-model';
import type { LabelSelector, NetworkPolicyPeer } from './kube-types';
import { describeSelector, selectorKeys, selects } from './label-selector';

const OWN_LABEL = /^metrochain\.io\//;

function rulePeers(policy: PolicyModel): { direction: string; peer: NetworkPolicyPeer }[] {
  return [
    ...(policy.spec.ingress ?? []).flatMap((rule) =>
      (rule.from ?? []).map((peer) => ({ direction: 'from', peer })),
    ),
    ...(policy.spec.egress ?? []).flatMap((rule) =>
      (rule.to ?? []).map((peer) => ({ direction: 'to', peer })),
    ),
  ];
}

const where = (policy: PolicyModel): string =>
  `NetworkPolicy ${policy.namespace}/${policy.name} (${policy.source})`;

/** Every namespaceSelector that reads a metrochain.io/* label must select a Namespace of k8s/namespaces. */
export function namespaceSelectorProblems(model: ClusterModel): string[] {
  return model.policies.flatMap((policy) =>
    rulePeers(policy)
      .filter(({ peer }) => selectorKeys(peer.namespaceSelector).some((key) => OWN_LABEL.test(key)))
      .filter(
        ({ peer }) =>
          !model.namespaces.some((namespace) => selects(peer.namespaceSelector, namespace.labels)),
      )
      .map(
        ({ direction, peer }) =>
          `${where(policy)}: ${direction} namespaceSelector ${describeSelector(peer.namespaceSelector)} selects no namespace of k8s/namespaces`,
      ),
  );
}

/** The modelled namespaces a rule peer reaches: its namespaceSelector's, or the policy's own namespace. */
function peerNamespaces(model: ClusterModel, policy: PolicyModel, peer: NetworkPolicyPeer): string[] {
  if (peer.namespaceSelector === undefined) {
    return [policy.namespace];
  }
  return model.namespaces
    .filter((namespace) => selects(peer.namespaceSelector, namespace.labels))
    .map((namespace) => namespace.name);
}

function selectsSomePod(
  model: ClusterModel,
  namespaces: readonly string[],
  selector: LabelSelector | undefined,
): boolean {
  return namespaces.some((namespace) => model.podsSelected(namespace, selector).length > 0);
}

/**
 * Rules between our own components must select something: a policy's podSelector, and each rule peer that reaches
 * a namespace of ours (peers in namespaces outside k8s/namespaces, such as monitoring or kube-system, are the
 * cluster's and not checked) must match a pod the install runs there.
 */
export function deadSelectorProblems(model: ClusterModel): string[] {
  const problems: string[] = [];
  for (const policy of model.policies) {
    if (!selectsSomePod(model, [policy.namespace], policy.spec.podSelector)) {
      problems.push(
        `${where(policy)}: podSelector ${describeSelector(policy.spec.podSelector)} selects no pod`,
      );
    }
    for (const { direction, peer } of rulePeers(policy)) {
      if (peer.ipBlock !== undefined) {
        continue;
      }
      const modelled = model.namespaces.map((namespace) => namespace.name);
      const namespaces = peerNamespaces(model, policy, peer).filter(
        (name) => modelled.includes(name) || name === policy.namespace,
      );
      if (namespaces.length > 0 && !selectsSomePod(model, namespaces, peer.podSelector)) {
        problems.push(
          `${where(policy)}: ${direction} podSelector ${describeSelector(peer.podSelector)} in ${namespaces.join(', ')} selects no pod`,
        );
      }
    }
  }
  return problems;
}

/** Every Service and PodDisruptionBudget selector must select pods of a workload in its namespace. */
export function selectorProblems(model: ClusterModel): string[] {
  const services = model.services
    .filter((service) => service.selector !== undefined)
    .filter(
      (service) =>
        model.podsSelected(service.namespace, { matchLabels: service.selector ?? {} }).length === 0,
    )
    .map(
      (service) =>
        `Service ${service.namespace}/${service.name} (${service.source}): selector ${describeSelector({ matchLabels: service.selector ?? {} })} selects no pod`,
    );
  const budgets = model.objects
    .filter((object) => object.kind === 'PodDisruptionBudget')
    .filter((object) => {
      const selector = (object.spec as { selector?: LabelSelector }).selector;
      return model.podsSelected(object.metadata.namespace ?? 'default', selector).length === 0;
    })
    .map(
      (object) =>
        `PodDisruptionBudget ${object.metadata.namespace ?? ''}/${object.metadata.name} (${object.source}): selects no pod`,
    );
  return [...services, ...budgets];
}
