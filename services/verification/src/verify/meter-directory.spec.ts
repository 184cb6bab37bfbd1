import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { MeterRecord } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { LedgerError } from '@metrochain/ledger';
import { Deferred, settle } from '@metrochain/service-kit/testing';
import { ACTIVATED_AT, meterRecord, newMeterKey } from '../testing/meter-fixtures';
import { MeterDirectory, type MeterSource, type SharedMeterCache } from './meter-directory';

const key = newMeterKey();
const record = (meterId: string): MeterRecord => meterRecord(meterId, key, { activatedAt: ACTIVATED_AT });
const TTL_SECONDS = 60;
const UNKNOWN_TTL_MS = 500;

/** The ledger: known records, a count of reads per meter, and optionally a gate that holds every read. */
class FakeLedger implements MeterSource {
  readonly records = new Map<string, MeterRecord>();
  readonly reads: string[] = [];
  gate: Deferred<void> | undefined;
  failWith: Error | undefined;

  async getMeter(meterId: string): Promise<MeterRecord> {
    this.reads.push(meterId);
    await this.gate?.promise;
    if (this.failWith !== undefined) {
      throw this.failWith;
    }
    const found = this.records.get(meterId);
    if (found === undefined) {
      throw new LedgerError({ code: 'METER_UNKNOWN', message: `no meter ${meterId}` });
    }
    return found;
  }

  readsOf(meterId: string): number {
    return this.reads.filter((id) => id === meterId).length;
  }
}

/** Redis as the directory sees it, with the generation rule of RedisMeterCache. */
class FakeSharedCache implements SharedMeterCache {
  readonly json = new Map<string, string>();
  readonly generations = new Map<string, number>();
  readonly reads: string[] = [];
  readonly writes: { meterId: string; generation: string; ttlSeconds: number; stored: boolean }[] = [];

