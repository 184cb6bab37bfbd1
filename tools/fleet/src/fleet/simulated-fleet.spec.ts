import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { MeterView, Reading } from '@metrochain/contracts';
import { verifySignature } from '@metrochain/pki';
import { readingIdOf, signedBytes } from '../readings/signed-bytes';
import { fakeMeasurement, type FakeMeasurement } from '../testing/fake-measurement';
import { fakeRegistration } from '@metrochain/tool-kit/testing';
import { coded, type FakeService } from '@metrochain/tool-kit/testing';
import { createFleet } from './create-fleet';
import type { Fleet, FleetOptions } from './fleet';

describe('a simulated fleet against fake services', () => {
  const ledger = new Map<string, MeterView>();
  let ptb: FakeService;
  let inmetro: FakeService;
  let measurement: FakeMeasurement;
  let options: FleetOptions;

  before(async () => {
    ptb = await fakeRegistration({ msp: 'PTBMSP', meters: ledger });
    inmetro = await fakeRegistration({ msp: 'InmetroMSP', meters: ledger });
    measurement = await fakeMeasurement();
  });
  beforeEach(() => {
    options = {
      speedMeters: 2,
      energyMeters: 1,
      stateDir: mkdtempSync(path.join(tmpdir(), 'fleet-')),
      measurementUrl: measurement.service.url,
      registrationServices: [
        { mspId: 'PTBMSP', url: ptb.url },
        { mspId: 'InmetroMSP', url: inmetro.url },
      ],
      batch: 2,
      senders: 2,
    };
    measurement.accepted.length = 0;
    measurement.failNext.length = 0;
  });
  after(async () => {
    await Promise.all([ptb.close(), inmetro.close(), measurement.service.close()]);
  });

  const seqsOf = (meterId: string): number[] =>
    measurement.accepted
      .filter((entry) => entry.reading.meterId === meterId)
      .map((entry) => entry.reading.seq);

  async function withFleet<T>(
    use: (fleet: Fleet) => Promise<T>,
    overrides: Partial<FleetOptions> = {},
  ): Promise<T> {
    const fleet = createFleet({ ...options, ...overrides });
    try {
      return await use(fleet);
    } finally {
      await fleet.stop({ graceMs: 50 });
    }
  }

  it('registers every meter with both NMIs once, and not again after a restart', async () => {
    const events: string[] = [];
    const summary = await withFleet((fleet) => fleet.register(), {
      onEvent: (event) => events.push(event.type),
    });
    assert.deepEqual(summary, { registered: 3, alreadyActive: 0 });
    assert.deepEqual(events, ['registration', 'registration', 'registration']);
    const requests = ptb.requests.length + inmetro.requests.length;
    const again = await withFleet((fleet) => fleet.register());
    assert.deepEqual(again, { registered: 0, alreadyActive: 3 });
    assert.equal(ptb.requests.length + inmetro.requests.length, requests);
    const ids = await withFleet((fleet) => Promise.resolve(fleet.meters.map((meter) => meter.meterId)));
    assert.ok(ids.every((id) => ledger.get(id)?.status === 'active'));
    assert.match(ids[0] ?? '', /^sim-[0-9a-f]{8}-speed-0001$/);
    assert.deepEqual(
      ids.map((id) => ledger.get(id)?.model),
      ['SIM-SPEED-2L', 'SIM-SPEED-2L', 'SIM-ENERGY-1P'],
    );
  });

  it('posts signed readings in seq order per meter and remembers the truth of each', async () => {
    await withFleet(async (fleet) => {
      const sent = await fleet.postReadings(3);
      assert.equal(sent.length, 9);
      for (const meter of fleet.meters) {
        assert.deepEqual(seqsOf(meter.meterId), [0, 1, 2]);
      }
      for (const { readingId, reading } of measurement.accepted) {
        const meter = fleet.meters.find((candidate) => candidate.meterId === reading.meterId);
        assert.equal(
          verifySignature(meter?.publicKeyPem ?? '', signedBytes(reading), reading.signature),
          true,
        );
        const truth = fleet.truths.get(readingId);
        assert.equal(truth?.seq, reading.seq);
        assert.equal(truth.kind, reading.kind);
      }
      const speeds = [...fleet.truths.values()].flatMap((truth) =>
        truth.kind === 'speed' ? [truth.trueSpeedKmh] : [],
      );
      assert.ok(speeds.length === 6 && speeds.every((speed) => speed >= 30 && speed <= 180));
    });
  });

  it("continues each meter's seq after a restart", async () => {
    const fleetId = await withFleet(async (fleet) => {
      await fleet.postReadings(2);
      return fleet.fleetId;
    });
    await withFleet(async (fleet) => {
      assert.equal(fleet.fleetId, fleetId);
      await fleet.postReadings(1);
      assert.deepEqual(seqsOf(fleet.meters[0]?.meterId ?? ''), [0, 1, 2]);
    });
  });

  it('sends the same readings again after a 503, and after a restart those it had no answer for', async () => {
    measurement.failNext.push(coded(503, 'INGEST_UNAVAILABLE', 'kafka'));
    const counters = await withFleet(async (fleet) => {
      await fleet.postReadings(1);
      return fleet.counters();
    });
    assert.equal(counters.retries, 1);
    assert.equal(measurement.accepted.length, 3);

    // The service stays down; the fleet is stopped with readings in flight.
    measurement.failNext.push(
      ...Array.from({ length: 1000 }, () => coded(503, 'INGEST_UNAVAILABLE', 'down')),
    );
    const attempted = new Set<string>();
    const fleet = createFleet(options);
    const posting = fleet.postReadings(1).catch(() => 'stopped');
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const request of measurement.service.requests.slice(-1)) {
      for (const reading of (request.body as { readings: Reading[] }).readings) {
        attempted.add(readingIdOf(reading));
      }
    }
    await fleet.stop({ graceMs: 10 });
    assert.equal(await posting, 'stopped');
    assert.ok(attempted.size > 0);

    measurement.failNext.length = 0;
    const before = measurement.accepted.length;
    await withFleet(async (restarted) => {
      await restarted.postReadings(1);
    });
    const resent = measurement.accepted.slice(before).map((entry) => entry.readingId);
    for (const readingId of attempted) {
      assert.ok(resent.includes(readingId), `${readingId} sent again, unchanged`);
    }
    for (const meterId of new Set(measurement.accepted.map((entry) => entry.reading.meterId))) {
      const seqs = seqsOf(meterId);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => a - b),
        'in seq order',
      );
      assert.deepEqual(
        [...new Set(seqs)],
        Array.from({ length: new Set(seqs).size }, (_, n) => n),
        'no gap',
      );
    }
  });

  it('runs at a rate for a while and drains before it resolves', async () => {
    await withFleet(
      async (fleet) => {
        const counters = await fleet.run({ durationS: 0.5 });
        assert.ok(counters.signed >= 3, `signed ${counters.signed}`);
        assert.equal(counters.sent, counters.signed);
        assert.equal(fleet.status().pending, 0);
      },
      { rate: 10, lingerMs: 50 },
    );
  });
});
