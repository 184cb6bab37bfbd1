import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  type FindingView,
  findingViewSchema,
  surveillanceMetersSchema,
  surveillanceRatesSchema,
} from '@metrochain/contracts';
import { type Fleet, createFleet, fleetCredentialsOf, registrationInstancesOf } from '@metrochain/fleet';
import { eventually } from './support/eventually';
import { MEASUREMENT_URL } from './support/ingest';
import { bearer, tokenOf } from './support/principals';

const AUDIT_URL = 'http://127.0.0.1:3005';

/**
 * Statistical surveillance on the real stack (docs/surveillance.md). The audit service must run with short windows,
 * which scripts/test.sh sets when it brings the network up:
 *   AUDIT_ROADS='{"sim-*-speed-*":"it-road"}'
 *   AUDIT_SURVEILLANCE='{"gapGraceMs":5000,"driftWindowMs":5000,"driftLatenessMs":2000,"driftMinVehicles":8,
 *     "clockWindowMs":3000,"clockMinPoints":3,"rateBucketMs":10000,"checkIntervalMs":1000}'
 * One fleet, each fault in its own meter; the clean meters of the same run must raise nothing.
 */
describe('audit surveillance finds injected anomalies and nothing on clean meters', () => {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'metrochain-surv-it-'));
  let fleet: Fleet;
  let ids: string[] = [];
  const startedAt = new Date().toISOString();

  const findings = async (): Promise<FindingView[]> => {
    const response = await fetch(`${AUDIT_URL}/api/findings?limit=500`, {
      headers: bearer(tokenOf('auditor-ptb')),
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as unknown[];
    return body
      .map((item) => findingViewSchema.parse(item))
      .filter(
        (finding) => finding.detectedAt >= startedAt && ids.some((id) => finding.subject === `meter:${id}`),
      );
  };
  let postingSince = 0;
  const findingOf = async (category: string, meter: string, kind?: string): Promise<FindingView> => {
    const found = await eventually(
      `${category} of ${meter}`,
      async () =>
        (await findings()).find(
          (finding) =>
            finding.category === category &&
            finding.subject.endsWith(`-${meter}`) &&
            (kind === undefined || finding.evidence['kind'] === kind),
        ),
      30_000,
      1000,
    );
    const seconds = (Date.parse(found.detectedAt) - postingSince) / 1000;
    console.log(`${category} of ${meter}: detected ${seconds.toFixed(1)} s after the fleet started posting`);
    return found;
  };

  before(async () => {
    const query = { networkFile: undefined, measurementUrl: undefined, env: process.env };
    const credentials = fleetCredentialsOf(query);
    assert.ok(credentials !== undefined, 'network.json provisions a manufacturer');
    fleet = createFleet({
      credentials,
      speedMeters: 5,
      energyMeters: 4,
      stateDir,
      measurementUrl: MEASUREMENT_URL,
      registrationServices: registrationInstancesOf(query),
      speedKmh: { min: 80, max: 100 },
      rate: 5,
      batch: 5,
      faults: {
        speedBias: [{ meter: 'speed-0001', factor: 1.2 }],
        clockDrift: [{ meter: 'speed-0005', ppm: -150_000 }],
        stuck: ['energy-0001'],
        dropSeqs: [{ meter: 'energy-0002', from: 20, to: 24 }],
        badSignatures: [{ meter: 'energy-0003', fraction: 0.5 }],
      },
    });
    ids = fleet.meters.map((meter) => meter.meterId);
    await fleet.register();
    postingSince = Date.now();
    await fleet.run({ durationS: 30 });
  });
  after(async () => {
    await fleet.stop({ graceMs: 1000 });
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('reports the dropped seqs 20..24 as a gap', async () => {
    const gap = await findingOf('seq-anomaly', 'energy-0002', 'gap');
    assert.deepEqual([gap.evidence['missingFrom'], gap.evidence['missingTo']], [20, 24]);
  });

  it('reports the replayed raw payload as stuck, critical', async () => {
    const stuck = await findingOf('stuck-values', 'energy-0001', 'raw-repeat');
    assert.equal(stuck.severity, 'critical');
  });

  it('reports the signature failures as a rate anomaly', async () => {
    const rate = await findingOf('rate-anomaly', 'energy-0003', 'signature');
    assert.ok(Number(rate.evidence['failures']) >= 2);
  });

  it('reports the speed meter reading 20 % high against its road', async () => {
    const drift = await findingOf('speed-drift', 'speed-0001');
    assert.equal(drift.evidence['direction'], 'high');
    assert.ok(Number(drift.evidence['percent']) > 10);
  });

  it('reports the slow clock as an offset', async () => {
    const clock = await findingOf('clock-drift', 'speed-0005', 'offset');
    assert.ok(Number(clock.evidence['offsetMs']) < -2000);
  });

  it('raises nothing on the clean meters, and shows every meter in /api/surveillance/meters', async () => {
    const clean = ['speed-0002', 'speed-0003', 'speed-0004', 'energy-0004'];
    const noisy = (await findings()).filter((finding) =>
      clean.some((meter) => finding.subject.endsWith(`-${meter}`)),
    );
    assert.deepEqual(noisy, []);
    const response = await fetch(`${AUDIT_URL}/api/surveillance/meters`, {
      headers: bearer(tokenOf('auditor-ptb')),
    });
    const { meters } = surveillanceMetersSchema.parse(await response.json());
    for (const id of ids) {
      assert.ok(
        meters.some((meter) => meter.meterId === id && meter.received > 0),
        id,
      );
    }
  });

  it('charts the signature failures in /api/surveillance/rates', async () => {
    const response = await fetch(`${AUDIT_URL}/api/surveillance/rates`, {
      headers: bearer(tokenOf('auditor-ptb')),
    });
    const rates = surveillanceRatesSchema.parse(await response.json());
    const failures = rates.signatureFailures.reduce((sum, point) => sum + point.failures, 0);
    assert.ok(failures > 0, JSON.stringify(rates.signatureFailures));
    assert.ok(rates.rejections.every((point) => point.upperLimit >= point.centre));
  });

  it('refuses the surveillance routes without an auditor token', async () => {
    for (const route of ['rates', 'meters']) {
      const response = await fetch(`${AUDIT_URL}/api/surveillance/${route}`);
      assert.equal(response.status, 401);
    }
  });
});
