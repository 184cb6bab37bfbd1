import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CheckSignatureRequest, type SignatureCheck, formatReceipt } from '@metrochain/contracts';
import { isDomainError } from '@metrochain/errors';
import { LedgerError } from '@metrochain/ledger';
import { type ReceiptRegistry, ReceiptsService } from './receipts.service';

const reading = {
  meterId: 'meter-1',
  seq: 3,
  measuredAt: '2026-12-03T10:00:00.000Z',
  kind: 'energy',
  payload: {},
};
const signedText = JSON.stringify(reading);
const signature = Buffer.from('not really a DER signature').toString('base64');

function service(valid: boolean, calls: CheckSignatureRequest[] = []): ReceiptsService {
  const registry: ReceiptRegistry = {
    checkSignature: (request): Promise<SignatureCheck> => {
      calls.push(request);
      return Promise.resolve({
        meterId: request.meterId,
        valid,
        status: 'active',
        measuredAt: request.measuredAt ?? '',
        attestedBy: ['PTBMSP', 'InmetroMSP'],
      });
    },
    getMeter: () => Promise.reject(new LedgerError({ code: 'METER_UNKNOWN', message: 'no such meter' })),
  };
  return new ReceiptsService(registry);
}

const malformed = (error: unknown): boolean => isDomainError(error) && error.code === 'RECEIPT_MALFORMED';

describe('ReceiptsService', () => {
  it("asks the registry about the receipt's signed text at its measurement time", async () => {
    const calls: CheckSignatureRequest[] = [];
    const answer = await service(true, calls).check(formatReceipt('meter-1', signedText, signature));
    assert.deepEqual(calls, [
      { meterId: 'meter-1', data: signedText, signature, measuredAt: reading.measuredAt },
    ]);
    assert.equal(answer.genuine, true);
    assert.equal(answer.seq, 3);
    assert.deepEqual(answer.check.attestedBy, ['PTBMSP', 'InmetroMSP']);
  });

  it('reports what the registry says when the signature does not hold', async () => {
    const answer = await service(false).check(formatReceipt('meter-1', signedText, signature));
    assert.equal(answer.genuine, false);
  });

  it('refuses malformed receipts with RECEIPT_MALFORMED and asks nothing', async () => {
    const calls: CheckSignatureRequest[] = [];
    const receipts = service(true, calls);
    for (const bad of [
      'hello',
      `MC1|meter-1|!!|${signature}`,
      `MC2|meter-1|e30|${signature}`,
      formatReceipt('meter-2', signedText, signature),
      formatReceipt('meter-1', '[1,2]', signature),
      formatReceipt('meter-1', JSON.stringify({ ...reading, measuredAt: 'yesterday' }), signature),
    ]) {
      await assert.rejects(receipts.check(bad), malformed, bad);
    }
    assert.deepEqual(calls, []);
  });

  it('answers METER_UNKNOWN (404) for a meter the ledger does not hold, not a ledger failure', async () => {
    await assert.rejects(service(true).publicMeter('meter-x'), (error: unknown) => {
      return (
        isDomainError(error) && error.code === 'METER_UNKNOWN' && error.constructor.name === 'DomainError'
      );
    });
  });
});
