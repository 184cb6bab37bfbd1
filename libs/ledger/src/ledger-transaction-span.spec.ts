import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { type RecordedSpans, recordSpans } from '@metrochain/observability/testing';
import { submitTransaction } from './ledger-transaction';
import { FakeContract, jsonBytes, submittedTransaction } from './testing/fabric-fakes';

describe('submitTransaction spans', () => {
  let spans: RecordedSpans;
  before(() => {
    spans = recordSpans();
  });
  after(() => spans.stop());

  it('wraps each submit in a ledger.submit client span naming the transaction, its id and block', async () => {
    spans.reset();
    const contract = new FakeContract(
      () => Promise.resolve(jsonBytes({})),
      submittedTransaction(jsonBytes({}), { transactionId: 'tx-9', blockNumber: 12n }),
    );
    await submitTransaction(contract, 'recordBatch', ['[]']);
    const [span] = spans.finished();
    assert.equal(span?.name, 'ledger.submit');
    assert.equal(span.kind, SpanKind.CLIENT);
    assert.deepEqual(span.attributes, {
      'ledger.transaction': 'recordBatch',
      'ledger.transaction_id': 'tx-9',
      'ledger.block_number': 12,
    });
  });

  it('marks the span failed when the transaction commits invalid', async () => {
    spans.reset();
    const contract = new FakeContract(
      () => Promise.resolve(jsonBytes({})),
      submittedTransaction(jsonBytes({}), { successful: false, code: 11 }),
    );
    await assert.rejects(submitTransaction(contract, 'recordBatch'));
    assert.equal(spans.finished()[0]?.status.code, SpanStatusCode.ERROR);
  });
});
