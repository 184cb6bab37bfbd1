import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fakeMeasurement, type FakeMeasurement } from '../testing/fake-measurement';
import { cli } from '../testing/run-cli';

describe('metrochain-fleet command line', () => {
  it("prints the overview and each command's help", async () => {
    const overview = await cli(['--help']);
    assert.equal(overview.code, 0);
    assert.match(overview.stdout, /run {4}register simulated meters/);
    assert.match(overview.stdout, /watch {2}show the measurement service/);
    const help = await cli(['run', '--help']);
    assert.match(help.stdout, /--speed-meters <n>/);
    assert.equal((await cli([])).code, 2);
  });

  it('exits 2 with a coded message on usage errors', async () => {
    const unknown = await cli(['fly']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^USAGE: unknown command "fly"/);
    const bad = await cli(['run', '--batch', '0']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^USAGE: --batch: expected a whole number from 1 to 500/);
    assert.match(bad.stderr, /run metrochain-fleet run --help/);
    assert.equal((await cli(['watch', '--colour'])).code, 2);
  });

  it("exits 1 when the network file does not list two NMIs' registration services", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fleet-cli-'));
    const networkFile = path.join(dir, 'network.json');
    writeFileSync(networkFile, JSON.stringify({ services: { registration: [] } }));
    const run = await cli(['run', '--network-file', networkFile, '--state-dir', path.join(dir, 'state')]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^ENDPOINT_UNKNOWN: .* lists registration services of 0 NMI\(s\)/);
  });

  describe('watch', () => {
    let fake: FakeMeasurement;
    let env: Record<string, string>;
    before(async () => {
      fake = await fakeMeasurement();
      const dir = mkdtempSync(path.join(tmpdir(), 'fleet-watch-'));
      const networkFile = path.join(dir, 'network.json');
      const measurement = [{ org: 'PTB', mspId: 'PTBMSP', url: `${fake.service.url}/`, process: 'x' }];
      writeFileSync(networkFile, JSON.stringify({ services: { measurement } }));
      env = { METROCHAIN_NETWORK_FILE: networkFile };
    });
    after(() => fake.service.close());

    it("polls the network file's measurement service and prints plain lines without a terminal", async () => {
      const unavailable = await cli(['watch', '--once'], { env });
      assert.equal(unavailable.code, 0);
      assert.match(unavailable.stdout, /measurement service unavailable: STATS_UNAVAILABLE/);
      fake.stats = {
        since: '2026-01-05T09:00:00.000Z',
        windowS: 10,
        totals: { accepted: 3, verified: 2, recorded: 1, rejected: 0 },
        perSecond: { accepted: 0.3, verified: 0.2, recorded: 0.1, rejected: 0 },
        latest: [],
      };
      const sample = await cli(['watch', '--once'], { env });
      assert.match(
        sample.stdout,
        /^\d\d:\d\d:\d\d per s: accepted 0\.3 verified 0\.2 recorded 0\.1 rejected 0\.0/,
      );
      assert.equal(sample.stdout.includes('\x1b'), false);
      const json = await cli(['watch', '--once', '--json', '--measurement-url', fake.service.url]);
      assert.deepEqual((JSON.parse(json.stdout) as { totals: unknown }).totals, fake.stats.totals);
    });

    it('stops polling on Ctrl-C', async () => {
      const controller = new AbortController();
      const running = cli(['watch', '--interval-s', '0.05'], { env, interrupt: controller.signal });
      setTimeout(() => {
        controller.abort();
      }, 200);
      const result = await running;
      assert.equal(result.code, 0);
      assert.ok(result.stdout.split('\n').length > 2);
    });
  });
});
