import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEVNET_ROOT } from '../paths';
import { VERSIONS } from '../versions';

/** artifactId → version of every dependency the pom declares. */
function pomDependencies(): Map<string, string> {
  const pom = readFileSync(path.join(DEVNET_ROOT, 'kafka', 'pom.xml'), 'utf8');
  const found = new Map<string, string>();
  for (const match of pom.matchAll(
    /<dependency>\s*<groupId>[^<]+<\/groupId>\s*<artifactId>([^<]+)<\/artifactId>\s*<version>([^<]+)<\/version>/g,
  )) {
    found.set(match[1] ?? '', match[2] ?? '');
  }
  return found;
}

describe('devnet/kafka/pom.xml', () => {
  it('installs the Kafka version and Scala build VERSIONS.kafka pins (the one the charts deploy)', () => {
    assert.equal(pomDependencies().get(`kafka_${VERSIONS.kafka.scala}`), VERSIONS.kafka.version);
  });

  it('installs exactly the SLF4J binding VERSIONS.kafka names, and nothing else besides Kafka', () => {
    const [artifact, version] = VERSIONS.kafka.slf4jBinding.split(' ');
    const dependencies = pomDependencies();
    assert.equal(dependencies.get(artifact ?? ''), version);
    assert.deepEqual([...dependencies.keys()].sort(), [artifact, `kafka_${VERSIONS.kafka.scala}`].sort());
  });
});
