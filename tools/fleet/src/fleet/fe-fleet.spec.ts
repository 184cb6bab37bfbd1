import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MeterView } from '@metrochain/contracts';
import { fakeRegistration, type FakeService } from '@metrochain/tool-kit/testing';
import { installationDayOf } from '../fe/fe-slots';
import { customerSeedsSchema } from '../state/customer-seeds';
import { FAKE_CIPHERTEXT, fakeEncrypt, fakeSeeds } from '../testing/fake-fe';
import { fakeMeasurement, type FakeMeasurement } from '../testing/fake-measurement';
import { createFleet } from './create-fleet';
import type { Fleet, FleetOptions } from './fleet';

describe('a fleet with energy-fe meters against fake services', () => {
  const ledger = new Map<string, MeterView>();
  let ptb: FakeService;
  let inmetro: FakeService;
  let measurement: FakeMeasurement;
  let stateDir: string;
  const approved: string[] = [];

  before(async () => {
    ptb = await fakeRegistration({ msp: 'PTBMSP', meters: ledger });
    ptb.on('POST', /\/models$/, ({ body }) => {
      const { model, manufacturer } = body as { model: string; manufacturer: string };
      approved.push(model);
      const at = new Date().toISOString();
      const record = {
        model,
        manufacturer,
        operator: 'op',
        approvedBy: 'PTBMSP',
        approvedAt: at,
        txId: 'tx',
      };
      return { status: 201, body: { ...record, transactionId: 'tx', blockNumber: '7' } };
    });
    inmetro = await fakeRegistration({ msp: 'InmetroMSP', meters: ledger });
    measurement = await fakeMeasurement();
    stateDir = mkdtempSync(path.join(tmpdir(), 'fleet-fe-'));
  });
  after(async () => {
    await Promise.all([ptb.close(), inmetro.close(), measurement.service.close()]);
  });

  const options = (feMeters: number): FleetOptions => ({
    speedMeters: 1,
    energyMeters: 0,
    feMeters,
    stateDir,
    measurementUrl: measurement.service.url,
    registrationServices: [
      { mspId: 'PTBMSP', url: ptb.url },
      { mspId: 'InmetroMSP', url: inmetro.url },
    ],
    batch: 4,
    senders: 2,
    truthsFile: path.join(stateDir, 'truths.jsonl'),
    credentials: { manufacturer: { name: 'acme', token: 'm' }, operatorToken: 'o' },
    fe: { generateSeed: fakeSeeds(), encrypt: fakeEncrypt() },
  });

  async function withFleet<T>(feMeters: number, use: (fleet: Fleet) => Promise<T>): Promise<T> {
    const fleet = createFleet(options(feMeters));
    try {
      return await use(fleet);
    } finally {
      await fleet.stop({ graceMs: 50 });
    }
  }

  const seedFile = (): string => path.join(stateDir, 'customer-seeds.json');

  it("writes each FE meter's seed for its customer (mode 0600), registers SIM-ENERGY-FE and posts slots", async () => {
    const sent = await withFleet(2, async (fleet) => {
      await fleet.register();
      return fleet.postReadings(3);
    });
    assert.deepEqual(
      approved.sort(),
      ['SIM-ENERGY-FE', 'SIM-SPEED-2L'],
      'the operator approves the FE model',
    );
    assert.equal(statSync(seedFile()).mode & 0o777, 0o600);
    const seeds = customerSeedsSchema.parse(JSON.parse(readFileSync(seedFile(), 'utf8')));
    const feIds = [...ledger.values()]
      .filter((view) => view.model === 'SIM-ENERGY-FE' && view.status === 'active')
      .map((view) => view.meterId)
      .sort();
    assert.equal(feIds.length, 2);
    assert.deepEqual(
      seeds.map(({ meterId, customer }) => [meterId, customer]),
      [
        [feIds[0], 'customer-0001'],
        [feIds[1], 'customer-0002'],
      ],
    );
    assert.deepEqual(
      seeds.map(({ seed }) => seed),
      [1, 2].map((fill) => Buffer.alloc(32, fill).toString('base64')),
    );
    for (const { meterId, seed } of seeds) {
      const record = JSON.parse(readFileSync(path.join(stateDir, 'meters', `${meterId}.json`), 'utf8')) as {
        fe: { seed: string };
      };
      assert.equal(record.fe.seed, seed, 'the meter record keeps the same seed');
    }

    assert.equal(sent.length, 9);
    const day = installationDayOf(new Date());
    for (const meterId of feIds) {
      const readings = measurement.accepted.filter((entry) => entry.reading.meterId === meterId);
      assert.deepEqual(
        readings.map(({ reading }) => [reading.seq, reading.kind, reading.payload]),
        [0, 1, 2].map((slot) => [slot, 'energy-fe', { day, slot, ciphertext: FAKE_CIPHERTEXT }]),
      );
    }
    // A seed is never sent nor logged: not in any request, nor in the truths file.
    const traffic =
      JSON.stringify(measurement.service.requests) + readFileSync(options(0).truthsFile ?? '', 'utf8');
    for (const { seed } of seeds) {
      assert.equal(traffic.includes(seed), false);
    }
  });

  it('goes on with the next slot after a restart and keeps the seeds of meters it no longer runs', async () => {
    const before = readFileSync(seedFile(), 'utf8');
    const start = measurement.accepted.length;
    await withFleet(1, async (fleet) => {
      await fleet.register();
      await fleet.postReadings(1);
    });
    assert.equal(readFileSync(seedFile(), 'utf8'), before);
    const fe = measurement.accepted.slice(start).filter((entry) => entry.reading.kind === 'energy-fe');
    assert.deepEqual(
      fe.map(({ reading }) => [reading.seq, (reading.payload as { slot: number }).slot]),
      [[3, 3]],
    );
    assert.deepEqual(readdirSync(stateDir).sort(), [
      'customer-seeds.json',
      'fleet.json',
      'meters',
      'truths.jsonl',
    ]);
  });
});
