import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { exec } from '../exec';
import { detail, step } from '../log';
import { cachePaths, DEVNET_ROOT } from '../paths';
import { VERSIONS } from '../versions';

function installed(): boolean {
  return (
    existsSync(cachePaths.kafkaLibs) &&
    readdirSync(cachePaths.kafkaLibs).some(
      (file) => file === `kafka_${VERSIONS.kafka.scala}-${VERSIONS.kafka.version}.jar`,
    )
  );
}

/** Copies the Kafka broker and an SLF4J binding with all their dependencies from Maven into the cache. */
export async function installKafka(): Promise<void> {
  if (installed()) {
    detail(`Kafka ${VERSIONS.kafka.version}: cached in ${cachePaths.kafkaLibs}`);
    return;
  }
  step(`Kafka ${VERSIONS.kafka.version}: mvn dependency:copy-dependencies`);
  mkdirSync(cachePaths.kafkaLibs, { recursive: true });
  await exec(
    'mvn',
    [
      '-B',
      '--no-transfer-progress',
      '-f',
      path.join(DEVNET_ROOT, 'kafka', 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${cachePaths.kafkaLibs}`,
      '-DincludeScope=runtime',
    ],
    { echo: process.env['CI'] !== 'true' },
  );
  detail(`Kafka jars in ${cachePaths.kafkaLibs}`);
}
