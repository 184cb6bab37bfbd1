import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationRecord } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { merkleRoot, verifyInclusion } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { type CallLog, FakeAnchorer, FakeLogStore, FakePublisher, draft } from '../testing/log-fakes';
import type { RetryOptions } from '@metrochain/service-kit';
import { formatVerificationId, parseVerificationId } from './verification-id';
import { VerificationLog } from './verification-log';

const INSTANCE = 'ptb-1';
const FAST_RETRY = { initialDelayMs: 1, maxDelayMs: 2 };

interface Harness {
  log: VerificationLog;
  calls: CallLog;
  store: FakeLogStore;
  anchorer: FakeAnchorer;
  publisher: FakePublisher;
  sealFailures: [string, unknown][];
}

function harness(
  parts: Partial<Pick<Harness, 'store' | 'anchorer' | 'publisher'>> = {},
  retry: Partial<RetryOptions> = FAST_RETRY,
): Harness {
  const calls: CallLog = [];
  const store = parts.store ?? new FakeLogStore(calls);
  const anchorer = parts.anchorer ?? new FakeAnchorer(calls);
  const publisher = parts.publisher ?? new FakePublisher(calls);
  const sealFailures: [string, unknown][] = [];
  const log = new VerificationLog({
    store,
    anchorer,
    publisher,
    instanceId: INSTANCE,
    batchMaxSize: 1000,
    batchMaxAgeMs: 60_000,
    retry,
    onSealFailure: (batchId, error) => sealFailures.push([batchId, error]),
  });
  return { log, calls, store, anchorer, publisher, sealFailures };
}

const leafOf = (record: VerificationRecord): Buffer => Buffer.from(canonicalize(record) ?? '', 'utf8');
const batchOf = (record: VerificationRecord): string =>
  parseVerificationId(record.verificationId)?.batchId ?? '';

