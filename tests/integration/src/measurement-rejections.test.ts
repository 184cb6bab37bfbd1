import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Reading, ReadingStatusResponse } from '@metrochain/contracts';
import { MeasurementClient, isLedgerError } from '@metrochain/ledger';
import { type TestMeter, newMeter } from './support/meters';
import { finalStatus, ingest, signReading } from './support/ingest';
import { type Session, openSession } from './support/network';
import { Registrars } from './support/registered-meters';

const VOLTAGE = [230, 231, 229, 230];
const CURRENT = [5, 5.1, 4.9, 5];

function energy(meter: TestMeter, seq: number, overrides: Partial<Omit<Reading, 'signature'>> = {}): Reading {
  return signReading(meter, {
    meterId: meter.id,
    seq,
    measuredAt: new Date().toISOString(),
    kind: 'energy',
    payload: { sampleRateHz: 1000, voltageV: VOLTAGE, currentA: CURRENT },
    ...overrides,
  });
}

/**
 * One ingest batch with a bad reading of every kind between good ones: each bad one is rejected with its own
 * reason and records nothing; the good ones around it are recorded.
 */
describe('measurement pipeline: every bad reading is rejected on its own, its batch neighbours are recorded', () => {
  let registrars: Registrars;
  let session: Session;
  let ledger: MeasurementClient;
  const statuses = new Map<string, ReadingStatusResponse>();
  const labels = new Map<string, string>();

  before(async () => {
    registrars = await Registrars.open();
    session = await openSession('PTB', 'measurement');
    ledger = MeasurementClient.forConnection(session.connection);
    const meter = await registrars.activeMeter('rejections');
    const revoked = await registrars.activeMeter('rejections-revoked');
    const stranger = newMeter('rejections-unknown');
    const first = await ingest([energy(meter, 1), energy(meter, 2)]);
    for (const { readingId } of first.accepted) {
      assert.equal((await finalStatus(readingId)).status, 'recorded');
    }
    await registrars.revoke(revoked.id, 'seal broken');

    const tampered = energy(meter, 11);
    const batch: [string, Reading][] = [
      ['good 10', energy(meter, 10)],
      [
        'replayed seq',
        energy(meter, 2, { payload: { sampleRateHz: 1000, voltageV: VOLTAGE, currentA: [1, 1, 1, 1] } }),
      ],
      ['out-of-order seq', energy(meter, 7)],
      [
        'bad signature',
        { ...tampered, payload: { sampleRateHz: 1000, voltageV: VOLTAGE, currentA: [9, 9, 9, 9] } },
      ],
      ['malformed signature', { ...energy(meter, 12), signature: 'AAAA' }],
      ['unknown meter', energy(stranger, 1)],
      ['revoked meter', energy(revoked, 1)],
      ['future timestamp', energy(meter, 13, { measuredAt: new Date(Date.now() + 3_600_000).toISOString() })],
      [
        'implausible data',
        energy(meter, 14, { payload: { sampleRateHz: 1000, voltageV: [5000, 5000], currentA: [1, 1] } }),
      ],
      ['good 15', energy(meter, 15)],
    ];
    const answer = await ingest(batch.map(([, reading]) => reading));
    for (const [index, { readingId }] of answer.accepted.entries()) {
      labels.set(batch[index]?.[0] ?? '', readingId);
    }
    await Promise.all(
      answer.accepted.map(async ({ readingId }) => {
        statuses.set(readingId, await finalStatus(readingId));
      }),
    );
  });
  after(() => {
    registrars.close();
    session.close();
  });

  function statusOf(label: string): ReadingStatusResponse {
    const status = statuses.get(labels.get(label) ?? '');
    assert.ok(status !== undefined, `no status for ${label}`);
    return status;
  }

  async function assertNothingRecorded(status: ReadingStatusResponse): Promise<void> {
    try {
      const stored = await ledger.getMeasurement(status.meterId, status.seq);
      // Only the replay may find a record: the original one, which it must not have replaced.
      assert.notEqual(stored.readingDigest.slice(0, 16), status.readingId.split('~').at(-1));
    } catch (error) {
      assert.ok(isLedgerError(error), String(error));
    }
  }

  const cases: [string, string, string][] = [
    ['replayed seq', 'SEQ_REPLAYED', 'ledger'],
    ['out-of-order seq', 'SEQ_OUT_OF_ORDER', 'ledger'],
    ['bad signature', 'SIGNATURE_INVALID', 'verification'],
    ['malformed signature', 'SIGNATURE_MALFORMED', 'verification'],
    ['unknown meter', 'METER_UNKNOWN', 'verification'],
    ['revoked meter', 'METER_REVOKED', 'verification'],
    ['future timestamp', 'TIMESTAMP_IN_FUTURE', 'verification'],
    ['implausible data', 'SENSOR_DATA_IMPLAUSIBLE', 'ledger'],
  ];
  for (const [label, reason, stage] of cases) {
    it(`rejects a ${label} with ${reason} and records nothing for it`, async () => {
      const status = statusOf(label);
      assert.equal(status.status, 'rejected');
      assert.equal(status.reason, reason);
      assert.equal(status.stage, stage);
      await assertNothingRecorded(status);
    });
  }

  it('records the good readings of the same batch', async () => {
    for (const label of ['good 10', 'good 15']) {
      const status = statusOf(label);
      assert.equal(status.status, 'recorded', label);
      assert.ok(status.txId !== undefined);
      const stored = await ledger.getMeasurement(status.meterId, status.seq);
      assert.equal(stored.txId, status.txId);
      assert.equal(stored.result.kind, 'energy');
    }
    const progress = await ledger.getMeterProgress(statusOf('good 15').meterId);
    assert.equal(progress.lastSeq, 15);
    assert.equal(progress.recorded, 4);
  });

  it('names the LR code of implausible data', () => {
    assert.equal(statusOf('implausible data').lrCode, 'SAMPLE_OUT_OF_RANGE');
  });
});
