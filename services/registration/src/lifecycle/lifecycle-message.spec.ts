import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  type MeterLifecycleV1,
  type MeterRecord,
  RegistryEvents,
  validateEvent,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { keyFingerprint } from '@metrochain/pki';
import { chaincodeEvent, txIdOf } from './lifecycle.fakes';
import { lifecycleMessagesOf } from './lifecycle-message';

const pemOf = (): string =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ format: 'pem', type: 'spki' })
    .toString();
const oldPem = pemOf();
const newPem = pemOf();
const oldFingerprint = keyFingerprint(oldPem);
const newFingerprint = keyFingerprint(newPem);
const T0 = '2025-01-01T00:00:00.000Z';
const T1 = '2025-01-02T00:00:00.000Z';
const T2 = '2025-01-03T00:00:00.000Z';

const attestation = (msp: string, at: string): MeterRecord['attestations'][number] => ({
  msp,
  keyFingerprint: oldFingerprint,
  at,
  txId: txIdOf(msp),
});
const attestedPayload = {
  meterId: 'meter-1',
  model: 'EM-340',
  status: 'pending',
  keyFingerprint: oldFingerprint,
  publicKeyPem: oldPem,
  attestation: attestation('PTBMSP', T0),
  attestedBy: ['PTBMSP'],
  requiredAttestations: 2,
};
const rotatedMeter: MeterRecord = {
  meterId: 'meter-1',
  model: 'EM-340',
  status: 'revoked',
  publicKeyPem: newPem,
  keyFingerprint: newFingerprint,
  keyHistory: [
    { keyFingerprint: oldFingerprint, publicKeyPem: oldPem, validFrom: T0, validTo: T1 },
    { keyFingerprint: newFingerprint, publicKeyPem: newPem, validFrom: T1 },
  ],
  attestations: [attestation('PTBMSP', T0), attestation('InmetroMSP', T0)],
  activatedAt: T0,
};
/** The one message of a single-change event. */
async function lifecycleMessageOf(
  event: ReturnType<typeof chaincodeEvent>,
  reader: typeof meters,
): Promise<MeterLifecycleV1 | undefined> {
  const messages = await lifecycleMessagesOf(event, reader);
  assert.ok(messages.length <= 1);
  return messages[0];
}

const meters = {
  reads: [] as string[],
  getMeter(meterId: string): Promise<MeterRecord> {
    this.reads.push(meterId);
    return Promise.resolve(rotatedMeter);
  },
};

describe('lifecycleMessageOf', () => {
  it('turns an attestation into an `attested` message with the ledger position of the event', async () => {
    const tx = txIdOf('attest');
    const message = await lifecycleMessageOf(
      chaincodeEvent(RegistryEvents.meterAttested, 12n, tx, attestedPayload),
      meters,
    );
    assert.deepEqual(message, {
      meterId: 'meter-1',
      type: 'attested',
      status: 'pending',
      publicKeyPem: oldPem,
      attestedBy: ['PTBMSP'],
      occurredAt: T0,
      txId: tx,
      blockNumber: 12,
    });
    assert.deepEqual(validateEvent('meter.lifecycle.v1', message), message);
  });

  it('turns the activating attestation into `activated` at the activation time', async () => {
    const payload = {
      ...attestedPayload,
      status: 'active',
      attestation: attestation('InmetroMSP', T1),
      attestedBy: ['PTBMSP', 'InmetroMSP'],
      activatedAt: T1,
    };
    const message = await lifecycleMessageOf(
      chaincodeEvent(RegistryEvents.meterActivated, 13n, txIdOf('activate'), payload),
      meters,
    );
    assert.ok(message);
    assert.equal(message.type, 'activated');
    assert.equal(message.status, 'active');
    assert.equal(message.occurredAt, T1);
    assert.deepEqual(message.attestedBy, ['PTBMSP', 'InmetroMSP']);
  });

  it('gives a revocation the revoked key, the reason and every attester from the ledger record', async () => {
    const tx = txIdOf('revoke');
    const payload = {
      meterId: 'meter-1',
      status: 'revoked',
      keyFingerprint: newFingerprint,
      revocation: { reason: 'seal broken', effectiveAt: T1, by: 'PTBMSP', at: T2, txId: tx },
    };
    const message = await lifecycleMessageOf(
      chaincodeEvent(RegistryEvents.meterRevoked, 20n, tx, payload),
      meters,
    );
    assert.deepEqual(message, {
      meterId: 'meter-1',
      type: 'revoked',
      status: 'revoked',
      publicKeyPem: newPem,
      attestedBy: ['PTBMSP', 'InmetroMSP'],
      reason: 'seal broken',
      occurredAt: T2,
      txId: tx,
      blockNumber: 20,
    });
  });

  it('gives a rotation the new key from the event', async () => {
    const tx = txIdOf('rotate');
    const payload = {
      meterId: 'meter-1',
      status: 'active',
      oldKeyFingerprint: oldFingerprint,
      newKeyFingerprint: newFingerprint,
      publicKeyPem: newPem,
      rotatedAt: T1,
      by: 'InmetroMSP',
      txId: tx,
    };
    const message = await lifecycleMessageOf(
      chaincodeEvent(RegistryEvents.meterKeyRotated, 15n, tx, payload),
      meters,
    );
    assert.ok(message);
    assert.equal(message.type, 'key-rotated');
    assert.equal(message.publicKeyPem, newPem);
    assert.equal(message.occurredAt, T1);
    assert.deepEqual(message.attestedBy, ['PTBMSP', 'InmetroMSP']);
  });

  it('turns a batch of attestations into one message per meter, in the event’s order, with one transaction', async () => {
    const tx = txIdOf('batch');
    const second = { ...attestedPayload, meterId: 'meter-2' };
    const third = {
      ...attestedPayload,
      meterId: 'meter-3',
      status: 'active',
      attestedBy: ['InmetroMSP', 'PTBMSP'],
      activatedAt: T1,
    };
    const payload = {
      events: [
        { name: RegistryEvents.meterAttested, payload: attestedPayload },
        { name: RegistryEvents.meterAttested, payload: second },
        { name: RegistryEvents.meterActivated, payload: third },
      ],
    };
    const messages = await lifecycleMessagesOf(
      chaincodeEvent(RegistryEvents.metersAttested, 31n, tx, payload),
      meters,
    );
    assert.deepEqual(
      messages.map((m) => [m.meterId, m.type, m.status, m.txId, m.blockNumber]),
      [
        ['meter-1', 'attested', 'pending', tx, 31],
        ['meter-2', 'attested', 'pending', tx, 31],
        ['meter-3', 'activated', 'active', tx, 31],
      ],
    );
    assert.equal(messages[2]?.occurredAt, T1);
  });

  it('ignores anchored verification batches and other contracts’ events, without reading the ledger', async () => {
    meters.reads.length = 0;
    const anchored = chaincodeEvent(RegistryEvents.batchAnchored, 3n, txIdOf('anchor'), {});
    const governance = chaincodeEvent('governance.software.approved', 4n, txIdOf('gov'), {});
    assert.deepEqual(await lifecycleMessagesOf(anchored, meters), []);
    assert.deepEqual(await lifecycleMessagesOf(governance, meters), []);
    assert.deepEqual(meters.reads, []);
  });

  it('fails with a coded error on a payload that breaks the event contract', async () => {
    const bad = chaincodeEvent(RegistryEvents.meterAttested, 3n, txIdOf('bad'), { meterId: 'meter-1' });
    await assert.rejects(lifecycleMessagesOf(bad, meters), (error: unknown) => error instanceof DomainError);
  });
});
