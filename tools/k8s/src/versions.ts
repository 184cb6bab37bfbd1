/**
 * Every pinned version the Kubernetes validation uses. `install` builds exactly these into the cache and records
 * them in its installed.json; a tool whose recorded version differs is rebuilt.
 */
export const K8S_VERSIONS = {
  /** The Kubernetes version charts are linted/rendered for (`--kube-version`) and validated against. */
  kubernetes: '1.33.0',
  helm: 'v4.3.1',
  kubeconform: 'v0.8.0',
  kubeScore: 'v1.20.0',
  helmUnittest: 'v1.1.2',
  kustomize: 'v5.8.2',
  /** The wheel that carries the Kubernetes JSON schemas, v1.25.0 to v1.37.0. */
  kubernetesValidate: '1.37.0',
  /** io.strimzi:api and io.strimzi:crd-generator: the CRDs of kafka.strimzi.io/v1. */
  strimzi: '1.2.0',
  /** Go module whose example/ folder carries the monitoring.coreos.com CRDs (ServiceMonitor). */
  prometheusOperator: 'v0.85.0',
} as const;

/**
 * The Kafka versions Strimzi 1.2.0 deploys (`supported: true` in its kafka-versions.yaml; 4.3.1 is its default).
 * VERSIONS.kafka.version of @metrochain/deployment must be one of them.
 */
export const STRIMZI_KAFKA_VERSIONS: readonly string[] = ['4.2.0', '4.2.1', '4.3.0', '4.3.1'];

export type ToolName = 'helm' | 'kubeconform' | 'kube-score' | 'untt' | 'kustomize';
