import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { renderDocumentedInstall } from '../consistency/install';
import { podTemplateOf } from '../consistency/kube-types';
import { volumeReferences } from '../consistency/volume-references';
import { inCi, toolsUnavailable } from '../validate/tools';
import { writeDocumentedInstallCrypto } from './fake-crypto';
import { parseSecretsOptions } from './options';
import { buildSecrets } from './secrets';

// What `secrets` writes against what the charts mount, installed as the docs install them: every Secret and
// ConfigMap a pod names (and each key it asks for) is produced, and everything produced is mounted somewhere.
const unavailable = toolsUnavailable();
const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-chart-secrets-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test(
  'secrets produces exactly the Secrets and ConfigMaps the documented install mounts, with every key',
  { skip: !inCi() && unavailable !== undefined && unavailable },
  async () => {
    assert.equal(unavailable, undefined, unavailable);
    const { crypto, block } = writeDocumentedInstallCrypto(dir);
    const generated = buildSecrets(parseSecretsOptions(['--crypto', crypto, '--block', block]));
    const produced = new Map(
      generated.map((m) => [`${m.kind} ${m.metadata.namespace}/${m.metadata.name}`, m]),
    );
    const objects = await renderDocumentedInstall();
    const rendered = new Set(
      objects.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`),
    );

    const problems: string[] = [];
    const mounted = new Set<string>();
    for (const object of objects) {
      const template = podTemplateOf(object);
      for (const reference of template === undefined ? [] : volumeReferences(template.spec)) {
        const id = `${reference.kind} ${object.metadata.namespace ?? ''}/${reference.name}`;
        mounted.add(id);
        if (rendered.has(id)) {
          continue;
        }
        const manifest = produced.get(id);
        const where = `${object.kind} ${object.metadata.name} volume ${reference.volume}`;
        if (manifest === undefined) {
          problems.push(`${where}: ${id} is not produced`);
          continue;
        }
        const missing = reference.items
          .filter((item) => !(item.key in manifest.data))
          .map((item) => item.key);
        if (missing.length > 0) {
          problems.push(`${where}: ${id} lacks ${missing.join(', ')}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [...produced.keys()].filter((id) => !mounted.has(id)),
      [],
      'produced but mounted by no pod of the install',
    );
  },
);
