import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MeterView } from '@metrochain/contracts';
import { fakeMeasurement, type FakeMeasurement } from '../testing/fake-measurement';
import { fakeRegistration } from '@metrochain/tool-kit/testing';
import type { FakeService } from '@metrochain/tool-kit/testing';
import { cli } from '../testing/run-cli';

describe('metrochain-fleet run against fake services', () => {
  const ledger = new Map<string, MeterView>();
  let services: FakeService[];
  let measurement: FakeMeasurement;
  let dir: string;
  let networkFile: string;

  before(async () => {
    const ptb = await fakeRegistration({ msp: 'PTBMSP', meters: ledger });
    const inmetro = await fakeRegistration({ msp: 'InmetroMSP', meters: ledger });
    measurement = await fakeMeasurement();
    services = [ptb, inmetro, measurement.service];
    dir = mkdtempSync(path.join(tmpdir(), 'fleet-run-'));
    networkFile = path.join(dir, 'network.json');
    const instance = (org: string, url: string): Record<string, string> => ({
      org,
      mspId: `${org}MSP`,
      url,
      process: 'x',
    });
    writeFileSync(
      networkFile,
      JSON.stringify({
        services: {
          registration: [instance('PTB', ptb.url), instance('Inmetro', inmetro.url)],
          measurement: [instance('PTB', measurement.service.url)],
        },
      }),
    );
  });
  after(() => Promise.all(services.map((service) => service.close())));

  const args = (): string[] => [
    '--network-file',
    networkFile,
    '--state-dir',
    path.join(dir, 'state'),
    '--speed-meters',
    '1',
    '--energy-meters',
    '1',
    '--rate',
    '20',
    '--batch',
    '5',
  ];

  it('registers, posts for --duration-s and writes the truths, as JSON lines', async () => {
    const run = await cli(['run', ...args(), '--duration-s', '0.5', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      lines.filter((line) => line['type'] === 'registration').map((line) => line['done']),
      [1, 2],
    );
    const last = lines.at(-1) ?? {};
    assert.equal(last['pending'], 0);
    assert.ok(Number(last['sent']) >= 2 && Number(last['sent']) === measurement.accepted.length);
    const truths = readFileSync(path.join(dir, 'state', 'truths.jsonl'), 'utf8')
      .trim()
      .split('\n');
    assert.deepEqual(
      truths.map((line) => (JSON.parse(line) as { readingId: string }).readingId),
      measurement.accepted.map((entry) => entry.readingId),
    );
  });

  it('goes on with the same meters and seqs when run again, and stops on Ctrl-C', async () => {
    const before = measurement.accepted.length;
    const controller = new AbortController();
    const running = cli(['run', ...args(), '--watch'], { interrupt: controller.signal });
    setTimeout(() => {
      controller.abort();
    }, 400);
    const run = await running;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /2 meters active \(0 registered now\)/);
    assert.match(run.stdout, /measurement service unavailable: STATS_UNAVAILABLE/);
    assert.match(run.stdout, /stopped: \d+ readings acknowledged, 0 not acknowledged/);
    const meters = new Set(measurement.accepted.map((entry) => entry.reading.meterId));
    assert.equal(meters.size, 2);
    for (const meterId of meters) {
      const seqs = measurement.accepted
        .filter((entry) => entry.reading.meterId === meterId)
        .map((e) => e.reading.seq);
      assert.deepEqual(
        seqs,
        Array.from({ length: seqs.length }, (_, n) => n),
      );
    }
    assert.ok(measurement.accepted.length > before);
  });
});