  read(meterId: string): Promise<{ json: string | undefined; generation: string }> {
    this.reads.push(meterId);
    return Promise.resolve({ json: this.json.get(meterId), generation: this.#generation(meterId) });
  }

  writeIfGeneration(meterId: string, json: string, generation: string, ttlSeconds: number): Promise<void> {
    const stored = generation === this.#generation(meterId);
    if (stored) {
      this.json.set(meterId, json);
    }
    this.writes.push({ meterId, generation, ttlSeconds, stored });
    return Promise.resolve();
  }

  invalidate(meterId: string): Promise<void> {
    this.json.delete(meterId);
    this.generations.set(meterId, (this.generations.get(meterId) ?? 0) + 1);
    return Promise.resolve();
  }

  #generation(meterId: string): string {
    return String(this.generations.get(meterId) ?? 0);
  }
}

describe('MeterDirectory', () => {
  let ledger: FakeLedger;
  let shared: FakeSharedCache;
  let nowMs: number;
  const directory = (maxEntries?: number): MeterDirectory =>
    new MeterDirectory({
      source: ledger,
      shared,
      ttlSeconds: TTL_SECONDS,
      unknownTtlMs: UNKNOWN_TTL_MS,
      now: () => nowMs,
      ...(maxEntries === undefined ? {} : { maxEntries }),
    });

  beforeEach(() => {
    ledger = new FakeLedger();
    shared = new FakeSharedCache();
    nowMs = Date.parse('2025-03-01T00:00:00.000Z');
    for (const meterId of ['meter-a', 'meter-b', 'meter-c']) {
      ledger.records.set(meterId, record(meterId));
    }
  });

  it('reads a miss from Redis, then the ledger, and writes it to Redis under the generation it read', async () => {
    shared.generations.set('meter-a', 4);
    const found = await directory().find('meter-a');
    assert.deepEqual(found?.record, record('meter-a'));
    assert.deepEqual(shared.reads, ['meter-a']);
    assert.deepEqual(ledger.reads, ['meter-a']);
    assert.deepEqual(shared.writes, [
      { meterId: 'meter-a', generation: '4', ttlSeconds: TTL_SECONDS, stored: true },
    ]);
    assert.deepEqual(JSON.parse(shared.json.get('meter-a') ?? 'null'), record('meter-a'));
  });

  it('answers a hit in-process without asking Redis or the ledger', async () => {
    const meters = directory();
    const first = await meters.find('meter-a');
    const second = await meters.find('meter-a');
    assert.equal(second, first);
    assert.equal(shared.reads.length, 1);
    assert.equal(ledger.reads.length, 1);
  });

  it('takes a record another instance cached in Redis without asking the ledger', async () => {
    shared.json.set('meter-b', JSON.stringify(record('meter-b')));
    ledger.records.delete('meter-b');
    const found = await directory().find('meter-b');
    assert.deepEqual(found?.record, record('meter-b'));
    assert.equal(ledger.reads.length, 0);
    assert.equal(shared.writes.length, 0);
  });

  it('asks Redis again once the in-process entry is ttlSeconds old', async () => {
    const meters = directory();
    await meters.find('meter-a');
    nowMs += TTL_SECONDS * 1000 - 1;
    await meters.find('meter-a');
    assert.equal(shared.reads.length, 1);
    nowMs += 1;
    await meters.find('meter-a');
    assert.equal(shared.reads.length, 2);
    assert.equal(ledger.reads.length, 1, 'the second miss is answered by Redis');
  });

  it('remembers METER_UNKNOWN for unknownTtlMs in-process only, then asks the ledger again', async () => {
    const meters = directory();
    assert.equal(await meters.find('meter-x'), undefined);
    assert.equal(shared.writes.length, 0);
    nowMs += UNKNOWN_TTL_MS - 1;
    assert.equal(await meters.find('meter-x'), undefined);
    assert.equal(ledger.readsOf('meter-x'), 1);
    nowMs += 1;
    ledger.records.set('meter-x', record('meter-x'));
    assert.deepEqual((await meters.find('meter-x'))?.record, record('meter-x'));
    assert.equal(ledger.readsOf('meter-x'), 2);
  });

  it('shares one ledger read among concurrent misses', async () => {
    const meters = directory();
    ledger.gate = new Deferred();
    const finds = [meters.find('meter-a'), meters.find('meter-a'), meters.find('meter-a')];
    await settle();
    ledger.gate.resolve();
    const [first, ...others] = await Promise.all(finds);
    assert.ok(first !== undefined);
    for (const other of others) {
      assert.equal(other, first);
    }
    assert.equal(ledger.reads.length, 1);
    assert.equal(shared.reads.length, 1);
  });

  it('drops a meter from both levels on invalidate', async () => {
    const meters = directory();
    await meters.find('meter-a');
    ledger.records.set(
      'meter-a',
      meterRecord('meter-a', key, { activatedAt: ACTIVATED_AT, revokedFrom: ACTIVATED_AT }),
    );
    await meters.invalidate('meter-a');
    assert.equal(shared.json.has('meter-a'), false);
    assert.equal(meters.size, 0);
    const found = await meters.find('meter-a');
    assert.equal(found?.record.status, 'revoked');
    assert.equal(ledger.reads.length, 2);
  });

  it('does not let a ledger read that started before an invalidation put the old record back', async () => {
    const meters = directory();
    ledger.gate = new Deferred();
    const stale = meters.find('meter-a');
    await settle();
    assert.equal(ledger.reads.length, 1);
    await meters.invalidate('meter-a');
    ledger.gate.resolve();
    assert.deepEqual((await stale)?.record, record('meter-a'));
    assert.deepEqual(
      shared.writes.map((write) => write.stored),
      [false],
    );
    assert.equal(shared.json.has('meter-a'), false);
    assert.equal(meters.size, 0, 'nor in-process');
    await meters.find('meter-a');
    assert.equal(ledger.reads.length, 2);
  });

  it('keeps at most maxEntries meters, dropping the oldest', async () => {
    const meters = directory(2);
    await meters.find('meter-a');
    await meters.find('meter-b');
    await meters.find('meter-c');
    assert.equal(meters.size, 2);
    await meters.find('meter-b');
    await meters.find('meter-c');
    assert.equal(ledger.reads.length + shared.reads.length, 6, 'b and c were still held');
    shared.json.clear();
    await meters.find('meter-a');
    assert.equal(ledger.readsOf('meter-a'), 2);
    assert.equal(meters.size, 2);
  });

  it('passes other ledger failures on and does not remember them', async () => {
    const meters = directory();
    ledger.failWith = new LedgerError({ code: 'LEDGER_UNAVAILABLE', message: 'peer down' });
    await assert.rejects(
      meters.find('meter-a'),
      (error: unknown) => isDomainError(error) && error.code === 'LEDGER_UNAVAILABLE',
    );
    ledger.failWith = undefined;
    assert.deepEqual((await meters.find('meter-a'))?.record, record('meter-a'));
    assert.equal(ledger.reads.length, 2);
  });

  it('passes a plain error from the source on rather than treating it as an unknown meter', async () => {
    ledger.failWith = new Error('socket hang up');
    await assert.rejects(directory().find('meter-a'), /socket hang up/);
  });

  it('parses each key of a meter once', async () => {
    const found = await directory().find('meter-a');
    assert.ok(found !== undefined);
    const parsed = found.keyOf(key.fingerprint, key.publicKeyPem);
    assert.equal(found.keyOf(key.fingerprint, key.publicKeyPem), parsed);
  });
});
