import { selects } from './label-selector';
import {
  type ContainerPort,
  type KubeObject,
  type LabelSelector,
  type Labels,
  type NetworkPolicyPeer,
  type NetworkPolicySpec,
  podTemplateOf,
} from './kube-types';

/** Where an object came from: the release or file that rendered it, for messages. */
export type Sourced<T> = T & { readonly source: string };

export interface NamespaceModel {
  readonly name: string;
  /** Its labels, with the kubernetes.io/metadata.name label the API server sets on every namespace. */
  readonly labels: Labels;
}

/** One pod a workload runs, with the labels it carries at run time. */
export interface PodModel {
  readonly namespace: string;
  /** `Kind/name` of the workload, with the ordinal for a StatefulSet's pods. */
  readonly name: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  /** A StatefulSet pod's DNS subdomain (its serviceName): `<pod>.<subdomain>.<namespace>.svc` names it. */
  readonly subdomain?: string;
  readonly source: string;
}

export interface PolicyModel {
  readonly namespace: string;
  readonly name: string;
  readonly spec: NetworkPolicySpec;
  readonly source: string;
}

export interface ServiceModel {
  readonly namespace: string;
  readonly name: string;
  readonly selector: Labels | undefined;
  readonly ports: readonly { readonly port: number; readonly name?: string }[];
  readonly clusterIP?: string;
  readonly source: string;
}

function namespaceOf(object: KubeObject): string {
  return object.metadata.namespace ?? 'default';
}

/**
 * A StatefulSet's pods each get `statefulset.kubernetes.io/pod-name` (and the pod index) from the controller, which
 * per-pod Services select: model each replica (1 when an autoscaler owns the count).
 */
function workloadPods(object: Sourced<KubeObject>): PodModel[] {
  const template = podTemplateOf(object);
  if (template === undefined) {
    return [];
  }
  const labels = template.metadata?.labels ?? {};
  const ports = template.spec.containers.flatMap((container) => container.ports ?? []);
  const base = { namespace: namespaceOf(object), ports, source: object.source };
  if (object.kind !== 'StatefulSet') {
    return [{ ...base, name: `${object.kind}/${object.metadata.name}`, labels }];
  }
  const { replicas = 1, serviceName } = object.spec as { replicas?: number; serviceName?: string };
  return Array.from({ length: replicas }, (_, ordinal) => ({
    ...base,
    ...(serviceName === undefined ? {} : { subdomain: serviceName }),
    name: `StatefulSet/${object.metadata.name}-${String(ordinal)}`,
    labels: {
      ...labels,
      'statefulset.kubernetes.io/pod-name': `${object.metadata.name}-${String(ordinal)}`,
      'apps.kubernetes.io/pod-index': String(ordinal),
    },
  }));
}

interface KafkaSpec {
  readonly kafka?: {
    readonly listeners?: readonly {
      readonly name: string;
      readonly port: number;
      readonly networkPolicyPeers?: readonly NetworkPolicyPeer[];
    }[];
  };
}

/**
 * What the Strimzi operator creates for a `Kafka`, which no file holds: broker pods (labelled with the cluster and
 * kind, listening on every listener port), the bootstrap Service and one NetworkPolicy admitting each listener's
 * `networkPolicyPeers` (all clients when a listener names none).
 */
function strimziObjects(object: Sourced<KubeObject>): {
  pods: PodModel[];
  policies: PolicyModel[];
  services: ServiceModel[];
} {
  const cluster = object.metadata.name;
  const namespace = namespaceOf(object);
  const listeners = (object.spec as KafkaSpec | undefined)?.kafka?.listeners ?? [];
  const labels = { 'strimzi.io/cluster': cluster, 'strimzi.io/kind': 'Kafka' };
  const source = `${object.source} (as the Strimzi operator deploys it)`;
  return {
    pods: [
      {
        namespace,
        name: `Kafka/${cluster} broker`,
        labels,
        ports: listeners.map((listener) => ({ name: listener.name, containerPort: listener.port })),
        source,
      },
    ],
    services: [
      {
        namespace,
        name: `${cluster}-kafka-bootstrap`,
        selector: labels,
        ports: listeners.map((listener) => ({ port: listener.port, name: listener.name })),
        source,
      },
    ],
    policies: [
      {
        namespace,
        name: `${cluster}-network-policy-kafka`,
        source,
        spec: {
          podSelector: { matchLabels: labels },
          policyTypes: ['Ingress'],
          ingress: listeners.map((listener) => ({
            ...(listener.networkPolicyPeers === undefined ? {} : { from: listener.networkPolicyPeers }),
            ports: [{ port: listener.port, protocol: 'TCP' }],
          })),
        },
      },
    ],
  };
}

/** Namespaces, pods, network policies and Services of a set of rendered objects, as a cluster would run them. */
export class ClusterModel {
  readonly namespaces: NamespaceModel[] = [];
  readonly pods: PodModel[] = [];
  readonly policies: PolicyModel[] = [];
  readonly services: ServiceModel[] = [];

  constructor(readonly objects: readonly Sourced<KubeObject>[]) {
    for (const object of objects) {
      this.add(object);
    }
  }

  private add(object: Sourced<KubeObject>): void {
    const namespace = namespaceOf(object);
    switch (object.kind) {
      case 'Namespace':
        this.namespaces.push({
          name: object.metadata.name,
          labels: { ...object.metadata.labels, 'kubernetes.io/metadata.name': object.metadata.name },
        });
        return;
      case 'NetworkPolicy':
        this.policies.push({
          namespace,
          name: object.metadata.name,
          spec: object.spec as NetworkPolicySpec,
          source: object.source,
        });
        return;
      case 'Service': {
        const spec = object.spec as Omit<ServiceModel, 'namespace' | 'name' | 'source'>;
        this.services.push({ ...spec, namespace, name: object.metadata.name, source: object.source });
        return;
      }
      case 'Kafka': {
        const strimzi = strimziObjects(object);
        this.pods.push(...strimzi.pods);
        this.policies.push(...strimzi.policies);
        this.services.push(...strimzi.services);
        return;
      }
      default:
        this.pods.push(...workloadPods(object));
    }
  }

  /** A namespace's labels; one not among the modelled namespaces has only its name label. */
  namespaceLabels(name: string): Labels {
    return (
      this.namespaces.find((namespace) => namespace.name === name)?.labels ?? {
        'kubernetes.io/metadata.name': name,
      }
    );
  }

  podsSelected(namespace: string, selector: LabelSelector | undefined): PodModel[] {
    return this.pods.filter((pod) => pod.namespace === namespace && selects(selector, pod.labels));
  }

  /** Pods of a workload by the start of its `Kind/name`, e.g. `StatefulSet/ptb-metrochain-nmi-peer`. */
  podsOf(namespace: string, workload: string): PodModel[] {
    return this.pods.filter((pod) => pod.namespace === namespace && pod.name.startsWith(workload));
  }
}
