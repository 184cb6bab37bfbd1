/**
 * Pinned versions of the network's components. The local network installs exactly these (devnet install) and the
 * Kubernetes resources deploy the same ones (charts/, k8s/), so a test run here proves what a cluster runs.
 * docs/foundation.md says why Fabric is 3.1.1.
 */
export const VERSIONS = {
  fabric: {
    release: 'v3.1.1',
    module: 'v1.4.0-rc1.0.20250510200036-435a7f1a780a',
    commit: '435a7f1a780a128756fb2f72bf4cad164bf13fbb',
    /** Tag of the official peer and orderer images built from that commit. */
    imageTag: '3.1.1',
  },
  /**
   * The newest Kafka the Strimzi operator (1.2.0) supports — its default — so the local network runs what the cluster
   * runs. Kafka 4 logs through log4j2; its slf4j 1.7 API needs log4j's binding at the log4j-core version it brings.
   */
  kafka: { version: '4.3.1', scala: '2.13', slf4jBinding: 'log4j-slf4j-impl 2.25.4' },
  redis: { major: 7 },
} as const;
