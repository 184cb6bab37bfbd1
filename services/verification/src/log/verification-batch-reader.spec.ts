import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifyInclusion } from '@metrochain/pki';
import canonicalize from 'canonicalize';
import { FakeAnchorer, FakeLogStore, FakePublisher, draft } from '../testing/log-fakes';
import { VerificationBatchReader } from './verification-batch-reader';
import { parseVerificationId } from './verification-id';
import { VerificationLog } from './verification-log';

describe('VerificationBatchReader', () => {
  it('lists an anchored batch: every record in index order with a proof against the anchored root', async () => {
    const store = new FakeLogStore();
    const log = new VerificationLog({
      store,
      anchorer: new FakeAnchorer(),
      publisher: new FakePublisher(),
      instanceId: 'ptb-1',
      batchMaxSize: 1000,
      batchMaxAgeMs: 60_000,
    });
    const records = await Promise.all([0, 1, 2].map((n) => log.append(draft(n))));
    await log.flush();
    const batchId = parseVerificationId(records[0]?.verificationId ?? '')?.batchId ?? '';
    const batch = await new VerificationBatchReader(store).read(batchId);
    assert.ok(batch.anchor !== null);
    assert.deepEqual(
      batch.records.map((item) => [item.index, item.record]),
      records.map((record, index) => [index, record]),
    );
    for (const item of batch.records) {
      assert.ok(item.proof !== null);
      const leaf = Buffer.from(canonicalize(item.record) ?? '', 'utf8');
      assert.equal(verifyInclusion(leaf, item.proof, batch.anchor.merkleRoot), true);
    }
  });

  it('answers an unknown batch with no anchor and no records', async () => {
    const batch = await new VerificationBatchReader(new FakeLogStore()).read('vb-unknown-1');
    assert.deepEqual(batch, { batchId: 'vb-unknown-1', anchor: null, records: [] });
  });
});
