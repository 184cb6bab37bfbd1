import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VerificationRecord } from '@metrochain/contracts';
import { leafHash, verifyInclusion } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { settle } from '@metrochain/service-kit/testing';
import { FakeAnchorer, FakeLogStore, FakePublisher, draft } from '../testing/log-fakes';
import { parseVerificationId } from './verification-id';
import { VerificationLog } from './verification-log';

const INSTANCE = 'ptb-1';

function harness(
  batchMaxSize: number,
  batchMaxAgeMs = 60_000,
): {
  log: VerificationLog;
  store: FakeLogStore;
  anchorer: FakeAnchorer;
} {
  const store = new FakeLogStore();
  const anchorer = new FakeAnchorer();
  const log = new VerificationLog({
    store,
    anchorer,
    publisher: new FakePublisher(),
    instanceId: INSTANCE,
    batchMaxSize,
    batchMaxAgeMs,
  });
  return { log, store, anchorer };
}

const leafOf = (record: VerificationRecord): Buffer => Buffer.from(canonicalize(record) ?? '', 'utf8');

/** [batch counter, index] of an id from this instance's factory. */
function position(verificationId: string): [number, number] {
  const id = parseVerificationId(verificationId);
  assert.ok(id !== undefined, verificationId);
  assert.ok(id.batchId.startsWith(`vb-${INSTANCE}-`), id.batchId);
  return [parseInt(id.batchId.slice(id.batchId.lastIndexOf('-') + 1), 36), id.index];
}

describe('VerificationLog ids and batches', () => {
  it('numbers records <batch>.<index>, unique and increasing, starting a batch every batchMaxSize', async () => {
    const { log } = harness(3);
    const records: VerificationRecord[] = [];
    for (let n = 0; n < 7; n += 1) {
      records.push(await log.append(draft(n)));
    }
    assert.deepEqual(
      records.map((record) => position(record.verificationId)),
      [
        [1, 0],
        [1, 1],
        [1, 2],
        [2, 0],
        [2, 1],
        [2, 2],
        [3, 0],
      ],
    );
    assert.deepEqual(records[4], { ...draft(4), verificationId: records[4]?.verificationId });
    await log.flush();
  });

  it('gives concurrent appends distinct ids', async () => {
    const { log } = harness(1000);
    const records = await Promise.all([0, 1, 2, 3, 4].map((n) => log.append(draft(n))));
    assert.deepEqual(
      records.map((record) => position(record.verificationId)[1]),
      [0, 1, 2, 3, 4],
    );
    await log.flush();
  });

  it('seals a batch as soon as it holds batchMaxSize records, leaving the next one open', async () => {
    const { log, store, anchorer } = harness(3);
    const records = await Promise.all([0, 1, 2, 3].map((n) => log.append(draft(n))));
    await anchorer.anchored(1);
    await settle();
    const [first] = anchorer.requests;
    assert.equal(first?.size, 3);
    assert.equal(first.batchId, parseVerificationId(records[0]?.verificationId ?? '')?.batchId);
    assert.deepEqual(
      [...(store.open.get(INSTANCE) ?? [])],
      [parseVerificationId(records[3]?.verificationId ?? '')?.batchId],
    );
    await log.flush();
    assert.deepEqual(
      anchorer.requests.map((request) => request.size),
      [3, 1],
    );
  });

  it(
    'seals a batch batchMaxAgeMs after it opened, and opens a new one for the next record',
    { timeout: 5000 },
    async () => {
      const { log, anchorer } = harness(1000, 20);
      const started = performance.now();
      const first = await log.append(draft(0));
      assert.equal(anchorer.requests.length, 0);
      await anchorer.anchored(1);
      assert.ok(performance.now() - started >= 15, 'not before its age');
      assert.equal(anchorer.requests[0]?.size, 1);
      const second = await log.append(draft(1));
      assert.deepEqual(position(second.verificationId), [position(first.verificationId)[0] + 1, 0]);
      await log.flush();
    },
  );
});

describe('VerificationLog lookup', () => {
  it('returns each record with its leaf hash, the anchor and a proof against the anchored root', async () => {
    const { log, store } = harness(1000);
    const records = await Promise.all([0, 1, 2, 3, 4].map((n) => log.append(draft(n, `meter-${String(n)}`))));
    await log.flush();
    for (const [index, record] of records.entries()) {
      const found = await log.lookup(record.verificationId);
      assert.ok(found !== undefined);
      const batchId = parseVerificationId(record.verificationId)?.batchId ?? '';
      assert.deepEqual(found.record, record);
      assert.equal(found.leafHash, leafHash(leafOf(record)).toString('hex'));
      const anchor = store.anchors.get(batchId);
      assert.ok(anchor !== undefined && found.proof !== null);
      assert.deepEqual(found.anchor, anchor);
      assert.equal(found.proof.index, index);
      assert.equal(found.proof.treeSize, 5);
      assert.equal(verifyInclusion(leafOf(record), found.proof, anchor.merkleRoot), true);
      const other = records[(index + 1) % records.length];
      assert.ok(other !== undefined);
      assert.equal(verifyInclusion(leafOf(other), found.proof, anchor.merkleRoot), false);
    }
  });

  it('returns the record without anchor and proof while its batch is open', async () => {
    const { log } = harness(1000);
    const record = await log.append(draft(1));
    assert.deepEqual(await log.lookup(record.verificationId), {
      record,
      leafHash: leafHash(leafOf(record)).toString('hex'),
      anchor: null,
      proof: null,
    });
    await log.flush();
  });

  it('finds nothing for a malformed id, an unknown batch or an index the batch lacks', async () => {
    const { log } = harness(1000);
    const record = await log.append(draft(1));
    const batchId = parseVerificationId(record.verificationId)?.batchId ?? '';
    assert.equal(await log.lookup('not an id'), undefined);
    assert.equal(await log.lookup('vb-nobody-1.0'), undefined);
    assert.equal(await log.lookup(`${batchId}.1`), undefined);
    await log.flush();
  });
});
