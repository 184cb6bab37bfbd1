/** The parts of Kubernetes objects the consistency checks read (rendered YAML, so every field is optional). */

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

export type Labels = Readonly<Record<string, string>>;

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Labels;
}

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly spec?: unknown;
  readonly data?: Readonly<Record<string, string>>;
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: string;
}

export interface KeyToPath {
  readonly key: string;
  readonly path: string;
}

export interface Container {
  readonly name: string;
  readonly ports?: readonly ContainerPort[];
  readonly env?: readonly { readonly name: string; readonly value?: string }[];
  readonly command?: readonly string[];
  readonly args?: readonly string[];
}

export interface SecretVolumeSource {
  readonly secretName: string;
  readonly optional?: boolean;
  readonly items?: readonly KeyToPath[];
}

export interface ConfigMapVolumeSource {
  readonly name: string;
  readonly optional?: boolean;
  readonly items?: readonly KeyToPath[];
}

export interface ProjectionSource {
  readonly secret?: {
    readonly name: string;
    readonly optional?: boolean;
    readonly items?: readonly KeyToPath[];
  };
  readonly configMap?: {
    readonly name: string;
    readonly optional?: boolean;
    readonly items?: readonly KeyToPath[];
  };
}

export interface Volume {
  readonly name: string;
  readonly secret?: SecretVolumeSource;
  readonly configMap?: ConfigMapVolumeSource;
  readonly projected?: { readonly sources: readonly ProjectionSource[] };
}

export interface PodSpec {
  readonly containers: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly volumes?: readonly Volume[];
}

export interface PodTemplate {
  readonly metadata?: { readonly labels?: Labels };
  readonly spec: PodSpec;
}

export interface NetworkPolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: { readonly cidr: string };
}

export interface NetworkPolicyPort {
  readonly port?: number | string;
  readonly endPort?: number;
  readonly protocol?: string;
}

export interface NetworkPolicyRule {
  readonly peers: readonly NetworkPolicyPeer[] | undefined;
  readonly ports: readonly NetworkPolicyPort[] | undefined;
}

export interface NetworkPolicySpec {
  readonly podSelector: LabelSelector;
  readonly policyTypes?: readonly ('Ingress' | 'Egress')[];
  readonly ingress?: readonly {
    readonly from?: readonly NetworkPolicyPeer[];
    readonly ports?: readonly NetworkPolicyPort[];
  }[];
  readonly egress?: readonly {
    readonly to?: readonly NetworkPolicyPeer[];
    readonly ports?: readonly NetworkPolicyPort[];
  }[];
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** The pod template of a workload (CronJobs through their job template), or undefined for other kinds. */
export function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  if (WORKLOADS.has(object.kind)) {
    return (object.spec as { template?: PodTemplate } | undefined)?.template;
  }
  if (object.kind === 'CronJob') {
    return (object.spec as { jobTemplate?: { spec?: { template?: PodTemplate } } } | undefined)?.jobTemplate
      ?.spec?.template;
  }
  return undefined;
}
