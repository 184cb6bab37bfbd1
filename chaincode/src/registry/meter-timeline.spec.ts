import type { MeterRecord } from '@metrochain/contracts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyAt, normalizeTimestamp, statusAt } from './meter-timeline';

const PEM = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
const [K1, K2, K3] = ['1'.repeat(64), '2'.repeat(64), '3'.repeat(64)];
const at = (hour: number): string => `2026-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

const meter: MeterRecord = {
  meterId: 'm-1',
  model: 'EM-340',
  status: 'revoked',
  publicKeyPem: PEM,
  keyFingerprint: K3,
  keyHistory: [
    { keyFingerprint: K1, publicKeyPem: PEM, validFrom: at(1), validTo: at(4) },
    { keyFingerprint: K2, publicKeyPem: PEM, validFrom: at(4), validTo: at(6) },
    { keyFingerprint: K3, publicKeyPem: PEM, validFrom: at(6) },
  ],
  attestations: [],
  activatedAt: at(2),
  revocation: { reason: 'x', effectiveAt: at(8), by: 'PTBMSP', at: at(9), txId: 'tx' },
};

describe('meter timeline', () => {
  it('is pending before activation, active from it, revoked from the effective time on', () => {
    assert.deepEqual(
      [0, 1, 2, 7, 8, 10].map((hour) => statusAt(meter, at(hour))),
      ['pending', 'pending', 'active', 'active', 'revoked', 'revoked'],
    );
    const neverActive = { ...meter, activatedAt: undefined };
    assert.deepEqual([statusAt(neverActive, at(7)), statusAt(neverActive, at(8))], ['pending', 'revoked']);
  });

  it('picks the key valid at the time: [validFrom, validTo), the first key before any', () => {
    assert.deepEqual(
      [0, 1, 3, 4, 5, 6, 23].map((hour) => keyAt(meter, at(hour)).keyFingerprint),
      [K1, K1, K1, K2, K2, K3, K3],
    );
  });

  it('normalises timestamps with offsets to UTC milliseconds', () => {
    assert.equal(normalizeTimestamp('2026-01-01T03:00:00+02:00'), at(1));
    assert.equal(normalizeTimestamp('2026-01-01T01:00:00Z'), at(1));
  });
});