describe('VerificationLog sealing', () => {
  it('publishes the records, then anchors the RFC 6962 root of their canonical JSON, then stores the anchor', async () => {
    const { log, calls, store, anchorer, publisher } = harness();
    const records = await Promise.all([0, 1, 2].map((n) => log.append(draft(n))));
    await log.flush();
    const batchId = batchOf(records[0]!);
    assert.deepEqual(calls, [`publish ${batchId}`, `anchor ${batchId}`, `writeAnchor ${batchId}`]);
    assert.deepEqual(publisher.published, [records]);
    assert.deepEqual(anchorer.requests, [{ batchId, merkleRoot: merkleRoot(records.map(leafOf)), size: 3 }]);
    assert.deepEqual(store.anchors.get(batchId), {
      batchId,
      merkleRoot: merkleRoot(records.map(leafOf)),
      size: 3,
      txId: `tx-${batchId}`,
      anchoredAt: '2025-03-01T12:00:02.000Z',
    });
    assert.deepEqual([...(store.open.get(INSTANCE) ?? [])], []);
  });

  it('seals from what it wrote, without reading the batch back, when every write succeeded', async () => {
    const { log, store, publisher } = harness();
    const records = await Promise.all([0, 1, 2].map((n) => log.append(draft(n))));
    await log.flush();
    assert.deepEqual(store.reads, []);
    assert.deepEqual(publisher.published, [records]);
    const batchId = batchOf(records[0]!);
    assert.deepEqual(publisher.sentJson, [[0, 1, 2].map((index) => store.batches.get(batchId)?.get(index))]);
  });

  it('reads the batch back when a write failed but landed, so that the anchored root is what the store holds', async () => {
    const { log, store, anchorer, publisher } = harness();
    store.failAppend = (_, index) => index === 1;
    store.landDespiteFailure = () => true;
    const first = await log.append(draft(0));
    await assert.rejects(log.append(draft(1)), (error: unknown) => isDomainError(error));
    const third = await log.append(draft(2));
    await log.flush();
    const batchId = batchOf(first);
    assert.deepEqual(store.reads, [batchId]);
    const landed = { ...draft(1), verificationId: formatVerificationId(batchId, 1) };
    assert.deepEqual(publisher.published, [[first, landed, third]]);
    const root = merkleRoot([first, landed, third].map(leafOf));
    assert.deepEqual(anchorer.requests, [{ batchId, merkleRoot: root, size: 3 }]);
    const found = await log.lookup(third.verificationId);
    assert.equal(
      verifyInclusion(leafOf(third), found?.proof ?? { index: 0, treeSize: 0, path: [] }, root),
      true,
    );
  });

  it('refuses a record the store could not keep with LOG_UNAVAILABLE and seals the others by rank', async () => {
    const { log, store, anchorer } = harness();
    store.failAppend = (_, index) => index === 1;
    const first = await log.append(draft(0));
    await assert.rejects(
      log.append(draft(1)),
      (error: unknown) => isDomainError(error) && error.code === 'LOG_UNAVAILABLE' && !error.retriable,
    );
    const third = await log.append(draft(2));
    assert.equal(parseVerificationId(third.verificationId)?.index, 2);
    await log.flush();
    const root = merkleRoot([leafOf(first), leafOf(third)]);
    assert.deepEqual(anchorer.requests, [{ batchId: batchOf(first), merkleRoot: root, size: 2 }]);
    const found = await log.lookup(third.verificationId);
    assert.equal(found?.proof?.index, 1);
    assert.equal(found.proof.treeSize, 2);
    assert.equal(verifyInclusion(leafOf(third), found.proof, found.anchor?.merkleRoot ?? ''), true);
    const foundFirst = await log.lookup(first.verificationId);
    assert.equal(
      verifyInclusion(leafOf(first), foundFirst?.proof ?? { index: 0, treeSize: 0, path: [] }, root),
      true,
    );
    assert.equal(await log.lookup(formatVerificationId(batchOf(first), 1)), undefined);
  });

  it('retries a failing publisher and anchorer until they succeed, each step on its own', async () => {
    const calls: CallLog = [];
    const retries: [string, number][] = [];
    const { log, store } = harness(
      {
        anchorer: new FakeAnchorer(calls, 2),
        publisher: new FakePublisher(calls, 2),
        store: new FakeLogStore(calls),
      },
      { ...FAST_RETRY, onRetry: (error, attempt) => retries.push([String(error), attempt]) },
    );
    const record = await log.append(draft(0));
    await log.flush();
    const batchId = batchOf(record);
    assert.deepEqual(calls, [
      `publish ${batchId}`,
      `publish ${batchId}`,
      `publish ${batchId}`,
      `anchor ${batchId}`,
      `anchor ${batchId}`,
      `anchor ${batchId}`,
      `writeAnchor ${batchId}`,
    ]);
    assert.deepEqual(retries, [
      ['Error: kafka unavailable', 1],
      ['Error: kafka unavailable', 2],
      ['Error: ledger unavailable', 1],
      ['Error: ledger unavailable', 2],
    ]);
    assert.equal(store.anchors.get(batchId)?.size, 1);
  });

  it('recover() seals the batches this instance left open and no other instance’s', async () => {
    const store = new FakeLogStore();
    const left = [0, 1, 2].map((n) => ({ ...draft(n), verificationId: formatVerificationId('vb-old-1', n) }));
    for (const [index, record] of left.entries()) {
      await store.append(INSTANCE, 'vb-old-1', index, canonicalize(record) ?? '');
    }
    await store.append(
      'ptb-2',
      'vb-other-1',
      0,
      canonicalize({ ...draft(9), verificationId: 'vb-other-1.0' }) ?? '',
    );
    const { log, anchorer, publisher } = harness({ store });
    assert.deepEqual(await log.recover(), ['vb-old-1']);
    assert.deepEqual(publisher.published, [left]);
    assert.deepEqual(anchorer.requests, [
      { batchId: 'vb-old-1', merkleRoot: merkleRoot(left.map(leafOf)), size: 3 },
    ]);
    assert.deepEqual([...(store.open.get(INSTANCE) ?? [])], []);
    assert.deepEqual([...(store.open.get('ptb-2') ?? [])], ['vb-other-1']);
  });

  it(
    'stop() gives up after the grace, leaving the batch open for the next start to seal',
    { timeout: 5000 },
    async () => {
      const store = new FakeLogStore();
      const { log, sealFailures } = harness(
        { store, anchorer: new FakeAnchorer([], Infinity) },
        {
          initialDelayMs: 5,
          maxDelayMs: 5,
        },
      );
      const record = await log.append(draft(0));
      const started = performance.now();
      await log.stop(50);
      const elapsed = performance.now() - started;
      assert.ok(elapsed >= 45 && elapsed < 2000, `stopped after ${String(elapsed)} ms`);
      const batchId = batchOf(record);
      assert.deepEqual([...(store.open.get(INSTANCE) ?? [])], [batchId]);
      assert.equal(store.anchors.size, 0);
      assert.deepEqual(
        sealFailures.map(([id, error]) => [id, String(error)]),
        [[batchId, 'Error: ledger unavailable']],
      );
      const next = harness({ store });
      assert.deepEqual(await next.log.recover(), [batchId]);
      assert.equal(store.anchors.get(batchId)?.size, 1);
    },
  );

  it('recover() rejects with the last error when stop() gives up, leaving the batch open', async () => {
    const store = new FakeLogStore();
    const left = { ...draft(0), verificationId: 'vb-old-1.0' };
    await store.append(INSTANCE, 'vb-old-1', 0, canonicalize(left) ?? '');
    const { log } = harness(
      { store, anchorer: new FakeAnchorer([], Infinity) },
      { initialDelayMs: 5, maxDelayMs: 5 },
    );
    const recovering = log.recover();
    await log.stop(20);
    await assert.rejects(recovering, /ledger unavailable/);
    assert.deepEqual([...(store.open.get(INSTANCE) ?? [])], ['vb-old-1']);
  });

  it('stop() returns at once when nothing is waiting to be sealed', async () => {
    const { log } = harness();
    const started = performance.now();
    await log.stop(10_000);
    assert.ok(performance.now() - started < 1000);
  });
});
