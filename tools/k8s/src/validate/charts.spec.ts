import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { MONITORING_API, discoverCharts } from './charts';

const root = mkdtempSync(path.join(os.tmpdir(), 'k8s-charts-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(file: string, text = ''): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

test('discoverCharts finds every folder with a Chart.yaml and its values profiles and suites', () => {
  write('b-chart/Chart.yaml');
  write('b-chart/values.yaml');
  write('b-chart/values-scaled.yaml');
  write('b-chart/values-production.yaml');
  write('b-chart/values.schema.json');
  write('b-chart/tests/pdb_test.yaml');
  write('b-chart/tests/notes.txt');
  write('a-chart/Chart.yaml');
  write('README.md');
  write('not-a-chart/values.yaml');

  const charts = discoverCharts(root);
  assert.deepEqual(
    charts.map((chart) => chart.name),
    ['a-chart', 'b-chart'],
  );
  const a = charts[0]!;
  const b = charts[1]!;
  assert.deepEqual(
    a.profiles.map((profile) => profile.name),
    ['default'],
  );
  assert.deepEqual(a.unitTestSuites, []);
  assert.deepEqual(
    b.profiles.map((profile) => [profile.name, profile.valuesFiles, profile.apiVersions]),
    [
      ['default', [], []],
      ['production', [path.join(root, 'b-chart', 'values-production.yaml')], [MONITORING_API]],
      ['scaled', [path.join(root, 'b-chart', 'values-scaled.yaml')], [MONITORING_API]],
    ],
  );
  assert.deepEqual(b.unitTestSuites, ['pdb_test.yaml']);
});

test('discoverCharts of a missing folder is empty', () => {
  assert.deepEqual(discoverCharts(path.join(root, 'nothing-here')), []);
});
