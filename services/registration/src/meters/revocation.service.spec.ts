import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MeterRecord, RevokeRequest } from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { type CommittedTransaction, LedgerError } from '@metrochain/ledger';
import { RevocationService } from './revocation.service';

const PEM = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
const FINGERPRINT = 'a'.repeat(64);
const AT = '2025-01-01T00:00:00.000Z';

function hasCode(code: string): (error: unknown) => boolean {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

class FakeRegistry {
  readonly revoked: RevokeRequest[] = [];
  failWith: LedgerError | undefined;

  revoke(request: RevokeRequest): Promise<MeterRecord & CommittedTransaction> {
    this.revoked.push(request);
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    return Promise.resolve({
      meterId: request.meterId,
      model: 'EM-340',
      status: 'revoked',
      publicKeyPem: PEM,
      keyFingerprint: FINGERPRINT,
      keyHistory: [{ keyFingerprint: FINGERPRINT, publicKeyPem: PEM, validFrom: AT }],
      attestations: [],
      revocation: {
        reason: request.reason,
        effectiveAt: request.effectiveAt ?? AT,
        by: 'PTBMSP',
        at: AT,
        txId: 'tx-9',
      },
      transactionId: 'tx-9',
      blockNumber: 12n,
    });
  }
}

describe('RevocationService', () => {
  it('revokes with the reason and effective time and answers the record with its transaction', async () => {
    const registry = new FakeRegistry();
    const service = new RevocationService({ registry });
    const effectiveAt = '2025-01-01T01:00:00+01:00';
    const view = await service.revoke('meter-1', { reason: 'seal broken', effectiveAt }, 'operator-ptb');
    assert.deepEqual(registry.revoked, [
      { meterId: 'meter-1', reason: 'seal broken', operator: 'operator-ptb', effectiveAt },
    ]);
    assert.equal(view.status, 'revoked');
    assert.equal(view.transactionId, 'tx-9');
    assert.equal(view.blockNumber, '12');
    assert.equal(view.revocation?.reason, 'seal broken');
  });

  it('leaves the effective time to the ledger when none is given', async () => {
    const registry = new FakeRegistry();
    await new RevocationService({ registry }).revoke('meter-1', { reason: 'recalled' }, 'operator-ptb');
    assert.deepEqual(registry.revoked, [
      { meterId: 'meter-1', reason: 'recalled', operator: 'operator-ptb' },
    ]);
  });

  it('refuses bad ids and bodies with REQUEST_INVALID before the ledger is asked', async () => {
    const registry = new FakeRegistry();
    const service = new RevocationService({ registry });
    const bad: [string, unknown][] = [
      ['bad id', { reason: 'x' }],
      ['meter-1', { reason: '' }],
      ['meter-1', { reason: 'x'.repeat(1001) }],
      ['meter-1', { reason: 'x', effectiveAt: '2025-01-01 00:00' }],
      ['meter-1', { reason: 'x', effectiveAt: '2025-01-01T00:00:00' }],
      ['meter-1', { reason: 'x', extra: true }],
      ['meter-1', undefined],
    ];
    for (const [meterId, body] of bad) {
      await assert.rejects(
        service.revoke(meterId, body, 'operator-ptb'),
        hasCode('REQUEST_INVALID'),
        JSON.stringify(body),
      );
    }
    assert.equal(registry.revoked.length, 0);
  });

  it('passes the chaincode’s refusals on with their codes', async () => {
    const registry = new FakeRegistry();
    const service = new RevocationService({ registry });
    for (const code of ['METER_UNKNOWN', 'METER_REVOKED', 'INVALID_ARGUMENT'] as const) {
      registry.failWith = new LedgerError({ code, message: code });
      await assert.rejects(service.revoke('meter-1', { reason: 'x' }, 'operator-ptb'), hasCode(code));
    }
  });
});
