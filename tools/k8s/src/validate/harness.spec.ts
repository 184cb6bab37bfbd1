import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { discoverCharts } from './charts';
import { CheckFailure } from './check';
import { chartChecks } from './checks';
import { inCi, toolsUnavailable } from './tools';

// The validation itself must be able to fail: a throwaway good chart passes every check, a broken one fails
// each check its defect is meant for.
const unavailable = toolsUnavailable();
const root = mkdtempSync(path.join(os.tmpdir(), 'k8s-harness-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

function chart(name: string, templates: Record<string, string>, suite: string): void {
  write(
    `${name}/Chart.yaml`,
    `apiVersion: v2\nname: ${name}\nversion: 0.1.0\nicon: https://example.org/icon.png\n`,
  );
  write(`${name}/values.yaml`, 'partitions: 6\n');
  write(
    `${name}/values.schema.json`,
    '{"type":"object","additionalProperties":false,"properties":{"partitions":{"type":"integer"}}}\n',
  );
  write(`${name}/values-bad.yaml`, 'partitionz: 6\n');
  for (const [file, text] of Object.entries(templates)) {
    write(`${name}/templates/${file}`, text);
  }
  write(`${name}/tests/topic_test.yaml`, suite);
}

const topic = (spec: string): string =>
  `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels: { strimzi.io/cluster: c }\nspec:\n${spec}`;
const suite = (kind: string): string =>
  `suite: topic\ntemplates: [topic.yaml]\ntests:\n  - it: is a ${kind}\n    asserts:\n      - isKind: { of: ${kind} }\n`;

chart(
  'good',
  {
    'topic.yaml': topic('  partitions: {{ .Values.partitions }}\n  replicas: 3\n'),
    'configmap.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nimmutable: true\ndata: { a: b }\n',
  },
  suite('KafkaTopic'),
);
chart(
  'broken',
  {
    'topic.yaml': topic('  partitions: "six"\n  replicaz: 3\n'),
    'deployment.yaml': [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: d }',
      'spec:',
      '  selector: { matchLabels: { app: d } }',
      '  template:',
      '    metadata: { labels: { app: d } }',
      '    spec:',
      '      containers: [{ name: d, image: "example/d:1" }]',
      '',
    ].join('\n'),
  },
  suite('Secret'),
);

const charts = discoverCharts(root);
const checks = (name: string): ReturnType<typeof chartChecks> =>
  chartChecks(charts.find((candidate) => candidate.name === name)!);

describe(
  'validation harness on throwaway charts',
  { skip: !inCi() && unavailable !== undefined && unavailable },
  () => {
    test('a good chart passes lint, kubeconform, kube-score and helm-unittest in every profile but the bad one', async () => {
      assert.ok(unavailable === undefined, unavailable);
      for (const check of checks('good').filter((candidate) => !candidate.name.includes('[bad]'))) {
        await check.run();
      }
    });

    test('each check fails on the defect it is for', async () => {
      assert.ok(unavailable === undefined, unavailable);
      const failing: [string, RegExp][] = [
        ['good [bad] helm lint --strict', /partitionz/],
        ['good [bad] helm template | kubeconform -strict', /partitionz/],
        ['broken [default] helm template | kubeconform -strict', /KafkaTopic t: .*(replicaz|partitions)/],
        ['broken [default] kube-score: no unexplained CRITICAL', /Deployment\/d: container-resources/],
        ['broken helm-unittest', /FAIL/],
      ];
      const all = [...checks('good'), ...checks('broken')];
      for (const [name, reason] of failing) {
        const check = all.find((candidate) => candidate.name === name);
        assert.ok(check, `no check named ${name}`);
        await assert.rejects(check.run(), (error: unknown) => {
          assert.ok(error instanceof CheckFailure, name);
          assert.match(error.message, reason, name);
          return true;
        });
      }
    });
  },
);
