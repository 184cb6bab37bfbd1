import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LedgerError } from '@metrochain/ledger';
import { FakeEventProducer } from '@metrochain/messaging/testing';
import { MeasurementStats } from '../stats/measurement-stats';
import { FakeLedger } from '../testing/fake-ledger';
import { FakeStatusStore } from '../testing/fake-status-store';
import { verifiedOf } from '../testing/verified-fixtures';
import { BatchRecorder } from './batch-recorder';
import { LR_HOLD_RETRY_MS, LrApprovalHold } from './lr-approval-hold';

const notApproved = (): LedgerError =>
  new LedgerError({
    code: 'LR_NOT_APPROVED',
    message: 'the running LR software f00 is not approved for energy',
  });

describe('LrApprovalHold', () => {
  it('waits 5 s after an LR_NOT_APPROVED refusal only, and reports degraded until a batch goes through', () => {
    const hold = new LrApprovalHold({ now: () => Date.parse('2026-12-02T21:00:00Z') });
    assert.equal(hold.delayAfter(new Error('peer unavailable')), undefined);
    assert.equal(hold.degradation(), undefined);
    assert.equal(hold.delayAfter(notApproved()), LR_HOLD_RETRY_MS);
    assert.equal(LR_HOLD_RETRY_MS, 5_000);
    assert.deepEqual(hold.degradation(), {
      name: 'recorder',
      detail:
        'holding batches since 2026-12-02T21:00:00.000Z (1 refusals): the running LR software f00 is not approved for energy',
    });
    hold.released();
    assert.equal(hold.degradation(), undefined);
    assert.equal(hold.refusals, 1);
  });
});

describe('BatchRecorder while the running LR software is not approved', () => {
  it('holds the batch — no rejection, no event, no status — and records it once approved', async () => {
    const ledger = new FakeLedger();
    ledger.failTimes = 2;
    ledger.failWith = notApproved;
    const producer = new FakeEventProducer();
    const statuses = new FakeStatusStore();
    const hold = new LrApprovalHold({ retryMs: 1 });
    const seen: { published: number; status: string | undefined; degraded: boolean }[] = [];
    const reading = verifiedOf(1);
    const recorder = new BatchRecorder({
      ledger,
      producer,
      statuses,
      stats: new MeasurementStats(),
      rejectedBy: 'PTBMSP',
      hold,
      // A doubling back-off this long would stall the test: the hold's own 1 ms wait must be the one used.
      retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
      onRetry: () => {
        seen.push({
          published: producer.events.length,
          status: statuses.statusOf(reading.readingId),
          degraded: hold.degradation() !== undefined,
        });
      },
    });
    await recorder.record('b', [reading]);
    assert.deepEqual(seen, [
      { published: 0, status: 'verified', degraded: false },
      { published: 0, status: 'verified', degraded: true },
    ]);
    assert.equal(ledger.requests.length, 3);
    assert.equal(producer.on('readings.rejected.v1').length, 0);
    assert.equal(producer.on('measurements.recorded.v1').length, 1);
    assert.equal(statuses.statusOf(reading.readingId), 'recorded');
    assert.deepEqual([hold.refusals, hold.degradation()], [2, undefined]);
  });
});
