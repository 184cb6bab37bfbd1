import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { discoverOverlays, kustomizeBuild } from './k8s-resources';
import { inCi, toolsUnavailable } from './tools';

interface Resource {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: {
    storage?: { volumes?: { size?: string }[] };
    volumeClaimTemplates?: { spec: { resources: { requests: { storage: string } } } }[];
  };
}

// kustomize skips a patch whose target matches nothing, so a renamed resource would silently drop a profile's sizes.
const EXPECTED = {
  dev: { kafkaVolume: '5Gi', redisVolume: '1Gi' },
  production: { kafkaVolume: '200Gi', redisVolume: '32Gi' },
} as const;

const unavailable = toolsUnavailable();
const skip = unavailable !== undefined && !inCi() ? unavailable : false;

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(
    `k8s/overlays/${name} labels every object with its profile and applies its sizes`,
    { skip },
    async () => {
      assert.equal(unavailable, undefined, unavailable);
      const overlay = discoverOverlays().find((candidate) => candidate.name === name);
      assert.ok(overlay, `k8s/overlays/${name} is missing`);
      const resources = parseAllDocuments(await kustomizeBuild(overlay.dir)).map(
        (document) => document.toJSON() as Resource,
      );
      assert.ok(resources.every((resource) => resource.metadata.labels?.['metrochain.io/profile'] === name));
      const pool = resources.find((resource) => resource.kind === 'KafkaNodePool');
      assert.equal(pool?.spec?.storage?.volumes?.[0]?.size, expected.kafkaVolume);
      const redis = resources.find(
        (resource) => resource.kind === 'StatefulSet' && resource.metadata.name === 'metrochain-redis',
      );
      assert.equal(
        redis?.spec?.volumeClaimTemplates?.[0]?.spec.resources.requests.storage,
        expected.redisVolume,
      );
    },
  );
}
