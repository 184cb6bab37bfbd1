import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandOutput } from '@metrochain/tool-kit/workspace';
import { cachePaths } from '../paths';
import { K8S_VERSIONS } from '../versions';
import { goModuleDir } from './go-tools';
import { findJava } from './java';
import type { InstallPart } from './part';

/** The kafka.strimzi.io/v1 kinds the project deploys, by the api jar's model class. */
const STRIMZI_KINDS = {
  'strimzi-kafka.yaml': 'io.strimzi.api.kafka.model.kafka.Kafka',
  'strimzi-kafkanodepool.yaml': 'io.strimzi.api.kafka.model.nodepool.KafkaNodePool',
  'strimzi-kafkatopic.yaml': 'io.strimzi.api.kafka.model.topic.KafkaTopic',
} as const;

const SERVICE_MONITOR_CRD = 'example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml';

export function crdSourceFiles(): string[] {
  return [...Object.keys(STRIMZI_KINDS), 'servicemonitors.yaml'].map((file) =>
    path.join(cachePaths.crdSources, file),
  );
}

function strimziPom(): string {
  const dependency = (artifact: string): string =>
    `<dependency><groupId>io.strimzi</groupId><artifactId>${artifact}</artifactId><version>${K8S_VERSIONS.strimzi}</version></dependency>`;
  return [
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '<modelVersion>4.0.0</modelVersion>',
    '<groupId>org.metrochain.tools</groupId><artifactId>strimzi-crds</artifactId><version>1</version>',
    '<packaging>pom</packaging>',
    `<dependencies>${dependency('api')}${dependency('crd-generator')}</dependencies>`,
    '</project>',
    '',
  ].join('\n');
}

/**
 * The api jar carries the model classes but no CRD YAML: run Strimzi's own generator over them, for the v1 API
 * only (served and stored), as the operator's release does.
 */
async function generateStrimziCrds(): Promise<void> {
  const java = await findJava(21);
  const work = mkdtempSync(path.join(os.tmpdir(), 'strimzi-crds-'));
  try {
    writeFileSync(path.join(work, 'pom.xml'), strimziPom());
    rmSync(cachePaths.strimziLibs, { recursive: true, force: true });
    await commandOutput('mvn', [
      '-B',
      '--no-transfer-progress',
      '-q',
      '-f',
      path.join(work, 'pom.xml'),
      `-Dmaven.repo.local=${cachePaths.mavenRepo}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${cachePaths.strimziLibs}`,
    ]);
    mkdirSync(cachePaths.crdSources, { recursive: true });
    await commandOutput(java, [
      '-cp',
      path.join(cachePaths.strimziLibs, '*'),
      'io.strimzi.crdgenerator.CrdGenerator',
      '--yaml',
      '--crd-api-version',
      'v1',
      '--api-versions',
      'v1',
      '--storage-version',
      'v1',
      ...Object.entries(STRIMZI_KINDS).map(
        ([file, model]) => `${model}=${path.join(cachePaths.crdSources, file)}`,
      ),
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function crdSourceParts(): InstallPart[] {
  return [
    {
      name: 'strimzi-crds',
      version: K8S_VERSIONS.strimzi,
      outputs: Object.keys(STRIMZI_KINDS).map((file) => path.join(cachePaths.crdSources, file)),
      action: `io.strimzi:crd-generator:${K8S_VERSIONS.strimzi} over io.strimzi:api (Maven, Java >= 21)`,
      install: generateStrimziCrds,
    },
    {
      name: 'servicemonitor-crd',
      version: K8S_VERSIONS.prometheusOperator,
      outputs: [path.join(cachePaths.crdSources, 'servicemonitors.yaml')],
      action: `go mod download github.com/prometheus-operator/prometheus-operator@${K8S_VERSIONS.prometheusOperator}`,
      async install() {
        const dir = await goModuleDir(
          'github.com/prometheus-operator/prometheus-operator',
          K8S_VERSIONS.prometheusOperator,
        );
        mkdirSync(cachePaths.crdSources, { recursive: true });
        const target = path.join(cachePaths.crdSources, 'servicemonitors.yaml');
        rmSync(target, { force: true });
        copyFileSync(path.join(dir, SERVICE_MONITOR_CRD), target);
        // The module cache's files are read-only; the cache's copy is ours to replace.
        chmodSync(target, 0o644);
      },
    },
  ];
}
