import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDomainError } from '@metrochain/errors';
import { ManualClock } from '../testing/manual-clock';
import { IngestAdmission, type LagReading, type LagSource } from './ingest-admission';

/** A lag source that answers what the test sets, or fails. */
class FakeLagSource implements LagSource {
  reading: LagReading = { inFlight: 0, drained: 0 };
  failWith: Error | undefined;
  reads = 0;

  read(): Promise<LagReading> {
    this.reads += 1;
    return this.failWith === undefined ? Promise.resolve({ ...this.reading }) : Promise.reject(this.failWith);
  }
}

function setup(maxInFlight = 1000): {
  source: FakeLagSource;
  clock: ManualClock;
  admission: IngestAdmission;
} {
  const source = new FakeLagSource();
  const clock = new ManualClock(1_000_000);
  // A fixed bound (floor = ceiling) for the tests of counting; the adaptive bound has its own test.
  const admission = new IngestAdmission({ source, maxInFlight, minInFlight: maxInFlight, now: clock.now });
  return { source, clock, admission };
}

function refusal(admission: IngestAdmission, count: number): { code: string; retryAfterSeconds: unknown } {
  try {
    admission.admit(count);
  } catch (error) {
    assert.ok(isDomainError(error) && error.retriable);
    return { code: error.code, retryAfterSeconds: error.details['retryAfterSeconds'] };
  }
  assert.fail('admitted');
}

describe('IngestAdmission', () => {
  it('admits everything until the lag was read, and when it cannot be read', async () => {
    const { source, admission } = setup(10);
    admission.admit(500);
    source.failWith = new Error('kafka unreachable');
    await admission.poll();
    admission.admit(500);
    assert.equal(admission.inFlight(), undefined);
  });

  it('refuses at the bound with INGEST_OVERLOADED and counts the refusals', async () => {
    const { source, admission } = setup(1000);
    source.reading = { inFlight: 999, drained: 0 };
    await admission.poll();
    admission.admit(50);
    assert.equal(refusal(admission, 50).code, 'INGEST_OVERLOADED');
    assert.equal(refusal(admission, 20).code, 'INGEST_OVERLOADED');
    const snapshot = admission.snapshot();
    assert.deepEqual([snapshot.inFlight, snapshot.refusedRequests, snapshot.refusedReadings], [1049, 2, 70]);
  });

  it('adds what it accepted since the last poll, and only that', async () => {
    const { source, admission } = setup(1000);
    source.reading = { inFlight: 900, drained: 0 };
    await admission.poll();
    admission.admit(60);
    admission.admit(40);
    assert.equal(admission.inFlight(), 1000);
    assert.equal(refusal(admission, 1).code, 'INGEST_OVERLOADED');
    // The next poll sees those 100 in Kafka (and the pipeline drained some): they are not counted twice.
    source.reading = { inFlight: 700, drained: 300 };
    await admission.poll();
    assert.equal(admission.inFlight(), 700);
    admission.admit(10);
  });

  it('takes off what the pipeline drained at the measured rate since the lag was read', async () => {
    const { source, clock, admission } = setup(1000);
    source.reading = { inFlight: 900, drained: 0 };
    await admission.poll();
    clock.advance(2_000);
    source.reading = { inFlight: 900, drained: 400 };
    await admission.poll();
    assert.equal(admission.drainPerSecond(), 200);
    // 300 ms after the read: 60 drained since, 20 accepted.
    clock.advance(300);
    admission.admit(20);
    assert.equal(admission.inFlight(), 860);
    // Never below what was accepted since, however long ago the read was (within staleness).
    clock.advance(4_600);
    assert.equal(admission.inFlight(), 20);
  });

  it('gives back what a request failed to hand on', async () => {
    const { source, admission } = setup(1000);
    source.reading = { inFlight: 950, drained: 0 };
    await admission.poll();
    admission.admit(50);
    admission.release(50);
    assert.equal(admission.inFlight(), 950);
  });

  it('forgets a reading that went stale (the source hangs) rather than refusing on it', async () => {
    const { source, clock, admission } = setup(100);
    source.reading = { inFlight: 5000, drained: 0 };
    await admission.poll();
    assert.equal(refusal(admission, 1).code, 'INGEST_OVERLOADED');
    clock.advance(6_000);
    admission.admit(1);
  });

  it('sets Retry-After to the seconds the recent drain rate needs for the excess, within 1 and 30', async () => {
    const { source, clock, admission } = setup(1000);
    source.reading = { inFlight: 3000, drained: 0 };
    await admission.poll();
    // Nothing drained yet: the nominal rate, the floor over 1.75 s: (3000 + 50 − 1000) / 571.4 per second → 4 s.
    assert.equal(refusal(admission, 50).retryAfterSeconds, 4);
    clock.advance(2_000);
    source.reading = { inFlight: 3000, drained: 1000 };
    await admission.poll();
    assert.equal(admission.drainPerSecond(), 500);
    // (3000 + 50 − 1000) / 500 per second = 4.1 → 5 s.
    assert.equal(refusal(admission, 50).retryAfterSeconds, 5);
    clock.advance(2_000);
    source.reading = { inFlight: 1000, drained: 101_000 };
    await admission.poll();
    assert.equal(refusal(admission, 1).retryAfterSeconds, 1);
    // A stalled pipeline (nothing drained over the window, which forgot the older samples): at most 30 s.
    const stalled = new IngestAdmission({ source, maxInFlight: 1000, nominalDrainPerSecond: 1 });
    source.reading = { inFlight: 100_000, drained: 0 };
    await stalled.poll();
    assert.equal(refusal(stalled, 1).retryAfterSeconds, 30);
  });

  it('bounds in-flight by the drain rate times the latency budget, within the floor and the ceiling', async () => {
    const source = new FakeLagSource();
    const clock = new ManualClock(1_000_000);
    const admission = new IngestAdmission({ source, maxInFlight: 4000, minInFlight: 400, now: clock.now });
    source.reading = { inFlight: 0, drained: 0 };
    await admission.poll();
    assert.equal(admission.bound(), 400, 'nothing drained yet: the floor');
    // 240 readings/s recorded (a slow host): 240 × 1.75 s = 420.
    clock.advance(5_000);
    source.reading = { inFlight: 430, drained: 1200 };
    await admission.poll();
    assert.equal(admission.bound(), 420);
    assert.equal(refusal(admission, 10).code, 'INGEST_OVERLOADED');
    // 730 readings/s (the same host unshared): 1,278 in flight are fine.
    clock.advance(5_000);
    source.reading = { inFlight: 1200, drained: 7300 };
    await admission.poll();
    assert.equal(admission.bound(), 1278);
    admission.admit(50);
    assert.equal(admission.snapshot().maxInFlight, 1278);
    // Far more (a larger host): the ceiling.
    clock.advance(5_000);
    source.reading = { inFlight: 1200, drained: 1200 + 50_000 };
    await admission.poll();
    assert.equal(admission.bound(), 4000);
  });

  it('polls in the background until stopped, one read at a time', async () => {
    const { source, admission } = setup();
    admission.start();
    admission.start();
    await admission.poll();
    assert.equal(source.reads, 1);
    admission.stop();
  });
});
